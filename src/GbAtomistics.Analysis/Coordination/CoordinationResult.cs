using System.Globalization;
using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Coordination;

/// <summary>
/// Coordination numbers of each pair: distributions per region (all, and gb/bulk with a region), the mean along the
/// boundary normal in slabs of equal fractional width (positions in Å from the cell origin along the normal, using the
/// mean perpendicular width over frames), the fraction of atoms whose coordination differs from their species' modal
/// value in each slab (the input of automatic boundary detection), and one frame with per-atom columns.
/// </summary>
public sealed class CoordinationResult
{
    private readonly CoordinationDistribution[][] _distributions;
    private readonly double[][] _profile;
    private readonly double[][] _profileAtoms;

    internal CoordinationResult(
        CoordinationOptions options,
        int frames,
        IReadOnlyList<string> regions,
        CoordinationDistribution[][] distributions,
        double meanWidth,
        double[][] profile,
        double[][] profileAtoms,
        double[] deviation,
        double[] deviatingPerFrame,
        double[] atomsPerFrame,
        Frame? snapshot)
    {
        Options = options;
        Frames = frames;
        Regions = regions;
        _distributions = distributions;
        MeanWidth = meanWidth;
        _profile = profile;
        _profileAtoms = profileAtoms;
        DeviationFraction = deviation;
        DeviatingPerFrame = deviatingPerFrame;
        AtomsPerFrame = atomsPerFrame;
        Snapshot = snapshot;
        int bins = options.ProfileBins;
        SlabCentres = Enumerable.Range(0, bins).Select(b => (b + 0.5) / bins).ToArray();
    }

    public CoordinationOptions Options { get; }

    public IReadOnlyList<SpeciesPair> Pairs => Options.Pairs;

    public int Frames { get; }

    /// <summary>Region names: <c>all</c>, then <c>gb</c> and <c>bulk</c> when a region was given.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>Mean perpendicular width of the cell along the normal (Å).</summary>
    public double MeanWidth { get; }

    /// <summary>Slab centres as fractional coordinates along the normal.</summary>
    public IReadOnlyList<double> SlabCentres { get; }

    /// <summary>Slab centres in Å from the cell origin along the normal (fraction × mean width).</summary>
    public IReadOnlyList<double> SlabCentresAngstrom => SlabCentres.Select(s => s * MeanWidth).ToArray();

    /// <summary>Fraction of central atoms per slab whose CN (in any pair) differs from the frame's modal value.</summary>
    public IReadOnlyList<double> DeviationFraction { get; }

    /// <summary>Mean number per frame of atoms per slab whose CN differs from the modal value (boundary detection input).</summary>
    public IReadOnlyList<double> DeviatingPerFrame { get; }

    /// <summary>Mean number per frame of atoms per slab that are central in at least one pair.</summary>
    public IReadOnlyList<double> AtomsPerFrame { get; }

    /// <summary>The frame whose per-atom values were kept, with extra columns <c>cn_A-B</c> (−1 for atoms not of species A) and <c>in_gb</c>.</summary>
    public Frame? Snapshot { get; }

    /// <summary>The distribution of pair <paramref name="pair"/> in <paramref name="region"/> (all, gb, bulk).</summary>
    public CoordinationDistribution Distribution(int pair, string region)
    {
        int r = Regions.ToList().FindIndex(x => x.Equals(region, StringComparison.OrdinalIgnoreCase));
        return r >= 0 ? _distributions[pair][r] : throw new ArgumentException($"no region '{region}' in this result", nameof(region));
    }

    /// <summary>Index of <paramref name="pair"/> in <see cref="Pairs"/>, or −1.</summary>
    public int IndexOf(SpeciesPair pair) => Pairs.ToList().FindIndex(p =>
        string.Equals(p.Central, pair.Central, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(p.Neighbour, pair.Neighbour, StringComparison.OrdinalIgnoreCase));

    /// <summary>Mean CN of pair <paramref name="pair"/> per slab (NaN for a slab without central atoms).</summary>
    public IReadOnlyList<double> Profile(int pair) => _profile[pair];

    /// <summary>Mean number of central atoms of pair <paramref name="pair"/> per slab and frame.</summary>
    public IReadOnlyList<double> ProfileAtoms(int pair) => _profileAtoms[pair];

    /// <summary>Distributions as CSV: one row per pair, region and coordination number.</summary>
    public string ToDistributionCsv()
    {
        var sb = new StringBuilder("pair,region,cutoff_angstrom,cn_atoms,count_samples,fraction\n");
        for (int p = 0; p < Pairs.Count; p++)
        {
            foreach (string region in Regions)
            {
                CoordinationDistribution d = Distribution(p, region);
                for (int c = 0; c < d.Counts.Count; c++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{Pairs[p]},{region},{F(Options.Cutoffs[p])},{c},{d.Counts[c]},{F(d.Fractions[c])}\n");
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>Summary per pair and region as CSV: mean, standard deviation, modal CN, atoms per frame.</summary>
    public string ToSummaryCsv()
    {
        var sb = new StringBuilder("pair,region,cutoff_angstrom,mean_cn_atoms,std_cn_atoms,modal_cn_atoms,atoms_per_frame,samples\n");
        for (int p = 0; p < Pairs.Count; p++)
        {
            foreach (string region in Regions)
            {
                CoordinationDistribution d = Distribution(p, region);
                sb.Append(CultureInfo.InvariantCulture,
                    $"{Pairs[p]},{region},{F(Options.Cutoffs[p])},{F(d.Mean)},{F(d.StandardDeviation)},{d.Modal?.ToString(CultureInfo.InvariantCulture)},{F(d.MeanAtomsPerFrame)},{d.Samples}\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>The profile along the normal as CSV: slab centre (fraction and Å), mean CN and atoms per frame of each pair, deviating fraction.</summary>
    public string ToProfileCsv()
    {
        var sb = new StringBuilder($"s_fractional_{"abc"[Options.NormalAxis]},position_angstrom");
        foreach (SpeciesPair p in Pairs)
        {
            sb.Append(CultureInfo.InvariantCulture, $",mean_cn_{p}_atoms,central_{p.Central}_atoms_per_frame");
        }

        sb.Append(",deviating_fraction\n");
        for (int b = 0; b < SlabCentres.Count; b++)
        {
            sb.Append(F(SlabCentres[b])).Append(',').Append(F(SlabCentres[b] * MeanWidth));
            for (int p = 0; p < Pairs.Count; p++)
            {
                sb.Append(',').Append(F(_profile[p][b])).Append(',').Append(F(_profileAtoms[p][b]));
            }

            sb.Append(',').Append(F(DeviationFraction[b])).Append('\n');
        }

        return sb.ToString();
    }

    private static string F(double value) => CsvNumber.Format(value);
}
