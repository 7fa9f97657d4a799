using System.Globalization;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// Symmetric tilt boundaries about the unique axis c of a tetragonal, orthorhombic or hexagonal cell whose in-plane
/// lattice is exactly coincident (<see cref="UniqueAxisLattice"/>): the two-dimensional CSL of the a–b net; and about
/// a or b of a tetragonal or orthorhombic cell, the same construction on the cell relabelled so that the axis is c
/// (<see cref="AxisRelabelling"/>), reported in the original axes; and about the basal axes [2-1-10] and [01-10] of a
/// hexagonal cell, the same construction on the rectangular net perpendicular to the axis
/// (<see cref="HexagonalBasalAxis"/>), with the Σ of the hexagonal lattice.
/// </summary>
/// <remarks>
/// <para>
/// The boundary plane (hk0) contains c. Its normal n (Cartesian, cell frame) is the lattice direction u ∝ G⁻¹(h, k)
/// for the integer in-plane metric G. The upper grain is the image of the lower one under the mirror of the net whose
/// normal is q = c × a (the a axis p lies in that mirror): n₂ = n − 2(n·q)q, plane (h'k'0) = Aᵀn₂ with A the cell
/// vectors. The lattice and its image share the lattice vectors in the plane and along n, so the coincidence index is
/// Σ = [L : L ∩ ZL] = D / gcd(D, 2g) with w = G·u, g = gcd(w) and D = uᵀGu (cubic [001]: (310) gives Σ5).
/// </para>
/// <para>
/// The misorientation angle is θ = 2·atan(|n·q| / (n·p)); the conventional angle is θ reduced modulo 360°/k for the
/// k-fold axis (4 tetragonal, 6 hexagonal, 2 orthorhombic) as in <see cref="SigmaTable.Conventional"/>, and the
/// equivalent angle is 360°/k minus it. The generators (m, n) of the rotation are the coprime integers with
/// n/m = tan(θ/2)·√det G (for the square net the cubic [001] generators). The lower plane is the member of the
/// family with n·p &gt; 0 and n·q &lt; 0, as in the cubic table (d = m·p − n·q), so (310) of a tetragonal cell with
/// c = a is the cubic [001] Σ5 (3-10)/(310).
/// </para>
/// <para>
/// A hexagonal cell that is R-centred (<see cref="RhombohedralCentring"/>) is built the same way, on its hexagonal cell
/// (a supercell of the rhombohedral lattice, so the box stays a common period of both grains), but Σ is that of the
/// rhombohedral lattice for the same rotation (<see cref="RhombohedralSigma"/>: Σ of the net or three times it) and
/// the angle is reduced modulo 120° (the axis is three-fold); a mirror line of the hexagonal net (θ = 60° or 180°) is
/// then the Σ3 twin and is kept.
/// </para>
/// </remarks>
internal static class UniqueAxisTilt
{
    private const int MaxIndex = 30;

    /// <summary>
    /// The boundary about <paramref name="axis"/> ([001] of a tetragonal, orthorhombic or hexagonal cell, or [100] or
    /// [010] of a tetragonal or orthorhombic one), with every index and Cartesian vector in the axes of
    /// <paramref name="cell"/>. A tilt about a or b is found on the relabelled cell (<see cref="AxisRelabelling"/>)
    /// whose c is the axis, and mapped back.
    /// </summary>
    public static UniqueAxisBoundary Select(UnitCell cell, Int3 axis, int? sigma, double? angleDegrees, Int3? plane)
    {
        if (cell.System == LatticeSystem.Hexagonal && HexagonalBasalAxis.For(axis) is { } basal)
        {
            return SelectBasal(cell, basal, sigma, angleDegrees, plane);
        }

        AxisRelabelling relabelling = AxisRelabelling.For(cell.System, axis);
        RhombohedralSetting? centring = relabelling.IsIdentity ? RhombohedralCentring.Detect(cell) : null;
        string system = centring is null ? CslLattice.Name(cell.System) : RhombohedralCentring.LatticeName;
        string about = Miller.Direction(relabelling.Axis);
        string form = relabelling.Axis switch
        {
            { X: 1 } => "(0kl)",
            { Y: 1 } => "(h0l)",
            _ => cell.System == LatticeSystem.Hexagonal ? "(hk0) (hexagonal (hki0))" : "(hk0)",
        };
        CheckRequest(plane, relabelling.Axis, about, form, sigma);

        // On the relabelled cell the axis is c and the planes (hk0).
        UnitCell view = relabelling.Relabel(cell);
        (long g11, long g12, long g22) = UniqueAxisLattice.Metric(view);
        int fold = view.System switch { LatticeSystem.Tetragonal => 4, LatticeSystem.Hexagonal => 6, _ => 2 };
        List<UniqueAxisBoundary> candidates = Candidates(
            (h, k) => Boundary(view, h, k, g11, g12, g22, fold, centring), plane, relabelling.ToRelabelled, sigma, about, $"{system} net", system);
        UniqueAxisBoundary best = Best(candidates, sigma, angleDegrees, about, system, form);
        return ToOriginal(best, relabelling);
    }

