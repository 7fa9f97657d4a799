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
