using System.Text;
using GbAtomistics.Core;
using GbAtomistics.IO.Vasp;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Vasp;

public sealed class XdatcarReaderTests
{
    public static TheoryData<string, int, int, string, double[], double[], double[], double[], long, long> Files => new()
    {
        // Species line "Ce O C O": the two O entries are types 2 and 4, both named O.
        { "gvasp_XDATCAR_CeO2", 75, 38, "Ce:12,O:25,C:1", [7.707464, 0, 0, -3.853732, 6.67486, 0, 0, 0, 28.319031], [0.166667, 0.333333, 0.388889], [4e-06, 2.224951, 11.01296], [0.166681, 0.333361, 0.387679], 1, 75 },
        { "kinisi_example_XDATCAR_Li6PS5Cl.gz", 140, 416, "Li:192,Cl:32,S:160,P:32", [20.312311, 0.00019, -0.000113, 0.00019, 20.312339, -3.3e-05, -0.000113, -3.3e-05, 20.312424], [0.011277, 0.143626, 0.341557], [0.229052, 2.917375, 6.937838], [0.085337, 0.324163, 0.215239], 1, 140 },
        // Frames separated by blank lines: 57 frames (ASE 3.22 reads 1); last-frame value from the file itself.
        { "mdanse_XDATCAR_version5", 57, 210, "O:138,Mo:20,Bi:52", [11.443813, 0, -2.629392, 0, 23.199999, 0, 0, 0, 12.384999], [0.973943, 0.182503, 0.474132], [11.14562, 4.234061, 3.311252], [0.99123232, 0.16732564, 0.51679112], 1, 57 },
        { "pyiron_XDATCAR_Fe_1frame", 1, 2, "Fe:2", [2.8, 0, 0, 0, 2.8, 0, 0, 0, 2.8], [0, 0, 0], [0, 0, 0], [0, 0, 0], 1, 1 },
        { "quach_XDATCAR_Pt_water", 100, 166, "C:16,Cl:16,H:54,O:16,Pt:64", [9.61158, -5.54925, 0, 0, 11.0985, 0, 0, 0, 18.865], [0.306085, 0.444139, 0.474802], [2.941962, 3.230729, 8.957143], [0.289351, 0.442225, 0.474169], 50, 5000 },
    };

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void MatchesManifest(string file, int frames, int atoms, string counts, double[] cell, double[] frac0, double[] cart0, double[] fracLast, long firstStep, long lastStep)
    {
        string path = TestPaths.Corpus("vasp/xdatcar/" + file);
        using var reader = new XdatcarReader(path);
        Assert.Equal("vasp-xdatcar", reader.FormatName);
        var frame = new Frame();
        var first = new Frame();
        int n = 0;
        while (reader.Read(frame))
        {
            if (n == 0)
            {
                first = frame.Clone();
            }

            Assert.Equal(atoms, frame.Count);
            Assert.Null(frame.Time); // no POTIM beside the corpus files
            n++;
        }

        Assert.Equal(frames, n);
        Assert.Equal(frames, reader.FrameIndex);
        Assert.Equal(counts, PoscarCorpusTests.CountsBySpecies(first));
        Vec3[] rows = [first.Box.A, first.Box.B, first.Box.C];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(cell[3 * r + c], rows[r][c], 1e-5);
            }
        }

        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(frac0[k], first.Box.ToFractional(first.Positions[0])[k], 1e-5);
            Assert.Equal(cart0[k], first.Positions[0][k], 1e-5);
            Assert.Equal(fracLast[k], frame.Box.ToFractional(frame.Positions[0])[k], 1e-5);
        }

        Assert.Equal(firstStep, first.Step);
        Assert.Equal(lastStep, frame.Step);
    }

    [SkippableTheory]
    [InlineData("gvasp_XDATCAR_CeO2")]
    [InlineData("mdanse_XDATCAR_version5")]
    [InlineData("quach_XDATCAR_Pt_water")]
    public void SkipThenReadGivesTheSameFrameAsReadingAll(string file)
    {
        string path = TestPaths.Corpus("vasp/xdatcar/" + file);
        var all = new List<Frame>();
        using (var reader = new XdatcarReader(path))
        {
            var f = new Frame();
            while (reader.Read(f))
            {
                all.Add(f.Clone());
            }
        }

        using var skipper = new XdatcarReader(path);
        var frame = new Frame();
        for (int i = 0; i < all.Count; i++)
        {
            if (i % 3 != 2)
            {
                Assert.True(skipper.Skip());
                continue;
            }

            Assert.True(skipper.Read(frame));
            Assert.Equal(all[i].Step, frame.Step);
            Assert.Equal(all[i].Positions, frame.Positions);
        }

        Assert.False(skipper.Skip());
        Assert.False(skipper.Read(frame));
    }

    [SkippableFact]
    public void TimeComesFromIncarOrOutcarBesideTheFileOrFromOptions()
    {
        string source = TestPaths.Corpus("vasp/xdatcar/quach_XDATCAR_Pt_water");
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, "XDATCAR");
        File.Copy(source, path);

        File.WriteAllText(Path.Combine(dir, "OUTCAR"), " vasp.6.3.0\n   NSW    =   5000    number of steps for IOM\n   POTIM  =    0.50    time-step for ionic-motion\n");
        Assert.Equal(50 * 0.5e-3, FirstTime(path)!.Value, 1e-15);

        File.WriteAllText(Path.Combine(dir, "INCAR"), "SYSTEM = Pt water\nIBRION = 0 ; POTIM = 1.5 ! fs\nNSW = 5000\n");
        Assert.Equal(50 * 1.5e-3, FirstTime(path)!.Value, 1e-15);

        Assert.Equal(50 * 2e-3, FirstTime(path, new ReadOptions { TimestepPs = 0.002 })!.Value, 1e-15);
    }

    private static double? FirstTime(string path, ReadOptions? options = null)
    {
        using var reader = new XdatcarReader(path, options);
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        return frame.Time;
    }

    private static List<Frame> ReadText(string text, ReadOptions? options = null)
    {
        using var reader = new XdatcarReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "XDATCAR", options);
        var frames = new List<Frame>();
        var f = new Frame();
        while (reader.Read(f))
        {
            frames.Add(f.Clone());
        }

        return frames;
    }

    private const string Header = "Li2O\n   1\n 4 0 0\n 0 4 0\n 0 0 4\n Li O\n 2 1\n";

    [Fact]
    public void VariableCellHeadersAreDetectedPerFrame()
    {
        string text = Header + "Direct configuration=     1\n 0 0 0\n 0.5 0.5 0.5\n 0.25 0.25 0.25\n"
            + "Li2O\n   1\n 5 0 0\n 0 4 0\n 0 0 4\n Li O\n 2 1\nDirect configuration=     2\n 0 0 0\n 0.5 0.5 0.5\n 0.25 0.25 0.25\n"
            + "Li2O\n   2\n 5 0 0\n 0 4 0\n 0 0 4\n Li O\n 2 1\nDirect configuration=     3\n 0 0 0\n 0.5 0.5 0.5\n 0.25 0.25 0.25\n";
        List<Frame> frames = ReadText(text, new ReadOptions { TimestepPs = 0.001 });
        Assert.Equal(3, frames.Count);
        Assert.Equal(4.0, frames[0].Box.A.X);
        Assert.Equal(5.0, frames[1].Box.A.X);
        Assert.Equal(10.0, frames[2].Box.A.X);
        Assert.Equal(5.0, frames[2].Positions[1].X, 1e-12);
        Assert.Equal([1L, 2L, 3L], frames.Select(f => f.Step));
        Assert.Equal(0.003, frames[2].Time!.Value, 1e-15);
    }

    [Fact]
    public void Vasp4HeaderTakesSpeciesFromTheTitleOrTheTypeMap()
    {
        string text = "Li O\n 1\n 4 0 0\n 0 4 0\n 0 0 4\n 2 1\nDirect configuration=  1\n 0 0 0\n 0.5 0.5 0.5\n 0.25 0.25 0.25\n";
        Assert.Equal("Li:2,O:1", PoscarCorpusTests.CountsBySpecies(ReadText(text)[0]));
        var options = new ReadOptions { TypeMap = SpeciesMap.Parse("Na,S") };
        Assert.Equal("Na:2,S:1", PoscarCorpusTests.CountsBySpecies(ReadText(text, options)[0]));
        var e = Assert.Throws<InputFormatException>(() => ReadText(text.Replace("Li O\n", "run 7\n", StringComparison.Ordinal)));
        Assert.Equal(6, e.Line);
    }

    public static TheoryData<string, string, long, int?> Malformed => new()
    {
        { "truncated last configuration", Header + "Direct configuration= 1\n0 0 0\n0.5 0.5 0.5\n0.2 0.2 0.2\nDirect configuration= 2\n0 0 0\n", 14, 1 },
        { "header without configuration", Header, 8, 0 },
        { "bad configuration number", Header + "Direct configuration= x\n0 0 0\n0.5 0.5 0.5\n0.2 0.2 0.2\n", 8, null },
        { "unexpected line after header", Header + "Selective dynamics\n0 0 0\n0.5 0.5 0.5\n0.2 0.2 0.2\n", 8, null },
        { "non-numeric coordinate", Header + "Direct configuration= 1\n0 0 0\n0.5 a 0.5\n0.2 0.2 0.2\n", 10, null },
        { "counts mismatch", "Li2O\n1\n4 0 0\n0 4 0\n0 0 4\nLi O\n2\nDirect configuration= 1\n0 0 0\n0 0 0\n", 7, null },
        { "repeated header truncated", Header + "Direct configuration= 1\n0 0 0\n0.5 0.5 0.5\n0.2 0.2 0.2\nLi2O\n1\n4 0 0\n", 15, 1 },
        { "zero-volume lattice in repeated header", Header + "Direct configuration= 1\n0 0 0\n0.5 0.5 0.5\n0.2 0.2 0.2\nLi2O\n1\n4 0 0\n0 4 0\n0 0 0\nLi O\n2 1\n", 16, null },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedInputThrowsWithLine(string name, string text, long line, int? completeFrames)
    {
        var e = Assert.Throws<InputFormatException>(() => ReadText(text));
        Assert.True(line == e.Line, $"{name}: expected line {line}, got {e.Line}: {e.Message}");
        Assert.Equal(completeFrames, e.CompleteFrames);
        Assert.Contains("expected", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipReportsATruncatedConfiguration()
    {
        string text = Header + "Direct configuration= 1\n0 0 0\n0.5 0.5 0.5\n0.2 0.2 0.2\nDirect configuration= 2\n0 0 0\n";
        using var reader = new XdatcarReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "XDATCAR");
        Assert.True(reader.Skip());
        var e = Assert.Throws<InputFormatException>(() => reader.Skip());
        Assert.Equal(1, e.CompleteFrames);
        Assert.Equal(14, e.Line);
    }

    [Fact]
    public void EmptyFileHasNoFrames() => Assert.Empty(ReadText(""));
}
