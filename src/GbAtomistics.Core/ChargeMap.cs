using System.Globalization;

namespace GbAtomistics.Core;

/// <summary>Charges per species in e, as the user writes them: <c>Li=1,O=-2,Cl=-1</c>.</summary>
public static class ChargeMap
{
    /// <summary>Parses the map; a malformed or empty one is an <see cref="InputException"/> naming <c>--charges</c>.</summary>
    public static IReadOnlyDictionary<string, double> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = item.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 ||
                !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double q) || !double.IsFinite(q))
            {
                throw new InputException($"--charges {text}: expected SPECIES=CHARGE pairs such as Li=1,O=-2, found '{item}'");
            }

            map[parts[0]] = q;
        }

        return map.Count > 0 ? map : throw new InputException($"--charges {text}: expected at least one SPECIES=CHARGE");
    }
}
