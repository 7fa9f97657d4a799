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

    /// <summary>Puts decade ticks labelled as values on <paramref name="axis"/>, whose data are log10 values.</summary>
    public static void Apply(IAxis axis) => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
    {
        LabelFormatter = Label,
        IntegerTicksOnly = true,
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
    };

    /// <summary>The label of the tick at log10 value <paramref name="v"/>: 1e<i>n</i>.</summary>
    public static string Label(double v) => "1e" + Math.Round(v).ToString("0", CultureInfo.InvariantCulture);
}
