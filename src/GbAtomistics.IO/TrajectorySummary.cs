using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>
/// What <c>gbat info</c> reports about a structure or trajectory: frame count, atom counts, species, step and
/// time ranges, the boxes of the first and last frames and the per-atom data present. Built by reading every
/// frame once, holding two frames at most.
/// </summary>
public sealed class TrajectorySummary
{
    private TrajectorySummary(string path, string format)
    {
        Path = path;
        Format = format;
    }

    public string Path { get; }

    public string Format { get; }

    public int Frames { get; private set; }

    public Frame? First { get; private set; }

    public Frame? Last { get; private set; }

    /// <summary>Smallest and largest atom count over the frames.</summary>
    public (int Min, int Max) AtomCount { get; private set; }

    /// <summary>Index of the first frame whose atom count differs from the first frame's, or null.</summary>
    public int? FirstAtomCountChange { get; private set; }

    /// <summary>Atom count per species name (element, or type number as text) in the first frame.</summary>
    public IReadOnlyList<(string Species, int Count)> SpeciesCounts { get; private set; } = [];

    /// <summary>When the file ended inside a frame and the caller chose to keep the whole frames: the error.</summary>
    public InputFormatException? Truncation { get; private set; }

    /// <summary>
    /// Reads the whole file. A truncated last frame is rethrown unless <paramref name="keepWholeFrames"/>, in which
    /// case the summary covers the whole frames and <see cref="Truncation"/> records the error.
    /// </summary>
    public static TrajectorySummary Scan(ITrajectoryReader reader, bool keepWholeFrames = false)
    {
        var summary = new TrajectorySummary(reader.Path, reader.FormatName);
        var current = new Frame();
        var previous = new Frame();
        int min = int.MaxValue, max = 0;
        try
        {
            while (reader.Read(current))
            {
                if (summary.Frames == 0)
                {
                    summary.First = current.Clone();
                    summary.SpeciesCounts = CountSpecies(current);
                }
                else if (current.Count != summary.First!.Count && summary.FirstAtomCountChange is null)
                {
                    summary.FirstAtomCountChange = summary.Frames;
                }

                min = Math.Min(min, current.Count);
                max = Math.Max(max, current.Count);
                summary.Frames++;
                (current, previous) = (previous, current);
            }
        }
        catch (InputFormatException e) when (e.IsTruncation && keepWholeFrames)
        {
            summary.Truncation = e;
        }

        if (summary.Frames > 0)
        {
            summary.Last = previous;
            summary.AtomCount = (min, max);
        }

        return summary;
    }

    /// <summary>
    /// Atoms per species name, the names in the order of their smallest type (two types of one name count together).
    /// </summary>
    private static List<(string Species, int Count)> CountSpecies(Frame frame)
    {
        var perType = new Dictionary<int, int>();
        int[] types = frame.Types;
        for (int i = 0; i < frame.Count; i++)
        {
            perType[types[i]] = perType.GetValueOrDefault(types[i]) + 1;
        }

        var counts = new List<(string Species, int Count)>();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] ascending = [.. perType.Keys];
        Array.Sort(ascending);
        foreach (int type in ascending)
        {
            int count = perType[type];
            string name = frame.TypeName(type);
            if (position.TryGetValue(name, out int k))
            {
                counts[k] = (name, counts[k].Count + count);
            }
            else
            {
                position[name] = counts.Count;
                counts.Add((name, count));
            }
        }

        return counts;
    }
}
