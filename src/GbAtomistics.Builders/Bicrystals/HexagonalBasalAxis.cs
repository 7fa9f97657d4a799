using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// A tilt axis in the basal plane of a hexagonal cell: [2-1-10] = [100] (a) or [01-10] = [120] (a + 2b, perpendicular
/// to a). The lattice vectors perpendicular to such an axis form the rectangular net of the orthohexagonal cell
/// (a, a + 2b, c): (a + 2b, c) about [100], (c, a) about [120]. The unique-axis construction runs on that net
/// (<see cref="View"/>, an orthorhombic cell whose c is the axis), and the result is mapped back to the hexagonal
/// cell's indices; Σ is that of the hexagonal lattice (<see cref="Sigma"/>).
/// </summary>
/// <remarks>
/// The hexagonal lattice is the orthohexagonal lattice with the centring (a_o + b_o)/2, so along the axis it is a
/// stacking of the net N, and of N shifted by half a period of N, at half the axis period. The coincidence index of
/// the three-dimensional lattice is therefore that of N (when the shifted layers also coincide) or twice it; it is
/// computed exactly as the least common denominator of the rotation and its inverse in the hexagonal basis.
/// </remarks>
internal sealed class HexagonalBasalAxis
{
    private static readonly HexagonalBasalAxis AboutA = new(new Int3(1, 0, 0), new long[,] { { 1, 0, 1 }, { 2, 0, 0 }, { 0, 1, 0 } });
    private static readonly HexagonalBasalAxis AboutA2B = new(new Int3(1, 2, 0), new long[,] { { 0, 1, 1 }, { 0, 0, 2 }, { 1, 0, 0 } });

    /// <summary>Columns: the view's a′, b′, c′ in hexagonal direction indices.</summary>
    private readonly long[,] _toHexagonal;

    private HexagonalBasalAxis(Int3 axis, long[,] toHexagonal)
    {
        Axis = axis;
        _toHexagonal = toHexagonal;
    }

    /// <summary>The axis in three-index hexagonal notation: [100] = [2-1-10] or [120] = [01-10].</summary>
    public Int3 Axis { get; }

    /// <summary>The basal axis for <paramref name="axis"/> (either sign), or null for any other axis.</summary>
    public static HexagonalBasalAxis? For(Int3 axis)
    {
        Int3 o = Miller.Reduce(axis);
        Int3 positive = o.X < 0 || (o.X == 0 && o.Y < 0) ? new Int3(-o.X, -o.Y, -o.Z) : o;
        return positive switch
        {
            { X: 1, Y: 0, Z: 0 } => AboutA,
            { X: 1, Y: 2, Z: 0 } => AboutA2B,
            _ => null,
        };
    }

    /// <summary>
    /// The orthorhombic cell of the net perpendicular to the axis, as the unique-axis construction takes it: a′ and b′
    /// the net (in the x–y plane), c′ the axis (along z), lengths in units of |a′|. Only its lattice is used; the sites
    /// are the hexagonal cell's, not converted.
    /// </summary>
    public UnitCell View(UnitCell cell)
    {
        Vec3[] e = Columns(cell);
        double scale = e[0].Length;
        Mat3 q = Frame(cell);
        Mat3 qt = q.Transpose();
        var shape = new Mat3(qt * e[0] / scale, qt * e[1] / scale, qt * e[2] / scale);
        return new UnitCell(cell.Name, cell.A * scale, shape, LatticeSystem.Orthorhombic, cell.Species, cell.Charges, cell.Sites);
    }

    /// <summary>The rotation from the view's Cartesian frame to the hexagonal cell's (columns: a′, b′, c′ normalised).</summary>
    public Mat3 Frame(UnitCell cell)
    {
        Vec3[] e = Columns(cell);
        return new Mat3(e[0] / e[0].Length, e[1] / e[1].Length, e[2] / e[2].Length);
    }

    /// <summary>Direction indices of the view in hexagonal three-index notation.</summary>
    public Int3 DirectionToHexagonal(Int3 v)
    {
        long[] x = [v.X, v.Y, v.Z];
        long[] r = new long[3];
        for (int i = 0; i < 3; i++)
        {
            r[i] = (_toHexagonal[i, 0] * x[0]) + (_toHexagonal[i, 1] * x[1]) + (_toHexagonal[i, 2] * x[2]);
        }

        return new Int3(checked((int)r[0]), checked((int)r[1]), checked((int)r[2]));
    }

