using System.Globalization;
using System.Text;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Profiles;

/// <summary>
/// Number density (atoms/Å³) and composition (fraction) of each species in slabs along the normal, averaged over
/// frames, with the slab centres (fraction of the cell vector and Å from the origin).
/// </summary>
public sealed class ProfileResult
{
    private readonly double[][] _density;
    private readonly double[][] _composition;

    internal ProfileResult(
        ProfileOptions options, int frames, IReadOnlyList<string> species, double meanWidth, double meanDensity, double[][] density, double[][] composition)
    {
        Options = options;
        Frames = frames;
        Species = species;
        MeanWidth = meanWidth;
        MeanDensity = meanDensity;
        _density = density;
        _composition = composition;
        SlabCentres = Enumerable.Range(0, options.Bins).Select(b => (b + 0.5) / options.Bins).ToArray();
    }

    public ProfileOptions Options { get; }

    public int Frames { get; }

    /// <summary>Species names in order of their smallest type number.</summary>
    public IReadOnlyList<string> Species { get; }

    /// <summary>Mean perpendicular width of the cell along the normal (Å).</summary>
    public double MeanWidth { get; }

    /// <summary>Mean N/V of the whole cell over frames (atoms/Å³): what a uniform profile equals.</summary>
    public double MeanDensity { get; }

    /// <summary>Slab centres as fractions of the cell vector along the normal.</summary>
    public IReadOnlyList<double> SlabCentres { get; }

    /// <summary>Slab centres in Å from the cell origin along the normal.</summary>
    public IReadOnlyList<double> SlabCentresAngstrom => SlabCentres.Select(s => s * MeanWidth).ToArray();

    /// <summary>Number density (atoms/Å³) of species <paramref name="species"/> (index into <see cref="Species"/>) per slab.</summary>
    public IReadOnlyList<double> Density(int species) => _density[species];

    /// <summary>Fraction of the atoms in each slab that are of species <paramref name="species"/> (NaN for an empty slab).</summary>
    public IReadOnlyList<double> Composition(int species) => _composition[species];

    /// <summary>Total number density per slab (atoms/Å³).</summary>
    public IReadOnlyList<double> TotalDensity() =>
        Enumerable.Range(0, Options.Bins).Select(b => _density.Sum(d => d[b])).ToArray();

    /// <summary>
    /// The repeat distance (Å) of the layer stacking along the normal: the lag of the first maximum of the
    /// autocorrelation of the total density profile (mean removed) that reaches at least 30 % of its zero-lag value,
    /// or null when there is none (a liquid, or slabs too wide to resolve the layers). A window of this length
    /// flattens the layer ripple of a planar average (a macroscopic average).
    /// </summary>
    public double? LayerPeriod()
    {
        double[] rho = TotalDensity().ToArray();
        int n = rho.Length;
        double mean = rho.Average();
        double Correlation(int lag) => Enumerable.Range(0, n).Sum(b => (rho[b] - mean) * (rho[(b + lag) % n] - mean));
        double zero = Correlation(0);
        if (!(zero > 0))
        {
            return null;
        }

        double[] c = Enumerable.Range(0, (n / 2) + 2).Select(Correlation).ToArray();
        for (int lag = 2; lag <= n / 2; lag++)
        {
            if (c[lag] >= c[lag - 1] && c[lag] >= c[lag + 1] && c[lag] >= 0.3 * zero)
            {
                return lag * MeanWidth / n;
            }
        }

        return null;
    }

    /// <summary>
    /// The profiles as CSV, with the mean coordination per slab of <paramref name="coordination"/> appended when it was
    /// computed over the same slabs (same normal and number of slabs).
    /// </summary>
    public string ToCsv(CoordinationResult? coordination = null)
    {
        if (coordination is not null &&
            (coordination.Options.ProfileBins != Options.Bins || coordination.Options.NormalAxis != Options.NormalAxis))
        {
            throw new ArgumentException("the coordination profile uses other slabs", nameof(coordination));
        }

        var sb = new StringBuilder($"s_fractional_{"abc"[Options.NormalAxis]},position_angstrom");
        foreach (string s in Species)
        {
            sb.Append(CultureInfo.InvariantCulture, $",density_{s}_per_angstrom3");
        }

        sb.Append(",density_total_per_angstrom3");
        foreach (string s in Species)
        {
            sb.Append(CultureInfo.InvariantCulture, $",fraction_{s}");
        }

        if (coordination is not null)
        {
            foreach (SpeciesPair p in coordination.Pairs)
            {
                sb.Append(CultureInfo.InvariantCulture, $",mean_cn_{p}_atoms");
            }
        }

        sb.Append('\n');
        IReadOnlyList<double> total = TotalDensity();
        for (int b = 0; b < Options.Bins; b++)
        {
            sb.Append(F(SlabCentres[b])).Append(',').Append(F(SlabCentres[b] * MeanWidth));
            for (int s = 0; s < Species.Count; s++)
            {
                sb.Append(',').Append(F(_density[s][b]));
            }

            sb.Append(',').Append(F(total[b]));
            for (int s = 0; s < Species.Count; s++)
            {
                sb.Append(',').Append(F(_composition[s][b]));
            }

            if (coordination is not null)
            {
                for (int p = 0; p < coordination.Pairs.Count; p++)
                {
                    sb.Append(',').Append(F(coordination.Profile(p)[b]));
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string F(double value) => CsvNumber.Format(value);
}
