using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>
/// The lattice of a Σ table from a ratio text (<c>--ratio</c>) or from measured cell parameters, with the rational
/// approximation of measured values and the strain it implies.
/// </summary>
/// <remarks>
/// <para>Ratio text: tetragonal and hexagonal c²/a² as <c>8/3</c>, <c>8:3</c> or <c>2</c>; orthorhombic a²:b²:c² as
/// <c>1:2:3</c>; rhombohedral pymatgen's (1 + 2 cos α)/cos α as <c>15:-4</c>. Integers are exact. A value with a
/// decimal point (<c>2.6361</c>, <c>1:1.37:2.05</c>) is a measured value of the same quantity and is approximated.</para>
/// <para>Approximation: the strain s of a parameter is the relative change that makes it rational, with a fixed: for
/// c²/a² = r measured and p/q chosen, s_c = √((p/q)/r) − 1 (orthorhombic b likewise); for the rhombohedral angle,
/// s_α = α(p/q)/α − 1 with cos α(p/q) = p/q. The chosen p/q is the fraction with the smallest denominator for which
/// |s| ≤ the tolerance (<see cref="RationalApproximation.Simplest"/>), and its denominator must not exceed the
/// largest denominator allowed.</para>
/// </remarks>
public static class LatticeRatio
{
    /// <summary>Default largest |strain|, as a fraction (1%).</summary>
    public const double DefaultTolerance = 0.01;

    /// <summary>Default largest denominator of an approximated ratio.</summary>
    public const long DefaultMaxDenominator = 100;

    /// <summary>The lattice described by <paramref name="text"/> for <paramref name="system"/>.</summary>
    public static ApproximatedLattice Parse(LatticeSystem system, string text, double tolerance, long maxDenominator)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckLimits(tolerance, maxDenominator);
        string name = CslLattice.Name(system);
        if (system == LatticeSystem.Cubic)
        {
            throw new InputException($"--ratio '{text}': a cubic lattice takes no ratio");
        }

        string[] parts = text.Split([':', '/'], StringSplitOptions.TrimEntries);
        int expected = system == LatticeSystem.Orthorhombic ? 3 : 2;
        string form = system switch
        {
            LatticeSystem.Orthorhombic => "a²:b²:c² such as 1:2:3 (or measured 1:1.37:2.05)",
            LatticeSystem.Rhombohedral => "(1+2cos α):cos α such as 15:-4 (or measured -3.75)",
            _ => "c²/a² such as 8/3, 8:3 or 2 (or measured 2.6361)",
        };
        if (parts.Length != expected && !(expected == 2 && parts.Length == 1))
        {
            throw new InputException($"--ratio '{text}': a {name} lattice takes {form}");
        }

