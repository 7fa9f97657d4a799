using GbAtomistics.Core;

namespace GbAtomistics.Core.Tests;

public sealed class BoxTests
{
    private const double Tol = 1e-12;

    private static Box Triclinic() =>
        Box.FromLammps(new LammpsBoxParameters(-1.0, 9.0, 0.5, 8.5, -2.0, 10.0, 2.0, -1.5, 0.75), PeriodicFlags.All);

    private static void Near(Vec3 expected, Vec3 actual, double tol = Tol)
    {
        Assert.True((expected - actual).Length <= tol, $"expected {expected}, got {actual}");
    }

    [Fact]
    public void LammpsParametersGiveTheCellVectors()
    {
        Box box = Triclinic();
        Near(new Vec3(10, 0, 0), box.A);
        Near(new Vec3(2, 8, 0), box.B);
        Near(new Vec3(-1.5, 0.75, 12), box.C);
        Near(new Vec3(-1, 0.5, -2), box.Origin);
        Assert.Equal(10 * 8 * 12, box.Volume, 9);
        Assert.False(box.IsOrthogonal);
        Assert.Equal(new LammpsBoxParameters(-1.0, 9.0, 0.5, 8.5, -2.0, 10.0, 2.0, -1.5, 0.75), box.ToLammps());
    }

    [Fact]
    public void BoundingBoxRoundTripsForEverySignOfTheTilts()
    {
        foreach (double xy in new[] { -2.0, 0.0, 1.5 })
        foreach (double xz in new[] { -1.0, 0.0, 0.7 })
        foreach (double yz in new[] { -0.3, 0.0, 0.4 })
        {
            var p = new LammpsBoxParameters(-1, 5, 2, 7, 0, 3, xy, xz, yz);
            var (xlb, xhb, ylb, yhb) = p.BoundingBox();
            var back = LammpsBoxParameters.FromBoundingBox(xlb, xhb, ylb, yhb, p.Zlo, p.Zhi, xy, xz, yz);
            Assert.Equal(p.Xlo, back.Xlo, 12);
            Assert.Equal(p.Xhi, back.Xhi, 12);
            Assert.Equal(p.Ylo, back.Ylo, 12);
            Assert.Equal(p.Yhi, back.Yhi, 12);
        }
    }

    [Fact]
    public void BoundingBoxEnclosesTheEightCorners()
    {
        var p = new LammpsBoxParameters(0, 4, 0, 3, 0, 2, -1.5, 2.0, 0.8);
        Box box = Box.FromLammps(p, PeriodicFlags.All);
        var (xlb, xhb, ylb, yhb) = p.BoundingBox();
        double minX = double.MaxValue, maxX = double.MinValue, minY = double.MaxValue, maxY = double.MinValue;
        for (int i = 0; i < 8; i++)
        {
            Vec3 r = box.ToCartesian(new Vec3(i & 1, (i >> 1) & 1, (i >> 2) & 1));
            minX = Math.Min(minX, r.X);
            maxX = Math.Max(maxX, r.X);
            minY = Math.Min(minY, r.Y);
            maxY = Math.Max(maxY, r.Y);
        }

        Assert.Equal(minX, xlb, 12);
        Assert.Equal(maxX, xhb, 12);
        Assert.Equal(minY, ylb, 12);
        Assert.Equal(maxY, yhb, 12);
    }

    [Fact]
    public void FractionalAndCartesianAreInverse()
    {
        Box box = Triclinic();
        var r = new Vec3(3.3, -4.1, 17.2);
        Near(r, box.ToCartesian(box.ToFractional(r)), 1e-12);
        Near(new Vec3(0.5, 0.5, 0.5), box.ToFractional(box.ToCartesian(new Vec3(0.5, 0.5, 0.5))), 1e-14);
    }

    [Fact]
    public void WrapMovesIntoTheCellAlongPeriodicAxesOnly()
    {
        Box box = Box.Orthogonal(10, 10, 10, default, new PeriodicFlags(true, true, false));
        Vec3 w = box.Wrap(new Vec3(12.5, -0.5, 14));
        Near(new Vec3(2.5, 9.5, 14), w);

        Box tri = Triclinic();
        Vec3 s = tri.ToFractional(tri.Wrap(new Vec3(-20, 33, 41)));
        Assert.InRange(s.X, 0, 1);
        Assert.InRange(s.Y, 0, 1);
        Assert.InRange(s.Z, 0, 1);
    }

    [Fact]
    public void MinimumImageIsTheShortestVectorForShortSeparations()
    {
        Box box = Triclinic();
        var random = new Random(3);
        double half = Math.Min(box.PerpendicularWidths.X, Math.Min(box.PerpendicularWidths.Y, box.PerpendicularWidths.Z)) / 2;
        for (int trial = 0; trial < 500; trial++)
        {
            var d = new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * half;
            if (d.Length > half)
            {
                continue;
            }

            var shifted = d + (random.Next(-3, 4) * box.A) + (random.Next(-3, 4) * box.B) + (random.Next(-3, 4) * box.C);
            Near(d, box.MinimumImage(shifted), 1e-9);
        }
    }

    [Fact]
    public void PerpendicularWidthsOfATriclinicCell()
    {
        Box box = Triclinic();
        Vec3 w = box.PerpendicularWidths;
        // For the LAMMPS shape, the distance between the xy faces is lz and between the xz faces is ly·lz/|c×a|...
        Assert.Equal(12.0, w.Z, 12);
        Assert.Equal(box.Volume / Vec3.Cross(box.B, box.C).Length, w.X, 12);
        Assert.True(w.X < 10 && w.Y < 8);
    }

    [Fact]
    public void UnwrapUsesFullCellVectors()
    {
        Box box = Triclinic();
        Vec3 r = new(1, 2, 3);
        Near(r + box.A - (2 * box.B) + box.C, box.Unwrap(r, new Int3(1, -2, 1)));
        // The x displacement from one c crossing includes the tilt xz, not the edge length alone.
        Assert.Equal(r.X - 1.5, box.Unwrap(r, new Int3(0, 0, 1)).X, 12);
    }

    [Fact]
    public void LammpsRotationAlignsAGeneralCell()
    {
        Box box = Box.FromVectors(new Vec3(0, 5, 5), new Vec3(4.5, 0, 5), new Vec3(5.5, 5.1, 0));
        Mat3 r = box.LammpsRotation();
        Vec3 a = r * box.A, b = r * box.B, c = r * box.C;
        Assert.Equal(0, a.Y, 12);
        Assert.Equal(0, a.Z, 12);
        Assert.Equal(0, b.Z, 12);
        Assert.True(a.X > 0 && b.Y > 0 && c.Z > 0);
        Assert.Equal(box.Volume, Math.Abs(new Mat3(a, b, c).Determinant), 9);
        Assert.Equal(box.C.Length, c.Length, 12);
    }

    [Fact]
    public void ZeroVolumeAndNonFiniteCellsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => Box.FromVectors(new Vec3(1, 0, 0), new Vec3(2, 0, 0), new Vec3(0, 0, 1)));
        Assert.Throws<ArgumentException>(() => Box.Orthogonal(double.NaN, 1, 1));
        Assert.Throws<ArgumentException>(() => Box.Orthogonal(0, 1, 1));
    }
}
