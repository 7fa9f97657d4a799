using GbAtomistics.Analysis.Transport.Arrhenius;

namespace GbAtomistics.Pipelines.Definition;

/// <summary>
/// One Arrhenius set: the conductivity results of its inputs (one point each: the entry of <paramref name="Kind"/>,
/// <paramref name="Region"/> and <paramref name="Direction"/>), fitted as σ (ln σT) or D (ln D).
/// </summary>
public sealed record ArrheniusStage(
    string Name, IReadOnlyList<string> Inputs, string Kind, string Region, string Direction, ArrheniusQuantity Quantity, double ExtrapolateTo);
