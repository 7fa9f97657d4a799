using GbAtomistics.Analysis.Rdf;

namespace GbAtomistics.Analysis.Coordination;

/// <summary>
/// The cut-off of a coordination shell: the first minimum of g_AB(r) after its first peak. The curve is first
/// averaged over a window of <see cref="SmoothingAngstrom"/> (at least 3 bins) so that bin-to-bin noise of a short
/// trajectory cannot pass for a minimum, then <see cref="RdfPeaks.Find"/> locates the first peak and the minimum
/// after it on that curve. When the minimum is a flat band (a perfect crystal, where g is zero between shells), the
/// centre of the band of bins within 1 % of the peak-to-minimum depth of the minimum is returned instead of its first
/// bin, so a cut-off for a structure at 0 K sits in the middle of the gap rather than against the first shell.
/// Positions are bin centres in Å.
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

        if (RdfPeaks.Find(r, smooth) is not { MinimumR: { } minimumR } peaks)
        {
            return null;
        }

        int m = Nearest(r, minimumR);
        int p = Nearest(r, peaks.PeakR);
        double band = smooth[m] + (0.01 * (smooth[p] - smooth[m]));
        int lo = m, hi = m;
        while (lo - 1 > p && smooth[lo - 1] <= band)
        {
            lo--;
        }

        while (hi + 1 < smooth.Length && smooth[hi + 1] <= band)
        {
            hi++;
        }

        return (r[lo] + r[hi]) / 2;
    }

    private static int Nearest(IReadOnlyList<double> r, double value)
    {
        int best = 0;
        for (int k = 1; k < r.Count; k++)
        {
            if (Math.Abs(r[k] - value) < Math.Abs(r[best] - value))
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>The first minimum of pair <paramref name="pair"/> of <paramref name="rdf"/> (Å), or null.</summary>
    public static double? Find(RdfResult rdf, int pair) => Find(rdf.R, rdf.G(pair));
}
