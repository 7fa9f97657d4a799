using GbAtomistics.Analysis.Coordination;

namespace GbAtomistics.Plotting;

/// <summary>Figures of <see cref="CoordinationResult"/>: CN distributions per region, and the mean CN along the normal.</summary>
public static class CoordinationPlot
{
    /// <summary>Fraction of central atoms against coordination number, one line per pair and region.</summary>
    public static void SaveDistributions(CoordinationResult result, string path, string? title = null)
    {
        var plot = Chart.Create(title ?? "Coordination number distributions", "coordination number (atoms)", "fraction of central atoms");
        for (int p = 0; p < result.Pairs.Count; p++)
        {
            foreach (string region in result.Regions)
            {
                CoordinationDistribution d = result.Distribution(p, region);
                if (d.Samples == 0)
                {
                    continue;
                }

                var line = plot.Add.Scatter(Enumerable.Range(0, d.Fractions.Count).Select(c => (double)c).ToArray(), d.Fractions.ToArray());
                line.LegendText = $"{result.Pairs[p]} {region} (mean {d.Mean:F2})";
            }
        }

        plot.ShowLegend();
        Chart.Save(plot, path);
    }

    /// <summary>Mean CN of every pair in slabs along the normal, against the slab position in Å.</summary>
    public static void SaveProfile(CoordinationResult result, string path, string? title = null)
    {
        var plot = Chart.Create(
            title ?? "Mean coordination along the boundary normal", $"position along {"abc"[result.Options.NormalAxis]} (Å)", "mean coordination number (atoms)");
        double[] x = result.SlabCentresAngstrom.ToArray();
        for (int p = 0; p < result.Pairs.Count; p++)
        {
            var (xs, ys) = Series.Finite(x, result.Profile(p));
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = result.Pairs[p].ToString();
        }

        plot.ShowLegend();
        Chart.Save(plot, path);
    }

    /// <summary>
    /// CN distributions of one pair from several labelled results (for example bulk and GB of two materials).
    /// </summary>
    public static void SaveDistributionOverlay(
        IReadOnlyList<(string Label, CoordinationDistribution Distribution)> series, string path, string? title = null)
    {
        var plot = Chart.Create(title ?? "Coordination number distributions", "coordination number (atoms)", "fraction of central atoms");
        foreach (var (label, d) in series)
        {
            if (d.Samples == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(Enumerable.Range(0, d.Fractions.Count).Select(c => (double)c).ToArray(), d.Fractions.ToArray());
            line.LegendText = $"{label} (mean {d.Mean:F2})";
        }

        plot.ShowLegend();
        Chart.Save(plot, path);
    }
}