    /// <summary>
    /// A tilt about the basal axis [2-1-10] = [100] or [01-10] = [120] of a hexagonal cell: the construction on the
    /// rectangular net perpendicular to the axis (<see cref="HexagonalBasalAxis.View"/>, two-fold axis, angles modulo
    /// 180°), with Σ that of the hexagonal lattice (that of the net or twice it) and every index in the hexagonal cell's.
    /// </summary>
    private static UniqueAxisBoundary SelectBasal(UnitCell cell, HexagonalBasalAxis basal, int? sigma, double? angleDegrees, Int3? plane)
    {
        string about = LatticeAxis.Describe(basal.Axis, LatticeSystem.Hexagonal);
        string form = basal.Axis.Y == 0 ? "(0kl) (hexagonal (0k-kl))" : "(hkl) with h = −2k (hexagonal (h k i l) with h = −2k)";
        const string system = "hexagonal";
        if (RhombohedralCentring.Detect(cell) is not null)
        {
            throw new InputException($"--axis {Miller.Direction(basal.Axis)}: this hexagonal cell is R-centred (a rhombohedral lattice), whose tilts are built about [0001] only; the Σ about {about} would be that of the rhombohedral lattice, not supported yet");
        }

        CheckRequest(plane, basal.Axis, about, form, sigma);

        UnitCell view = basal.View(cell);
        Mat3 frame = basal.Frame(cell);
        (long g11, long g12, long g22) = UniqueAxisLattice.Metric(view);
        double r = cell.Shape.C2.LengthSquared / cell.Shape.C0.LengthSquared;
        (long p, long q) = RationalApproximation.Simplest(r * (1 - 1e-10), r * (1 + 1e-10), r);
        double detG = 6.0 * p * q * q;
        double normG = basal.Axis.Y == 0 ? 2.0 * q : 6.0 * q;

        UniqueAxisBoundary? Make(int h, int k)
        {
            Int3 vp = Miller.Reduce(new Int3(h, k, 0));
            if (Boundary(view, vp.X, vp.Y, g11, g12, g22, 2, null) is not { } b)
            {
                return null;
            }

            long net = b.Entry.Sigma;
            long exact = basal.Sigma(b.NormalPeriodLower, g11, g22);
            if (exact != net && exact != 2 * net)
            {
                throw new InvalidOperationException(FormattableString.Invariant($"({h}{k}0) about {about}: Σ{exact} of the hexagonal lattice is neither Σ{net} of the net nor twice it"));
            }

            if (exact > int.MaxValue)
            {
                return null;
            }

            CslRotation viewRotation = b.Entry.Rotations[0];
            double ratio = Math.Tan(viewRotation.AngleDegrees * Math.PI / 360) * Math.Sqrt(detG / normG);
            (long gn, long gm) = RationalApproximation.Simplest(ratio * (1 - 1e-9), ratio * (1 + 1e-9), ratio);
            var rotation = new CslRotation(basal.Axis, (int)Math.Min(gm, int.MaxValue), (int)Math.Min(gn, int.MaxValue), (int)exact, viewRotation.AngleDegrees);
            var planes = new TiltPlanePair(basal.PlaneToHexagonal(b.Planes.Lower), basal.PlaneToHexagonal(b.Planes.Upper),
                basal.DirectionToHexagonal(b.Planes.Reference), rotation);
            SigmaEntry entry = b.Entry with { Sigma = (int)exact, Axis = basal.Axis, Rotations = [rotation], Planes = [planes] };
            return new UniqueAxisBoundary(entry, planes, frame * b.Reference, frame * b.NormalLower, frame * b.NormalUpper,
                basal.DirectionToHexagonal(b.NormalPeriodLower), basal.DirectionToHexagonal(b.NormalPeriodUpper),
                basal.DirectionToHexagonal(b.InPlaneLower), basal.DirectionToHexagonal(b.InPlaneUpper));
        }

        List<UniqueAxisBoundary> candidates = Candidates(Make, plane, basal.PlaneToView, sigma, about, "hexagonal lattice's net", system);
        return Best(candidates, sigma, angleDegrees, about, system, form);
    }

