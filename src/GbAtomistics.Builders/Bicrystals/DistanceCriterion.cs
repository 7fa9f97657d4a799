using System.Globalization;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// The per-pair distance criterion of a build: every pair of atoms of species A and B must be at least a fraction f_AB
/// of the shortest A–B distance of the perfect crystal (periodic images included). One default fraction, optionally
/// replaced for named pairs.
/// </summary>
public sealed record DistanceCriterion
{
    /// <summary>The default fraction: 0.75 of the shortest bulk distance of each pair.</summary>
    public const double DefaultFraction = 0.75;

    public DistanceCriterion(double fraction = DefaultFraction, IReadOnlyDictionary<(string A, string B), double>? pairs = null)
    {
        Fraction = Check(fraction, "the fraction");
        Pairs = pairs ?? new Dictionary<(string, string), double>();
    }

    /// <summary>Fraction of the bulk distance for pairs not named in <see cref="Pairs"/>.</summary>
    public double Fraction { get; }

    /// <summary>Fractions for named pairs (element names, either order).</summary>
    public IReadOnlyDictionary<(string A, string B), double> Pairs { get; }

    /// <summary>The fraction for species <paramref name="s"/> and <paramref name="t"/> of <paramref name="cell"/>.</summary>
    public double FractionFor(UnitCell cell, int s, int t)
    {
        ArgumentNullException.ThrowIfNull(cell);
        foreach (var ((a, b), f) in Pairs)
        {
            if ((Same(a, cell.Species[s]) && Same(b, cell.Species[t])) || (Same(a, cell.Species[t]) && Same(b, cell.Species[s])))
            {
                return f;
            }
        }

        return Fraction;
    }

    /// <summary>
    /// Parses <c>0.7</c>, <c>Li-Li=0.6</c> or <c>0.7,Li-Li=0.6,O-O=0.8</c> (a bare number is the default fraction).
    /// </summary>
    public static DistanceCriterion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double fraction = DefaultFraction;
        var pairs = new Dictionary<(string, string), double>();
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            string valueText = eq < 0 ? item : item[(eq + 1)..].Trim();
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new InputException($"--min-ratio '{text}': expected a fraction such as 0.75, or pairs such as Li-Li=0.6");
            }

            if (eq < 0)
            {
                fraction = value;
                continue;
            }

            string[] names = item[..eq].Split('-', StringSplitOptions.TrimEntries);
            if (names.Length != 2 || names.Any(n => n.Length == 0))
            {
                throw new InputException($"--min-ratio '{text}': expected pairs written A-B=fraction, e.g. Li-Li=0.6");
            }

            pairs[(names[0], names[1])] = Check(value, $"the fraction of {names[0]}-{names[1]}");
        }

        return new DistanceCriterion(fraction, pairs);
    }

    /// <summary>Throws when a named pair is not a pair of species of <paramref name="cell"/>.</summary>
    public void Validate(UnitCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        foreach (var (a, b) in Pairs.Keys)
        {
            if (!cell.Species.Any(s => Same(s, a)) || !cell.Species.Any(s => Same(s, b)))
            {
                throw new InputException($"--min-ratio {a}-{b}: expected species of the crystal ({string.Join(", ", cell.Species)})");
            }
        }
    }

    /// <summary>For example <c>0.75 of the bulk distance (Li-Li 0.6)</c>.</summary>
    public override string ToString() =>
        Fraction.ToString("0.###", CultureInfo.InvariantCulture) + " of the shortest bulk distance of each pair" +
        (Pairs.Count == 0 ? string.Empty : " (" + string.Join(", ", Pairs.Select(p =>
            p.Key.A + "-" + p.Key.B + " " + p.Value.ToString("0.###", CultureInfo.InvariantCulture))) + ")");

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static double Check(double value, string what) =>
        value > 0 && value <= 1 ? value : throw new InputException(FormattableString.Invariant($"--min-ratio: {what} {value} is not between 0 and 1"));
}
