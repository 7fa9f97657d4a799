using System.Numerics;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>
/// Σ enumeration about a rotation axis [uvw] for any lattice with a rational metric (<see cref="CslLattice"/>):
/// tetragonal, orthorhombic, hexagonal and rhombohedral as well as cubic.
/// </summary>
/// <remarks>
/// <para>In lattice coordinates the rotation by θ about the lattice direction o is
/// R = cos θ·I + sin θ·(V/√D)·G⁻¹[o]ₓ + (1 − cos θ)·o oᵀG/D, with G the metric, V² = det G, D = oᵀGo and
/// [o]ₓx = o × x. R is rational (a coincidence rotation) exactly when cos θ and sin θ·V/√D are rational, that is
/// when tan(θ/2) = (n/m)·√(D/det G) for coprime integers m ≥ 0, n ≥ 1: the generators (m, n) of the table. Σ is the
/// least common denominator of the entries of R and R⁻¹ in the primitive basis (Grimmer, Acta Cryst. A40, 108 (1984);
/// for the hexagonal, rhombohedral, tetragonal and orthorhombic systems the papers pymatgen's
/// <c>GrainBoundaryGenerator.enum_sigma_hex/rho/tet/ort</c> implement: Acta Cryst. A38, 550 (1982); Acta Cryst. A45,
/// 505 (1989); Acta Cryst. B46, 117 (1990); Scripta Metall. 27, 291 (1992)). The formulation here is the general one
/// above; pymatgen 2022.11.7 serves as the reference implementation the tests compare with.</para>
/// <para>Enumeration: if ΣR and ΣR⁻¹ are integral, then 2Σ cos θ = a and, with h the greatest common divisor of the
/// entries of adj(G)[o]ₓ, sin θ·V/√D = V²b/(2Σh) for integers a, b, which satisfy a²h² + det G·D·b² = 4Σ²h². Every
/// Σ up to the limit and every b ≥ 0 allowed by that equation is tried; each candidate rotation is then checked
/// exactly (integer arithmetic) and kept when its Σ is the Σ tried. So the list is complete for θ in (0°, 180°], and
/// the same rotations with θ in (180°, 360°) are the inverses (same Σ).</para>
/// <para>Entries: rotations giving the same misorientation under the axis's own symmetry (θ + 360°/k for a k-fold
/// axis, see <see cref="CslLattice.AxisOrder"/>) and under exchange of the grains (−θ) are one entry; its angle is the
/// smallest, in [0°, 180°/k], its equivalent angle 360°/k − angle, and its rotations every θ in (0°, 180°] of the
/// group (the angles pymatgen lists). Tilt planes are not computed here (<see cref="SigmaEntry.Planes"/> is empty);
/// the cubic table (<see cref="SigmaTable"/>) has them.</para>
/// </remarks>
public static class LatticeSigmaTable
{
    /// <summary>Largest Σ accepted by <see cref="Enumerate"/>.</summary>
    public const int MaxSigmaLimit = 2000;

    /// <summary>Every misorientation about <paramref name="axis"/> with 1 &lt; Σ ≤ <paramref name="maxSigma"/>, by Σ then angle.</summary>
    public static IReadOnlyList<SigmaEntry> Enumerate(CslLattice lattice, Int3 axis, int maxSigma)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        if (axis == Int3.Zero)
        {
            throw new InputException("--axis: expected a non-zero direction such as 001");
        }

        if (maxSigma < 3 || maxSigma > MaxSigmaLimit)
        {
            throw new InputException(FormattableString.Invariant(
                $"--max-sigma {maxSigma}: expected a number from 3 to {MaxSigmaLimit} for a {CslLattice.Name(lattice.System)} lattice"));
        }

