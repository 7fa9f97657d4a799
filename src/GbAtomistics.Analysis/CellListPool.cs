using System.Collections.Concurrent;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Analysis;

/// <summary>
/// Cell lists lent to the pair loops of the analyses for one frame and given back after it, so that a list's arrays
/// (about 56 bytes per atom) exist once per list in use at a time, not once per accumulator: frame-parallel runs keep
/// an accumulator per lane (up to 16), and their memory would otherwise grow with the lanes a trajectory reaches.
/// Lists are reused for any frame, subset and cut-off (their arrays grow to the largest frame seen).
/// </summary>
internal static class CellListPool
{
    private static readonly ConcurrentBag<CellList> Free = [];

    /// <summary>A list over all atoms of the frame with the cut-off (Å); give it back with <see cref="Return"/>.</summary>
    public static CellList Rent(Box box, ReadOnlySpan<Vec3> positions, double cutoff)
    {
        if (!Free.TryTake(out CellList? list))
        {
            return new CellList(box, positions, cutoff);
        }

        list.Rebuild(box, positions, cutoff);
        return list;
    }

    /// <summary>A list over the atoms <paramref name="atoms"/> only; give it back with <see cref="Return"/>.</summary>
    public static CellList Rent(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> atoms, double cutoff)
    {
        if (!Free.TryTake(out CellList? list))
        {
            return new CellList(box, positions, atoms, cutoff);
        }

        list.Rebuild(box, positions, atoms, cutoff);
        return list;
    }

    /// <summary>Visits every pair of the frame within the cut-off (Å) through a list lent for the call.</summary>
    public static void VisitPairs<TVisitor>(Box box, ReadOnlySpan<Vec3> positions, double cutoff, ref TVisitor visitor)
        where TVisitor : struct, IPairVisitor
    {
        CellList cells = Rent(box, positions, cutoff);
        try
        {
            cells.VisitPairs(ref visitor);
        }
        finally
        {
            Return(cells);
        }
    }

    /// <summary>Gives a list back; it must not be used after.</summary>
    public static void Return(CellList list) => Free.Add(list);
}
