using System.Globalization;
using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Rdf;

/// <summary>
/// Partial RDFs (dimensionless) and cumulative coordination numbers against r (Å, bin centres), for each species
/// pair and for all atoms (<see cref="Total"/>), with the options that produced them.
/// </summary>
public sealed class RdfResult
{
    internal RdfResult(
        RdfOptions options, IReadOnlyList<SpeciesPair> pairs, int frames, double[] r, double[][] g, double[][] n, double[] meanCentral)
    {
        Options = options;
        Pairs = pairs;
        Frames = frames;
        R = r;
        _g = g;
        _n = n;
        _meanCentral = meanCentral;
    }

    private readonly double[][] _g;
    private readonly double[][] _n;
    private readonly double[] _meanCentral;

    public RdfOptions Options { get; }

    public IReadOnlyList<SpeciesPair> Pairs { get; }

    public int Frames { get; }

    /// <summary>Bin centres in Å.</summary>
    public IReadOnlyList<double> R { get; }

    /// <summary>g_AB(r) of pair <paramref name="p"/> (index into <see cref="Pairs"/>); NaN when no central atom was found.</summary>
    public IReadOnlyList<double> G(int p) => _g[p];

    /// <summary>n_AB at the outer edge of each bin: mean number of B within that distance of an A.</summary>
    public IReadOnlyList<double> Cumulative(int p) => _n[p];

    /// <summary>Mean number of central atoms per frame for pair <paramref name="p"/>.</summary>
    public double MeanCentral(int p) => _meanCentral[p];

    /// <summary>The total g(r) over all atoms and its cumulative count.</summary>
    public (IReadOnlyList<double> G, IReadOnlyList<double> Cumulative) Total => (_g[Pairs.Count], _n[Pairs.Count]);

    /// <summary>Index of <paramref name="pair"/> in <see cref="Pairs"/>, or −1.</summary>
    public int IndexOf(SpeciesPair pair) => Pairs.ToList().FindIndex(p =>
        string.Equals(p.Central, pair.Central, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(p.Neighbour, pair.Neighbour, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The table as CSV: r (Å), then g and n for each pair and the total (left out when the options did not ask for it);
    /// units in the header.
    /// </summary>
    public string ToCsv()
    {
        var sb = new StringBuilder("r_angstrom");
        foreach (SpeciesPair p in Pairs)
        {
            sb.Append($",g_{p},n_{p}");
        }

        sb.Append(Options.Total ? ",g_total,n_total\n" : "\n");
        int columns = Options.Total ? Pairs.Count + 1 : Pairs.Count;
        for (int k = 0; k < R.Count; k++)
        {
            sb.Append(CsvNumber.Format(R[k]));
            for (int p = 0; p < columns; p++)
            {
                sb.Append(',').Append(CsvNumber.Format(_g[p][k]));
                sb.Append(',').Append(CsvNumber.Format(_n[p][k]));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
