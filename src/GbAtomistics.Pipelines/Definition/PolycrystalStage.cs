namespace GbAtomistics.Pipelines.Definition;

/// <summary>
/// The brick-layer polycrystal curve: σ_bulk, σ_GB∥ and σ_GB⊥ from numbers, Arrhenius sets (at
/// <paramref name="Temperature"/> K, default each set's extrapolation temperature) or conductivity results; width δ,
/// grain sizes in nm.
/// </summary>
public sealed record PolycrystalStage(
    ConductivitySource Bulk,
    ConductivitySource GbParallel,
    ConductivitySource GbPerpendicular,
    double? Temperature,
    double Width,
    double MinSize,
    double MaxSize);
