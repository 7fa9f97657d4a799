using GbAtomistics.Analysis.Transport.Polycrystal;

namespace GbAtomistics.Plotting;

/// <summary>σ_poly/σ_bulk of a <see cref="BrickLayerModel"/> against grain size on a logarithmic axis.</summary>
public static class PolycrystalPlot
{
    public static void Save(BrickLayerModel model, IReadOnlyList<double> sizes, IReadOnlyList<double> sigma, string sizeUnit, string path, string? title = null)
    {
        var plot = Chart.Create(title ?? "Brick-layer polycrystal", $"grain size d ({sizeUnit}, log scale)", "σ_poly / σ_bulk");
        double[] x = sizes.Select(Math.Log10).ToArray();
        double[] y = sigma.Select(s => s / model.SigmaBulk).ToArray();
        var line = plot.Add.ScatterLine(x, y);
        line.LegendText = FormattableString.Invariant($"δ = {model.Width:G3} {sizeUnit}");
        var one = plot.Add.HorizontalLine(1);
        one.LinePattern = ScottPlot.LinePattern.Dotted;
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => Math.Pow(10, v).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        };
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.ShowLegend();
        Chart.Save(plot, path);
    }
}
