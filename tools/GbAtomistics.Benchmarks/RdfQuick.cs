using System.Diagnostics;
using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Benchmarks;

/// <summary>
/// <c>--rdf-quick [DUMP] [R_MAX] [BINS] [PAIRS]</c>: Stopwatch timings of the RDF hot path on frames held in memory
/// (a LAMMPS dump, types 1 and 2 named Li and O, when given, else 50 synthetic 4116-atom Li2O frames), r_max 10 Å and
/// 200 bins unless given, one thread, best of five passes: the cell list build alone, the build with the pair loop and
/// a counting visitor, the whole RDF accumulation, and two RDFs of one pass (whole cell and a slab) with a cell list
/// each, with one shared and over one traversal of the pairs, with the bytes allocated per frame; with PAIRS (e.g. Li-O)
/// also those pairs with the total and alone (the species-filtered loop); with PAIRS and a fifth argument
/// <c>--pairs-only</c>, only those two.
/// </summary>
internal static class RdfQuick
{
    public static void Run(string? dump, double rMax = 10.0, int bins = 200, string? pairList = null, bool pairsOnly = false)
    {
        Frame[] frames = dump is null ? RdfFrames.Li2O(7, 50) : RdfFrames.Read(dump, "1=Li,2=O");
        Console.WriteLine(FormattableString.Invariant($"{(dump ?? "synthetic Li2O")}: {frames.Length} frames × {frames[0].Count} atoms, r_max {rMax} Å, {bins} bins"));
        if (!pairsOnly || pairList is null)
        {
            RunAllPairs(frames, rMax, bins);
        }

        if (pairList is not null)
        {
            var chosen = new RdfAnalyzer(new RdfOptions(rMax, bins, SpeciesPair.ParseList(pairList)));
            RdfAccumulator withTotal = chosen.Begin(frames[0]);
            Time($"RDF accumulate ({pairList} + total)", frames, withTotal.Accumulate);
            var noTotal = new RdfAnalyzer(new RdfOptions(rMax, bins, SpeciesPair.ParseList(pairList)) { Total = false });
            RdfAccumulator only = noTotal.Begin(frames[0]);
            CountChosenPairs(frames, rMax, pairList);
            Time($"RDF accumulate ({pairList} only)", frames, only.Accumulate);
        }
    }

    /// <summary>The species-filtered pair loop of the chosen pairs with a counting visitor: the scan without the binning.</summary>
    private static void CountChosenPairs(Frame[] frames, double rMax, string pairList)
    {
        var species = new SpeciesIndex(frames[0]);
        var loop = new SpeciesPairLoop(species.Count, SpeciesPair.ParseList(pairList).Select(p => (species.Require(p.Central), species.Require(p.Neighbour), rMax)));
        int[] speciesOf = new int[frames.Max(f => f.Count)];
        long pairs = 0;
        int visits = Time($"species pair loop ({pairList}, count only)", frames, f =>
        {
            for (int i = 0; i < f.Count; i++)
            {
                speciesOf[i] = species.Of(f, i);
            }

            var counter = new PairCounter();
            if (!loop.TryVisit(f.Box, f.Positions.AsSpan(0, f.Count), speciesOf.AsSpan(0, f.Count), ref counter))
            {
                throw new InvalidOperationException("the species pair loop declined the frame");
            }

            pairs += counter.Pairs;
        });
        Console.WriteLine(FormattableString.Invariant($"    {pairs / (double)visits:F0} pairs within r_max per frame"));
    }

    private static void RunAllPairs(Frame[] frames, double rMax, int bins)
    {
        var options = new RdfOptions(rMax, bins);
        var built = new CellList(frames[0].Box, frames[0].Positions.AsSpan(0, frames[0].Count), options.RMax);
        Time("cell list build only (reused)", frames, f => built.Rebuild(f.Box, f.Positions.AsSpan(0, f.Count)));
        long pairs = 0;
        CellList? cells = null;
        int visits = Time("cell list build (reused) + pair loop (count only)", frames, f =>
        {
            var counter = new PairCounter();
            if (cells is null)
            {
                cells = new CellList(f.Box, f.Positions.AsSpan(0, f.Count), options.RMax);
            }
            else
            {
                cells.Rebuild(f.Box, f.Positions.AsSpan(0, f.Count));
            }

            cells.VisitPairs(ref counter);
            pairs += counter.Pairs;
        });
        Console.WriteLine(FormattableString.Invariant($"    {pairs / (double)visits:F0} pairs within r_max per frame"));
        var analyzer = new RdfAnalyzer(options);
        RdfAccumulator accumulator = analyzer.Begin(frames[0]);
        Time("RDF accumulate (all pairs + total)", frames, accumulator.Accumulate);
        // Analyses of one pass asking for the same all-atom list: the whole cell and a boundary slab, each building
        // its own list, then sharing one as the frame runner has them do.
        RdfAccumulator[] pass =
        [
            analyzer.Begin(frames[0]),
            new RdfAnalyzer(new RdfOptions(rMax, bins, region: new SlabRegion(2, [0.5], 10.0))).Begin(frames[0]),
        ];
        Time("RDF whole cell + slab region, a list each", frames, f => Array.ForEach(pass, a => a.Accumulate(f)));
        Time("RDF whole cell + slab region, one shared list", frames, f =>
        {
            using CellListPool.Scope shared = CellListPool.Share(f);
            Array.ForEach(pass, a => a.Accumulate(f));
        });
        var group = new RdfAccumulatorGroup(pass);
        Time("RDF whole cell + slab region, one traversal", frames, group.Accumulate);
    }

    /// <summary>
    /// Best of five passes over the frames (other processes share the machine), after a warm-up frame; returns how many
    /// frames the action ran on, warm-up included (for per-frame means of what it counts).
    /// </summary>
    private static int Time(string what, Frame[] frames, Action<Frame> action)
    {
        action(frames[0]); // sizes scratch buffers and jits
        double best = double.MaxValue;
        long allocated = 0;
        for (int pass = 0; pass < 5; pass++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            foreach (Frame f in frames)
            {
                action(f);
            }

            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds / frames.Length);
        }

        Console.WriteLine(FormattableString.Invariant(
            $"  {what}: {best:F2} ms/frame (best of 5 passes), {allocated / frames.Length} B allocated/frame"));
        return 1 + (5 * frames.Length);
    }

    private struct PairCounter : IPairVisitor
    {
        public long Pairs;

        public void Visit(int i, int j, double distanceSquared) => Pairs++;
    }
}
