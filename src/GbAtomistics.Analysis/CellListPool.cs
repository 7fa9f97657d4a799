using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Analysis;

/// <summary>
/// Cell lists lent to the pair loops of the analyses for one frame and given back after it, so that a list's arrays
/// (about 56 bytes per atom) exist once per list in use at a time, not once per accumulator: frame-parallel runs keep
/// an accumulator per lane (up to 16), and their memory would otherwise grow with the lanes a trajectory reaches.
/// Lists are reused for any frame, subset and cut-off (their arrays grow to the largest frame seen).
/// <para>
/// When several analyses take the same frame one after another on one thread (the analyses of one pass), the caller
/// opens <see cref="Share"/> around them: a list asked for the frame's own positions is then built once per atom
/// subset and cut-off and lent to every analysis that asks for the same ones (e.g. a coordination count and a profile
/// with the same cut-off, or the per-species lists of several species-filtered loops; RDFs that differ only in their
/// region go further and share one traversal, <see cref="Rdf.RdfAccumulatorGroup"/>). Its users take it in turn (the
/// analyses of a lane run one after another) and give it back as usual; it goes back to the pool when the frame's
/// scope ends.
/// </para>
/// </summary>
internal static class CellListPool
{
    /// <summary>Lists one frame's scope keeps at most (each is a few MB for 10⁵ atoms); further ones are not shared.</summary>
    private const int MaxShared = 4;

    private static readonly ConcurrentBag<CellList> Free = [];

    [ThreadStatic]
    private static Frame? t_sharedFrame;

    [ThreadStatic]
    private static List<Shared>? t_shared;

    /// <summary>
    /// Shares the lists built for <paramref name="frame"/> on this thread until the returned scope is disposed. The
    /// frame must not change meanwhile (analyses read frames, never write them). Scopes do not nest.
    /// </summary>
    public static Scope Share(Frame frame)
    {
        if (t_sharedFrame is not null)
        {
            throw new InvalidOperationException("a cell-list sharing scope is already open on this thread");
        }

        t_sharedFrame = frame;
        t_shared ??= [];
        return new Scope(open: true);
    }

    /// <summary>A list over all atoms of the frame with the cut-off (Å); give it back with <see cref="Return"/>.</summary>
    public static CellList Rent(Box box, ReadOnlySpan<Vec3> positions, double cutoff) =>
        RentShared(box, positions, [], all: true, cutoff) ?? RentFree(box, positions, [], all: true, cutoff);

    /// <summary>A list over the atoms <paramref name="atoms"/> only; give it back with <see cref="Return"/>.</summary>
    public static CellList Rent(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> atoms, double cutoff) =>
        RentShared(box, positions, atoms, all: false, cutoff) ?? RentFree(box, positions, atoms, all: false, cutoff);

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

    /// <summary>Gives a list back; it must not be used after. A list shared within a frame's scope stays until its end.</summary>
    public static void Return(CellList list)
    {
        foreach (Shared s in t_shared ?? [])
        {
            if (ReferenceEquals(s.List, list))
            {
                return;
            }
        }

        Free.Add(list);
    }

    private static CellList RentFree(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> atoms, bool all, double cutoff)
    {
        if (!Free.TryTake(out CellList? list))
        {
            return all ? new CellList(box, positions, cutoff) : new CellList(box, positions, atoms, cutoff);
        }

        if (all)
        {
            list.Rebuild(box, positions, cutoff);
        }
        else
        {
            list.Rebuild(box, positions, atoms, cutoff);
        }

        return list;
    }

    /// <summary>
    /// Within a scope, for the scope frame's own box and positions: the list kept for the same atoms (all of them, or
    /// the same subset in the same order) and cut-off, or a new one kept for the next analysis; null outside a scope,
    /// for other positions, or when the scope keeps <see cref="MaxShared"/> lists already.
    /// </summary>
    private static CellList? RentShared(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> atoms, bool all, double cutoff)
    {
        if (t_sharedFrame is not { } frame || !ReferenceEquals(box, frame.Box) || positions.Length != frame.Count
            || !Unsafe.AreSame(ref MemoryMarshal.GetReference(positions), ref MemoryMarshal.GetArrayDataReference(frame.Positions)))
        {
            return null;
        }

        List<Shared> shared = t_shared!;
        foreach (Shared s in shared)
        {
            if (s.Cutoff == cutoff && s.All == all && (all || s.Atoms.AsSpan(0, s.AtomCount).SequenceEqual(atoms)))
            {
                return s.List;
            }
        }

        if (shared.Count >= MaxShared)
        {
            return null;
        }

        CellList list = RentFree(box, positions, atoms, all, cutoff);
        int[] kept = all ? [] : ArrayPool<int>.Shared.Rent(atoms.Length);
        atoms.CopyTo(kept);
        shared.Add(new Shared(list, cutoff, all, kept, atoms.Length));
        return list;
    }

    /// <summary>The end of a frame's sharing scope: its lists go back to the pool. A default scope shares nothing.</summary>
    public readonly struct Scope(bool open) : IDisposable
    {
        public void Dispose()
        {
            if (!open)
            {
                return;
            }

            if (t_shared is { } shared)
            {
                foreach (Shared s in shared)
                {
                    Free.Add(s.List);
                    if (!s.All)
                    {
                        ArrayPool<int>.Shared.Return(s.Atoms);
                    }
                }

                shared.Clear();
            }

            t_sharedFrame = null;
        }
    }

    private readonly record struct Shared(CellList List, double Cutoff, bool All, int[] Atoms, int AtomCount);
}