    /// <summary>Plane indices of the hexagonal cell in the view: h′_i = h·e′_i.</summary>
    public Int3 PlaneToView(Int3 h)
    {
        long[] x = [h.X, h.Y, h.Z];
        long[] r = new long[3];
        for (int i = 0; i < 3; i++)
        {
            r[i] = (_toHexagonal[0, i] * x[0]) + (_toHexagonal[1, i] * x[1]) + (_toHexagonal[2, i] * x[2]);
        }

        return new Int3(checked((int)r[0]), checked((int)r[1]), checked((int)r[2]));
    }

    /// <summary>Plane indices of the view in the hexagonal cell (the inverse of <see cref="PlaneToView"/>, made integral and reduced).</summary>
    public Int3 PlaneToHexagonal(Int3 h)
    {
        long[,] at = Transpose(_toHexagonal);
        long[,] adj = Adjugate(at);
        long[] x = [h.X, h.Y, h.Z];
        int[] r = new int[3];
        for (int i = 0; i < 3; i++)
        {
            r[i] = checked((int)((adj[i, 0] * x[0]) + (adj[i, 1] * x[1]) + (adj[i, 2] * x[2])));
        }

        Int3 p = Miller.Reduce(new Int3(r[0], r[1], r[2]));
        return Determinant(at) < 0 ? new Int3(-p.X, -p.Y, -p.Z) : p;
    }

    /// <summary>
    /// Σ of the hexagonal lattice for the rotation that takes the mirror line along a′ of the view's net onto the line of
    /// the net vector <paramref name="u"/> = (x, y, 0) and back (the product of the two mirrors, a rotation by twice the
    /// angle between them about the axis): the least common denominator of R and R⁻¹ in the hexagonal basis, exact.
    /// <paramref name="g11"/> and <paramref name="g22"/> are the view's integer net metric.
    /// </summary>
    public long Sigma(Int3 u, long g11, long g22)
    {
        long d = (g11 * u.X * u.X) + (g22 * u.Y * u.Y);

        // d·M_u = 2 u uᵀ G − d I in the net; the mirror along a′ is diag(1, −1).
        long[,] mu =
        {
            { (2 * u.X * u.X * g11) - d, 2 * u.X * u.Y * g22, 0 },
            { 2 * u.Y * u.X * g11, (2 * u.Y * u.Y * g22) - d, 0 },
            { 0, 0, d },
        };
        long[,] ma = { { 1, 0, 0 }, { 0, -1, 0 }, { 0, 0, 1 } };
        return Lcm(Denominator(Multiply(mu, ma), d), Denominator(Multiply(ma, mu), d));
    }

    /// <summary>The least common denominator of A·(n/d)·A⁻¹ (A the view's basis in hexagonal indices).</summary>
    private long Denominator(long[,] n, long d)
    {
        long det = Determinant(_toHexagonal);
        long[,] k = Multiply(Multiply(_toHexagonal, n), Adjugate(_toHexagonal));
        long denominator = Math.Abs(d * det);
        long g = denominator;
        foreach (long x in k)
        {
            g = Gcd(g, Math.Abs(x));
        }

        return denominator / g;
    }

    private Vec3[] Columns(UnitCell cell)
    {
        Mat3 s = cell.Shape;
        Vec3[] e = new Vec3[3];
        for (int j = 0; j < 3; j++)
        {
            e[j] = (_toHexagonal[0, j] * s.C0) + (_toHexagonal[1, j] * s.C1) + (_toHexagonal[2, j] * s.C2);
        }

        return e;
    }

    private static long[,] Multiply(long[,] a, long[,] b)
    {
        long[,] r = new long[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    r[i, j] = checked(r[i, j] + (a[i, k] * b[k, j]));
                }
            }
        }

        return r;
    }

    private static long[,] Transpose(long[,] a)
    {
        long[,] r = new long[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                r[i, j] = a[j, i];
            }
        }

        return r;
    }

    private static long[,] Adjugate(long[,] a)
    {
        long[,] r = new long[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
                r[i, j] = (a[i1, j1] * a[i2, j2]) - (a[i1, j2] * a[i2, j1]);
            }
        }

        return r;
    }

    private static long Determinant(long[,] a) =>
        (a[0, 0] * ((a[1, 1] * a[2, 2]) - (a[1, 2] * a[2, 1])))
        - (a[0, 1] * ((a[1, 0] * a[2, 2]) - (a[1, 2] * a[2, 0])))
        + (a[0, 2] * ((a[1, 0] * a[2, 1]) - (a[1, 1] * a[2, 0])));

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return Math.Abs(a);
    }

    private static long Lcm(long a, long b) => a / Gcd(a, b) * b;
}
