using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>
/// Rational approximation of a measured number: the fraction with the smallest denominator inside an interval,
/// found from the continued fraction expansions of the interval's ends (the Stern–Brocot descent).
/// </summary>
internal static class RationalApproximation
{
    /// <summary>
    /// The fraction p/q (q ≥ 1, reduced) with the smallest q in [<paramref name="low"/>, <paramref name="high"/>];
    /// when several integers lie inside, the one nearest <paramref name="preferred"/>. Both ends must have the same
    /// sign or the interval must contain 0 (then 0/1).
    /// </summary>
    public static (long P, long Q) Simplest(double low, double high, double preferred)
    {
        if (!(low <= high) || double.IsInfinity(low) || double.IsInfinity(high))
        {
            throw new ArgumentException("expected a finite interval with low ≤ high");
        }

        if (low <= 0 && high >= 0)
        {
            return (0, 1);
        }

        if (high < 0)
        {
            (long p, long q) = Simplest(-high, -low, -preferred);
            return (-p, q);
        }

        return Positive(low, high, preferred, 0);
    }

    /// <summary>
    /// The simplest fraction in [<paramref name="low"/>, <paramref name="high"/>] (the one nearest
    /// <paramref name="value"/> among integers) whose denominator is at most <paramref name="maxDenominator"/>; an input
    /// error naming <paramref name="what"/> when there is none.
    /// </summary>
    public static (long P, long Q) Approximate(double value, double low, double high, long maxDenominator, string what)
    {
        (long p, long q) = Simplest(low, high, value);
        if (q > maxDenominator)
        {
            throw new InputException(FormattableString.Invariant(
                $"{what}: no fraction with denominator ≤ {maxDenominator} lies in [{low:G6}, {high:G6}] around the measured {value:G8}; raise --ratio-tolerance or --max-denominator"));
        }

        return (p, q);
    }

    private static (long P, long Q) Positive(double low, double high, double preferred, int depth)
    {
        double ceiling = Math.Ceiling(low);
        if (ceiling <= high)
        {
            // Only at the top level may several integers compete; deeper down the smallest gives the smallest denominator.
            double best = depth == 0 ? Math.Clamp(Math.Round(preferred), ceiling, Math.Floor(high)) : ceiling;
            return ((long)best, 1);
        }

        if (depth > 60)
        {
            throw new InputException("the ratio needs a continued fraction longer than 60 terms; give a wider tolerance");
        }

        // low and high lie in (a, a + 1): x = a + 1/y with y in [1/(high − a), 1/(low − a)].
        long a = (long)Math.Floor(low);
        (long p, long q) = Positive(1 / (high - a), 1 / (low - a), 1 / (preferred - a), depth + 1);
        return ((a * p) + q, p);
    }
}
