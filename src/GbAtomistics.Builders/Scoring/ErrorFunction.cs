using System.Runtime.CompilerServices;

namespace GbAtomistics.Builders.Scoring;

/// <summary>
/// The complementary error function erfc(x) = (2/√π) ∫ₓ^∞ e^{−t²} dt (dimensionless), fast enough for the
/// real-space pair loop of <see cref="EwaldSum"/> and accurate to about 1e-14 relative for 0 ≤ x ≤ 7.
/// </summary>
/// <remarks>
/// erfc(x) = e^{−x²} g(x) with the scaled function g = erfcx, which is smooth and bounded on [0, ∞). g is expanded in
/// Chebyshev polynomials of t = (x − K)/(x + K), which maps [0, ∞) onto [−1, 1) (the mapping of Schonfelder,
/// Math. Comp. 32, 1232 (1978)); <see cref="MapScale"/> K = 3 needs about 23 terms for double precision. The
/// coefficients are computed once, by interpolation at Chebyshev nodes, from two reference evaluations of g that are
/// slow but accurate: for x &lt; ½ the series erf(x) = (2/√π) e^{−x²} Σₙ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)) (all terms
/// positive), for x ≥ ½ the continued fraction √π g(x) = 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …)))) evaluated
/// from the bottom up (Abramowitz &amp; Stegun 7.1.14 and 7.1.6).
/// </remarks>
internal static class ErrorFunction
{
    private const double MapScale = 3.0;
    private const int Terms = 24;
    private const int Nodes = 64;
    private const int ContinuedFractionDepth = 5000;

    private static readonly double[] s_coefficients = ComputeCoefficients();

    /// <summary>erfc(<paramref name="x"/>) for any finite x (for x &lt; 0 from erfc(x) = 2 − erfc(−x)).</summary>
    public static double Erfc(double x)
    {
        if (x < 0)
        {
            return 2.0 - Erfc(-x);
        }

        return Math.Exp(-x * x) * ScaledErfc(x);
    }

    /// <summary>erfcx(x) = e^{x²} erfc(x) for x ≥ 0, from the Chebyshev expansion (Clenshaw recurrence).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per real-space pair: skip tier 0
    public static double ScaledErfc(double x)
    {
        double t = (x - MapScale) / (x + MapScale);
        double twoT = 2.0 * t;
        ReadOnlySpan<double> c = s_coefficients;
        double b1 = 0, b2 = 0;
        for (int j = c.Length - 1; j > 0; j--)
        {
            double b0 = (twoT * b1) - b2 + c[j];
            b2 = b1;
            b1 = b0;
        }

        return (t * b1) - b2 + (0.5 * c[0]);
    }

    /// <summary>erfcx(x) for x ≥ 0 by the slow reference evaluations described in the remarks.</summary>
    internal static double ReferenceScaledErfc(double x)
    {
        if (x < 0.5)
        {
            double x2 = x * x;
            double term = x, sum = x;
            for (int n = 1; term > 1e-18 * sum; n++)
            {
                term *= 2.0 * x2 / ((2 * n) + 1);
                sum += term;
            }

            double erf = 2.0 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
            return Math.Exp(x2) * (1.0 - erf);
        }

        double f = x;
        for (int n = ContinuedFractionDepth; n > 0; n--)
        {
            f = x + (0.5 * n / f);
        }

        return 1.0 / (Math.Sqrt(Math.PI) * f);
    }

    private static double[] ComputeCoefficients()
    {
        // Values at the nodes t_k = cos(π (k + ½) / Nodes), all below 1, so x = K (1 + t)/(1 − t) is finite.
        var values = new double[Nodes];
        for (int k = 0; k < Nodes; k++)
        {
            double t = Math.Cos(Math.PI * (k + 0.5) / Nodes);
            values[k] = ReferenceScaledErfc(MapScale * (1 + t) / (1 - t));
        }

        var c = new double[Terms];
        for (int j = 0; j < Terms; j++)
        {
            double sum = 0;
            for (int k = 0; k < Nodes; k++)
            {
                sum += values[k] * Math.Cos(Math.PI * j * (k + 0.5) / Nodes);
            }

            c[j] = 2.0 * sum / Nodes;
        }

        return c;
    }
}