        Int3 o = Miller.Reduce(axis);
        long[] ov = [o.X, o.Y, o.Z];
        long[,] g = lattice.Metric();
        long det = Determinant(g);
        long[,] adj = Adjugate(g);
        long[,] cross = { { 0, -ov[2], ov[1] }, { ov[2], 0, -ov[0] }, { -ov[1], ov[0], 0 } };
        var skew = new long[3, 3];
        var axial = new long[3, 3];
        long d = 0;
        long[] go = new long[3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                go[i] += g[i, j] * ov[j];
                for (int k = 0; k < 3; k++)
                {
                    skew[i, j] += adj[i, k] * cross[k, j];
                }
            }
        }

        for (int i = 0; i < 3; i++)
        {
            d += ov[i] * go[i];
            for (int j = 0; j < 3; j++)
            {
                axial[i, j] = ov[i] * go[j];
            }
        }

        long h = 0;
        foreach (long x in skew)
        {
            h = CslLattice.Gcd(h, x);
        }

        Int128 k2 = (Int128)det * d;
        double sqrtK = Math.Sqrt((double)k2);
        int order = lattice.AxisOrder(o);
        double period = 360.0 / order;
        var groups = new Dictionary<(int Sigma, long AngleKey), List<CslRotation>>();
        for (int sigma = 2; sigma <= maxSigma; sigma++)
        {
            Int128 target = (Int128)4 * sigma * sigma * h * h;
            long bMax = (long)Math.Floor(2.0 * sigma * h / sqrtK) + 1;
            for (long b = 0; b <= bMax; b++)
            {
                Int128 rest = target - (k2 * b * b);
                if (rest < 0)
                {
                    break;
                }

                if (rest % ((Int128)h * h) != 0)
                {
                    continue;
                }

                Int128 a2 = rest / ((Int128)h * h);
                long a = ISqrt(a2);
                if ((Int128)a * a != a2)
                {
                    continue;
                }

                foreach (long aa in a == 0 ? new[] { 0L } : [a, -a])
                {
                    if (b == 0 && aa > 0)
                    {
                        continue; // the identity
                    }

                    if (SigmaOf(sigma, aa, b, h, d, skew, axial) != sigma)
                    {
                        continue;
                    }

                    double angle = Math.Atan2(b * sqrtK / h, aa) * 180 / Math.PI;
                    (int m, int n) = Generators(sigma, aa, b, h, det);
                    var rotation = new CslRotation(o, m, n, sigma, angle);
                    double conventional = SigmaTable.Conventional(angle, period);
                    var key = (sigma, (long)Math.Round(conventional * 1e6));
                    if (!groups.TryGetValue(key, out List<CslRotation>? list))
                    {
                        groups[key] = list = [];
                    }

                    list.Add(rotation);
                }
            }
        }

        var entries = new List<SigmaEntry>();
        foreach (var ((sigma, _), rotations) in groups)
        {
            rotations.Sort((x, y) => x.AngleDegrees.CompareTo(y.AngleDegrees));
            double angle = SigmaTable.Conventional(rotations[0].AngleDegrees, period);
            entries.Add(new SigmaEntry(sigma, o, angle, period - angle, rotations, []));
        }

        entries.Sort((x, y) => x.Sigma != y.Sigma ? x.Sigma.CompareTo(y.Sigma) : x.AngleDegrees.CompareTo(y.AngleDegrees));
        return entries;
    }

    /// <summary>
    /// Σ of the rotation with 2Σ cos θ = <paramref name="a"/> and sin θ·V/√D = V²b/(2Σh): the denominator 2ΣhD of
    /// R = [a h D I ± b D adj(G)[o]ₓ + (2Σ − a) h o oᵀG]/(2ΣhD) (+ for R, − for R⁻¹) after cancelling common factors.
    /// </summary>
    private static long SigmaOf(int sigma, long a, long b, long h, long d, long[,] skew, long[,] axial)
    {
        BigInteger den = (BigInteger)2 * sigma * h * d;
        BigInteger common = den;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                BigInteger diagonal = i == j ? (BigInteger)a * h * d : BigInteger.Zero;
                BigInteger rest = diagonal + ((BigInteger)((2 * sigma) - a) * h * axial[i, j]);
                BigInteger turn = (BigInteger)b * d * skew[i, j];
                common = BigInteger.GreatestCommonDivisor(common, rest + turn);
                common = BigInteger.GreatestCommonDivisor(common, rest - turn);
            }
        }

        return (long)(den / common);
    }

    /// <summary>(m, n) with n/m = b·det G/(h(2Σ + a)), reduced (m = 0, n = 1 for 180°).</summary>
    private static (int M, int N) Generators(int sigma, long a, long b, long h, long det)
    {
        if (b == 0)
        {
            return (0, 1);
        }

        BigInteger n = (BigInteger)b * det;
        BigInteger m = (BigInteger)h * ((2 * sigma) + a);
        BigInteger g = BigInteger.GreatestCommonDivisor(n, m);
        n /= g;
        m /= g;
        if (n > int.MaxValue || m > int.MaxValue)
        {
            throw new InputException("--ratio: the lattice ratio has too many digits for the CSL generators; use a simpler ratio");
        }

        return ((int)m, (int)n);
    }

    private static long ISqrt(Int128 x)
    {
        long r = (long)Math.Sqrt((double)x);
        while ((Int128)r * r > x)
        {
            r--;
        }

        while ((Int128)(r + 1) * (r + 1) <= x)
        {
            r++;
        }

        return r;
    }

    private static long Determinant(long[,] m) =>
        (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
        - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
        + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));

    private static long[,] Adjugate(long[,] m)
    {
        var adj = new long[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                // adj[i, j] is the cofactor of m[j, i].
                int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
                adj[i, j] = (m[r0, c0] * m[r1, c1]) - (m[r0, c1] * m[r1, c0]);
            }
        }

        return adj;
    }
}
