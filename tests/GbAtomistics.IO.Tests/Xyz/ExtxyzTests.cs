using System.Text;
using GbAtomistics.Core;
using GbAtomistics.IO.Xyz;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Xyz;

public sealed class ExtxyzTests
{
    private static Frame Sample(int seed, bool everything)
    {
        var rng = new Random(seed);
        var frame = new Frame();
        frame.Resize(6);
        frame.Box = Box.FromVectors(new Vec3(6.1, 0, 0), new Vec3(-1.3, 5.7, 0), new Vec3(0.7, -0.9, 7.2), new Vec3(-3, 1.5, 0.25),
            new PeriodicFlags(true, true, false));
        frame.Species = SpeciesMap.Parse("1=Li,2=O,3=Cl");
        frame.Step = 1000 * seed;
        frame.Time = 0.002 * seed;
        frame.PotentialEnergy = -123.456789012345 * seed;
        for (int i = 0; i < 6; i++)
        {
            frame.Ids[i] = 10 + 3 * i;
            frame.Types[i] = 1 + (i % 3);
            frame.Positions[i] = frame.Box.ToCartesian(new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble()));
        }

        if (everything)
        {
            Vec3[] v = frame.EnsureVelocities();
            Vec3[] f = frame.EnsureForces();
            double[] q = frame.EnsureCharges();
            frame.SetExtraNames(["c_cn[1]", "c_pe"]);
            for (int i = 0; i < 6; i++)
            {
                v[i] = new Vec3(rng.NextDouble(), -rng.NextDouble(), 1e-7 * rng.NextDouble());
                f[i] = new Vec3(rng.NextDouble(), rng.NextDouble(), -rng.NextDouble());
                q[i] = i % 3 == 0 ? 1 : -0.5;
                frame.Extra(0)[i] = i;
                frame.Extra(1)[i] = -3.2 * rng.NextDouble();
            }
        }

