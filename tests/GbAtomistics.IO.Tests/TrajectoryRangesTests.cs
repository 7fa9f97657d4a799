using System.Globalization;
using System.Text;
using GbAtomistics.Core;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests;

/// <summary>
/// Byte ranges of plain text trajectories (what MPI ranks read): cut at any offsets, the ranges resynchronise on frame
/// starts and together give every frame exactly once, in order, for LAMMPS dumps and extended XYZ.
/// </summary>
public sealed class TrajectoryRangesTests
{
    private static string Dump(string dir, int frames)
    {
        var sb = new StringBuilder();
        for (int f = 0; f < frames; f++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"ITEM: TIMESTEP\n{f * 10}\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n0 5\n0 5\n0 5\nITEM: ATOMS id type x y z\n");
            for (int i = 1; i <= 3; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{i} 1 {i} {f % 5}.5 1\n");
            }
        }

        string path = Path.Combine(dir, "d.lammpstrj");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static string Xyz(string dir, int frames)
    {
        var sb = new StringBuilder();
        for (int f = 0; f < frames; f++)
        {
            // An integer-only atom line would look like a count line; the comment line after it tells them apart.
            sb.Append(CultureInfo.InvariantCulture, $"3\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3 Time={f}\n");
            for (int i = 1; i <= 3; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"Li {i} {f % 5} 1\n");
            }
        }

        string path = Path.Combine(dir, "d.extxyz");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    [Theory]
    [InlineData("lammps-dump", 2)]
    [InlineData("lammps-dump", 5)]
    [InlineData("lammps-dump", 17)]
    [InlineData("extxyz", 2)]
    [InlineData("extxyz", 7)]
    [InlineData("extxyz", 17)]
    public void RangesGiveEveryFrameOnce(string format, int ranks)
    {
        string dir = TestPaths.NewTempDir();
        AssertRangesReadLikeWhole(format == "extxyz" ? Xyz(dir, 23) : Dump(dir, 23), format, ranks);
    }

    /// <summary>A variable-cell XDATCAR (header repeated before every configuration, the cell growing).</summary>
    private static string VariableCellXdatcar(string dir, int frames)
    {
        var sb = new StringBuilder();
        for (int f = 0; f < frames; f++)
        {
            double a = 4 + (0.01 * f);
            sb.Append(CultureInfo.InvariantCulture, $"Li2O\n1.0\n{a} 0 0\n0 {a} 0\n0 0 {a}\nLi O\n2 1\nDirect configuration= {f + 1}\n");
            sb.Append(CultureInfo.InvariantCulture, $"0.25 0.25 0.{f % 9 + 1}\n0.75 0.75 0.75\n0 0 0\n");
        }

        string path = Path.Combine(dir, "XDATCAR");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>Every frame of <paramref name="path"/> read whole and read as <paramref name="ranks"/> byte ranges: the same frames.</summary>
    private static void AssertRangesReadLikeWhole(string path, string format, int ranks)
    {
        Assert.Equal(format, TrajectoryRanges.SplittableFormat(path, null));
        var whole = new List<Frame>();
        using (ITrajectoryReader reader = FormatRegistry.OpenReader(path))
        {
            var frame = new Frame();
            while (reader.Read(frame))
            {
                whole.Add(frame.Clone());
            }
        }

        long length = new FileInfo(path).Length;
        long[] starts = [.. Enumerable.Range(0, ranks).Select(r => TrajectoryRanges.FrameStart(path, length * r / ranks, format)), length];
        int index = 0;
        for (int r = 0; r < ranks; r++)
        {
            Assert.True(starts[r] <= starts[r + 1]);
            using ITrajectoryReader reader = TrajectoryRanges.OpenRange(path, starts[r], starts[r + 1], index, format);
            var frame = new Frame();
            while (reader.Read(frame))
            {
                Frame expected = whole[index++];
                Assert.Equal(expected.Step, frame.Step);
                Assert.Equal(expected.Time, frame.Time);
                Assert.Equal(expected.PotentialEnergy, frame.PotentialEnergy);
                Assert.Equal(expected.Box.H, frame.Box.H);
                Assert.Equal(expected.Species?.NameOf(1), frame.Species?.NameOf(1));
                Assert.Equal(expected.Ids.AsSpan(0, expected.Count).ToArray(), frame.Ids.AsSpan(0, frame.Count).ToArray());
                Assert.Equal(expected.Positions.AsSpan(0, expected.Count).ToArray(), frame.Positions.AsSpan(0, frame.Count).ToArray());
            }
        }

        Assert.Equal(whole.Count, index);
    }

    [SkippableTheory]
    [InlineData("vasp/xdatcar/gvasp_XDATCAR_CeO2", "vasp-xdatcar", 2)]
    [InlineData("vasp/xdatcar/gvasp_XDATCAR_CeO2", "vasp-xdatcar", 7)]
    [InlineData("vasp/xdatcar/quach_XDATCAR_Pt_water", "vasp-xdatcar", 3)]
    [InlineData("vasp/xdatcar/pyiron_XDATCAR_Fe_1frame", "vasp-xdatcar", 4)]
    [InlineData("vasp/outcar/dpdata_OUTCAR.h2o.md", "vasp-outcar", 2)]
    [InlineData("vasp/outcar/dpdata_OUTCAR.h2o.md", "vasp-outcar", 5)]
    [InlineData("vasp/outcar/dpdata_OUTCAR_Ti-O-Ti-v6", "vasp-outcar", 3)]
    public void VaspRangesReadTheFramesOfTheWholeFile(string corpus, string format, int ranks) =>
        AssertRangesReadLikeWhole(TestPaths.Corpus(corpus), format, ranks);

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(19)]
    public void VariableCellXdatcarRangesStartAtTheRepeatedHeader(int ranks) =>
        AssertRangesReadLikeWhole(VariableCellXdatcar(TestPaths.NewTempDir(), 17), "vasp-xdatcar", ranks);