    /// <summary>The plane, if given, must contain the axis; a Σ, if given, is at least 2.</summary>
    private static void CheckRequest(Int3? plane, Int3 axis, string about, string form, int? sigma)
    {
        if (plane is { } pl && Miller.Dot(pl, axis) != 0)
        {
            throw new InputException($"--plane {Miller.Plane(pl)}: a tilt about {about} needs a boundary plane containing the axis, {form}");
        }

        if (sigma is < 2)
        {
            throw new InputException(FormattableString.Invariant($"--sigma {sigma}: expected at least 2"));
        }
    }

    /// <summary>
    /// The boundaries to choose from, made by <paramref name="make"/> from plane indices (h k 0) of the net: the given
    /// plane (mapped onto the net by <paramref name="toNet"/>; an input error when it is a mirror line or of another
    /// Σ than asked), else every plane of indices up to <see cref="MaxIndex"/> of the Σ asked.
    /// </summary>
    private static List<UniqueAxisBoundary> Candidates(
        Func<int, int, UniqueAxisBoundary?> make, Int3? plane, Func<Int3, Int3> toNet, int? sigma, string about, string net, string system)
    {
        var candidates = new List<UniqueAxisBoundary>();
        if (plane is { } given)
        {
            Int3 p = toNet(given);
            UniqueAxisBoundary b = make(p.X, p.Y)
                ?? throw new InputException($"--plane {Miller.Plane(given)}: a mirror line of the {net} perpendicular to {about} (Σ1), no tilt boundary");
            if (sigma is { } s && b.Entry.Sigma != s)
            {
                throw new InputException($"--plane {Miller.Plane(given)} about {about} of this {system} cell is Σ{b.Entry.Sigma}, not Σ{s}");
            }

            candidates.Add(b);
            return candidates;
        }

        for (int h = 0; h <= MaxIndex; h++)
        {
            for (int k = -MaxIndex; k <= MaxIndex; k++)
            {
                if (Miller.Gcd(h, k) == 1 && make(h, k) is { } b && (sigma is null || b.Entry.Sigma == sigma))
                {
                    candidates.Add(b);
                }
            }
        }

        return candidates;
    }

    /// <summary>The candidate of smallest Σ, then smallest plane indices, then smallest angle; an input error when none is left.</summary>
    private static UniqueAxisBoundary Best(List<UniqueAxisBoundary> candidates, int? sigma, double? angleDegrees, string about, string system, string form)
    {
        if (angleDegrees is { } angle)
        {
            candidates = candidates.Where(c => Math.Abs(c.Entry.AngleDegrees - angle) < 0.05 || Math.Abs(c.Entry.EquivalentAngleDegrees - angle) < 0.05 ||
                Math.Abs(c.Entry.Rotations[0].AngleDegrees - angle) < 0.05).ToList();
        }

        UniqueAxisBoundary? best = candidates
            .OrderBy(c => c.Entry.Sigma)
            .ThenBy(c => Math.Abs(c.Planes.Lower.X) + Math.Abs(c.Planes.Lower.Y))
            .ThenBy(c => c.Entry.Rotations[0].AngleDegrees)
            .FirstOrDefault();
        if (best is null)
        {
            string what = string.Join(", ", new[]
            {
                sigma is null ? null : $"Σ{sigma}",
                angleDegrees is null ? null : FormattableString.Invariant($"angle {angleDegrees}°"),
            }.Where(x => x is not null));
            throw new InputException($"no symmetric tilt boundary about {about} of this {system} cell with {what} and a plane {form} of indices up to {MaxIndex}");
        }

        return best;
    }

