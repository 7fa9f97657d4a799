using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Regions;

/// <summary>
/// Finds grain boundaries along a periodic normal from a per-slab count of structurally deviating atoms (for example
/// atoms whose coordination differs from their species' modal value, see
/// <see cref="Coordination.CoordinationResult.DeviatingPerFrame"/>) and the per-slab count of atoms.
/// </summary>
/// <remarks>
/// 1. Both counts are smoothed with the same periodic moving average over <c>smoothing</c> Å (at least 3 slabs) and
///    divided, giving the deviating fraction around each slab; averaging counts rather than fractions keeps slabs
///    between atomic layers (empty) from breaking a boundary into separate peaks. The window should span at least
///    one interlayer spacing; 4 Å is the default.
/// 2. The baseline is the median of the smoothed fraction (the bulk fills most of a bicrystal).
/// 3. Peaks are taken highest first, each outside the lobes of those already found; a lobe is the run of slabs around
///    the maximum above baseline + half the peak height, widened by the smoothing window. A peak counts if its height
///    above the baseline is at least a quarter of the first one's. The plane is the centroid of the lobe weighted by
///    the height above that half level, so a flat-topped peak gives its centre. A periodic bicrystal has two
///    boundaries, the default count.
/// 4. The half-width is the largest distance from a plane to where the smoothed fraction falls to baseline + 10 % of
///    the peak height, less 0.8 of the smoothing half-window (the spread a moving average adds to a sharp edge), and
///    at least one slab width.
/// </remarks>
public static class BoundaryDetector
{
    /// <summary>Default width of the moving average (Å).</summary>
    public const double DefaultSmoothing = 4.0;

    /// <summary>Detects up to <paramref name="count"/> boundaries; throws an <see cref="InputException"/> when no boundary stands out.</summary>
    /// <param name="deviating">Deviating atoms per slab (any normalisation shared with <paramref name="atoms"/>), slabs of equal fractional width along <paramref name="axis"/>.</param>
    /// <param name="atoms">Atoms per slab, same normalisation.</param>
    /// <param name="axis">The cell vector the slabs cut (0, 1, 2).</param>
    /// <param name="width">Perpendicular width of the cell along the axis (Å).</param>
    /// <param name="count">Number of boundaries to look for (2 for a periodic bicrystal).</param>
    /// <param name="smoothing">Width of the moving average in Å.</param>
    public static DetectedBoundaries Detect(
        IReadOnlyList<double> deviating, IReadOnlyList<double> atoms, int axis, double width, int count = 2, double smoothing = DefaultSmoothing)
    {
        int n = deviating.Count;
        if (n < 4 || atoms.Count != n)
        {
            throw new InputException($"boundary detection: expected at least 4 slabs along the normal, found {n}");
        }

        if (count < 1)
        {
            throw new InputException($"boundary detection: expected at least one boundary, found {count}");
        }

        if (!(smoothing > 0) || !(width > 0))
        {
            throw new InputException($"boundary detection: expected a positive smoothing width, found {smoothing} Å");
        }

        double slab = width / n;
        int half = Math.Max(1, (int)Math.Round(smoothing / slab / 2));
        var s = new double[n];
        for (int k = 0; k < n; k++)
        {
            double num = 0, den = 0;
            for (int j = -half; j <= half; j++)
            {
                num += deviating[Mod(k + j, n)];
                den += atoms[Mod(k + j, n)];
            }

            s[k] = den > 0 ? num / den : double.NaN;
        }

        double[] finite = s.Where(double.IsFinite).Order().ToArray();
        if (finite.Length == 0)
        {
            throw new InputException("boundary detection: the deviation profile is empty (no atoms of the analysed species)");
        }

        double baseline = finite[finite.Length / 2];
        bool[] excluded = new bool[n];
        var planes = new List<double>();
        var heights = new List<double>();
        double halfWidth = slab;
        while (planes.Count < count)
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

            double level = baseline + (0.5 * height);
            double weightSum = s[best] - level, offsetSum = 0;
            excluded[best] = true;
            foreach (int step in (int[])[-1, 1])
            {
                int offset = 0;
                while (Math.Abs(offset) < n / 2 && s[Mod(best + offset + step, n)] > level)
                {
                    offset += step;
                    double w = s[Mod(best + offset, n)] - level;
                    weightSum += w;
                    offsetSum += w * offset;
                    excluded[Mod(best + offset, n)] = true;
                }

                for (int extra = 1; extra <= 2 * half; extra++)
                {
                    excluded[Mod(best + offset + (step * extra), n)] = true;
                }

                int reach = 0;
                double tenth = baseline + (0.1 * height);
                while (reach < n / 2 && s[Mod(best + (step * (reach + 1)), n)] > tenth)
                {
                    reach++;
                }

                halfWidth = Math.Max(halfWidth, ((reach + 0.5) * slab) - (0.8 * half * slab));
            }

            double plane = (best + 0.5 + (offsetSum / weightSum)) / n;
            planes.Add(plane - Math.Floor(plane));
            heights.Add(height);
        }

        if (planes.Count == 0)
        {
            throw new InputException(
                "boundary detection: the structural deviation is uniform along the normal, so no boundary stands out; " +
                "give the planes with --normal/--planes/--half-width or a .gb.json file");
        }

        int[] order = Enumerable.Range(0, planes.Count).OrderBy(q => planes[q]).ToArray();
        double[] sorted = order.Select(q => planes[q]).ToArray();
        return new DetectedBoundaries(
            axis,
            sorted,
            sorted.Select(p => p * width).ToArray(),
            Math.Max(halfWidth, slab),
            baseline,
            order.Select(q => heights[q]).ToArray(),
            s,
            ((2 * half) + 1) * slab);
    }

    private static int Mod(int k, int n) => ((k % n) + n) % n;
}
