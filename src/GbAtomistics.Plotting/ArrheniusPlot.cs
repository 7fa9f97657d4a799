using GbAtomistics.Analysis.Transport.Arrhenius;

namespace GbAtomistics.Plotting;

/// <summary>Arrhenius plot of an <see cref="ArrheniusFit"/>: ln(σT) (or ln D) against 1000/T with error bars and the fit.</summary>
public static class ArrheniusPlot
{
    public static void Save(ArrheniusFit fit, string path, string? title = null)
    {
        bool sigma = fit.Quantity == ArrheniusQuantity.Conductivity;
        var plot = Chart.Create(
            title ?? FormattableString.Invariant($"Arrhenius: Ea = {fit.ActivationEnergy:F3} ± {fit.ActivationEnergyError:F3} eV"),
            "1000/T (1/K)",
            sigma ? "ln(σT / (S·K/cm))" : "ln(D / (Å²/ps))");
        double[] x = fit.Points.Select(p => 1000 / p.Temperature).ToArray();
        double[] y = fit.Points.Select(fit.Y).ToArray();
        double[] e = fit.Points.Select(p => p.Error / p.Value).ToArray();
        var points = plot.Add.ScatterPoints(x, y);
        points.LegendText = "runs";
        var bars = plot.Add.ErrorBar(x, y, e);
        bars.Color = points.Color;
        double lo = x.Min(), hi = x.Max();
        double pad = 0.05 * (hi - lo);
        double[] fx = [lo - pad, hi + pad];
        var line = plot.Add.ScatterLine(fx, fx.Select(v => fit.LnPrefactor + (fit.Slope * v / 1000)).ToArray());
        line.LegendText = "weighted fit";
        plot.ShowLegend();
        plot.Legend.Alignment = ScottPlot.Alignment.UpperRight;
        Chart.Save(plot, path);
    }
}
