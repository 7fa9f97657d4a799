using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Regions;

/// <summary>
/// Finds grain boundaries along a periodic normal from a per-slab profile of structural deviation (for example the
/// fraction of atoms whose coordination differs from their species' modal value, see
/// <see cref="Coordination.CoordinationResult.DeviationFraction"/>).
/// </summary>
/// <remarks>
/// 1. The profile is smoothed with a periodic moving average over <c>smoothing</c> Å (at least 3 slabs); empty slabs
///    are skipped. 2. The baseline is the median of the smoothed profile (the bulk fills most of a bicrystal).
/// 3. Peaks are taken highest first: each is the maximum outside the lobes of the peaks already found (a lobe extends
///    while the profile stays above baseline + half the peak's height, plus the smoothing window); a peak counts if
///    its height above the baseline is at least a quarter of the first one's. The plane is the peak position refined
///    by a parabola through the three slabs around it. A periodic bicrystal has two boundaries, the default count.
/// 4. The half-width is the largest distance from a plane to where the smoothed profile falls to baseline + 10 % of
///    the peak height, less 0.8 of the smoothing half-window (the spread a moving average adds to a sharp edge), and at
///    least one slab width.
/// </remarks>
public static class BoundaryDetector
{
    /// <summary>Detects up to <paramref name="count"/> boundaries; throws an <see cref="InputException"/> when the profile is flat.</summary>
    /// <param name="profile">Deviation per slab of equal fractional width along <paramref name="axis"/> (NaN for an empty slab).</param>
    /// <param name="axis">The cell vector the profile runs along (0, 1, 2).</param>
    /// <param name="width">Perpendicular width of the cell along the axis (Å).</param>
    /// <param name="count">Number of boundaries to look for (2 for a periodic bicrystal).</param>
    /// <param name="smoothing">Width of the moving average in Å.</param>
    public static DetectedBoundaries Detect(IReadOnlyList<double> profile, int axis, double width, int count = 2, double smoothing = 2.0)
    {
        int n = profile.Count;
        if (n < 4)
        {
            throw new InputException($"boundary detection: expected at least 4 slabs along the normal, found {n}");
        }

        if (count < 1)
        {
            throw new InputException($"boundary detection: expected at least one boundary, found {count}");
        }

        double slab = width / n;
        int half = Math.Max(1, (int)Math.Round(smoothing / slab / 2));
        var s = new double[n];
        for (int k = 0; k < n; k++)
        {
            double sum = 0;
            int used = 0;
            for (int j = -half; j <= half; j++)
            {
                double v = profile[Mod(k + j, n)];
                if (double.IsFinite(v))
                {
                    sum += v;
                    used++;
                }
            }

            s[k] = used > 0 ? sum / used : double.NaN;
        }

        double[] finite = s.Where(double.IsFinite).Order().ToArray();
        if (finite.Length == 0)
        {
            throw new InputException("boundary detection: the deviation profile is empty (no atoms of the analysed species)");
        }

        double baseline = finite[finite.Length / 2];
        bool[] excluded = new bool[n];
        var peaks = new List<int>();
        var heights = new List<double>();
        while (peaks.Count < count)
        {
            int best = -1;
            for (int k = 0; k < n; k++)
            {
                if (!excluded[k] && double.IsFinite(s[k]) && (best < 0 || s[k] > s[best]))
                {
                    best = k;
                }
            }

            if (best < 0)
            {
                break;
            }

            double height = s[best] - baseline;
            if (height <= 1e-12 || (heights.Count > 0 && height < 0.25 * heights[0]))
            {
                break;
            }

            peaks.Add(best);
            heights.Add(height);
            double level = baseline + (0.5 * height);
            excluded[best] = true;
            foreach (int step in (int[])[-1, 1])
            {
                int k = best;
                for (int moved = 0; moved < n; moved++)
                {
                    k = Mod(k + step, n);
                    if (!(s[k] > level))
                    {
                        break;
                    }

                    excluded[k] = true;
                }

                for (int extra = 0; extra <= 2 * half; extra++)
                {
                    excluded[k] = true;
                    k = Mod(k + step, n);
                }
            }
        }

        if (peaks.Count == 0)
        {
            throw new InputException(
                "boundary detection: the structural deviation is uniform along the normal, so no boundary stands out; " +
                "give the planes with --normal/--planes/--half-width or a .gb.json file");
        }

        var planes = new List<double>();
        double halfWidth = slab;
        for (int q = 0; q < peaks.Count; q++)
        {
            int k = peaks[q];
            double left = s[Mod(k - 1, n)], mid = s[k], right = s[Mod(k + 1, n)];
            double shift = 0;
            double curvature = left - (2 * mid) + right;
            if (double.IsFinite(left) && double.IsFinite(right) && curvature < 0)
            {
                shift = Math.Clamp(0.5 * (left - right) / curvature, -0.5, 0.5);
            }

            double plane = (k + 0.5 + shift) / n;
            planes.Add(plane - Math.Floor(plane));
            double level = baseline + (0.1 * heights[q]);
            foreach (int step in (int[])[-1, 1])
            {
                int j = k;
                int moved = 0;
                while (moved < n / 2 && s[Mod(j + step, n)] > level)
                {
                    j = Mod(j + step, n);
                    moved++;
                }

                double distance = (moved + 0.5) * slab;
                halfWidth = Math.Max(halfWidth, distance - (0.8 * half * slab));
            }
        }

        var order = Enumerable.Range(0, planes.Count).OrderBy(q => planes[q]).ToArray();
        double[] sortedPlanes = order.Select(q => planes[q]).ToArray();
        return new DetectedBoundaries(
            axis,
            sortedPlanes,
            sortedPlanes.Select(p => p * width).ToArray(),
            Math.Max(halfWidth, slab),
            baseline,
            order.Select(q => heights[q]).ToArray(),
            s,
            (2 * half + 1) * slab);
    }

    private static int Mod(int k, int n) => ((k % n) + n) % n;
}
