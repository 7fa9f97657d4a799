using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Rdf;

namespace GbAtomistics.Plotting;

/// <summary>Figures of <see cref="RdfResult"/>: g(r) of each pair, and overlays of several results (bulk vs GB).</summary>
public static class RdfPlot
{
    /// <summary>g_AB(r) of every pair of one result; a pair with no g(r) (no such atoms) is left out.</summary>
    public static void Save(RdfResult result, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = Chart.Create(title ?? "Partial radial distribution functions", "r (Å)", "g(r)");
        double[] r = result.R.ToArray();
        for (int p = 0; p < result.Pairs.Count; p++)
        {
            var (x, y) = Chart.Kept(r, result.G(p));
            var line = plot.Add.ScatterLine(x, y);
            Chart.Style(line, p);
            line.LegendText = result.Pairs[p].ToString();
        }

        FromZero(plot, result.Options.RMax);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }

    /// <summary>
    /// g(r) of one pair from several labelled results (for example bulk and grain boundary, or two materials), each
    /// in its own colour and line pattern.
    /// </summary>
    public static void SaveOverlay(IReadOnlyList<(string Label, RdfResult Result)> results, int pairIndex, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        string pair = results[0].Result.Pairs[pairIndex].ToString();
        var plot = Chart.Create(title ?? $"g(r) {pair}", "r (Å)", $"g(r) {pair}");
        for (int i = 0; i < results.Count; i++)
        {
            var (label, result) = results[i];
            int p = result.IndexOf(results[0].Result.Pairs[pairIndex]);
            if (p < 0)
            {
                continue;
            }

            var (x, y) = Chart.Kept(result.R, result.G(p));
            var line = plot.Add.ScatterLine(x, y);
            Chart.Style(line, i, i);
            line.LegendText = label;
        }

        FromZero(plot, results[0].Result.Options.RMax);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }

    /// <summary>
    /// g(r) of a different pair from each labelled result (for example the cation–anion pairs Na–O and Na–S of two
    /// materials), each in its own colour and line pattern; the y axis is labelled <paramref name="yLabel"/>.
    /// </summary>
    public static void SaveOverlay(IReadOnlyList<(string Label, RdfResult Result, SpeciesPair Pair)> series, string path, string title, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = Chart.Create(title, "r (Å)", yLabel);
        double rMax = 0;
        for (int i = 0; i < series.Count; i++)
        {
            var (label, result, pair) = series[i];
            int p = result.IndexOf(pair);
            if (p < 0)
            {
                continue;
            }

            var (x, y) = Chart.Kept(result.R, result.G(p));
            var line = plot.Add.ScatterLine(x, y);
            Chart.Style(line, i, i);
            line.LegendText = label;
            rMax = Math.Max(rMax, result.Options.RMax);
        }

        FromZero(plot, rMax > 0 ? rMax : 1);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }

    /// <summary>Axes from r = 0 to the cut-off and from g = 0.</summary>
    private static void FromZero(ScottPlot.Plot plot, double rMax)
    {
        plot.Axes.AutoScale();
        plot.Axes.SetLimits(0, rMax, 0, plot.Axes.GetLimits().Top);
    }
}
