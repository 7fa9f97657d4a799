using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Lammps;

public sealed class LammpsDumpWriterTests
{
    private static Frame MakeFrame(Box box, long step, int n = 5, bool full = true)
    {
        var rng = new Random(1234 + (int)step);
        var f = new Frame { Step = step, Box = box };
        f.Resize(n);
        for (int i = 0; i < n; i++)
        {
            f.Ids[i] = 2 * i + 1;
            f.Types[i] = 1 + (i % 2);
            f.Positions[i] = box.ToCartesian(new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble()));
        }

        if (full)
        {
            Int3[] images = f.EnsureImages();
            Vec3[] v = f.EnsureVelocities();
            Vec3[] force = f.EnsureForces();
            double[] q = f.EnsureCharges();
            f.SetExtraNames(["c_pe", "f_ave[2]"]);
            for (int i = 0; i < n; i++)
            {
                images[i] = new Int3(i - 2, 1, -i);
                v[i] = new Vec3(rng.NextDouble() - 0.5, 1e-7 * rng.NextDouble(), -3.3333333333333335);
                force[i] = new Vec3(1.0 / 3, -2e-20, 7);
                q[i] = i % 2 == 0 ? 0.6 : -1.2;
                f.Extra(0)[i] = -3.1 * i;
                f.Extra(1)[i] = Math.PI * i;
            }

            f.Species = SpeciesMap.Parse("1=Li,2=O");
        }

        return f;
    }

    private static List<Frame> WriteAndRead(IEnumerable<Frame> frames, out string text)
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "out.dump");
        using (var writer = new LammpsDumpWriter(path))
        {
            foreach (Frame f in frames)
            {
                writer.Write(f);
            }

            writer.Complete();
        }

        text = File.ReadAllText(path);
        var back = new List<Frame>();
        using var reader = new LammpsDumpReader(path);
        var frame = new Frame();
        while (reader.Read(frame))
        {
            back.Add(frame.Clone());
        }

        return back;
    }

    [Fact]
    public void OrthogonalRoundTripIsExact()
    {
        Frame f = MakeFrame(Box.Orthogonal(10.5, 11.25, 12.125, new Vec3(-1.5, 0.25, 3)), 100);
        List<Frame> back = WriteAndRead([f], out string text);
        Assert.Contains("ITEM: BOX BOUNDS pp pp pp\n", text);
        Assert.Contains("ITEM: ATOMS id type element x y z ix iy iz vx vy vz fx fy fz q c_pe f_ave[2]\n", text);
        LammpsDumpTestHelpers.AssertSameFrame(f, Assert.Single(back), 0);
        Assert.Equal("Li", back[0].Species!.NameOf(1));
        Assert.Equal("O", back[0].Species!.NameOf(2));
    }

    [Fact]
    public void TriclinicMultiFrameRoundTrip()
    {
        var p = new LammpsBoxParameters(-1.25, 9.5, 0.5, 12, -3, 7.75, 2.2, -3.7, 0.45);
        Box box = Box.FromLammps(p, new PeriodicFlags(true, false, true));
        Frame[] frames = [MakeFrame(box, 0), MakeFrame(box, 10), MakeFrame(box, 20, full: false)];
        List<Frame> back = WriteAndRead(frames, out string text);
        Assert.Contains("ITEM: BOX BOUNDS xy xz yz pp ff pp\n", text);
        Assert.Equal(3, back.Count);
        for (int i = 0; i < 3; i++)
        {
            // The bounding box adds and removes tilts, so the box is exact to rounding, not bit for bit.
            LammpsDumpTestHelpers.AssertSameFrame(frames[i], back[i], 1e-14);
        }

        Assert.Equal(new PeriodicFlags(true, false, true), back[0].Box.Periodic);
    }

    [Fact]
    public void UnwrappedFramesAreWrittenAsXu()
    {
        Frame f = MakeFrame(Box.Orthogonal(5, 5, 5), 3, full: false);
        f.Coordinates = CoordinateKind.Unwrapped;
        f.Positions[0] = new Vec3(-7.5, 12.25, 3);
        List<Frame> back = WriteAndRead([f], out string text);
        Assert.Contains("ITEM: ATOMS id type xu yu zu\n", text);
        LammpsDumpTestHelpers.AssertSameFrame(f, back[0], 0);
    }

    [Fact]
    public void CellNotInLammpsOrientationIsRotated()
    {
        // a along (1, 1, 0)/√2 and b with a z component: not in the LAMMPS orientation.
        double s = Math.Sqrt(0.5);
        Box box = Box.FromVectors(new Vec3(4 * s, 4 * s, 0), new Vec3(-1, 3, 0.5), new Vec3(0.3, -0.2, 9), new Vec3(1, 2, 3));
        Assert.False(box.IsLammpsOriented);
        Frame f = MakeFrame(box, 7);
        List<Frame> back = WriteAndRead([f], out _);
        Frame g = Assert.Single(back);
        Assert.True(g.Box.IsLammpsOriented);
        Assert.Equal(box.Volume, g.Box.Volume, 1e-9);
        Assert.Equal(box.A.Length, g.Box.A.Length, 1e-12);
        Assert.Equal(box.B.Length, g.Box.B.Length, 1e-12);
        Assert.Equal(box.C.Length, g.Box.C.Length, 1e-12);
        Assert.Equal(Vec3.Dot(box.A, box.C), Vec3.Dot(g.Box.A, g.Box.C), 1e-9);
        for (int i = 0; i < f.Count; i++)
        {
            // Fractional coordinates and lengths of vectors are unchanged by the rotation.
            LammpsDumpTestHelpers.AssertClose(box.ToFractional(f.Positions[i]), g.Box.ToFractional(g.Positions[i]), 1e-12, "fractional");
            Assert.Equal(f.Velocities![i].Length, g.Velocities![i].Length, 1e-12);
            Assert.Equal(f.Forces![i].Length, g.Forces![i].Length, 1e-12);
        }
    }

    [Fact]
    public void DisposeWithoutCompleteLeavesNothing()
    {
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, "partial.dump");
        using (var writer = new LammpsDumpWriter(path))
        {
            writer.Write(MakeFrame(Box.Orthogonal(3, 3, 3), 0));
        }

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void RefusesToOverwriteAnExistingFile()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "exists.dump");
        File.WriteAllText(path, "x");
        Assert.Throws<InputException>(() => new LammpsDumpWriter(path));
    }
}
