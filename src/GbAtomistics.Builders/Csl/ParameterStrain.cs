namespace GbAtomistics.Builders.Csl;

/// <summary>
/// The change of one lattice parameter that makes a measured lattice exactly rational: both grains of a bicrystal
/// built on the rational lattice carry this strain.
/// </summary>
/// <param name="Parameter">The parameter changed: <c>c</c>, <c>b</c> (lengths, with a kept) or <c>alpha</c> (the rhombohedral angle).</param>
/// <param name="Measured">The measured value: a length ratio (c/a, b/a) or α in degrees.</param>
/// <param name="Exact">The value on the rational lattice, same unit.</param>
/// <param name="StrainPercent">100·(Exact/Measured − 1), in %.</param>
public sealed record ParameterStrain(string Parameter, double Measured, double Exact, double StrainPercent);
