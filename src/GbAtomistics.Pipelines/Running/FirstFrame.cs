using GbAtomistics.Analysis;
using GbAtomistics.Core;
using GbAtomistics.IO;

namespace GbAtomistics.Pipelines.Running;

/// <summary>Reads the first frame of an input to learn its species before a run.</summary>
internal static class FirstFrame
{
    public static Frame Read(TrajectoryInput input)
    {
        using ITrajectoryReader reader = FormatRegistry.OpenReader(input.Path, input.ReadOptions, input.Format);
        var frame = new Frame();
        return reader.Read(frame) ? frame : throw new InputException($"{input.Path}: the file holds no frame");
    }

    /// <summary>Species names present, in order of their smallest type number.</summary>
    public static IReadOnlyList<string> Species(TrajectoryInput input)
    {
        Frame f = Read(input);
        return Enumerable.Range(0, f.Count)
            .GroupBy(f.SpeciesName, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Min(i => f.Types[i]))
            .Select(g => g.Key)
            .ToArray();
    }

    /// <summary>Every ordered pair A-B of different species (A-A alone for a one-species system).</summary>
    public static IReadOnlyList<SpeciesPair> DefaultPairs(IReadOnlyList<string> species)
    {
        if (species.Count == 1)
        {
            return [new SpeciesPair(species[0], species[0])];
        }

        return species.SelectMany(a => species.Where(b => b != a).Select(b => new SpeciesPair(a, b))).ToArray();
    }
}
