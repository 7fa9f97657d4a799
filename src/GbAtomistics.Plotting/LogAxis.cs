using System.Globalization;
using ScottPlot;

namespace GbAtomistics.Plotting;

/// <summary>
/// Logarithmic axes: values are plotted as log10 and the axis is labelled with the values themselves, major ticks at
/// whole decades written the same way on every axis (1e-5, 1e0, 1e3) with minor ticks at 2…9 × each decade.
/// </summary>
internal static class LogAxis
{
    /// <summary>log10 of positive values; NaN for the rest, which are then not drawn.</summary>
    public static double[] Log10(IEnumerable<double> values) => values.Select(v => v > 0 ? Math.Log10(v) : double.NaN).ToArray();

    /// <summary>
    /// Puts ticks labelled as values on <paramref name="axis"/>, whose data are the log10 values <paramref name="logs"/>:
    /// whole decades with minor ticks at 2…9 when the data span one decade or more, otherwise major ticks at round
    /// values (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8 × 10^n) inside the range, all labelled the same way ("me<i>n</i>").
    /// </summary>
    public static void Apply(IAxis axis, params IEnumerable<double>[] logs)
    {
        double[] all = logs.SelectMany(l => l).Where(double.IsFinite).ToArray();
        double min = all.Length > 0 ? all.Min() : 0, max = all.Length > 0 ? all.Max() : 1;
        if (max - min >= 1)
        {
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = Label,
                IntegerTicksOnly = true,
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            };
            return;
        }

        double pad = Math.Max(0.05 * (max - min), 0.01);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        double[] mantissas = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8];
        for (int n = (int)Math.Floor(min - pad) - 1; n <= (int)Math.Ceiling(max + pad); n++)
        {
            foreach (double m in mantissas)
            {
                double v = Math.Log10(m) + n;
                if (v >= min - pad && v <= max + pad)
                {
                    ticks.AddMajor(v, Label(v));
                }
            }
        }

        axis.TickGenerator = ticks;
    }

    /// <summary>The label of the tick at log10 value <paramref name="v"/>: m·10^n as "me<i>n</i>" (1e-5, 2.5e-1, 1e0).</summary>
    public static string Label(double v)
    {
        double value = Math.Pow(10, v);
        int exponent = (int)Math.Floor(v + 1e-9);
        double mantissa = value / Math.Pow(10, exponent);
        return mantissa.ToString("0.##", CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }
}
