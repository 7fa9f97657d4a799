using System.Runtime.CompilerServices;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Builders.Scoring;

/// <summary>
/// The Coulomb energy of point charges in a fully periodic cell (orthogonal or triclinic) by Ewald summation, used to
/// compare the electrostatics of candidate bicrystals.
/// </summary>
/// <remarks>
/// <para>
/// With k_e = <see cref="CoulombConstant"/>, charges q_i (e) at r_i (Å), cell volume V (Å³) and splitting parameter
/// α (1/Å) the energy is E = k_e (E_r + E_k + E_s + E_b) with (Frenkel &amp; Smit, Understanding Molecular
/// Simulation, 2nd ed., section 12.1; Allen &amp; Tildesley, Computer Simulation of Liquids, 2nd ed., section 6.2):
/// </para>
/// <list type="bullet">
/// <item><description>real space E_r = ½ Σ_i Σ_j Σ_n′ q_i q_j erfc(α |r_ij + n|)/|r_ij + n| over lattice vectors n,
/// the term i = j, n = 0 left out;</description></item>
/// <item><description>reciprocal space E_k = (2π/V) Σ_{k≠0} e^{−k²/(4α²)}/k² |S(k)|², S(k) = Σ_j q_j e^{i k·r_j},
/// over k = 2π H^{−T} m for integer m (H the cell matrix);</description></item>
/// <item><description>self term E_s = −(α/√π) Σ_i q_i²;</description></item>
/// <item><description>neutralising background E_b = −π Q²/(2 V α²) for net charge Q = Σ_i q_i (zero for a neutral
/// cell): the energy of the charges in a uniform background of charge −Q/V, which keeps E finite and independent of α
/// (e.g. Hub, de Groot &amp; van der Spoel, J. Chem. Theory Comput. 10, 381 (2014)).</description></item>
/// </list>
/// <para>
/// The k = 0 term is left out, which is the tin-foil (conducting) boundary condition at infinity. S(−k) is the
/// complex conjugate of S(k), so only half of the k-vectors are summed (m in a half space, weight 4π/V).
/// S(k) is built from per-axis powers: with fractional coordinates s = H^{−1}(r − origin), e^{i k·r} =
/// Π_a (e^{2πi s_a})^{m_a} up to a phase common to all atoms, so each atom needs three sine/cosine pairs and then one
/// complex product per power and per k-vector.
/// </para>
/// <para>
/// Cut-offs: for a relative accuracy ε the real-space sum stops at r_c = √(−ln ε)/α and the reciprocal sum at
/// k_max = 2α√(−ln ε). A real-space term beyond r_c is then smaller than erfc(α r_c) ≤ e^{−α² r_c²} = ε times the bare
/// Coulomb term q_i q_j/r at that distance, and a reciprocal term beyond k_max is damped by e^{−k²/(4α²)} ≤ ε
/// compared with its undamped value (4π/(V k²)) |S(k)|²: each neglected term is below ε times the term it
/// truncates. The splitting parameter does not depend on ε: α = √π (w N/V²)^{1/6}, the usual balance of the N² r_c³/V
/// real-space pairs against the N V k_max³ reciprocal terms (Perram, Petersen &amp; de Leeuw, Mol. Phys. 65, 875 (1988)),
/// which makes the cost grow as N^{3/2}; the weight w accounts for a real-space pair costing more than a reciprocal
/// term.
/// </para>
/// <para>
/// The error function limits the accuracy to about 1e-14 relative; coincident charges give an infinite energy.
/// </para>
/// </remarks>
public static class EwaldSum
{
    /// <summary>Coulomb constant e²/(4πε₀) in eV·Å.</summary>
    public const double CoulombConstant = 14.399645;

    /// <summary>
    /// The weight w in α = √π (w N/V²)^{1/6} (see the remarks of <see cref="EwaldSum"/>): set by timing 64- to
    /// 16000-atom rock-salt cells at ε = 1e-5, whose run time is then close to its minimum over α.
    /// </summary>
    private const double CostRatio = 50.0;

    /// <summary>
    /// Total Coulomb energy (eV) of point charges (e) at <paramref name="positions"/> (Å) in the periodic
    /// <paramref name="box"/>, tin-foil boundary conditions, with the uniform neutralising background term when the
    /// net charge is not zero.
    /// </summary>
    /// <param name="box">The cell; it must be periodic along a, b and c.</param>
    /// <param name="positions">Positions in Å (any image; they need not be wrapped).</param>
    /// <param name="charges">Charges in units of the elementary charge, one per position.</param>
    /// <param name="relativeAccuracy">
    /// ε in (0, 1): sets both cut-offs so that every neglected real-space and reciprocal term is below ε times the term
    /// it truncates (see the remarks); α is chosen from the number of charges and the volume.
    /// </param>
    /// <exception cref="ArgumentException">
    /// The lengths differ, an input is not finite, ε is outside (0, 1), or the box is not periodic in all three
    /// directions.
    /// </exception>
    public static double Energy(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<double> charges, double relativeAccuracy = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(box);
        return Energy(box, positions, charges, relativeAccuracy, SplittingParameter(positions.Length, box.Volume));
    }

