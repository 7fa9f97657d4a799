using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Definition;

/// <summary>
/// One named trajectory of a pipeline: how to read it, its temperature (K; null to take it from the log beside it),
/// the charges of its species (e) and its grain-boundary slabs (null for none; <c>auto</c> is resolved by detection
/// when the pipeline runs).
/// </summary>
public sealed record PipelineInput(
    string Name,
    TrajectoryInput Trajectory,
    double? Temperature,
    IReadOnlyDictionary<string, double>? Charges,
    RegionRequest Region,
    ResolvedRegion Resolved);
