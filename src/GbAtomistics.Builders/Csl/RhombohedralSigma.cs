using System.Numerics;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>
/// Σ of a rotation about the c axis [0001] (the three-fold axis [111] of the primitive rhombohedral cell) for the
/// hexagonal lattice and for a rhombohedral lattice written in its hexagonal cell.
/// </summary>
/// <remarks>
/// <para>
/// A coincidence rotation of the hexagonal net about c has tan(θ/2) = n/(m√3) for coprime integers m, n (the generators
/// of the hexagonal table): in fractional hexagonal coordinates it is R = cos θ·I + (sin θ/√3)·J on (a, b), with
/// J = [[1, −2], [2, −1]], cos θ = (3m² − n²)/(3m² + n²), sin θ/√3 = 2mn/(3m² + n²), and c is kept.
/// </para>
/// <para>
/// Σ is the least common denominator of the entries of R and R⁻¹ in a primitive basis B of the lattice, B⁻¹RB (as in
/// <see cref="LatticeSigmaTable"/>). For the hexagonal lattice B is the cell itself. For the rhombohedral lattice B is
/// (t, t − a, t − a − b) with t the first centring translation of the setting: the obverse primitive vectors
/// (2/3, 1/3, 1/3), (−1/3, 1/3, 1/3), (−1/3, −2/3, 1/3). The result is Σ_hex or 3·Σ_hex: the lattice is three copies of
/// the hexagonal one shifted by the centring, and the rotated copies coincide with the unrotated ones exactly when the
/// in-plane part of t − R·t is a vector of the sum of the net and its rotated image; otherwise only the layer through
/// the origin (one in three) holds coincidence sites. The result does not depend on c/a (on the rhombohedral α): c
/// is kept by R and enters B only through the centring's third component, which cancels. It is the same for both
/// settings, which differ by a 60° turn about the same axis.
/// </para>
/// </remarks>
public static class RhombohedralSigma
{
    /// <summary>Rotations that are the same misorientation of a rhombohedral lattice about c differ by this (the axis is three-fold), degrees.</summary>
    public const double PeriodDegrees = 120;

    /// <summary>
    /// Σ of the rotation with generators (<paramref name="m"/>, <paramref name="n"/>) about c for the hexagonal lattice
    /// (<paramref name="setting"/> null) or the rhombohedral lattice of that setting.
    /// </summary>
    public static int Of(long m, long n, RhombohedralSetting? setting)
    {
        if (m < 0 || n < 0 || (m == 0 && n == 0))
        {
            throw new ArgumentOutOfRangeException(nameof(m), FormattableString.Invariant($"generators ({m}, {n}): expected m, n ≥ 0, not both zero"));
        }

        BigInteger d = (3 * (BigInteger)m * m) + ((BigInteger)n * n);
        BigInteger cos = (3 * (BigInteger)m * m) - ((BigInteger)n * n);
        BigInteger sin = 2 * (BigInteger)m * n;

        // 3B as an integer matrix (columns t, t − a, t − a − b, times 3) and B⁻¹ = 3·adj(3B)/det(3B).
        BigInteger[,] b3 = setting switch
        {
            null => new BigInteger[,] { { 3, 0, 0 }, { 0, 3, 0 }, { 0, 0, 3 } },
            RhombohedralSetting.Obverse => Columns((2, 1, 1), (-1, 1, 1), (-1, -2, 1)),
            _ => Columns((1, 2, 1), (-2, 2, 1), (-2, -1, 1)),
        };
        BigInteger det = Determinant(b3);
        BigInteger[,] adj = Adjugate(b3);
        long sigma = 1;
        foreach (int sign in new[] { 1, -1 })
        {
            // D·R in hexagonal coordinates.
            BigInteger[,] r =
            {
                { cos + (sign * sin), -2 * sign * sin, 0 },
                { 2 * sign * sin, cos - (sign * sin), 0 },
                { 0, 0, d },
            };

            // B⁻¹RB = adj(3B)·(D·R)·(3B) / (det(3B)·D), since B⁻¹ = 3·adj(3B)/det(3B).
            BigInteger[,] numerator = Multiply(Multiply(adj, r), b3);
            BigInteger denominator = det * d;
            BigInteger common = denominator;
            foreach (BigInteger x in numerator)
            {
                common = BigInteger.GreatestCommonDivisor(common, x);
            }

            long den = (long)BigInteger.Abs(denominator / common);
            sigma = den / CslLattice.Gcd(den, sigma) * sigma;
        }

        return sigma > int.MaxValue ? throw new InputException("Σ of the rotation about c exceeds the integer range") : (int)sigma;
    }

    /// <summary>
    /// The generators (m, n) of the rotation that takes the direction a onto the direction of the in-plane lattice
    /// vector (<paramref name="x"/>, <paramref name="y"/>, 0) and back by twice that angle, i.e. the tilt θ = 2φ for
    /// φ the angle between a and the vector: tan φ = √3·|y|/(2x − y), so n/m = 3|y|/(2x − y); reduced, m ≥ 0.
    /// An error when 2x − y &lt; 0 (φ above 90°).
    /// </summary>
    public static (long M, long N) GeneratorsOfHalfAngle(long x, long y)
    {
        long m = (2 * x) - y, n = 3 * Math.Abs(y);
        if (m < 0 || (m == 0 && n == 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), FormattableString.Invariant($"({x}, {y}, 0): expected a direction within 90° of a"));
        }

        long g = CslLattice.Gcd(m, n);
        return (m / g, n / g);
    }

    private static BigInteger[,] Columns((int X, int Y, int Z) c0, (int X, int Y, int Z) c1, (int X, int Y, int Z) c2) => new BigInteger[,]
    {
        { c0.X, c1.X, c2.X },
        { c0.Y, c1.Y, c2.Y },
        { c0.Z, c1.Z, c2.Z },
    };

    private static BigInteger[,] Multiply(BigInteger[,] x, BigInteger[,] y)
    {
        var p = new BigInteger[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    p[i, j] += x[i, k] * y[k, j];
                }
            }
        }

        return p;
    }

    private static BigInteger Determinant(BigInteger[,] m) =>
        (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
        - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
        + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));

    private static BigInteger[,] Adjugate(BigInteger[,] m)
    {
        var adj = new BigInteger[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
                adj[i, j] = (m[r0, c0] * m[r1, c1]) - (m[r0, c1] * m[r1, c0]);
            }
        }

        return adj;
    }
}