    /// <summary>A boundary found on the relabelled cell, with its indices and Cartesian vectors in the original cell's axes.</summary>
    private static UniqueAxisBoundary ToOriginal(UniqueAxisBoundary b, AxisRelabelling r)
    {
        if (r.IsIdentity)
        {
            return b;
        }

        CslRotation rotation = b.Planes.Rotation with { Axis = r.Axis };
        var planes = new TiltPlanePair(r.ToOriginal(b.Planes.Lower), r.ToOriginal(b.Planes.Upper), r.ToOriginal(b.Planes.Reference), rotation);
        SigmaEntry entry = b.Entry with { Axis = r.Axis, Rotations = [rotation], Planes = [planes] };
        return new UniqueAxisBoundary(entry, planes, r.ToOriginal(b.Reference), r.ToOriginal(b.NormalLower), r.ToOriginal(b.NormalUpper),
            r.ToOriginal(b.NormalPeriodLower), r.ToOriginal(b.NormalPeriodUpper), r.ToOriginal(b.InPlaneLower), r.ToOriginal(b.InPlaneUpper));
    }

    /// <summary>
    /// The boundary on the plane (hk0), or null for a mirror line of the lattice (Σ1). For a hexagonal cell with
    /// rhombohedral <paramref name="centring"/>, Σ, the angles and the generators are those of the rhombohedral lattice
    /// (<see cref="RhombohedralSigma"/>, three-fold axis: conventional angle modulo 120°), so a plane that is a
    /// mirror line of the hexagonal net (θ = 60° or 180°) is the Σ3 twin of the rhombohedral lattice.
    /// </summary>
    private static UniqueAxisBoundary? Boundary(UnitCell cell, int h, int k, long g11, long g12, long g22, int fold, RhombohedralSetting? centring)
    {
        if (h == 0 && k == 0)
        {
            return null;
        }

        Mat3 s = cell.Shape;
        Mat3 reciprocal = cell.ShapeInverse.Transpose();
        Vec3 p = s.C0 / s.C0.Length;
        Vec3 c = s.C2 / s.C2.Length;
        Vec3 q = Vec3.Cross(c, p);
        Vec3 n = reciprocal * new Vec3(h, k, 0);
        if (Vec3.Dot(n, p) < -1e-12 || (Math.Abs(Vec3.Dot(n, p)) <= 1e-12 && Vec3.Dot(n, q) > 0))
        {
            n = -1.0 * n;
        }

        Vec3 mirrored = n - (2 * Vec3.Dot(n, q) / Vec3.Dot(q, q) * q);
        if (Vec3.Dot(n, q) > 1e-12)
        {
            (n, mirrored) = (mirrored, n);
        }

        Int3 lower = PlaneOf(s, n), upper = PlaneOf(s, mirrored);
        Int3 u1 = NormalPeriod(lower, g11, g12, g22, s, n), u2 = NormalPeriod(upper, g11, g12, g22, s, mirrored);

        // Σ = D / gcd(D, 2g) for w = G·u, g = gcd(w), D = uᵀw.
        long w1 = (g11 * u1.X) + (g12 * u1.Y), w2 = (g12 * u1.X) + (g22 * u1.Y);
        long g = Gcd(Math.Abs(w1), Math.Abs(w2));
        long d = (u1.X * w1) + (u1.Y * w2);
        long sigma = d / Gcd(d, 2 * g);
        long gn = 0, gm = 0;
        if (centring is { } setting)
        {
            // The rotation is exact in the generators of the normal period u1 = (x, y, 0): n/m = 3|y|/(2x − y).
            (gm, gn) = RhombohedralSigma.GeneratorsOfHalfAngle(u1.X, u1.Y);
            if (RhombohedralSigma.Of(gm, gn, null) != sigma)
            {
                throw new InvalidOperationException(FormattableString.Invariant(
                    $"({h}{k}0): the hexagonal Σ {sigma} of the plane and Σ{RhombohedralSigma.Of(gm, gn, null)} of its rotation ({gm}, {gn}) differ"));
            }

            sigma = RhombohedralSigma.Of(gm, gn, setting);
        }

        if (sigma < 2 || sigma > int.MaxValue)
        {
            return null;
        }

        Vec3 nu = n / n.Length;
        double half = Math.Atan2(Math.Abs(Vec3.Dot(nu, q)), Vec3.Dot(nu, p));
        double theta = 2 * half * 180 / Math.PI;
        double period = centring is null ? 360.0 / fold : RhombohedralSigma.PeriodDegrees;
        double conventional = SigmaTable.Conventional(theta, period);
        if (centring is null)
        {
            double det = (g11 * g22) - (g12 * g12);
            double ratio = Math.Tan(half) * Math.Sqrt(det);
            (gn, gm) = RationalApproximation.Simplest(ratio * (1 - 1e-9), ratio * (1 + 1e-9), ratio);
        }
        var rotation = new CslRotation(new Int3(0, 0, 1), (int)Math.Min(gm, int.MaxValue), (int)Math.Min(gn, int.MaxValue), (int)sigma, theta);
        var planes = new TiltPlanePair(lower, upper, new Int3(1, 0, 0), rotation);
        var entry = new SigmaEntry((int)sigma, new Int3(0, 0, 1), conventional, period - conventional, [rotation], [planes]);
        return new UniqueAxisBoundary(entry, planes, p, nu, mirrored / mirrored.Length, u1, u2,
            InPlane(s, lower, nu, c), InPlane(s, upper, mirrored / mirrored.Length, c));
    }

