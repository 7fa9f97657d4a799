using GbAtomistics.Analysis.Transport.Polycrystal;

namespace GbAtomistics.Plotting;

/// <summary>
/// σ_poly of a <see cref="BrickLayerModel"/> against grain size, both axes logarithmic (the values span decades), with
/// the 68 % band from the inputs' intervals and σ_bulk, σ_GB∥ as reference lines.
/// </summary>
public static class PolycrystalPlot
{
    public static void Save(BrickLayerModel model, IReadOnlyList<double> sizes, IReadOnlyList<double> sigma, string sizeUnit, string path, string? title = null)
    {
        string caveat = model.Flagged ? " (flagged inputs, see report)" : string.Empty;
        var plot = Chart.Create(title ?? $"Brick-layer polycrystal{caveat}", $"grain size d ({sizeUnit}, log scale)", "σ_poly (S/cm, log scale)");
        double[] x = LogAxis.Log10(sizes);
        var (lower, upper) = model.Band(sizes);
        double[] references = LogAxis.Log10([model.SigmaBulk, model.SigmaGbParallel]);
        if (model.Inputs.Any(i => i.HasError))
        {
            var band = plot.Add.FillY(x, LogAxis.Log10(lower), LogAxis.Log10(upper));
            band.FillStyle.Color = Chart.Colour(0).WithAlpha(0.25);
            band.LineStyle.Width = 0;
            band.LegendText = "68 % band (inputs at the ends of their intervals)";
        }

        var line = plot.Add.ScatterLine(x, LogAxis.Log10(sigma));
        line.Color = Chart.Colour(0);
        line.LegendText = FormattableString.Invariant($"σ_poly, δ = {model.Width:G3} {sizeUnit}");
        var bulk = plot.Add.HorizontalLine(Math.Log10(model.SigmaBulk));
        bulk.LinePattern = ScottPlot.LinePattern.Dotted;
        bulk.Color = ScottPlot.Colors.Black;
        bulk.LegendText = "σ_bulk";
        var parallel = plot.Add.HorizontalLine(Math.Log10(model.SigmaGbParallel));
        parallel.LinePattern = ScottPlot.LinePattern.Dashed;
        parallel.Color = ScottPlot.Colors.Gray;
        parallel.LegendText = "σ_GB∥";
        LogAxis.Apply(plot.Axes.Bottom, x);
        LogAxis.Apply(plot.Axes.Left, LogAxis.Log10(lower), LogAxis.Log10(upper), references);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }
}
