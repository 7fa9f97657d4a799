using System.Text;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;

namespace GbAtomistics.IO.Tests.Lammps;

internal static class LammpsDumpTestHelpers
{
    public static LammpsDumpReader Open(string text, ReadOptions? options = null) =>
        new(new MemoryStream(Encoding.ASCII.GetBytes(text)), "mem.dump", options);

    public static List<Frame> ReadAll(string text, ReadOptions? options = null)
    {
        using LammpsDumpReader reader = Open(text, options);
        var frames = new List<Frame>();
        var frame = new Frame();
        while (reader.Read(frame))
        {
            frames.Add(frame.Clone());
        }

        return frames;
    }

    public static void AssertClose(Vec3 expected, Vec3 actual, double tolerance, string what)
    {
        double scale = Math.Max(1, expected.Length);
        Assert.True((expected - actual).Length <= tolerance * scale, $"{what}: expected {expected}, found {actual}");
    }

    /// <summary>Same atoms, box and per-atom data within a relative tolerance (0 = exact).</summary>
    public static void AssertSameFrame(Frame expected, Frame actual, double tolerance)
    {
        Assert.Equal(expected.Step, actual.Step);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Ids, actual.Ids);
        Assert.Equal(expected.Types, actual.Types);
        Assert.Equal(expected.Coordinates, actual.Coordinates);
        Assert.Equal(expected.Box.Periodic, actual.Box.Periodic);
        AssertClose(expected.Box.A, actual.Box.A, tolerance, "a");
        AssertClose(expected.Box.B, actual.Box.B, tolerance, "b");
        AssertClose(expected.Box.C, actual.Box.C, tolerance, "c");
        AssertClose(expected.Box.Origin, actual.Box.Origin, tolerance, "origin");
        for (int i = 0; i < expected.Count; i++)
        {
            AssertClose(expected.Positions[i], actual.Positions[i], tolerance, $"position {i}");
        }

        Assert.Equal(expected.Images, actual.Images);
        Assert.Equal(expected.Velocities is null, actual.Velocities is null);
        Assert.Equal(expected.Forces is null, actual.Forces is null);
        Assert.Equal(expected.Charges, actual.Charges);
        for (int i = 0; expected.Velocities is not null && i < expected.Count; i++)
        {
            AssertClose(expected.Velocities[i], actual.Velocities![i], tolerance, $"velocity {i}");
        }

        for (int i = 0; expected.Forces is not null && i < expected.Count; i++)
        {
            AssertClose(expected.Forces[i], actual.Forces![i], tolerance, $"force {i}");
        }

        Assert.Equal(expected.ExtraNames, actual.ExtraNames);
        for (int k = 0; k < expected.ExtraNames.Count; k++)
        {
            Assert.Equal(expected.Extra(k), actual.Extra(k));
        }
    }
}
