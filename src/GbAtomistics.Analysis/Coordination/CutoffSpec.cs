using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Coordination;

/// <summary>
/// The cut-offs as the user writes them (<c>--cutoff</c>): <c>auto</c> (the first minimum of g_AB for every pair),
/// one distance in Å for every pair (<c>2.6</c>), or per pair (<c>Li-O=2.6,O-Li=auto</c>; pairs not named are auto).
/// </summary>
public sealed class CutoffSpec
{
    private readonly double? _all;
    private readonly Dictionary<string, double?> _byPair = new(StringComparer.OrdinalIgnoreCase);

    private CutoffSpec(double? all)
    {
        _all = all;
    }

    /// <summary>Every pair at the first minimum of its g(r).</summary>
    public static CutoffSpec Auto { get; } = new(null);

    /// <summary>Parses the text of <c>--cutoff</c>; null or empty means <see cref="Auto"/>.</summary>
    public static CutoffSpec Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Auto;
        }

        if (!text.Contains('='))
        {
            return new CutoffSpec(ParseDistance(text, text.Trim()));
        }

        var spec = new CutoffSpec(null);
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = item.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new InputException($"--cutoff {text}: expected PAIR=Å items such as Li-O=2.6, found '{item}'");
            }

            SpeciesPair pair = SpeciesPair.ParseList(parts[0])[0];
            double? value = parts[1].Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : ParseDistance(text, parts[1]);
            if (!spec._byPair.TryAdd(pair.ToString(), value))
            {
                throw new InputException($"--cutoff {text}: pair {pair} is given twice");
            }
        }

        return spec;
    }

    /// <summary>Pairs named explicitly (for checking them against the analysed pairs).</summary>
    public IEnumerable<string> NamedPairs => _byPair.Keys;

    /// <summary>The cut-off of <paramref name="pair"/> in Å, or null when it is to be found from g(r).</summary>
    public double? For(SpeciesPair pair) => _byPair.TryGetValue(pair.ToString(), out double? v) ? v : _all;

    private static double ParseDistance(string text, string item)
    {
        if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double r) || !(r > 0) || !double.IsFinite(r))
        {
            throw new InputException($"--cutoff {text}: expected a positive distance in Å or 'auto', found '{item}'");
        }

        return r;
    }
}
