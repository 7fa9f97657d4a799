namespace GbAtomistics.Pipelines.Definition;

/// <summary>
/// Where a conductivity of the polycrystal model comes from: a number (S/cm), an Arrhenius set evaluated at the
/// model's temperature, or an entry of one input's conductivity result.
/// </summary>
public sealed record ConductivitySource(double? Value, string? Arrhenius, string? Input, string Kind = "tracer", string Region = "all", string Direction = "total")
{
    public override string ToString() =>
        Value is { } v ? FormattableString.Invariant($"{v:G6} S/cm")
        : Arrhenius is { } a ? $"Arrhenius set {a}"
        : $"{Kind} {Region} {Direction} of {Input}";
}
