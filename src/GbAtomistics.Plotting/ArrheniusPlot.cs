using GbAtomistics.Analysis.Transport.Arrhenius;

namespace GbAtomistics.Plotting;

/// <summary>
/// Arrhenius plot of an <see cref="ArrheniusFit"/>: σT in S·K/cm (or D in Å²/ps) on a logarithmic axis against
/// 1000/T, the runs with error bars (±1 standard error of ln value), the fitted line and its 68 % confidence band
/// carried out to the extrapolation temperature, and the extrapolated value with its interval.
/// </summary>
public static class ArrheniusPlot
{
    /// <summary>
    /// Writes the plot; <paramref name="extrapolateTo"/> (K) extends the line and band to that temperature, and
    /// <paramref name="label"/> (the set's name) goes into the title beside the activation energy.
    /// </summary>
    public static void Save(ArrheniusFit fit, string path, double? extrapolateTo = null, string? title = null, string? label = null)
    {
        bool sigma = fit.Quantity == ArrheniusQuantity.Conductivity;
        var (lo68, hi68) = fit.ActivationEnergyInterval();
        string flag = fit.Inconsistent ? FormattableString.Invariant($", inconsistent (χ²/dof = {fit.ReducedChiSquare:G3})") : string.Empty;
        var plot = Chart.Create(
            title ?? FormattableString.Invariant($"Arrhenius{(label is null ? string.Empty : $" ({label})")}: Ea = {fit.ActivationEnergy:F3} eV, 68 % [{lo68:F3}, {hi68:F3}]{flag}"),
            "1000/T (1/K)",
            sigma ? "σT (S·K/cm, log scale)" : "D (Å²/ps, log scale)");
        double ln10 = Math.Log(10);
        double[] x = fit.Points.Select(p => 1000 / p.Temperature).ToArray();
        double[] y = fit.Points.Select(p => fit.Y(p) / ln10).ToArray();
        double[] e = fit.Points.Select(p => p.Error / p.Value / ln10).ToArray();

        double lo = x.Min(), hi = x.Max();
        if (extrapolateTo is { } t && t > 0)
        {
            lo = Math.Min(lo, 1000 / t);
            hi = Math.Max(hi, 1000 / t);
        }

        double pad = 0.05 * (hi - lo);
        double[] fx = Enumerable.Range(0, 101).Select(i => lo - pad + ((hi - lo + (2 * pad)) * i / 100)).ToArray();
        ArrheniusValue[] line = fx.Select(v => fit.At(1000 / v)).ToArray();
        double Scale(ArrheniusValue a, double value) => Math.Log10(sigma ? value * a.Temperature : value);
        var band = plot.Add.FillY(fx, line.Select(a => Scale(a, a.Lower)).ToArray(), line.Select(a => Scale(a, a.Upper)).ToArray());
        band.FillStyle.Color = Chart.Colour(0).WithAlpha(0.25);
        band.LineStyle.Width = 0;
        band.LegendText = fit.ErrorBasis == ArrheniusErrorBasis.ScaledByScatter ? "68 % band (errors scaled by χ²/dof, Student t)" : "68 % band";
        var fitted = plot.Add.ScatterLine(fx, line.Select(a => Scale(a, a.Value)).ToArray());
        fitted.Color = Chart.Colour(0);
        fitted.LegendText = "weighted fit";

        var points = plot.Add.ScatterPoints(x, y);
        points.Color = ScottPlot.Colors.Black;
        points.LegendText = "runs (±1 s.e.)";
        var bars = plot.Add.ErrorBar(x, y, e);
        bars.Color = points.Color;

        if (extrapolateTo is { } at && fit.At(at) is { Extrapolated: true } v)
        {
            double vx = 1000 / at;
            double vy = Scale(v, v.Value);
            var marker = plot.Add.ScatterPoints(new[] { vx }, new[] { vy });
            marker.Color = Chart.Colour(1);
            marker.MarkerShape = ScottPlot.MarkerShape.OpenCircle;
            marker.MarkerSize = 9;
            marker.LegendText = FormattableString.Invariant($"{at:G4} K, extrapolated ×{v.OutsideFactor:G2} beyond the data");
            var range = plot.Add.ErrorBar(new[] { vx }, new[] { vy }, new[] { vy - Scale(v, v.Lower) });
            range.Color = marker.Color;
        }

        LogAxis.Apply(plot.Axes.Left, y, line.Select(a => Scale(a, a.Lower)), line.Select(a => Scale(a, a.Upper)));
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }
}