    [Fact]
    public void ShippedXdatcarRangesReadTheFramesOfTheWholeFile() =>
        AssertRangesReadLikeWhole(Path.Combine(TestPaths.TestData, "li2o-bulk", "XDATCAR"), "vasp-xdatcar", 2);

    [Fact]
    public void AnErrorInALaterXdatcarRangeNamesItsLineInTheWholeFile()
    {
        string path = VariableCellXdatcar(TestPaths.NewTempDir(), 6);
        string[] lines = File.ReadAllLines(path);
        lines[(5 * 11) + 9] = "0.75 x 0.75"; // frame 6 (index 5), its second atom: line 5·11 + 10
        File.WriteAllLines(path, lines);
        long length = new FileInfo(path).Length;
        long start = TrajectoryRanges.FrameStart(path, length / 2, "vasp-xdatcar");
        int before = File.ReadAllText(path)[..(int)start].Split("configuration").Length - 1;
        Assert.True(before is > 0 and < 5);
        using ITrajectoryReader reader = TrajectoryRanges.OpenRange(path, start, length, before, "vasp-xdatcar");
        var frame = new Frame();
        var e = Assert.Throws<InputFormatException>(() =>
        {
            while (reader.Read(frame))
            {
            }
        });
        Assert.Equal((5 * 11) + 10, e.Line);
        Assert.Equal(5, e.FrameIndex);
    }

    [SkippableFact]
    public void AnErrorAfterTheSharedOutcarHeaderNamesItsLineInTheWholeFile()
    {
        string source = TestPaths.Corpus("vasp/outcar/dpdata_OUTCAR.h2o.md");
        string path = Path.Combine(TestPaths.NewTempDir(), "OUTCAR");
        string[] lines = File.ReadAllLines(source);
        int energy = Array.FindLastIndex(lines, l => l.Contains("free  energy   TOTEN", StringComparison.Ordinal));
        lines[energy] = "  free  energy   TOTEN  =       not-a-number eV";
        File.WriteAllLines(path, lines);
        long length = new FileInfo(path).Length;
        long third = File.ReadAllText(path).IndexOf("Iteration    3(   1)", StringComparison.Ordinal);
        third = File.ReadAllText(path).LastIndexOf('\n', (int)third) + 1;
        long start = TrajectoryRanges.FrameStart(path, third - 10, "vasp-outcar");
        Assert.Equal(third, start);
        using ITrajectoryReader reader = TrajectoryRanges.OpenRange(path, start, length, 2, "vasp-outcar");
        var frame = new Frame();
        var e = Assert.Throws<InputFormatException>(() =>
        {
            while (reader.Read(frame))
            {
            }
        });
        Assert.Equal(energy + 1, e.Line);
        Assert.Equal(2, e.FrameIndex);
    }

    [SkippableFact]
    public void CompressedFilesAndOldXdatcarLayoutAreNotSplit()
    {
        Assert.Null(TrajectoryRanges.SplittableFormat(Path.Combine(TestPaths.TestData, "example", "li2o-bulk-1000K", "dump.lammpstrj.gz"), null));
        Assert.Null(TrajectoryRanges.SplittableFormat(TestPaths.Corpus("vasp/xdatcar/kinisi_example_XDATCAR_Li6PS5Cl.gz"), null));
        Assert.Null(TrajectoryRanges.SplittableFormat(TestPaths.Corpus("vasp/xdatcar/mdanse_XDATCAR_version5"), null));
    }
}
