using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Lammps;

public sealed class LammpsDataWriterTests
{
    private static Frame MakeFrame(Box box, int n, int seed, bool charges, bool velocities, bool images)
    {
        var random = new Random(seed);
        var frame = new Frame { Box = box, Species = SpeciesMap.Parse("1=Li,2=O,3=Cl"), Step = 1234 };
        frame.Resize(n);

        // Ids in a scrambled order, with gaps, to check the writer sorts them.
        for (int i = 0; i < n; i++)
        {
            frame.Ids[i] = 3 * (n - i) + 7;
            frame.Types[i] = 1 + (i % 3);
            var s = new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble());
            frame.Positions[i] = box.ToCartesian(s);
        }

        if (charges)
        {
            double[] q = frame.EnsureCharges();
            for (int i = 0; i < n; i++)
            {
                q[i] = frame.Types[i] switch { 1 => 1.0, 2 => -2.0, _ => -1.0 / 3.0 };
            }
        }

        if (velocities)
        {
            Vec3[] v = frame.EnsureVelocities();
            for (int i = 0; i < n; i++)
            {
                v[i] = new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * 10;
            }
        }

        if (images)
        {
            Int3[] im = frame.EnsureImages();
            for (int i = 0; i < n; i++)
            {
                im[i] = new Int3(random.Next(-3, 4), random.Next(-3, 4), random.Next(-3, 4));
            }
        }

