using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis.Roles;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>
/// One system of a comparison after its runs: its label and input, the coordination run, and the RDFs of its regions
/// (all, or bulk and gb); with roles, the role map and the polyhedra and bond-valence sums by role.
/// </summary>
public sealed record ComparedSystem(
    string Label,
    TrajectoryInput Input,
    CoordinationRun Coordination,
    IReadOnlyList<(string Region, RdfResult Rdf)> Rdfs,
    RoleMap? Roles = null,
    RoleResult? RoleResult = null);
