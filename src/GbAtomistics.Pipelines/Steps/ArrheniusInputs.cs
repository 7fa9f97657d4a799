using GbAtomistics.Analysis.Transport.Arrhenius;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>The runs read for an Arrhenius fit, and the inputs left out (each with the reason).</summary>
/// <param name="Points">Usable runs: temperature (K), value (S/cm or Å²/ps), standard error.</param>
/// <param name="LeftOut">Inputs skipped because they are not measurable or their value or error is missing (null).</param>
public sealed record ArrheniusInputs(IReadOnlyList<ArrheniusPoint> Points, IReadOnlyList<string> LeftOut);
