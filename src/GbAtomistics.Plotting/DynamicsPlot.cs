using GbAtomistics.Analysis.Transport.Dynamics;

namespace GbAtomistics.Plotting;

/// <summary>
/// Figures of <see cref="DynamicsResult"/>: the self van Hove function as 4πr²G_s(r, t) (the probability per Å of
/// the displacement |Δr|) at each lag, lag by colour and region by line pattern; the distinct part G_d(r, t) normalised
/// to 1 for an ideal gas; α₂(t) per region (colour) and direction (pattern) on a logarithmic time axis up to half the
/// run; and the hop-length histogram as bars, one colour per region of the starting site.
/// </summary>
public static class DynamicsPlot
{
    /// <summary>4πr²G_s(r, t) of the total displacement for every lag and region.</summary>
    public static void SelfVanHove(DynamicsResult result, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = Chart.Create(title ?? $"Self van Hove function of {result.Options.Transport.Species}", "displacement |Δr| (Å)", "4πr²G_s(r, t) (1/Å)");
        var lags = result.Lags.ToList();
        double rightmost = 0;
        foreach (SelfVanHove s in result.Self.Where(s => s.Direction == DynamicsDirection.Total && s.Samples > 0))
        {
            var (x, y) = Chart.Kept(s.R, s.Probability);
            var line = plot.Add.ScatterLine(x, y);
            Chart.Style(line, lags.IndexOf(s.LagFrames), result.Regions.ToList().IndexOf(s.Region));
            line.LegendText = FormattableString.Invariant($"{s.Region}, t = {s.LagPs:G4} ps");
            int last = Enumerable.Range(0, y.Length).LastOrDefault(i => y[i] > 1e-3 * y.Max());
            rightmost = Math.Max(rightmost, x.Length > 0 ? x[last] : 0);
        }

        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(0, Math.Max(rightmost * 1.05, 0.5));
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }

    /// <summary>G_d(r, t)/ρ for every lag of region all, with the ideal-gas value 1 as a dotted line.</summary>
    public static void DistinctVanHove(DynamicsResult result, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = Chart.Create(title ?? $"Distinct van Hove function of {result.Options.Transport.Species}", "distance r (Å)", "G_d(r, t) / ρ");
        int i = 0;
        foreach (DistinctVanHove d in result.Distinct.Where(d => d.Region == "all"))
        {
            var (x, y) = Chart.Kept(d.R, d.G);
            var line = plot.Add.ScatterLine(x, y);
            Chart.Style(line, i++);
            line.LegendText = d.LagFrames == 0 ? "t = 0 (g(r))" : FormattableString.Invariant($"t = {d.LagPs:G4} ps");
        }

        var one = plot.Add.HorizontalLine(1);
        one.LinePattern = ScottPlot.LinePattern.Dotted;
        one.Color = ScottPlot.Colors.Black;
        one.LineWidth = 1;
        one.LegendText = "ideal gas";
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }

    /// <summary>α₂(t) per region and direction, time on a logarithmic axis, lags up to half the run.</summary>
    public static void Alpha2(DynamicsResult result, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = Chart.Create(title ?? $"Non-Gaussian parameter of {result.Options.Transport.Species}", "lag time t (ps, log scale)", "α₂(t)");
        int end = result.PeakLagLimit;
        var allX = new List<double>();
        foreach (Alpha2Curve c in result.Alpha2)
        {
            int[] lags = Enumerable.Range(1, end).Where(k => k < c.Alpha2.Count && double.IsFinite(c.Alpha2[k])).ToArray();
            if (lags.Length == 0)
            {
                continue;
            }

            double[] x = LogAxis.Log10(lags.Select(k => k * result.TimestepPs));
            var line = plot.Add.ScatterLine(x, lags.Select(k => c.Alpha2[k]).ToArray());
            Chart.Style(line, result.Regions.ToList().IndexOf(c.Region), (int)c.Direction);
            (double peak, int at) = c.Peak(end);
            line.LegendText = FormattableString.Invariant($"{c.Region} {Label(c.Direction)}: peak {peak:G3} at {at * result.TimestepPs:G3} ps");
            allX.AddRange(x);
        }

        var zero = plot.Add.HorizontalLine(0);
        zero.LinePattern = ScottPlot.LinePattern.Dotted;
        zero.Color = ScottPlot.Colors.Black;
        zero.LineWidth = 1;
        zero.LegendText = "Gaussian (α₂ = 0)";
        LogAxis.Apply(plot.Axes.Bottom, allX);
        plot.Axes.AutoScale();
        Chart.Legend(plot);
        Chart.Save(plot, path, 1250, 600);
    }

    /// <summary>The hop-length histogram as bars (hops per 0.1 Å bin), side by side per region of the starting site.</summary>
    public static void HopLengths(DynamicsResult result, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        HopAnalysis hops = result.Hops;
        var plot = Chart.Create(
            title ?? $"Hop lengths of {result.Options.Transport.Species}",
            FormattableString.Invariant($"hop length (Å; d_hop = {hops.Distance:G3} Å, window {hops.WindowPs:G3} ps)"),
            "hops");
        string[] regions = result.Regions.Count > 1 ? ["gb", "bulk"] : ["all"];
        double width = hops.LengthBin / regions.Length * 0.9;
        for (int r = 0; r < regions.Length; r++)
        {
            int[] counts = hops.LengthHistogram[regions[r]];
            var bars = Enumerable.Range(0, counts.Length).Select(b => new ScottPlot.Bar
            {
                Position = (b * hops.LengthBin) + (0.05 * hops.LengthBin) + (width * (r + 0.5)),
                Value = counts[b],
                Size = width,
                FillColor = Chart.Colour(r),
                LineWidth = 0,
            }).ToArray();
            var plotted = plot.Add.Bars(bars);
            int n = counts.Sum();
            plotted.LegendText = regions[r] == "all" ? $"{n} hops" : $"from {regions[r]} sites: {n} hops";
            plotted.Color = Chart.Colour(r);
        }

        if (hops.Events.Count == 0)
        {
            plot.Title((title ?? $"Hop lengths of {result.Options.Transport.Species}") + ": no hops");
        }

        var limit = plot.Add.VerticalLine(hops.Distance);
        limit.LinePattern = ScottPlot.LinePattern.Dashed;
        limit.Color = ScottPlot.Colors.Black;
        limit.LineWidth = 1;
        limit.LegendText = "d_hop";
        Chart.IntegerTicks(plot.Axes.Left);
        plot.Axes.AutoScale();
        plot.Axes.Margins(bottom: 0);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }

    private static string Label(DynamicsDirection d) => d switch
    {
        DynamicsDirection.Parallel => "∥",
        DynamicsDirection.Perpendicular => "⊥",
        _ => "total",
    };
}
