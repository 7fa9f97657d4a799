using GbAtomistics.Analysis.Transport.Msd;

namespace GbAtomistics.Plotting;

/// <summary>
/// Figures of <see cref="MsdResult"/>: total, ∥ and ⊥ MSD against lag time for each region, the region told by colour
/// and the direction by line pattern (total solid, ∥ dashed, ⊥ dotted). The fit window is shaded and, where the
/// window is diffusive, the fitted line (GLS) is drawn over the window only, as a wide translucent line under the data,
/// with its 68 % band; curves with no measurable diffusion say so in the legend with their upper bound. Lags beyond
/// half the run (few time origins) are not drawn.
/// </summary>
public static class MsdPlot
{
    public static void Save(MsdResult result, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = Chart.Create(title ?? $"Mean squared displacement of {result.Options.Species}", "lag time (ps)", "MSD (Å²)");
        double[] t = result.LagTimes.ToArray();
        int end = Math.Max(2, result.Frames / 2 + 1);
        double[] tx = t[..Math.Min(end, t.Length)];
        if (result.FitLags.Count > 0)
        {
            var span = plot.Add.HorizontalSpan(t[result.FitLags[0]], t[result.FitLags[^1]]);
            span.FillStyle.Color = ScottPlot.Colors.Gray.WithAlpha(0.12);
            span.LineStyle.Width = 0;
            span.LegendText = "fit window";
        }

        var regions = result.Curves.Select(c => c.Region).Distinct().ToList();
        MsdCurve[] drawn = result.Curves.Where(c => c.Component is MsdComponent.Total or MsdComponent.Parallel or MsdComponent.Perpendicular).ToArray();

        // Fits and bands first, so the data are drawn over them.
        foreach (MsdCurve c in drawn.Where(c => c.Fit.IsMeasurable))
        {
            ScottPlot.Color colour = Chart.Colour(regions.IndexOf(c.Region));
            double t0 = c.Fit.StartPs, t1 = c.Fit.EndPs;
            double[] bandT = Enumerable.Range(0, 21).Select(i => t0 + ((t1 - t0) * i / 20)).ToArray();
            double slopeError = 2 * c.Fit.Dimensions * c.Fit.StandardError;
            var band = plot.Add.FillY(
                bandT,
                bandT.Select(x => c.Fit.Intercept + ((c.Fit.Slope - slopeError) * x)).ToArray(),
                bandT.Select(x => c.Fit.Intercept + ((c.Fit.Slope + slopeError) * x)).ToArray());
            band.FillColor = colour.WithAlpha(0.15);
            band.LineWidth = 0;
            var fit = plot.Add.ScatterLine(new[] { t0, t1 }, new[] { c.Fit.Intercept + (c.Fit.Slope * t0), c.Fit.Intercept + (c.Fit.Slope * t1) });
            fit.Color = colour.WithAlpha(0.35);
            fit.LineWidth = 7;
            fit.MarkerSize = 0;
        }

        foreach (MsdCurve c in drawn)
        {
            var line = plot.Add.ScatterLine(tx, c.Values.Take(tx.Length).ToArray());
            Chart.Style(line, regions.IndexOf(c.Region), c.Component switch { MsdComponent.Total => 0, MsdComponent.Parallel => 1, _ => 2 });
            line.LegendText = $"{c.Region} {Label(c.Component)}: " + (c.Fit.IsMeasurable
                ? FormattableString.Invariant($"D = {c.Fit.D:G3} ± {c.Fit.StandardError:G2} Å²/ps")
                : FormattableString.Invariant($"not diffusive, D < {c.Fit.UpperBound:G2} Å²/ps (95 %)"));
        }

        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(0, tx[^1] * 1.02);
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top);
        Chart.Legend(plot);
        Chart.Save(plot, path, 1250, 600);
    }

    private static string Label(MsdComponent c) => c switch
    {
        MsdComponent.Parallel => "∥",
        MsdComponent.Perpendicular => "⊥",
        _ => "total",
    };
}
