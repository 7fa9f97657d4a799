using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests.Transport;

public sealed class OrderedFrameReaderTests
{
    private static string Dump => Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj");

    [Theory]
    [InlineData(1, 0, null, 1)]
    [InlineData(2, 0, null, 1)]
    [InlineData(3, 2, 17, 3)]
    [InlineData(4, 1, null, 2)]
    public void FramesArriveInOrderWithTheSelection(int readers, int first, int? last, int every)
    {
        var input = new TrajectoryInput(Dump, new ReadOptions(), null, new FrameSelection(first, last, every));
        var steps = new List<long>();
        var firstPositions = new List<Vec3>();
        int used = OrderedFrameReader.Run(input, readers, f =>
        {
            steps.Add(f.Step);
            firstPositions.Add(f.Positions[0]);
        });
        var expected = Enumerable.Range(0, 21).Where(i => input.Frames.Includes(i)).Select(i => (long)(100 * i)).ToList();
        Assert.Equal(expected, steps);
        Assert.Equal(expected.Count, used);

        var serial = new List<Vec3>();
        using ITrajectoryReader reader = FormatRegistry.OpenReader(Dump);
        var frame = new Frame();
        while (reader.Read(frame))
        {
            if (input.Frames.Includes(reader.FrameIndex - 1))
            {
                serial.Add(frame.Positions[0]);
            }
        }

        Assert.Equal(serial, firstPositions);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void LargeFramesParsedOnAllCoresArriveInOrderFromOneReader(int readers)
    {
        // 20 000 atoms a frame: the dump reader parses each frame on all cores, so one reader serves them all.
        string path = Path.Combine(TestPaths.NewTempDir(), "large.lammpstrj");
        var random = new Random(5);
        using (var writer = new StreamWriter(path))
        {
            for (int f = 0; f < 7; f++)
            {
                writer.Write($"ITEM: TIMESTEP\n{10 * f}\nITEM: NUMBER OF ATOMS\n20000\nITEM: BOX BOUNDS pp pp pp\n0 40\n0 40\n0 40\nITEM: ATOMS id type x y z\n");
                for (int i = 1; i <= 20000; i++)
                {
                    writer.Write(FormattableString.Invariant($"{i} 1 {40 * random.NextDouble():F4} {40 * random.NextDouble():F4} {40 * random.NextDouble():F4}\n"));
                }
            }
        }

        var input = new TrajectoryInput(path, new ReadOptions(), null, new FrameSelection(1, null, 2));
        var steps = new List<long>();
        var sums = new List<double>();
        int used = OrderedFrameReader.Run(input, readers, f =>
        {
            steps.Add(f.Step);
            sums.Add(f.Positions.Take(f.Count).Sum(p => p.X + (2 * p.Y) + (3 * p.Z)));
        });

        Assert.Equal([10L, 30, 50], steps);
        Assert.Equal(3, used);
        var serial = new List<double>();
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path);
        var frame = new Frame();
        while (reader.Read(frame))
        {
            if (input.Frames.Includes(reader.FrameIndex - 1))
            {
                serial.Add(frame.Positions.Take(frame.Count).Sum(p => p.X + (2 * p.Y) + (3 * p.Z)));
            }
        }

        Assert.Equal(serial, sums);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ATruncatedFileIsAnErrorAfterItsWholeFrames(int readers)
    {
        string cut = Path.Combine(TestPaths.NewTempDir(), "cut.lammpstrj");
        string[] lines = File.ReadAllLines(Dump);
        File.WriteAllLines(cut, lines[..((5 * 333) + 9 + 100)]);
        var input = new TrajectoryInput(cut, new ReadOptions());
        int seen = 0;
        Assert.Throws<InputFormatException>(() => OrderedFrameReader.Run(input, readers, _ => seen++));
        Assert.Equal(5, seen);
    }

    [Fact]
    public void MsdIsTheSameWithOneOrSeveralThreads()
    {
        string[] dirs = [TestPaths.NewTempDir(), TestPaths.NewTempDir(), TestPaths.NewTempDir()];
        string[] threads = ["1", "2", "3"];
        for (int i = 0; i < 3; i++)
        {
            var (code, _, stderr) = Gbat.Run("msd", Dump, "--type-map", "1=Li,2=O", "--timestep", "1fs", "--first-frame", "1", "--every", "2",
                "--planes", "0.3,0.8", "--output", dirs[i], "--quiet", "--threads", threads[i]);
            Assert.True(code == 0, stderr);
        }

        string[][] tables = dirs.Select(d => File.ReadAllLines(Path.Combine(d, "msd.csv"))).ToArray();
        Assert.Equal(11, tables[0].Length); // header + 10 frames (1, 3, …, 19)
        for (int t = 1; t < 3; t++)
        {
            for (int row = 1; row < tables[0].Length; row++)
            {
                double[] a = tables[0][row].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                double[] b = tables[t][row].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                for (int c = 0; c < a.Length; c++)
                {
                    Assert.Equal(a[c], b[c], 1e-10 * (1 + Math.Abs(a[c])));
                }
            }
        }
    }
}
