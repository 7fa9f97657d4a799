namespace GbAtomistics.Analysis;

/// <summary>
/// An ordered species pair A–B: A is the central species, B the neighbour species. Written <c>Li-O</c> (elements)
/// or <c>1-2</c> (LAMMPS types when the file names none).
/// </summary>
public readonly record struct SpeciesPair(string Central, string Neighbour)
{
    public override string ToString() => $"{Central}-{Neighbour}";

    /// <summary>Parses <c>Li-O,O-O</c> into pairs; an empty list is an error.</summary>
    public static IReadOnlyList<SpeciesPair> ParseList(string text)
    {
        var pairs = new List<SpeciesPair>();
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = item.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new Core.InputException($"species pair '{item}': expected two species joined by '-', e.g. Li-O or 1-2");
            }

            var pair = new SpeciesPair(parts[0], parts[1]);
            if (pairs.Contains(pair))
            {
                throw new Core.InputException($"species pair '{item}' is listed twice");
            }

            pairs.Add(pair);
        }

        if (pairs.Count == 0)
        {
            throw new Core.InputException($"species pairs '{text}': expected at least one pair such as Li-O");
        }

        return pairs;
    }
}
