using GbAtomistics.Analysis.Rdf;

namespace GbAtomistics.Plotting;

/// <summary>Figures of <see cref="RdfResult"/>: g(r) of each pair, and overlays of several results (bulk vs GB).</summary>
public static class RdfPlot
{
    /// <summary>g_AB(r) of every pair of one result.</summary>
    public static void Save(RdfResult result, string path, string? title = null)
    {
        var plot = Chart.Create(title ?? "Partial radial distribution functions", "r (Å)", "g(r)");
        double[] r = result.R.ToArray();
        for (int p = 0; p < result.Pairs.Count; p++)
        {
            var line = plot.Add.ScatterLine(r, result.G(p).ToArray());
            line.LegendText = result.Pairs[p].ToString();
        }

        plot.ShowLegend();
        Chart.Save(plot, path);
    }

    /// <summary>
    /// g(r) of one pair from several labelled results (for example bulk and grain boundary, or two materials).
    /// </summary>
    public static void SaveOverlay(IReadOnlyList<(string Label, RdfResult Result)> results, int pairIndex, string path, string? title = null)
    {
        string pair = results[0].Result.Pairs[pairIndex].ToString();
        var plot = Chart.Create(title ?? $"g(r) {pair}", "r (Å)", $"g(r) {pair}");
        foreach (var (label, result) in results)
        {
            int p = result.IndexOf(results[0].Result.Pairs[pairIndex]);
            if (p < 0)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(result.R.ToArray(), result.G(p).ToArray());
            line.LegendText = label;
        }

        plot.ShowLegend();
        Chart.Save(plot, path);
    }
}
