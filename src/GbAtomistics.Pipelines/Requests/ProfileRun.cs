using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Profiles;
using GbAtomistics.Pipelines.Regions;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>A finished profile run: densities and composition, the coordination over the same slabs (null when not asked), cut-off sources, and the boundaries known or detected.</summary>
public sealed record ProfileRun(
    ProfileResult Profile, CoordinationResult? Coordination, IReadOnlyList<string> CutoffSources, ResolvedRegion Region, int Passes);
