using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Pipelines.Regions;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>A finished coordination run: the result, where each cut-off came from, the RDF used for automatic cut-offs, the region used, and the passes made over the trajectory.</summary>
public sealed record CoordinationRun(
    CoordinationResult Result, IReadOnlyList<string> CutoffSources, RdfResult? CutoffRdf, ResolvedRegion Region, int Passes);
