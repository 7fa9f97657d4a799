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
        string path = format == "extxyz" ? Xyz(dir, 23) : Dump(dir, 23);
        Assert.Equal(format, TrajectoryRanges.SplittableFormat(path, null));
        long length = new FileInfo(path).Length;
        var starts = Enumerable.Range(0, ranks).Select(r => TrajectoryRanges.FrameStart(path, length * r / ranks, format)).Append(length).ToArray();
        var frames = new List<(double X, double Y)>();
        int index = 0;
        for (int r = 0; r < ranks; r++)
        {
            Assert.True(starts[r] <= starts[r + 1]);
            using ITrajectoryReader reader = TrajectoryRanges.OpenRange(path, starts[r], starts[r + 1], index, format);
            var frame = new Frame();
            while (reader.Read(frame))
            {
                frames.Add((frame.Positions[0].X, frame.Positions[0].Y));
                index++;
            }
        }

        Assert.Equal(23, frames.Count);
        for (int f = 0; f < 23; f++)
        {
            Assert.Equal(f % 5 + (format == "extxyz" ? 0 : 0.5), frames[f].Y, 1e-12);
        }
    }

    [Fact]
    public void CompressedAndVaspFilesAreNotSplit()
    {
        Assert.Null(TrajectoryRanges.SplittableFormat(Path.Combine(TestPaths.TestData, "example", "li2o-bulk-1000K", "dump.lammpstrj.gz"), null));
        Assert.Null(TrajectoryRanges.SplittableFormat(Path.Combine(TestPaths.TestData, "li2o-bulk", "XDATCAR"), null));
    }
}