    /// <summary>The plane (hk0) whose normal is the Cartesian <paramref name="normal"/>: Aᵀn, reduced.</summary>
    private static Int3 PlaneOf(Mat3 shape, Vec3 normal)
    {
        Vec3 m = shape.Transpose() * normal;
        double scale = Math.Max(Math.Abs(m.X), Math.Abs(m.Y));
        for (int f = 1; f <= 1000; f++)
        {
            // The smallest multiple of the normalised indices that is integral.
            double x = m.X / scale * f, y = m.Y / scale * f;
            if (Math.Abs(x - Math.Round(x)) < 1e-6 && Math.Abs(y - Math.Round(y)) < 1e-6)
            {
                return Miller.Reduce(new Int3((int)Math.Round(x), (int)Math.Round(y), 0));
            }
        }

        throw new InputException(string.Create(CultureInfo.InvariantCulture, $"the mirrored plane of ({m.X:G6} {m.Y:G6} 0) has no small integer indices"));
    }

    /// <summary>The shortest lattice vector along the plane normal: u ∝ adj(G)·(h, k), reduced, pointing along <paramref name="normal"/>.</summary>
    private static Int3 NormalPeriod(Int3 plane, long g11, long g12, long g22, Mat3 shape, Vec3 normal)
    {
        long x = (g22 * plane.X) - (g12 * plane.Y), y = (-g12 * plane.X) + (g11 * plane.Y);
        long g = Gcd(Math.Abs(x), Math.Abs(y));
        x /= g;
        y /= g;
        if (Math.Abs(x) > 1_000_000 || Math.Abs(y) > 1_000_000)
        {
            throw new InputException($"the normal of {Miller.Plane(plane)} has no short lattice period");
        }

        var u = new Int3((int)x, (int)y, 0);
        return Vec3.Dot(shape * Miller.ToVec(u), normal) < 0 ? new Int3(-u.X, -u.Y, 0) : u;
    }

    /// <summary>The lattice direction in the plane (hk0) along normal × c: ±(−k, h, 0), reduced.</summary>
    private static Int3 InPlane(Mat3 shape, Int3 plane, Vec3 normal, Vec3 c)
    {
        Int3 t = Miller.Reduce(new Int3(-plane.Y, plane.X, 0));
        return Vec3.Dot(shape * Miller.ToVec(t), Vec3.Cross(normal, c)) < 0 ? new Int3(-t.X, -t.Y, 0) : t;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return Math.Abs(a);
    }
}
