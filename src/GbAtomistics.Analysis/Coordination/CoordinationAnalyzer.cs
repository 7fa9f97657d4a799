using System.Runtime.CompilerServices;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Coordination;

/// <summary>
/// Per-atom coordination numbers: CN_i(A–B) is the number of B atoms (periodic images included, i itself excluded)
/// closer than the pair's cut-off to the A atom i. Reported as distributions (counts and fractions of each CN) over
/// all A atoms and, with a region, over the A atoms in the grain-boundary slabs (gb) and outside them (bulk), with
/// membership decided per frame; as the mean CN in slabs along the boundary normal; and per atom for one frame.
/// </summary>
public sealed class CoordinationAnalyzer
{
    /// <summary>The snapshot of each run, keyed by the first frame its lanes were begun from.</summary>
    private readonly ConditionalWeakTable<Frame, SnapshotHolder> _snapshots = [];

    public CoordinationAnalyzer(CoordinationOptions options)
    {
        Options = options;
    }

    public CoordinationOptions Options { get; }

    /// <summary>
    /// Resolves the species of the pairs on the first frame and returns an empty accumulator. Accumulators begun from
    /// the same first frame (the lanes of one run) share one per-atom snapshot.
    /// </summary>
    public CoordinationAccumulator Begin(Frame first)
    {
        var species = new SpeciesIndex(first);
        int s = species.Count;
        int[] pairOf = Enumerable.Repeat(-1, s * s).ToArray();
        int[] centralOf = new int[Options.Pairs.Count];
        for (int p = 0; p < Options.Pairs.Count; p++)
        {
            int a = species.Require(Options.Pairs[p].Central);
            int b = species.Require(Options.Pairs[p].Neighbour);
            if (pairOf[(a * s) + b] >= 0)
            {
                throw new InputException($"--species: pair {Options.Pairs[p]} is listed twice");
            }

            pairOf[(a * s) + b] = p;
            centralOf[p] = a;
        }

        return new CoordinationAccumulator(Options, species, pairOf, centralOf, _snapshots.GetValue(first, _ => new SnapshotHolder()));
    }

    /// <summary>Normalises the sums into the result.</summary>
    public CoordinationResult Finish(CoordinationAccumulator accumulator)
    {
        int pairs = Options.Pairs.Count;
        int bins = Options.ProfileBins;
        string[] regions = Options.Region is null ? ["all"] : ["all", "gb", "bulk"];
        var distributions = new CoordinationDistribution[pairs][];
        for (int p = 0; p < pairs; p++)
        {
            distributions[p] = new CoordinationDistribution[regions.Length];
            for (int r = 0; r < regions.Length; r++)
            {
                distributions[p][r] = CoordinationDistribution.FromCounts(
                    Options.Pairs[p], regions[r], accumulator.Histograms[(p * 3) + r], accumulator.Frames);
            }
        }

        var profile = new double[pairs][];
        var profileAtoms = new double[pairs][];
        for (int p = 0; p < pairs; p++)
        {
            profile[p] = new double[bins];
            profileAtoms[p] = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                long count = accumulator.ProfileCount[(p * bins) + b];
                profile[p][b] = count > 0 ? accumulator.ProfileSum[(p * bins) + b] / count : double.NaN;
                profileAtoms[p][b] = accumulator.Frames > 0 ? (double)count / accumulator.Frames : 0;
            }
        }

        var deviation = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            deviation[b] = accumulator.AtomCount[b] > 0 ? (double)accumulator.DeviatingCount[b] / accumulator.AtomCount[b] : double.NaN;
        }

        int frames = Math.Max(1, accumulator.Frames);
        double[] deviating = accumulator.DeviatingCount.Select(c => (double)c / frames).ToArray();
        double[] atoms = accumulator.AtomCount.Select(c => (double)c / frames).ToArray();
        double width = accumulator.Frames > 0 ? accumulator.WidthSum / accumulator.Frames : double.NaN;
        return new CoordinationResult(
            Options, accumulator.Frames, regions, distributions, width, profile, profileAtoms, deviation, deviating, atoms, accumulator.Snapshot?.Clone());
    }
}