        return frame;
    }

    private static string Write(params Frame[] frames)
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "traj.extxyz");
        using var writer = new ExtxyzWriter(path);
        foreach (Frame f in frames)
        {
            writer.Write(f);
        }

        writer.Complete();
        return path;
    }

    [Fact]
    public void RoundTripKeepsEverything()
    {
        Frame[] frames = [Sample(1, true), Sample(2, true), Sample(3, false)];
        string path = Write(frames);
        using var reader = new ExtxyzReader(path);
        Assert.Equal("extxyz", reader.FormatName);
        var back = new Frame();
        for (int n = 0; n < frames.Length; n++)
        {
            Frame f = frames[n];
            Assert.True(reader.Read(back));
            Assert.Equal(f.Box.H, back.Box.H);
            Assert.Equal(f.Box.Origin, back.Box.Origin);
            Assert.Equal(f.Box.Periodic, back.Box.Periodic);
            Assert.Equal(f.Step, back.Step);
            Assert.Equal(f.Time, back.Time);
            Assert.Equal(f.PotentialEnergy, back.PotentialEnergy);
            Assert.Equal(f.Ids, back.Ids);
            Assert.Equal(f.Types, back.Types);
            Assert.Equal(f.Positions, back.Positions);
            Assert.Equal("Cl", back.Species!.NameOf(3));
            if (n < 2)
            {
                Assert.Equal(f.Velocities, back.Velocities);
                Assert.Equal(f.Forces, back.Forces);
                Assert.Equal(f.Charges, back.Charges);
                Assert.Equal(["c_cn_1", "c_pe"], back.ExtraNames);
                Assert.Equal(f.Extra(0), back.Extra(0));
                Assert.Equal(f.Extra(1), back.Extra(1));
            }
            else
            {
                Assert.Null(back.Velocities);
                Assert.Null(back.Forces);
                Assert.Empty(back.ExtraNames);
            }
        }

        Assert.False(reader.Read(back));
        Assert.Equal(3, reader.FrameIndex);
    }

    [Fact]
    public void CommentLineFollowsTheExtxyzConventions()
    {
        string path = Write(Sample(1, true));
        string[] lines = File.ReadAllLines(path);
        Assert.Equal("6", lines[0]);
        Assert.StartsWith("Lattice=\"6.1 0 0 -1.3 5.7 0 0.7 -0.9 7.2\" Origin=\"-3 1.5 0.25\" ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" Properties=species:S:1:pos:R:3:id:I:1:type:I:1:vel:R:3:forces:R:3:charge:R:1:c_cn_1:R:1:c_pe:R:1 ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" pbc=\"T T F\" Time=0.002 Step=1000 energy=", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Li ", lines[2], StringComparison.Ordinal);
        Assert.Equal(1 + 3 + 1 + 1 + 3 + 3 + 1 + 2, lines[2].Split(' ').Length);
    }

    [Theory]
    [InlineData("c_cn[1]", "c_cn_1")]
    [InlineData("f_ave[2][3]", "f_ave_2__3")]
    [InlineData("v_my-var", "v_my_var")]
    [InlineData("1st", "_1st")]
    public void SanitizesExtraNames(string name, string expected) => Assert.Equal(expected, ExtxyzWriter.SanitizeName(name));

    private static List<Frame> ReadText(string text, ReadOptions? options = null)
    {
        using var reader = new ExtxyzReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "mem.xyz", options);
        var frames = new List<Frame>();
        var f = new Frame();
        while (reader.Read(f))
        {
            frames.Add(f.Clone());
        }

        return frames;
    }

    [Fact]
    public void ReadsAseStyleFilesWithSpeciesInOrderOfAppearance()
    {
        const string text =
            "3\nLattice=\"5.0 0.0 0.0 0.0 5.0 0.0 0.0 0.0 5.0\" Properties=species:S:1:pos:R:3:forces:R:3:tags:I:1:fixed:L:1 energy=-10.5 pbc=\"T T T\" config_type=bulk\n" +
            "O 0.0 0.0 0.0 0.1 0.2 0.3 7 T\nLi 1.0 1.0 1.0 0 0 0 8 F\nO 2.0 2.0 2.0 0 0 0 9 F\n" +
            "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\n" +
            "Li 0 0 0\nCl 1 1 1\n\n";
        List<Frame> frames = ReadText(text);
        Assert.Equal(2, frames.Count);
        Assert.Equal([1, 2, 1], frames[0].Types);
        Assert.Equal([2, 3], frames[1].Types);
        Assert.Equal("Cl", frames[1].Species!.NameOf(3));
        Assert.Equal(new Vec3(0.1, 0.2, 0.3), frames[0].Forces![0]);
        Assert.Equal([7.0, 8, 9], frames[0].Extra("tags")!);
        Assert.Equal([1.0, 0, 0], frames[0].Extra("fixed")!);
        Assert.Equal(-10.5, frames[0].PotentialEnergy);
        Assert.Equal([1L, 2, 3], frames[0].Ids);
        Assert.Equal(0, frames[0].Step);
        Assert.Equal(1, frames[1].Step);

        List<Frame> mapped = ReadText(text, new ReadOptions { TypeMap = SpeciesMap.Parse("1=Li,2=O,3=Cl") });
        Assert.Equal([2, 1, 2], mapped[0].Types);
    }

    [Fact]
    public void PlainXyzGetsANonPeriodicBoundingBox()
    {
        List<Frame> frames = ReadText("2\nwater-ish \"molecule = 1\nO 0 0 0\nH 0.9 0.3 -0.2\n");
        Box box = frames[0].Box;
        Assert.Equal(PeriodicFlags.None, box.Periodic);
        Assert.Equal(new Vec3(-1, -1, -1.2), box.Origin);
        Assert.Equal(2.9, box.A.X, 1e-12);
    }

    [Fact]
    public void SkipCountsLines()
    {
        string path = Write(Sample(1, true), Sample(2, false), Sample(3, true));
        using var reader = new ExtxyzReader(path);
        Assert.True(reader.Skip());
        Assert.True(reader.Skip());
        var f = new Frame();
        Assert.True(reader.Read(f));
        Assert.Equal(3000, f.Step);
        Assert.False(reader.Skip());
    }

    public static TheoryData<string, string, long, int?> Malformed => new()
    {
        { "bad count", "two\nx\n", 1, null },
        { "count with extra token", "2 3\nx\n", 1, null },
        { "unterminated quote", "1\nLattice=\"1 0 0 0 1 0 0 0 1 Properties=species:S:1:pos:R:3\nH 0 0 0\n", 2, null },
        { "bad properties", "1\nProperties=species:S:1:pos:R\nH 0 0 0\n", 2, null },
        { "no pos column", "1\nProperties=species:S:1\nH\n", 2, null },
        { "short lattice", "1\nLattice=\"1 0 0 0 1 0\"\nH 0 0 0\n", 2, null },
        { "zero-volume lattice", "1\nLattice=\"1 0 0 0 1 0 1 1 0\"\nH 0 0 0\n", 2, null },
        { "bad pbc", "1\nLattice=\"1 0 0 0 1 0 0 0 1\" pbc=\"T X T\"\nH 0 0 0\n", 2, null },
        { "non-numeric position", "2\n\nH 0 0 0\nH 0 y 0\n", 4, null },
        { "NaN position", "2\n\nH 0 0 0\nH 0 nan 0\n", 4, null },
        { "missing column", "2\n\nH 0 0 0\nH 0 0\n", 4, null },
        { "duplicate id", "2\nProperties=species:S:1:pos:R:3:id:I:1\nH 0 0 0 5\nH 1 1 1 5\n", 2, null },
        { "truncated second frame", "1\n\nH 0 0 0\n2\n\nH 0 0 0\n", 7, 1 },
        { "missing comment line", "1\n\nH 0 0 0\n1\n", 5, 1 },
        { "species not in type map", "1\n\nXe 0 0 0\n", 3, null },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedInputThrowsWithLine(string name, string text, long line, int? completeFrames)
    {
        var options = name == "species not in type map" ? new ReadOptions { TypeMap = SpeciesMap.Parse("1=H") } : null;
        var e = Assert.Throws<InputFormatException>(() => ReadText(text, options));
        Assert.True(line == e.Line, $"{name}: expected line {line}, got {e.Line}: {e.Message}");
        Assert.Equal(completeFrames, e.CompleteFrames);
        Assert.Contains("expected", e.Detail, StringComparison.Ordinal);
    }
}