    /// <summary>
    /// <see cref="Energy(Box, ReadOnlySpan{Vec3}, ReadOnlySpan{double}, double)"/> with the splitting parameter
    /// <paramref name="alpha"/> (1/Å) given; the result does not depend on it beyond the accuracy.
    /// </summary>
    internal static double Energy(
        Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<double> charges, double relativeAccuracy, double alpha)
    {
        Validate(box, positions, charges, relativeAccuracy);
        if (!(alpha > 0) || !double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "splitting parameter must be a positive number of 1/Å");
        }

        double sumSquares = 0, net = 0;
        foreach (double q in charges)
        {
            sumSquares += q * q;
            net += q;
        }

        if (sumSquares == 0)
        {
            return 0;
        }

        double volume = box.Volume;
        double logAccuracy = Math.Sqrt(-Math.Log(relativeAccuracy));
        double realCutoff = logAccuracy / alpha;
        double reciprocalCutoff = 2 * alpha * logAccuracy;

        double real = RealSpace(box, positions, charges.ToArray(), alpha, realCutoff);
        double reciprocal = Reciprocal(box, positions, charges, alpha, reciprocalCutoff);
        double self = -alpha / Math.Sqrt(Math.PI) * sumSquares;
        double background = -Math.PI * net * net / (2 * volume * alpha * alpha);
        return CoulombConstant * (real + reciprocal + self + background);
    }

    /// <summary>The default splitting parameter α (1/Å) for <paramref name="count"/> charges in a cell of volume Å³.</summary>
    internal static double SplittingParameter(int count, double volume) =>
        Math.Sqrt(Math.PI) * Math.Pow(CostRatio * Math.Max(count, 1) / (volume * volume), 1.0 / 6.0);

    private static void Validate(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<double> charges, double relativeAccuracy)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (!(box.Periodic.A && box.Periodic.B && box.Periodic.C))
        {
            throw new ArgumentException($"the Ewald sum needs a cell periodic along a, b and c (got {box.Periodic})", nameof(box));
        }

        if (positions.Length != charges.Length)
        {
            throw new ArgumentException(
                $"{positions.Length} positions but {charges.Length} charges", nameof(charges));
        }

        if (!(relativeAccuracy > 0 && relativeAccuracy < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeAccuracy), relativeAccuracy, "relative accuracy must lie in (0, 1)");
        }

        for (int i = 0; i < positions.Length; i++)
        {
            if (!positions[i].IsFinite)
            {
                throw new ArgumentException($"position {i} is not finite: {positions[i]}", nameof(positions));
            }

            if (!double.IsFinite(charges[i]))
            {
                throw new ArgumentException($"charge {i} is not finite", nameof(charges));
            }
        }
    }

    /// <summary>E_r in e²/Å over all image pairs closer than <paramref name="cutoff"/> (Å).</summary>
    private static double RealSpace(Box box, ReadOnlySpan<Vec3> positions, double[] charges, double alpha, double cutoff)
    {
        var cells = new CellList(box, positions, cutoff);
        var visitor = new EwaldRealSpaceVisitor(charges, alpha);
        cells.VisitPairs(ref visitor);
        return visitor.Sum;
    }

    /// <summary>E_k in e²/Å over the k-vectors shorter than <paramref name="cutoff"/> (1/Å).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call runs millions of iterations: skip tier 0
    private static double Reciprocal(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<double> charges, double alpha, double cutoff)
    {
        int n = positions.Length;
        double cutoffSquared = cutoff * cutoff;

        // Reciprocal vectors g_a (rows of H^{-1} times 2π), so k = m1 g1 + m2 g2 + m3 g3. Since m_a = k·a/(2π),
        // |k| < k_max needs |m_a| ≤ k_max |a|/(2π).
        Mat3 inverse = box.HInverse;
        Vec3 g1 = 2 * Math.PI * inverse.Row(0), g2 = 2 * Math.PI * inverse.Row(1), g3 = 2 * Math.PI * inverse.Row(2);
        int max1 = MaxIndex(cutoff, box.A), max2 = MaxIndex(cutoff, box.B), max3 = MaxIndex(cutoff, box.C);

        // Powers (e^{2πi s_a})^m for m = 0 … max_a, stored by power then atom; negative powers are the conjugates.
        var (re1, im1) = Powers(box, positions, 0, max1);
        var (re2, im2) = Powers(box, positions, 1, max2);
        var (re3, im3) = Powers(box, positions, 2, max3);
        var pRe = new double[n];
        var pIm = new double[n];

        double g33 = g3.LengthSquared;
        double sum = 0;
        for (int m1 = 0; m1 <= max1; m1++)
        {
            for (int m2 = m1 == 0 ? 0 : -max2; m2 <= max2; m2++)
            {
                // |k12 + m3 g3|² is smallest at m3* = −k12·g3/|g3|²; skip the row when even that is too long, else
                // scan the m3 around m3* that can fall inside the sphere.
                Vec3 k12 = (m1 * g1) + (m2 * g2);
                double center = -Vec3.Dot(k12, g3) / g33;
                double slack = cutoffSquared - k12.LengthSquared + (center * center * g33);
                if (slack <= 0)
                {
                    continue;
                }

                double halfWidth = Math.Sqrt(slack / g33);
                int low = Math.Max(-max3, (int)Math.Floor(center - halfWidth));
                int high = Math.Min(max3, (int)Math.Ceiling(center + halfWidth));
                bool halfRow = m1 == 0 && m2 == 0; // only m3 > 0 belongs to the half space
                if (halfRow)
                {
                    low = Math.Max(low, 1);
                }

                if (low > high)
                {
                    continue;
                }

                // p_j = q_j (e^{2πi s_1})^{m1} (e^{2πi s_2})^{m2}.
                int o1 = m1 * n, o2 = Math.Abs(m2) * n;
                double sign2 = m2 < 0 ? -1 : 1;
                for (int j = 0; j < n; j++)
                {
                    double ar = re1[o1 + j], ai = im1[o1 + j];
                    double br = re2[o2 + j], bi = sign2 * im2[o2 + j];
                    pRe[j] = charges[j] * ((ar * br) - (ai * bi));
                    pIm[j] = charges[j] * ((ar * bi) + (ai * br));
                }

                // m3 and −m3 together: S(±) = Σ p_j e^{±i φ_j} from the same four sums. In the half row low ≥ 1, so
                // neither m3 = 0 nor a negative m3 is taken there.
                int reach = Math.Max(Math.Abs(low), Math.Abs(high));
                for (int m3 = 0; m3 <= reach; m3++)
                {
                    bool plus = m3 >= low && m3 <= high;
                    bool minus = m3 > 0 && -m3 >= low && -m3 <= high;
                    double wPlus = plus ? Weight((k12 + (m3 * g3)).LengthSquared, cutoffSquared, alpha) : 0;
                    double wMinus = minus ? Weight((k12 - (m3 * g3)).LengthSquared, cutoffSquared, alpha) : 0;
                    if (wPlus == 0 && wMinus == 0)
                    {
                        continue;
                    }

                    int o3 = m3 * n;
                    double prer = 0, pimi = 0, prei = 0, pimr = 0;
                    for (int j = 0; j < n; j++)
                    {
                        double er = re3[o3 + j], ei = im3[o3 + j];
                        prer += pRe[j] * er;
                        pimi += pIm[j] * ei;
                        prei += pRe[j] * ei;
                        pimr += pIm[j] * er;
                    }

                    // S(+) = (prer − pimi) + i (prei + pimr); S(−) = (prer + pimi) + i (pimr − prei).
                    double sPlusRe = prer - pimi, sPlusIm = prei + pimr;
                    double sMinusRe = prer + pimi, sMinusIm = pimr - prei;
                    sum += (wPlus * ((sPlusRe * sPlusRe) + (sPlusIm * sPlusIm)))
                        + (wMinus * ((sMinusRe * sMinusRe) + (sMinusIm * sMinusIm)));
                }
            }
        }

        return 4 * Math.PI / box.Volume * sum;
    }

    /// <summary>e^{−k²/(4α²)}/k² for 0 &lt; k² &lt; k_max², else 0.</summary>
    private static double Weight(double kSquared, double cutoffSquared, double alpha) =>
        kSquared > 0 && kSquared < cutoffSquared ? Math.Exp(-kSquared / (4 * alpha * alpha)) / kSquared : 0;

    private static int MaxIndex(double cutoff, Vec3 edge) => (int)Math.Floor(cutoff * edge.Length / (2 * Math.PI));

    /// <summary>Real and imaginary parts of (e^{2πi s})^m, m = 0 … max, for fractional coordinate s along one axis.</summary>
    private static (double[] Re, double[] Im) Powers(Box box, ReadOnlySpan<Vec3> positions, int axis, int max)
    {
        int n = positions.Length;
        var re = new double[(max + 1) * n];
        var im = new double[(max + 1) * n];
        for (int j = 0; j < n; j++)
        {
            double s = box.ToFractional(positions[j])[axis];
            (double sin, double cos) = Math.SinCos(2 * Math.PI * (s - Math.Floor(s)));
            re[j] = 1;
            double pr = 1, pi = 0;
            for (int m = 1; m <= max; m++)
            {
                (pr, pi) = ((pr * cos) - (pi * sin), (pr * sin) + (pi * cos));
                re[(m * n) + j] = pr;
                im[(m * n) + j] = pi;
            }
        }

        return (re, im);
    }
}
