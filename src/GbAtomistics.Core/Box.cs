namespace GbAtomistics.Core;

/// <summary>
/// A simulation cell: the cell matrix H whose columns are the cell vectors a, b, c (Å), the origin (Å) and
/// the periodic flags. A point with fractional coordinates s lies at r = origin + H·s.
/// </summary>
/// <remarks>
/// Minimum image by fractional rounding (<see cref="MinimumImage"/>) is exact only while the distance of
/// interest is at most half the smallest perpendicular width (<see cref="PerpendicularWidths"/>); analyses
/// that need longer distances enumerate images instead.
/// </remarks>
public sealed class Box
{
    private readonly Mat3 _inverse;

    public Box(Mat3 h, Vec3 origin, PeriodicFlags periodic)
    {
        if (!h.C0.IsFinite || !h.C1.IsFinite || !h.C2.IsFinite || !origin.IsFinite)
        {
            throw new ArgumentException("cell vectors and origin must be finite numbers");
        }

        double det = h.Determinant;
        double scale = h.C0.Length * h.C1.Length * h.C2.Length;
        if (!(Math.Abs(det) > 1e-12 * scale) || scale == 0)
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"cell has zero volume (a={h.C0}, b={h.C1}, c={h.C2})"));
        }

        H = h;
        Origin = origin;
        Periodic = periodic;
        _inverse = h.Inverse();
    }

    /// <summary>The cell matrix; its columns are a, b and c in Å.</summary>
    public Mat3 H { get; }

    /// <summary>The inverse of <see cref="H"/>, in 1/Å.</summary>
    public Mat3 HInverse => _inverse;

    /// <summary>The corner of the cell at fractional coordinates (0, 0, 0), in Å.</summary>
    public Vec3 Origin { get; }

    public PeriodicFlags Periodic { get; }

    public Vec3 A => H.C0;

    public Vec3 B => H.C1;

    public Vec3 C => H.C2;

    /// <summary>Cell volume |det H| in Å³.</summary>
    public double Volume => Math.Abs(H.Determinant);

    /// <summary>True when a, b, c lie along x, y, z.</summary>
    public bool IsOrthogonal => H.C0.Y == 0 && H.C0.Z == 0 && H.C1.X == 0 && H.C1.Z == 0 && H.C2.X == 0 && H.C2.Y == 0;

    /// <summary>
    /// Distances between opposite faces of the cell (Å): V/|b×c|, V/|c×a|, V/|a×b|.
    /// </summary>
    public Vec3 PerpendicularWidths
    {
        get
        {
            double v = Volume;
            return new Vec3(
                v / Vec3.Cross(B, C).Length,
                v / Vec3.Cross(C, A).Length,
                v / Vec3.Cross(A, B).Length);
        }
    }

    /// <summary>An orthogonal cell with edges lx, ly, lz (Å) starting at <paramref name="origin"/>.</summary>
    public static Box Orthogonal(double lx, double ly, double lz, Vec3 origin = default, PeriodicFlags? periodic = null) =>
        new(new Mat3(new Vec3(lx, 0, 0), new Vec3(0, ly, 0), new Vec3(0, 0, lz)), origin, periodic ?? PeriodicFlags.All);

    /// <summary>A cell from its three vectors (Å).</summary>
    public static Box FromVectors(Vec3 a, Vec3 b, Vec3 c, Vec3 origin = default, PeriodicFlags? periodic = null) =>
        new(new Mat3(a, b, c), origin, periodic ?? PeriodicFlags.All);

    /// <summary>A cell from the LAMMPS parameters lo/hi and tilt factors.</summary>
    public static Box FromLammps(LammpsBoxParameters p, PeriodicFlags periodic)
    {
        var h = new Mat3(
            new Vec3(p.Xhi - p.Xlo, 0, 0),
            new Vec3(p.Xy, p.Yhi - p.Ylo, 0),
            new Vec3(p.Xz, p.Yz, p.Zhi - p.Zlo));
        return new Box(h, new Vec3(p.Xlo, p.Ylo, p.Zlo), periodic);
    }

    /// <summary>True when H already has the LAMMPS shape: a along x, b in the xy plane, right-handed.</summary>
    public bool IsLammpsOriented => H.C0.Y == 0 && H.C0.Z == 0 && H.C1.Z == 0 && H.C0.X > 0 && H.C1.Y > 0 && H.C2.Z > 0;

    /// <summary>
    /// The LAMMPS parameters of this cell. Requires <see cref="IsLammpsOriented"/>; otherwise rotate the frame
    /// first with <see cref="LammpsRotation"/>.
    /// </summary>
    public LammpsBoxParameters ToLammps()
    {
        if (!IsLammpsOriented)
        {
            throw new InvalidOperationException(
                "cell is not in the LAMMPS orientation (a along x, b in the xy plane); rotate it with LammpsRotation first");
        }

        return new LammpsBoxParameters(
            Origin.X, Origin.X + A.X, Origin.Y, Origin.Y + B.Y, Origin.Z, Origin.Z + C.Z, B.X, C.X, C.Y);
    }

    /// <summary>
    /// The rotation R that takes this cell to the LAMMPS orientation (R·a along x, R·b in the xy plane), from the
    /// LAMMPS Howto "triclinic" relations: lx = |a|, xy = b·â, ly = |â × b|, xz = c·â, yz = (b·c − xy·xz)/ly,
    /// lz = √(|c|² − xz² − yz²). Throws for a left-handed cell, which LAMMPS cannot represent.
    /// </summary>
    public Mat3 LammpsRotation()
    {
        if (H.Determinant <= 0)
        {
            throw new InvalidOperationException("cell is left-handed (det H < 0); LAMMPS needs a right-handed cell");
        }

        Vec3 ex = A / A.Length;
        Vec3 ez = Vec3.Cross(A, B);
        ez /= ez.Length;
        Vec3 ey = Vec3.Cross(ez, ex);
        return Mat3.FromRows(ex, ey, ez);
    }

    /// <summary>Fractional coordinates of the Cartesian point <paramref name="r"/> (Å).</summary>
    public Vec3 ToFractional(Vec3 r) => _inverse * (r - Origin);

    /// <summary>Cartesian point (Å) of fractional coordinates <paramref name="s"/>.</summary>
    public Vec3 ToCartesian(Vec3 s) => Origin + H * s;

    /// <summary>The point moved into the cell along every periodic direction (fractional coordinate in [0, 1)).</summary>
    public Vec3 Wrap(Vec3 r)
    {
        Vec3 s = ToFractional(r);
        var wrapped = new Vec3(
            Periodic.A ? s.X - Math.Floor(s.X) : s.X,
            Periodic.B ? s.Y - Math.Floor(s.Y) : s.Y,
            Periodic.C ? s.Z - Math.Floor(s.Z) : s.Z);
        return ToCartesian(wrapped);
    }

    /// <summary>
    /// The periodic image of the separation <paramref name="delta"/> (Å) with fractional components in
    /// [−½, ½] along periodic directions. The shortest image only while |delta| ≤ half the smallest
    /// perpendicular width.
    /// </summary>
    public Vec3 MinimumImage(Vec3 delta)
    {
        Vec3 s = _inverse * delta;
        var t = new Vec3(
            Periodic.A ? s.X - Math.Round(s.X) : s.X,
            Periodic.B ? s.Y - Math.Round(s.Y) : s.Y,
            Periodic.C ? s.Z - Math.Round(s.Z) : s.Z);
        return H * t;
    }

    /// <summary>r + ix·a + iy·b + iz·c: the unwrapped position for image flags (full cell vectors).</summary>
    public Vec3 Unwrap(Vec3 r, Int3 image) => r + image.X * A + image.Y * B + image.Z * C;

    public override string ToString() =>
        FormattableString.Invariant($"Box(a={A}, b={B}, c={C}, origin={Origin}, periodic={Periodic})");
}
