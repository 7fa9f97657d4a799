namespace GbAtomistics.Analysis.Rdf;

/// <summary>
/// The first peak and the first minimum of a g(r) curve, found robustly on a lightly smoothed copy (a centred
/// moving average over <c>2w + 1</c> bins, w = max(1, bins/200)) so single-bin noise cannot pass for a peak:
/// the first peak is the highest point before g first falls below half of it again after exceeding 1; the first
/// minimum is the lowest point after that peak before g climbs back by a tenth of the peak-to-minimum depth.
/// Positions in Å; heights are of the unsmoothed curve at those positions.
/// </summary>
public readonly record struct RdfPeaks(double PeakR, double PeakHeight, double? MinimumR, double? MinimumHeight)
{
    /// <summary>Finds the features, or null when g never exceeds 1 (no structure within r_max).</summary>
    public static RdfPeaks? Find(IReadOnlyList<double> r, IReadOnlyList<double> g)
    {
        int n = g.Count;
        int w = Math.Max(1, n / 200);
        var s = new double[n];
        for (int k = 0; k < n; k++)
        {
            double sum = 0;
            int count = 0;
            for (int j = Math.Max(0, k - w); j <= Math.Min(n - 1, k + w); j++)
            {
                if (double.IsFinite(g[j]))
                {
                    sum += g[j];
                    count++;
                }
            }

            s[k] = count > 0 ? sum / count : double.NaN;
        }

        int start = Array.FindIndex(s, v => v > 1);
        if (start < 0)
        {
            return null;
        }

        int peak = start;
        int k2 = start;
        for (; k2 < n && !(s[k2] < s[peak] / 2 && s[k2] < 1); k2++)
        {
            if (s[k2] > s[peak])
            {
                peak = k2;
            }
        }

        int minimum = -1;
        for (int k = peak + 1; k < n; k++)
        {
            if (minimum < 0 || s[k] < s[minimum])
            {
                minimum = k;
            }
            else if (s[k] > s[minimum] + (0.1 * (s[peak] - s[minimum])) && k - minimum > w)
            {
                return new RdfPeaks(r[peak], g[peak], r[minimum], g[minimum]);
            }
        }

        return new RdfPeaks(r[peak], g[peak], null, null);
    }
}