        bool measured = parts.Any(p => p.Contains('.', StringComparison.Ordinal) || p.Contains('e', StringComparison.OrdinalIgnoreCase));
        if (!measured)
        {
            var ints = new long[expected];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!long.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ints[i]) || Math.Abs(ints[i]) > 1_000_000)
                {
                    throw new InputException($"--ratio '{text}': expected integers up to 1000000 or decimals, {form}");
                }
            }

            if (parts.Length == 1)
            {
                ints[1] = 1;
            }

            if (ints.Contains(0))
            {
                throw new InputException($"--ratio '{text}': no part may be zero");
            }

            return new ApproximatedLattice(CslLattice.Create(system, ints), [], "exact ratio", null);
        }

        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]) || values[i] == 0)
            {
                throw new InputException($"--ratio '{text}': expected non-zero numbers, {form}");
            }
        }

        double ratio = parts.Length == 2 && system != LatticeSystem.Orthorhombic ? values[0] / values[1] : values[0];
        switch (system)
        {
            case LatticeSystem.Orthorhombic:
                if (values.Any(v => v <= 0))
                {
                    throw new InputException($"--ratio '{text}': expected positive numbers, {form}");
                }

                return Orthorhombic(Math.Sqrt(values[1] / values[0]), Math.Sqrt(values[2] / values[0]), tolerance, maxDenominator, "measured ratio");
            case LatticeSystem.Rhombohedral:
                double cos = 1 / (ratio - 2);
                if (!(cos > -0.5 && cos < 1))
                {
                    throw new InputException($"--ratio '{text}': (1+2cos α)/cos α must be above 3 or below 0");
                }

                return Rhombohedral(Math.Acos(cos) * 180 / Math.PI, tolerance, maxDenominator, "measured ratio");
            default:
                if (ratio <= 0)
                {
                    throw new InputException($"--ratio '{text}': c²/a² must be positive");
                }

                return Uniaxial(system, Math.Sqrt(ratio), tolerance, maxDenominator, "measured ratio");
        }
    }

    /// <summary>The lattice of a measured cell (<paramref name="source"/> names it in messages): the system is detected, then approximated.</summary>
    public static ApproximatedLattice FromCell(CellParameters cell, double tolerance, long maxDenominator, string source)
    {
        ArgumentNullException.ThrowIfNull(cell);
        CheckLimits(tolerance, maxDenominator);
        LatticeSystem system = LatticeDetection.Detect(cell, source);
        double a = (cell.A + cell.B) / 2;
        return system switch
        {
            LatticeSystem.Cubic => new ApproximatedLattice(CslLattice.Cubic, [], source, null),
            LatticeSystem.Tetragonal or LatticeSystem.Hexagonal => Uniaxial(system, cell.C / a, tolerance, maxDenominator, source),
            LatticeSystem.Orthorhombic => Orthorhombic(cell.B / cell.A, cell.C / cell.A, tolerance, maxDenominator, source),
            _ => Rhombohedral((cell.Alpha + cell.Beta + cell.Gamma) / 3, tolerance, maxDenominator, source),
        };
    }

    /// <summary>Tetragonal or hexagonal from a measured c/a.</summary>
    public static ApproximatedLattice Uniaxial(LatticeSystem system, double cOverA, double tolerance, long maxDenominator, string source)
    {
        (long p, long q, ParameterStrain strain) = Squared("c", cOverA, tolerance, maxDenominator);
        return new ApproximatedLattice(CslLattice.Create(system, p, q), [strain], source, tolerance);
    }

    /// <summary>Orthorhombic from measured b/a and c/a.</summary>
    public static ApproximatedLattice Orthorhombic(double bOverA, double cOverA, double tolerance, long maxDenominator, string source)
    {
        (long pb, long qb, ParameterStrain sb) = Squared("b", bOverA, tolerance, maxDenominator);
        (long pc, long qc, ParameterStrain sc) = Squared("c", cOverA, tolerance, maxDenominator);
        long l = qb / CslLattice.Gcd(qb, qc) * qc;
        return new ApproximatedLattice(CslLattice.Create(LatticeSystem.Orthorhombic, l, pb * (l / qb), pc * (l / qc)), [sb, sc], source, tolerance);
    }

    /// <summary>Rhombohedral from a measured α in degrees: cos α is approximated.</summary>
    public static ApproximatedLattice Rhombohedral(double alphaDegrees, double tolerance, long maxDenominator, string source)
    {
        double rad = Math.PI / 180;
        double low = Math.Cos(Math.Min(alphaDegrees * (1 + tolerance), 179.9) * rad), high = Math.Cos(alphaDegrees * (1 - tolerance) * rad);
        (long p, long q) = RationalApproximation.Approximate(Math.Cos(alphaDegrees * rad), low, high, maxDenominator, "rhombohedral cos α");
        if (p == 0)
        {
            throw new InputException(FormattableString.Invariant(
                $"rhombohedral α = {alphaDegrees:F3}° is within the tolerance of 90°: the lattice is cubic (use --lattice cubic or a smaller --ratio-tolerance)"));
        }

        double exact = Math.Acos(p / (double)q) / rad;
        var strain = new ParameterStrain("alpha", alphaDegrees, exact, 100 * ((exact / alphaDegrees) - 1));
        return new ApproximatedLattice(CslLattice.Create(LatticeSystem.Rhombohedral, q + (2 * p), p), [strain], source, tolerance);
    }

    private static (long P, long Q, ParameterStrain Strain) Squared(string parameter, double measuredOverA, double tolerance, long maxDenominator)
    {
        double r = measuredOverA * measuredOverA;
        double low = r * (1 - tolerance) * (1 - tolerance), high = r * (1 + tolerance) * (1 + tolerance);
        (long p, long q) = RationalApproximation.Approximate(r, low, high, maxDenominator, $"{parameter}²/a² = {r.ToString("G8", CultureInfo.InvariantCulture)}");
        double exact = Math.Sqrt(p / (double)q);
        return (p, q, new ParameterStrain(parameter, measuredOverA, exact, 100 * ((exact / measuredOverA) - 1)));
    }

    private static void CheckLimits(double tolerance, long maxDenominator)
    {
        if (!(tolerance > 0 && tolerance < 0.5))
        {
            throw new InputException(FormattableString.Invariant($"--ratio-tolerance {tolerance * 100:G6}: expected a percentage above 0 and below 50"));
        }

        if (maxDenominator < 1 || maxDenominator > 1_000_000)
        {
            throw new InputException(FormattableString.Invariant($"--max-denominator {maxDenominator}: expected 1 to 1000000"));
        }
    }
}