        return frame;
    }

    private static Frame WriteAndRead(Frame frame, WriteOptions? options = null, ReadOptions? readOptions = null)
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "out.data");
        using (var writer = new LammpsDataWriter(path, options))
        {
            writer.Write(frame);
            writer.Complete();
        }

        using var reader = new LammpsDataReader(path, readOptions);
        var back = new Frame();
        Assert.True(reader.Read(back));
        return back;
    }

    /// <summary>Maps each id of <paramref name="a"/> to its index in <paramref name="b"/>.</summary>
    private static int[] Match(Frame a, Frame b)
    {
        int[] map = new int[a.Count];
        for (int i = 0; i < a.Count; i++)
        {
            map[i] = Array.IndexOf(b.Ids, a.Ids[i], 0, b.Count);
            Assert.True(map[i] >= 0);
        }

        return map;
    }

    [Fact]
    public void AtomicOrthogonalRoundTripIsExact()
    {
        Frame frame = MakeFrame(Box.Orthogonal(10.5, 11.25, 12.125, new Vec3(-1, 2.5, 0)), 30, 1, charges: false, velocities: false, images: false);
        Frame back = WriteAndRead(frame);
        Assert.Equal(30, back.Count);
        Assert.Null(back.Charges);
        Assert.Null(back.Images);
        Assert.Null(back.Velocities);
        Assert.Equal(frame.Box.H, back.Box.H);
        Assert.Equal(frame.Box.Origin, back.Box.Origin);
        Assert.Equal(1234, back.Step);
        Assert.Equal("Li", back.Species!.NameOf(1));
        Assert.Equal("O", back.Species.NameOf(2));
        Assert.Equal("Cl", back.Species.NameOf(3));
        for (int i = 1; i < back.Count; i++)
        {
            Assert.True(back.Ids[i] > back.Ids[i - 1]);
        }

        int[] map = Match(frame, back);
        for (int i = 0; i < frame.Count; i++)
        {
            Assert.Equal(frame.Positions[i], back.Positions[map[i]]);
            Assert.Equal(frame.Types[i], back.Types[map[i]]);
        }
    }

    [Fact]
    public void ChargeTriclinicRoundTripWithVelocitiesAndImagesIsExact()
    {
        var p = new LammpsBoxParameters(0.5, 9.5, -1, 8, 2, 13.3, 1.25, -0.75, 0.5);
        Box box = Box.FromLammps(p, PeriodicFlags.All);
        Frame frame = MakeFrame(box, 25, 2, charges: true, velocities: true, images: true);
        Frame back = WriteAndRead(frame);
        Assert.Equal(frame.Box.H, back.Box.H);
        Assert.Equal(frame.Box.Origin, back.Box.Origin);
        int[] map = Match(frame, back);
        for (int i = 0; i < frame.Count; i++)
        {
            int j = map[i];
            Assert.Equal(frame.Positions[i], back.Positions[j]);
            Assert.Equal(frame.Charges![i], back.Charges![j]);
            Assert.Equal(frame.Velocities![i], back.Velocities![j]);
            Assert.Equal(frame.Images![i], back.Images![j]);
        }
    }

    [Fact]
    public void ChargeStyleWithoutChargesWritesZeros()
    {
        Frame frame = MakeFrame(Box.Orthogonal(5, 5, 5), 4, 3, charges: false, velocities: false, images: false);
        Frame back = WriteAndRead(frame, new WriteOptions { AtomStyle = "charge" });
        Assert.All(back.Charges!, q => Assert.Equal(0.0, q));
    }

    [Fact]
    public void AtomicStyleOptionDropsCharges()
    {
        Frame frame = MakeFrame(Box.Orthogonal(5, 5, 5), 4, 3, charges: true, velocities: false, images: false);
        Frame back = WriteAndRead(frame, new WriteOptions { AtomStyle = "atomic" });
        Assert.Null(back.Charges);
    }

    [Fact]
    public void RotatedCellKeepsDistancesVolumeAndFractionalCoordinates()
    {
        // A right-handed cell with a not along x and b not in the xy plane.
        Box box = Box.FromVectors(new Vec3(3.1, 1.2, 0.5), new Vec3(-0.6, 4.2, 0.3), new Vec3(0.2, -0.4, 5.3), new Vec3(1, 2, 3));
        Assert.False(box.IsLammpsOriented);
        Frame frame = MakeFrame(box, 20, 4, charges: true, velocities: true, images: true);
        Frame back = WriteAndRead(frame);

        Assert.True(back.Box.IsLammpsOriented);
        Assert.Equal(box.Volume, back.Box.Volume, 1e-10);
        Assert.Equal(box.A.Length, back.Box.A.Length, 1e-12);
        Assert.Equal(box.B.Length, back.Box.B.Length, 1e-12);
        Assert.Equal(box.C.Length, back.Box.C.Length, 1e-12);
        Assert.Equal(Vec3.Dot(box.A, box.B), Vec3.Dot(back.Box.A, back.Box.B), 1e-10);
        Assert.Equal(Vec3.Dot(box.B, box.C), Vec3.Dot(back.Box.B, back.Box.C), 1e-10);

        int[] map = Match(frame, back);
        for (int i = 0; i < frame.Count; i++)
        {
            int j = map[i];
            Vec3 s0 = box.ToFractional(frame.Positions[i]);
            Vec3 s1 = back.Box.ToFractional(back.Positions[j]);
            Assert.Equal(s0.X, s1.X, 1e-12);
            Assert.Equal(s0.Y, s1.Y, 1e-12);
            Assert.Equal(s0.Z, s1.Z, 1e-12);
            Assert.Equal(frame.Velocities![i].Length, back.Velocities![j].Length, 1e-12);
            Assert.Equal(frame.Images![i], back.Images![j]);
            Assert.Equal(frame.Charges![i], back.Charges![j]);

            // Unwrapped positions differ by the same rigid rotation, so their distances agree too.
            for (int k = 0; k < i; k++)
            {
                double d0 = (box.Unwrap(frame.Positions[i], frame.Images[i]) - box.Unwrap(frame.Positions[k], frame.Images[k])).Length;
                double d1 = (back.Box.Unwrap(back.Positions[j], back.Images[j]) - back.Box.Unwrap(back.Positions[map[k]], back.Images[map[k]])).Length;
                Assert.Equal(d0, d1, 1e-10);
            }
        }
    }

    [Fact]
    public void CellAlongOtherAxesBecomesOrthogonal()
    {
        // a along y, b along -x, c along z: a rotation of an orthogonal box; the tilts must come out exactly zero.
        Box box = Box.FromVectors(new Vec3(0, 4, 0), new Vec3(-5, 0, 0), new Vec3(0, 0, 6));
        Frame frame = MakeFrame(box, 5, 5, charges: false, velocities: false, images: false);
        Frame back = WriteAndRead(frame);
        Assert.True(back.Box.IsOrthogonal);
        Assert.Equal(4, back.Box.A.X, 1e-12);
        Assert.Equal(5, back.Box.B.Y, 1e-12);
        Assert.Equal(6, back.Box.C.Z, 1e-12);
    }

    [SkippableFact]
    public void CorpusTriclinicFileRoundTrips()
    {
        var frame = new Frame();
        using (var reader = new LammpsDataReader(TestPaths.Corpus("lammps/data/mda_albite_triclinic.data")))
        {
            reader.Read(frame);
        }

        Frame back = WriteAndRead(frame);
        Assert.Equal(frame.Ids.Take(frame.Count), back.Ids.Take(back.Count));
        Assert.Equal(frame.Box.H, back.Box.H);
        Assert.Equal(frame.Box.Origin, back.Box.Origin);
        for (int i = 0; i < frame.Count; i++)
        {
            Assert.Equal(frame.Positions[i], back.Positions[i]);
            Assert.Equal(frame.Images![i], back.Images![i]);
        }

        Assert.Equal("Al", back.Species!.NameOf(1));
    }

    [Fact]
    public void TypeMapSuppliesMissingSpecies()
    {
        Frame frame = MakeFrame(Box.Orthogonal(5, 5, 5), 3, 6, charges: false, velocities: false, images: false);
        frame.Species = null;
        Frame back = WriteAndRead(frame, new WriteOptions { TypeMap = SpeciesMap.Parse("Na,S,Br") });
        Assert.Equal("Na", back.Species!.NameOf(1));
        Assert.Equal("Br", back.Species.NameOf(3));
    }

    [Fact]
    public void MissingSpeciesIsAnErrorAskingForATypeMap()
    {
        Frame frame = MakeFrame(Box.Orthogonal(5, 5, 5), 3, 6, charges: false, velocities: false, images: false);
        frame.Species = SpeciesMap.Parse("1=Li,2=O");
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, "x.data");
        using (var writer = new LammpsDataWriter(path))
        {
            var e = Assert.Throws<InputException>(() => writer.Write(frame));
            Assert.Contains("type 3", e.Message);
            Assert.Contains("type map", e.Message);
        }

        Assert.Empty(Directory.GetFiles(dir, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void EmptyFrameRoundTrips()
    {
        var frame = new Frame { Box = Box.Orthogonal(3, 4, 5) };
        Frame back = WriteAndRead(frame);
        Assert.Equal(0, back.Count);
        Assert.Equal(frame.Box.H, back.Box.H);
    }

    [Fact]
    public void NaNPositionIsAnError()
    {
        Frame frame = MakeFrame(Box.Orthogonal(5, 5, 5), 3, 10, charges: false, velocities: false, images: false);
        frame.Positions[1] = new Vec3(double.NaN, 0, 0);
        using var writer = new LammpsDataWriter(Path.Combine(TestPaths.NewTempDir(), "x.data"));
        Assert.Throws<InputException>(() => writer.Write(frame));
    }

    [Fact]
    public void SecondFrameIsAnError()
    {
        Frame frame = MakeFrame(Box.Orthogonal(5, 5, 5), 3, 7, charges: false, velocities: false, images: false);
        string path = Path.Combine(TestPaths.NewTempDir(), "x.data");
        using var writer = new LammpsDataWriter(path);
        writer.Write(frame);
        Assert.Throws<InputException>(() => writer.Write(frame));
    }

    [Fact]
    public void UnsupportedStyleAndLeftHandedCellAreErrors()
    {
        Frame frame = MakeFrame(Box.Orthogonal(5, 5, 5), 3, 8, charges: false, velocities: false, images: false);
        string dir = TestPaths.NewTempDir();
        using (var writer = new LammpsDataWriter(Path.Combine(dir, "a.data"), new WriteOptions { AtomStyle = "full" }))
        {
            Assert.Throws<InputException>(() => writer.Write(frame));
        }

        frame.Box = Box.FromVectors(new Vec3(5, 0, 0), new Vec3(0, 5, 0), new Vec3(0, 0, -5));
        using (var writer = new LammpsDataWriter(Path.Combine(dir, "b.data")))
        {
            var e = Assert.Throws<InputException>(() => writer.Write(frame));
            Assert.Contains("left-handed", e.Message);
        }
    }

    [Fact]
    public void DisposeWithoutCompleteLeavesNothingAndExistingFilesAreKept()
    {
        Frame frame = MakeFrame(Box.Orthogonal(5, 5, 5), 3, 9, charges: false, velocities: false, images: false);
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, "x.data");
        using (var writer = new LammpsDataWriter(path))
        {
            writer.Write(frame);
        }

        Assert.Empty(Directory.GetFiles(dir));
        File.WriteAllText(path, "keep");
        Assert.Throws<InputException>(() => new LammpsDataWriter(path));
        Assert.Equal("keep", File.ReadAllText(path));
    }

    [Fact]
    public void OutputLooksLikeWriteData()
    {
        var frame = new Frame { Box = Box.Orthogonal(4, 4, 4), Species = SpeciesMap.Parse("1=Li") };
        frame.Resize(2);
        frame.Ids[0] = 2;
        frame.Ids[1] = 1;
        frame.Types[0] = frame.Types[1] = 1;
        frame.Positions[0] = new Vec3(0.1, 0.2, 0.3);
        frame.Positions[1] = new Vec3(1, 2, 3);
        string path = Path.Combine(TestPaths.NewTempDir(), "x.data");
        using (var writer = new LammpsDataWriter(path, new WriteOptions { Title = "Li pair" }))
        {
            writer.Write(frame);
            writer.Complete();
        }

        string[] lines = File.ReadAllLines(path);
        Assert.Equal("Li pair, timestep = 0, units = metal", lines[0]);
        Assert.Contains("2 atoms", lines);
        Assert.Contains("1 atom types", lines);
        Assert.Contains("0 4 xlo xhi", lines);
        Assert.DoesNotContain(lines, l => l.EndsWith("xy xz yz", StringComparison.Ordinal));
        Assert.Contains("1 6.94 # Li", lines);
        int atoms = Array.IndexOf(lines, "Atoms # atomic");
        Assert.Equal("1 1 1 2 3", lines[atoms + 2]);
        Assert.Equal("2 1 0.1 0.2 0.3", lines[atoms + 3]);
    }
}
