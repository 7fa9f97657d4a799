using GbAtomistics.Analysis.Transport.Msd;

namespace GbAtomistics.Plotting;

/// <summary>
/// Figures of <see cref="MsdResult"/>: total, ∥ and ⊥ MSD against lag time for each region, the fit window shaded and,
/// where the window is diffusive, the fitted line (GLS) over it with its 68 % band; curves with no measurable diffusion
/// say so in the legend with their upper bound.
/// </summary>
public static class MsdPlot
{
    public static void Save(MsdResult result, string path, string? title = null)
    {
        var plot = Chart.Create(title ?? $"Mean squared displacement of {result.Options.Species}", "lag time (ps)", "MSD (Å²)");
        double[] t = result.LagTimes.ToArray();
        int end = Math.Max(2, result.Frames / 2 + 1); // the second half has few origins; not drawn
        double[] tx = t[..Math.Min(end, t.Length)];
        if (result.FitLags.Count > 0)
        {
            var span = plot.Add.HorizontalSpan(t[result.FitLags[0]], t[result.FitLags[^1]]);
            span.FillStyle.Color = ScottPlot.Colors.Gray.WithAlpha(0.15);
            span.LegendText = "fit window";
        }

        var palette = new ScottPlot.Palettes.Category10();
        int index = 0;
        foreach (MsdCurve c in result.Curves)
        {
            if (c.Component is not (MsdComponent.Total or MsdComponent.Parallel or MsdComponent.Perpendicular))
            {
                continue;
            }

            double[] y = c.Values.Take(tx.Length).ToArray();
            var line = plot.Add.ScatterLine(tx, y);
            line.Color = palette.GetColor(index++);
            line.LegendText = $"{c.Region} {Label(c.Component)}: " + (c.Fit.IsMeasurable
                ? FormattableString.Invariant($"D = {c.Fit.D:G3} ± {c.Fit.StandardError:G2} Å²/ps")
                : FormattableString.Invariant($"not diffusive, D < {c.Fit.UpperBound:G2} Å²/ps (95 %)"));
            if (c.Fit.IsMeasurable)
            {
                double t0 = c.Fit.StartPs, t1 = c.Fit.EndPs;
                double[] bandT = Enumerable.Range(0, 21).Select(i => t0 + ((t1 - t0) * i / 20)).ToArray();
                double slopeError = 2 * c.Fit.Dimensions * c.Fit.StandardError;
                var band = plot.Add.FillY(
                    bandT,
                    bandT.Select(x => c.Fit.Intercept + ((c.Fit.Slope - slopeError) * x)).ToArray(),
                    bandT.Select(x => c.Fit.Intercept + ((c.Fit.Slope + slopeError) * x)).ToArray());
                band.FillColor = line.Color.WithAlpha(0.2);
                band.LineWidth = 0;
                var fit = plot.Add.ScatterLine(
                    new[] { t0, t1 },
                    new[] { c.Fit.Intercept + (c.Fit.Slope * t0), c.Fit.Intercept + (c.Fit.Slope * t1) });
                fit.Color = line.Color;
                fit.LinePattern = ScottPlot.LinePattern.Dashed;
                fit.LineWidth = 2;
            }
        }

        // Outside the data area: the legend names every curve with its D or bound and must not cover the curves.
        plot.ShowLegend(ScottPlot.Edge.Right);
        Chart.Save(plot, path, 1250, 600);
    }

    private static string Label(MsdComponent c) => c switch
    {
        MsdComponent.Parallel => "∥",
        MsdComponent.Perpendicular => "⊥",
        _ => "total",
    };
}
