using GbAtomistics.Analysis.Rdf;

namespace GbAtomistics.Analysis.Coordination;

/// <summary>
/// The cut-off of a coordination shell: the first minimum of g_AB(r) after its first peak. The curve is first
/// averaged over a window of <see cref="SmoothingAngstrom"/> (at least 3 bins) so that bin-to-bin noise of a short
/// trajectory cannot pass for a minimum, then <see cref="RdfPeaks.Find"/> locates the first peak and the minimum
/// after it on that curve. Positions are bin centres in Å.
/// </summary>
public static class FirstMinimum
{
    /// <summary>Width in Å of the moving average applied before the search.</summary>
    public const double SmoothingAngstrom = 0.15;

    /// <summary>The first minimum of g after its first peak (Å), or null when the curve has none within its range.</summary>
    public static double? Find(IReadOnlyList<double> r, IReadOnlyList<double> g)
    {
        if (r.Count < 3 || g.Count != r.Count)
        {
            return null;
        }

        double dr = r[1] - r[0];
        int half = Math.Max(1, (int)Math.Round(SmoothingAngstrom / dr / 2));
        var smooth = new double[g.Count];
        for (int k = 0; k < g.Count; k++)
        {
            double sum = 0;
            int count = 0;
            for (int j = Math.Max(0, k - half); j <= Math.Min(g.Count - 1, k + half); j++)
            {
                if (double.IsFinite(g[j]))
                {
                    sum += g[j];
                    count++;
                }
            }

            smooth[k] = count > 0 ? sum / count : double.NaN;
        }

        RdfPeaks? peaks = RdfPeaks.Find(r, smooth);
        return peaks?.MinimumR;
    }

    /// <summary>The first minimum of pair <paramref name="pair"/> of <paramref name="rdf"/> (Å), or null.</summary>
    public static double? Find(RdfResult rdf, int pair) => Find(rdf.R, rdf.G(pair));
}
