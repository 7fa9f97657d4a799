using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Core;

namespace GbAtomistics.Plotting;

/// <summary>Figures of <see cref="CoordinationResult"/>: CN distributions per region as bars, and the mean CN along the normal.</summary>
public static class CoordinationPlot
{
    /// <summary>Fraction of central atoms against coordination number, grouped bars, one series per pair and region.</summary>
    public static void SaveDistributions(CoordinationResult result, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = new List<(string Label, CoordinationDistribution Distribution)>();
        for (int p = 0; p < result.Pairs.Count; p++)
        {
            foreach (string region in result.Regions)
            {
                series.Add(($"{result.Pairs[p]} {region}", result.Distribution(p, region)));
            }
        }

        SaveDistributionOverlay(series, path, title ?? "Coordination number distributions");
    }

    /// <summary>
    /// Mean CN of every pair in slabs along the normal (Å), with the GB slabs and boundary planes of
    /// <paramref name="region"/> drawn when known. Slabs holding fewer than a quarter of the median central atoms per
    /// frame are left out of the line (their CN rests on a few atoms); the CSV keeps them.
    /// </summary>
    public static void SaveProfile(CoordinationResult result, string path, string? title = null, SlabRegion? region = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = Chart.Create(
            title ?? "Mean coordination along the boundary normal", $"position along {"abc"[result.Options.NormalAxis]} (Å)", "mean coordination number (atoms)");
        Chart.Boundaries(plot, region, result.MeanWidth);
        double[] x = result.SlabCentresAngstrom.ToArray();
        for (int p = 0; p < result.Pairs.Count; p++)
        {
            Chart.Pieces(plot, x, result.Profile(p), Chart.NearlyEmpty(result.ProfileAtoms(p)), p, p, result.Pairs[p].ToString());
        }

        Chart.AlongNormal(plot, result.MeanWidth);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }

    /// <summary>
    /// CN distributions from several labelled series (pairs and regions of one result, or bulk and GB of two
    /// materials) as grouped bars at each integer CN; series without samples are left out.
    /// </summary>
    public static void SaveDistributionOverlay(
        IReadOnlyList<(string Label, CoordinationDistribution Distribution)> series, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = Chart.Create(title ?? "Coordination number distributions", "coordination number (atoms)", "fraction of central atoms");
        var drawn = series.Where(s => s.Distribution.Samples > 0).ToArray();
        int lo = int.MaxValue, hi = int.MinValue;
        foreach (var (_, d) in drawn)
        {
            for (int c = 0; c < d.Fractions.Count; c++)
            {
                if (d.Fractions[c] > 0)
                {
                    lo = Math.Min(lo, c);
                    hi = Math.Max(hi, c);
                }
            }
        }

        double width = 0.8 / Math.Max(1, drawn.Length);
        for (int i = 0; i < drawn.Length; i++)
        {
            var (label, d) = drawn[i];
            var bars = Enumerable.Range(lo, hi - lo + 1).Select(c => new ScottPlot.Bar
            {
                Position = c - 0.4 + (width * (i + 0.5)),
                Value = c < d.Fractions.Count ? d.Fractions[c] : 0,
                Size = width,
                FillColor = Chart.Colour(i),
                LineWidth = 0,
            }).ToArray();
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = FormattableString.Invariant($"{label} (mean {d.Mean:F2})");
            plotted.Color = Chart.Colour(i);
        }

        Chart.IntegerTicks(plot.Axes.Bottom);
        plot.Axes.Margins(bottom: 0);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }
}
