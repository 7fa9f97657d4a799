using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;

namespace GbAtomistics.Analysis.Comparison;

/// <summary>
/// One column of a comparison: a system (a material, a temperature, a trajectory) in one region (<c>all</c>,
/// <c>gb</c> or <c>bulk</c>), with its RDF over central atoms of that region and, optionally, the coordination
/// result whose distribution for that region is compared.
/// </summary>
public sealed record ComparisonEntry(string System, string Region, RdfResult Rdf, CoordinationResult? Coordination = null);
