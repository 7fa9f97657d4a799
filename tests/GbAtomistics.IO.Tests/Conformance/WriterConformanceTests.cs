using GbAtomistics.Core;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Conformance;

/// <summary>
/// Every writable format: a triclinic Li3OCl-like frame written and read back keeps ids, species, the cell and the
/// positions (through a rotation into the LAMMPS orientation when the format needs one); outputs are whole or
/// absent; inputs and existing files are never replaced.
/// </summary>
public sealed class WriterConformanceTests
{
    public static IEnumerable<object[]> Writable() =>
        FormatRegistry.All.Where(f => f.CanWrite).Select(f => new object[] { f.Name });

    private static string FileNameFor(string format) => format switch
    {
        "lammps-dump" => "out.lammpstrj",
        "lammps-data" => "out.data",
        "vasp-poscar" => "POSCAR",
        "extxyz" => "out.extxyz",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    internal static Frame SampleFrame()
    {
        var random = new Random(11);
        Box box = Box.FromVectors(new Vec3(7.8, 0, 0), new Vec3(1.3, 7.5, 0), new Vec3(-0.9, 0.6, 8.1));
        var frame = new Frame { Box = box, Step = 0, Species = SpeciesMap.Parse("1=Li,2=O,3=Cl") };
        frame.Resize(15);
        double[] q = frame.EnsureCharges();
        for (int i = 0; i < frame.Count; i++)
        {
            frame.Ids[i] = i + 1;
            frame.Types[i] = i < 9 ? 1 : i < 12 ? 2 : 3;
            q[i] = frame.Types[i] switch { 1 => 1.0, 2 => -2.0, _ => -1.0 };
            frame.Positions[i] = box.ToCartesian(new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble()));
        }

        return frame;
    }

    [Theory]
    [MemberData(nameof(Writable))]
    public void RoundTripKeepsIdsSpeciesCellAndFractionalPositions(string format)
    {
        Frame original = SampleFrame();
        string path = Path.Combine(TestPaths.NewTempDir(), FileNameFor(format));
        FileFormat f = FormatRegistry.Get(format);
        using (IFrameWriter writer = f.CreateWriter!(path, WriteOptions.Default))
        {
            writer.Write(original);
            writer.Complete();
        }

        Assert.Equal(format, FormatRegistry.DetectForReading(path).Name);
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path);
        var back = new Frame();
        Assert.True(reader.Read(back));
        Assert.False(reader.Read(new Frame()));
        Assert.Equal(original.Count, back.Count);
        Assert.Equal(original.Box.Volume, back.Box.Volume, 6);
        Assert.Equal(original.Box.A.Length, back.Box.A.Length, 6);
        Assert.Equal(original.Box.C.Length, back.Box.C.Length, 6);
        for (int i = 0; i < original.Count; i++)
        {
            int j = Array.IndexOf(back.Ids, original.Ids[i]);
            Assert.True(j >= 0, $"id {original.Ids[i]} lost");
            Assert.Equal(original.SpeciesName(i), back.SpeciesName(j));
            Vec3 s0 = original.Box.ToFractional(original.Positions[i]);
            Vec3 s1 = back.Box.ToFractional(back.Positions[j]);
            Vec3 d = s1 - s0;
            d = new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z));
            Assert.True(d.Length < 1e-6, $"{format}: atom {original.Ids[i]} moved by {d} (fractional)");
        }
    }

    [Theory]
    [MemberData(nameof(Writable))]
    public void AnUncompletedWriterLeavesNothing(string format)
    {
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, FileNameFor(format));
        using (IFrameWriter writer = FormatRegistry.Get(format).CreateWriter!(path, WriteOptions.Default))
        {
            writer.Write(SampleFrame());
        }

        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Theory]
    [MemberData(nameof(Writable))]
    public void ExistingFilesAndInputsAreNotReplaced(string format)
    {
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, FileNameFor(format));
        File.WriteAllText(path, "precious");
        Assert.Throws<InputException>(() => FormatRegistry.Get(format).CreateWriter!(path, WriteOptions.Default));
        Assert.Throws<InputException>(() =>
            FormatRegistry.Get(format).CreateWriter!(path, new WriteOptions { Overwrite = true, Inputs = [path] }));
        Assert.Equal("precious", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(dir));
    }
}
