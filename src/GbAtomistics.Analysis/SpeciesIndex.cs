using GbAtomistics.Core;

namespace GbAtomistics.Analysis;

/// <summary>
/// Numbers the species of a trajectory 0…S−1 in order of their smallest type number, and finds an atom's species
/// quickly through a per-type cache (an array for type numbers below <see cref="DirectTypes"/>, a dictionary beyond).
/// Species are element names when the frame names its types, else type numbers.
/// </summary>
internal sealed class SpeciesIndex
{
    private const int DirectTypes = 256;
    private const int Unknown = int.MinValue;

    private readonly List<string> _names;
    private readonly int[] _byDirectType = Enumerable.Repeat(Unknown, DirectTypes).ToArray();
    private readonly Dictionary<int, int> _byType = [];

    public SpeciesIndex(Frame first)
    {
        // A species' name depends on the type number only: name each type present once (not each atom).
        var typeNames = new SortedDictionary<int, string>();
        for (int i = 0; i < first.Count; i++)
        {
            int type = first.Types[i];
            if (!typeNames.ContainsKey(type))
            {
                typeNames[type] = first.SpeciesName(i);
            }
        }

        _names = typeNames
            .GroupBy(t => t.Value, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Key) // groups in order of their first (smallest) type number
            .ToList();
    }

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>Index of a species name or type-number text; −1 when absent.</summary>
    public int IndexOf(string name) => _names.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Index of the species of atom <paramref name="i"/>, or −1 for a species not in the first frame.</summary>
    public int Of(Frame frame, int i)
    {
        int type = frame.Types[i];
        if ((uint)type < DirectTypes)
        {
            int direct = _byDirectType[type];
            return direct != Unknown ? direct : _byDirectType[type] = IndexOf(frame.SpeciesName(i));
        }

        if (!_byType.TryGetValue(type, out int index))
        {
            index = IndexOf(frame.SpeciesName(i));
            _byType[type] = index;
        }

        return index;
    }

    /// <summary>The index of <paramref name="name"/>, or an error listing the species present.</summary>
    public int Require(string name)
    {
        int index = IndexOf(name);
        return index >= 0
            ? index
            : throw new InputException($"species '{name}' is not in the trajectory; present: {string.Join(", ", _names)}");
    }
}
