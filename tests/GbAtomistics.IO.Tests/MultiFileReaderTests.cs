using System.Globalization;
using System.Text;
using GbAtomistics.Core;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests;

/// <summary>A trajectory in several files: natural order, restart overlaps dropped once, gaps and atom changes refused.</summary>
public sealed class MultiFileReaderTests
{
    /// <summary>Writes frames with the given steps (4 atoms, ids 1…n) as a dump; returns its path.</summary>
    private static string Dump(string dir, string name, IEnumerable<long> steps, int atoms = 4)
    {
        var sb = new StringBuilder();
        foreach (long step in steps)
        {
            sb.Append(CultureInfo.InvariantCulture, $"ITEM: TIMESTEP\n{step}\nITEM: NUMBER OF ATOMS\n{atoms}\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\nITEM: ATOMS id type x y z\n");
            for (int i = 1; i <= atoms; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{i} 1 {i} {step % 7} 1\n");
            }
        }

        string path = Path.Combine(dir, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static List<long> Steps(string spec)
    {
        using ITrajectoryReader reader = FormatRegistry.OpenReader(spec);
        var frame = new Frame();
        var steps = new List<long>();
        while (reader.Read(frame))
        {
            steps.Add(frame.Step);
        }

        Assert.Equal(steps.Count, reader.FrameIndex);
        return steps;
    }

    [Fact]
    public void APatternIsReadInNaturalOrderWithRestartOverlapsDroppedOnce()
    {
        string dir = TestPaths.NewTempDir();
        Dump(dir, "dump.1.lammpstrj", [0, 100, 200]);
        Dump(dir, "dump.2.lammpstrj", [200, 300]);       // restarted from step 200: written again
        Dump(dir, "dump.10.lammpstrj", [200, 300, 400]); // restarted again from the same restart file
        Assert.Equal([0, 100, 200, 300, 400], Steps(Path.Combine(dir, "dump.*.lammpstrj")));
        Assert.Equal(
            ["dump.1.lammpstrj", "dump.2.lammpstrj", "dump.10.lammpstrj"],
            TrajectoryFiles.Expand(Path.Combine(dir, "dump.*.lammpstrj")).Select(Path.GetFileName));
    }

    [Fact]
    public void AListIsReadInTheOrderGivenAndSkippingCountsTheSameFrames()
    {
        string dir = TestPaths.NewTempDir();
        string a = Dump(dir, "b.lammpstrj", [0, 50]), b = Dump(dir, "a.lammpstrj", [50, 100, 150]);
        string spec = a + Path.PathSeparator + b;
        Assert.Equal([0, 50, 100, 150], Steps(spec));
        using ITrajectoryReader reader = FormatRegistry.OpenReader(spec);
        int skipped = 0;
        while (reader.Skip())
        {
            skipped++;
        }

        Assert.Equal(4, skipped);
    }

    [Fact]
    public void AGapBetweenFilesIsALocatedError()
    {
        string dir = TestPaths.NewTempDir();
        Dump(dir, "part1.lammpstrj", [0, 100, 200]);
        Dump(dir, "part2.lammpstrj", [400, 500]);
        var e = Assert.Throws<InputFormatException>(() => Steps(Path.Combine(dir, "part*.lammpstrj")));
        Assert.Contains("part2.lammpstrj", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected step 300", e.Message, StringComparison.Ordinal);
        Assert.Contains("found step 400", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADifferentAtomSetIsALocatedError()
    {
        string dir = TestPaths.NewTempDir();
        Dump(dir, "part1.lammpstrj", [0, 100]);
        Dump(dir, "part2.lammpstrj", [200, 300], atoms: 5);
        var e = Assert.Throws<InputFormatException>(() => Steps(Path.Combine(dir, "part*.lammpstrj")));
        Assert.Contains("part2.lammpstrj", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected the 4 atoms of the earlier files, found 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APatternWithoutMatchesOrAMissingListedFileIsRefused()
    {
        string dir = TestPaths.NewTempDir();
        Assert.Contains("no file matches", Assert.Throws<InputException>(() => Steps(Path.Combine(dir, "none.*.lammpstrj"))).Message, StringComparison.Ordinal);
        string a = Dump(dir, "a.lammpstrj", [0]);
        string spec = a + Path.PathSeparator + Path.Combine(dir, "missing.lammpstrj");
        Assert.Contains("missing.lammpstrj: no such file", Assert.Throws<InputException>(() => Steps(spec)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharesByFileDropTheSameOverlapsAndReadTheSameFrames()
    {
        string dir = TestPaths.NewTempDir();
        string[] files =
        [
            Dump(dir, "dump.1.lammpstrj", [0, 100, 200]),
            Dump(dir, "dump.2.lammpstrj", [200, 300]),
            Dump(dir, "dump.3.lammpstrj", [200, 300, 400, 500]),
        ];
        string spec = Path.Combine(dir, "dump.*.lammpstrj");
        Assert.True(FileShares.CanShare(spec, null));
        long[][] steps = [.. files.Select(f => FileShares.Steps(f, null))];
        int[] drops = FileShares.LeadingDrops(spec, files, steps);
        Assert.Equal([0, 1, 2], drops);

        // Two shares (files 0–1 and 2) read the frames of the whole trajectory, in order.
        var read = new List<long>();
        var frame = new Frame();
        foreach (var (from, to) in new[] { (0, 2), (2, 3) })
        {
            using ITrajectoryReader share = FileShares.Open(spec, files, from, to, drops, [1, 2, 3, 4], null, null);
            while (share.Read(frame))
            {
                read.Add(frame.Step);
            }
        }

        Assert.Equal(Steps(spec), read);
    }

    [Fact]
    public void SharesByFileRefuseAGapWithTheFileAndFrame()
    {
        string dir = TestPaths.NewTempDir();
        string[] files = [Dump(dir, "a.lammpstrj", [0, 100, 200]), Dump(dir, "b.lammpstrj", [400, 500])];
        var e = Assert.Throws<InputFormatException>(() => FileShares.LeadingDrops("a:b", files, [.. files.Select(f => FileShares.Steps(f, null))]));
        Assert.Contains("b.lammpstrj", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected step 300", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, e.FrameIndex);
    }
}
