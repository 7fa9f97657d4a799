using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Rdf;

/// <summary>
/// Partial radial distribution functions g_AB(r) and cumulative coordination numbers n_AB(r), with
/// g_AB(r) = ⟨ n_AB(r, r + dr) ⟩ / (N_A ρ_B ΔV(r)), ΔV the exact shell volume 4π/3 (r₂³ − r₁³),
/// ρ_B = (N_B − δ_AB)/V per frame, i = j excluded, averaged over frames; n_AB(r) is the mean number of B within r of
/// an A. With a region, central atoms A are those in the region and neighbours are taken anywhere with the
/// whole-box density, so a bulk-like boundary gives the bulk curve.
/// </summary>
public sealed class RdfAnalyzer
{
    public RdfAnalyzer(RdfOptions options)
    {
        Options = options;
    }

    public RdfOptions Options { get; }

    /// <summary>Resolves species and pairs on the first frame and returns an empty accumulator.</summary>
    public RdfAccumulator Begin(Frame first)
    {
        var species = new SpeciesIndex(first);
        IReadOnlyList<SpeciesPair> pairs = Options.Pairs ?? DefaultPairs(species);
        foreach (SpeciesPair pair in pairs)
        {
            species.Require(pair.Central);
            species.Require(pair.Neighbour);
        }

        return new RdfAccumulator(Options, species, pairs);
    }

    /// <summary>Normalises the sums into the result.</summary>
    public RdfResult Finish(RdfAccumulator accumulator)
    {
        int bins = Options.Bins;
        double dr = Options.RMax / bins;
        var r = new double[bins];
        var shell = new double[bins];
        for (int k = 0; k < bins; k++)
        {
            double r1 = k * dr;
            double r2 = (k + 1) * dr;
            r[k] = (r1 + r2) / 2;
            shell[k] = 4.0 / 3.0 * Math.PI * ((r2 * r2 * r2) - (r1 * r1 * r1));
        }

        int histograms = accumulator.Pairs.Count + 1;
        if (Enumerable.Range(0, histograms).All(p => accumulator.FramesWithCentral[p] == 0))
        {
            // Nothing to normalise: a g(r) of NaN would say nothing; refuse instead.
            throw new InputException(
                $"rdf: no pair of atoms to count in any frame ({string.Join(", ", accumulator.Pairs)}): a pair needs a central atom and at least one other atom of the neighbour species (two atoms of one species for A-A)");
        }

        var g = new double[histograms][];
        var n = new double[histograms][];
        var meanCentral = new double[histograms];
        for (int p = 0; p < histograms; p++)
        {
            g[p] = new double[bins];
            n[p] = new double[bins];
            int frames = accumulator.FramesWithCentral[p];
            if (frames == 0 || (p == accumulator.Pairs.Count && !Options.Total))
            {
                Array.Fill(g[p], double.NaN);
                Array.Fill(n[p], double.NaN);
                continue;
            }

            meanCentral[p] = accumulator.CentralSum[p] / frames;
            double running = 0;
            for (int k = 0; k < bins; k++)
            {
                g[p][k] = accumulator.Normalised[(p * bins) + k] / (frames * shell[k]);
                running += accumulator.PerCentral[(p * bins) + k] / frames;
                n[p][k] = running;
            }
        }

        return new RdfResult(Options, accumulator.Pairs, accumulator.Frames, r, g, n, meanCentral);
    }

    private static IReadOnlyList<SpeciesPair> DefaultPairs(SpeciesIndex species)
    {
        var pairs = new List<SpeciesPair>();
        for (int a = 0; a < species.Count; a++)
        {
            for (int b = a; b < species.Count; b++)
            {
                pairs.Add(new SpeciesPair(species.Names[a], species.Names[b]));
            }
        }

        return pairs;
    }
}
