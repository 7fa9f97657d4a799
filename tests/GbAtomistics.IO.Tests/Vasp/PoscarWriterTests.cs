using GbAtomistics.Core;
using GbAtomistics.IO.Vasp;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Vasp;

public sealed class PoscarWriterTests
{
    /// <summary>A triclinic cell with an origin, types out of order, velocities and selective dynamics.</summary>
    internal static Frame Sample(bool velocities, bool selective)
    {
        var frame = new Frame();
        frame.Resize(5);
        frame.Box = Box.FromVectors(new Vec3(5.1, 0, 0), new Vec3(1.3, 4.7, 0), new Vec3(-0.7, 0.9, 6.2), new Vec3(1, -2, 0.5));
        frame.Species = SpeciesMap.Parse("1=Li,2=O,3=Cl");
        int[] types = [2, 1, 3, 1, 2];
        var rng = new Random(7);
        for (int i = 0; i < 5; i++)
        {
            frame.Ids[i] = i + 1;
            frame.Types[i] = types[i];
            frame.Positions[i] = frame.Box.ToCartesian(new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble()));
        }

        if (velocities)
        {
            Vec3[] v = frame.EnsureVelocities();
            for (int i = 0; i < 5; i++)
            {
                v[i] = new Vec3(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, 1e-4 * rng.NextDouble()) * 10;
            }
        }

        if (selective)
        {
            frame.SetExtraNames(["sd_x", "sd_y", "sd_z"]);
            for (int i = 0; i < 5; i++)
            {
                frame.Extra(0)[i] = i % 2;
                frame.Extra(1)[i] = 1;
                frame.Extra(2)[i] = 0;
            }
        }

        return frame;
    }

    private static Frame RoundTrip(Frame frame, WriteOptions? options = null)
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "POSCAR");
        using (var writer = new PoscarWriter(path, options))
        {
            writer.Write(frame);
            writer.Complete();
        }

        using var reader = new PoscarReader(path);
        var back = new Frame();
        Assert.True(reader.Read(back));
        return back;
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, true)]
    [InlineData(true, true, true)]
    public void RoundTripKeepsCellPositionsFlagsAndVelocities(bool cartesian, bool velocities, bool selective)
    {
        Frame frame = Sample(velocities, selective);
        Frame back = RoundTrip(frame, new WriteOptions { Cartesian = cartesian });
        Assert.Equal(5, back.Count);

        // POSCAR has no origin: cell vectors are kept, positions move by −origin; atoms are grouped by type.
        Assert.Equal(frame.Box.A, back.Box.A);
        Assert.Equal(frame.Box.B, back.Box.B);
        Assert.Equal(frame.Box.C, back.Box.C);
        int[] order = [1, 3, 0, 4, 2]; // Li, Li, O, O, Cl
        Assert.Equal([1, 1, 2, 2, 3], back.Types);
        Assert.Equal("Cl", back.Species!.NameOf(3));
        for (int k = 0; k < 5; k++)
        {
            int i = order[k];
            Vec3 expected = frame.Positions[i] - frame.Box.Origin;
            Assert.Equal(expected.X, back.Positions[k].X, 1e-13);
            Assert.Equal(expected.Y, back.Positions[k].Y, 1e-13);
            Assert.Equal(expected.Z, back.Positions[k].Z, 1e-13);
            if (velocities)
            {
                Vec3 d = back.Velocities![k] - frame.Velocities![i];
                Assert.True(d.Length <= 1e-14 * (1 + frame.Velocities[i].Length), $"velocity of atom {i}: {d}");
            }

            if (selective)
            {
                Assert.Equal(frame.Extra("sd_x")![i], back.Extra("sd_x")![k]);
                Assert.Equal(1.0, back.Extra("sd_y")![k]);
                Assert.Equal(0.0, back.Extra("sd_z")![k]);
            }
        }

        Assert.Equal(velocities, back.Velocities is not null);
        Assert.Equal(selective, back.Extra("sd_x") is not null);
    }

    [SkippableFact]
    public void RewritesACorpusContcarExactly()
    {
        var frame = new Frame();
        using (var reader = new PoscarReader(TestPaths.Corpus("vasp/poscar/pyiron_POSCAR_velocity")))
        {
            reader.Read(frame);
        }

        Frame back = RoundTrip(frame);
        Assert.Equal(PoscarCorpusTests.CountsBySpecies(frame), PoscarCorpusTests.CountsBySpecies(back));
        for (int i = 0; i < frame.Count; i++)
        {
            Assert.True((frame.Positions[i] - back.Positions[i]).Length < 1e-12);
            Assert.True((frame.Velocities![i] - back.Velocities![i]).Length < 1e-12);
            Assert.Equal(frame.Extra("sd_x")![i], back.Extra("sd_x")![i]);
        }
    }

    [Fact]
    public void TypeMapNamesTypesAndMissingNamesAreRefused()
    {
        Frame frame = Sample(false, false);
        frame.Species = null;
        Frame back = RoundTrip(frame, new WriteOptions { TypeMap = SpeciesMap.Parse("1=Na,2=S,3=Br") });
        Assert.Equal("Na:2,S:2,Br:1", PoscarCorpusTests.CountsBySpecies(back));

        string path = Path.Combine(TestPaths.NewTempDir(), "POSCAR");
        using var writer = new PoscarWriter(path);
        var e = Assert.Throws<InputException>(() => writer.Write(frame));
        Assert.Contains("type map", e.Message, StringComparison.Ordinal);
        writer.Dispose();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void WritesVasp5LayoutWithTitle()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "POSCAR");
        using (var writer = new PoscarWriter(path, new WriteOptions { Title = "Li3OCl bulk" }))
        {
            writer.Write(Sample(true, true));
            writer.Complete();
        }

        string[] lines = File.ReadAllLines(path);
        Assert.Equal("Li3OCl bulk", lines[0]);
        Assert.Equal(["Li", "O", "Cl"], lines[5].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["2", "2", "1"], lines[6].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Selective dynamics", lines[7]);
        Assert.Equal("Direct", lines[8]);
        Assert.Equal("", lines[14]);
        Assert.Equal(20, lines.Length);
    }
}
