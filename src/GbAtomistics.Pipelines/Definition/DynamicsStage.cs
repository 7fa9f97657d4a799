namespace GbAtomistics.Pipelines.Definition;

/// <summary>
/// The <c>dynamics</c> analysis of a pipeline: van Hove functions, α₂ and hops of the mobile species for the inputs
/// listed, with lags (ps, log-spaced when null), the hop distance (Å, automatic when null) and the hop window (ps).
/// </summary>
public sealed record DynamicsStage(IReadOnlyList<string> Inputs, string Species, IReadOnlyList<double>? Lags, double? HopDistance, double HopWindowPs);
