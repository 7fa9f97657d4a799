using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis.Roles;

namespace GbAtomistics.Analysis.Comparison;

/// <summary>
/// One column of a comparison: a system (a material, a temperature, a trajectory) in one region (<c>all</c>,
/// <c>gb</c> or <c>bulk</c>), with its RDF over central atoms of that region and, optionally, the coordination
/// result whose distribution for that region is compared. With <paramref name="Roles"/> the rows carry the role pair
/// of each species pair (<c>cation-anion</c>) and the table aligns systems by it.
/// </summary>
public sealed record ComparisonEntry(string System, string Region, RdfResult Rdf, CoordinationResult? Coordination = null, RoleMap? Roles = null);
