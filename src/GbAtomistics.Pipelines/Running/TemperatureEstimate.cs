namespace GbAtomistics.Pipelines.Running;

/// <summary>The temperature of a run and where it came from.</summary>
/// <param name="Kelvin">Temperature in K (a mean over thermo rows when it comes from a log).</param>
/// <param name="StandardDeviation">Standard deviation of the thermo rows' <c>Temp</c> about the mean in K; null when not from thermo rows.</param>
/// <param name="Rows">Number of thermo rows averaged; null when not from thermo rows.</param>
/// <param name="Source">A sentence saying where the value came from.</param>
public sealed record TemperatureEstimate(double Kelvin, double? StandardDeviation, int? Rows, string Source)
{
    /// <summary>The value with its spread, e.g. <c>1003.0 ± 21.4 K</c>.</summary>
    public string Text() => StandardDeviation is { } sd
        ? FormattableString.Invariant($"{Kelvin:F1} ± {sd:F1} K")
        : FormattableString.Invariant($"{Kelvin:G5} K");
}
