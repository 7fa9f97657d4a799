using System.Globalization;

namespace GbAtomistics.Core;

/// <summary>
/// Names for LAMMPS-style type numbers (1-based): from a data file's Masses, a dump's <c>element</c> column,
/// the species line of a VASP file, or a user type map such as <c>1=Li,2=O,3=Cl</c>.
/// </summary>
public sealed class SpeciesMap
{
    private readonly Dictionary<int, string> _names;

    public SpeciesMap(IReadOnlyDictionary<int, string> names)
    {
        _names = new Dictionary<int, string>(names);
    }

    /// <summary>Types 1..n named in order, as in the species line of a POSCAR.</summary>
    public static SpeciesMap FromOrderedNames(IReadOnlyList<string> names)
    {
        var map = new Dictionary<int, string>();
        for (int i = 0; i < names.Count; i++)
        {
            map[i + 1] = names[i];
        }

        return new SpeciesMap(map);
    }

    /// <summary>The named types, ascending.</summary>
    public IEnumerable<int> Types => _names.Keys.Order();

    public int Count => _names.Count;

    /// <summary>The name of type <paramref name="type"/>, or null when unnamed.</summary>
    public string? NameOf(int type) => _names.TryGetValue(type, out string? name) ? name : null;

    /// <summary>
    /// The species name of type <paramref name="type"/> as analyses name species: its name in <paramref name="map"/>,
    /// or the type number as text when the map is absent or does not name it.
    /// </summary>
    public static string NameOrNumber(SpeciesMap? map, int type) => map?.NameOf(type) ?? type.ToString(CultureInfo.InvariantCulture);

    /// <summary>The type numbers carrying <paramref name="name"/> (several types may be the same element).</summary>
    public IEnumerable<int> TypesOf(string name) =>
        _names.Where(p => string.Equals(p.Value, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Key).Order();

    /// <summary>
    /// Parses a type map: <c>1=Li,2=O,3=Cl</c> (also <c>1:Li</c> and spaces), or a bare list <c>Li,O,Cl</c> naming
    /// types 1, 2, 3 in order.
    /// </summary>
    public static SpeciesMap Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new Dictionary<int, string>();
        string[] items = text.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
        {
            throw new InputException($"type map '{text}': expected entries like 1=Li,2=O,3=Cl");
        }

        for (int i = 0; i < items.Length; i++)
        {
            string item = items[i];
            int sep = item.IndexOfAny(['=', ':']);
            int type;
            string name;
            if (sep < 0)
            {
                type = i + 1;
                name = item;
            }
            else
            {
                string key = item[..sep].Trim();
                name = item[(sep + 1)..].Trim();
                if (!int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out type) || type < 1)
                {
                    throw new InputException($"type map '{text}': expected a type number ≥ 1 before '{item[sep]}', found '{key}'");
                }
            }

            if (name.Length == 0 || name.Any(char.IsWhiteSpace))
            {
                throw new InputException($"type map '{text}': expected a species name for type {type}, found '{name}'");
            }

            if (!map.TryAdd(type, Elements.Normalize(name) ?? name))
            {
                throw new InputException($"type map '{text}': type {type} is named twice");
            }
        }

        return new SpeciesMap(map);
    }

    public override string ToString() =>
        string.Join(",", _names.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}")));
}
