using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// Turns a <see cref="CutoffSpec"/> into distances: given values are kept; for the others a first pass over the same
/// frames computes g_AB(r) (whole box, up to r_max with the given number of bins) and takes its first minimum
/// (<see cref="FirstMinimum"/>).
/// </summary>
public static class CutoffResolver
{
    public static (double[] Cutoffs, string[] Sources, RdfResult? Rdf) Resolve(
        TrajectoryInput input, IReadOnlyList<SpeciesPair> pairs, CutoffSpec spec, double rMax, int bins, int threads)
    {
        foreach (string named in spec.NamedPairs)
        {
            if (!pairs.Any(p => string.Equals(p.ToString(), named, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InputException($"--cutoff names pair {named}, which is not analysed (pairs: {string.Join(", ", pairs)})");
            }
        }

        double[] cutoffs = new double[pairs.Count];
        string[] sources = new string[pairs.Count];
        var auto = new List<int>();
        for (int p = 0; p < pairs.Count; p++)
        {
            if (spec.For(pairs[p]) is { } given)
            {
                cutoffs[p] = given;
                sources[p] = "given";
            }
            else
            {
                auto.Add(p);
            }
        }

        if (auto.Count == 0)
        {
            return (cutoffs, sources, null);
        }

        // Only the first minima of the chosen pairs are needed, not the total g(r): the loop may skip the other species.
        RdfResult rdf = RdfStep.Compute(input, new RdfOptions(rMax, bins, auto.Select(p => pairs[p]).ToArray()) { Total = false }, threads);
        for (int k = 0; k < auto.Count; k++)
        {
            int p = auto[k];
            cutoffs[p] = FirstMinimum.Find(rdf, k) ?? throw new InputException(
                $"no first minimum of g_{pairs[p]}(r) within --r-max {rMax} Å, so the cut-off cannot be found; " +
                $"give it with --cutoff {pairs[p]}=Å or raise --r-max");
            sources[p] = "first minimum of g(r)";
        }

        return (cutoffs, sources, rdf);
    }
}
