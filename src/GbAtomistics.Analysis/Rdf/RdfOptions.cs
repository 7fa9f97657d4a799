using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Rdf;

/// <summary>
/// Options of the partial radial distribution functions, validated once and shared by the CLI and pipelines.
/// </summary>
public sealed record RdfOptions
{
    public RdfOptions(double rMax, int bins, IReadOnlyList<SpeciesPair>? pairs = null, SlabRegion? region = null)
    {
        if (!(rMax > 0) || !double.IsFinite(rMax))
        {
            throw new InputException($"--r-max {rMax}: expected a positive distance in Å");
        }

        if (bins < 1 || bins > 1_000_000)
        {
            throw new InputException($"--bins {bins}: expected a number of bins between 1 and 1000000");
        }

        RMax = rMax;
        Bins = bins;
        Pairs = pairs;
        Region = region;
    }

    /// <summary>Largest distance (Å); may exceed half the cell: periodic images are enumerated.</summary>
    public double RMax { get; }

    /// <summary>Number of bins of width <see cref="RMax"/>/<see cref="Bins"/>.</summary>
    public int Bins { get; }

    /// <summary>Species pairs A-B; null for every pair of the species present (A ≤ B by first appearance).</summary>
    public IReadOnlyList<SpeciesPair>? Pairs { get; }

    /// <summary>When set, only central atoms in this region count; neighbours are taken anywhere.</summary>
    public SlabRegion? Region { get; }

    /// <summary>
    /// Whether the total g(r) over all atoms is computed (the default). Without it the total is NaN, and when the
    /// pairs leave out some species pairs only the atoms of the chosen species are scanned, which is faster.
    /// </summary>
    public bool Total { get; init; } = true;
}
