using GbAtomistics.Pipelines.Requests;

namespace GbAtomistics.Pipelines.Definition;

/// <summary>One comparison: its name, the inputs (labelled by their names) and the options of <c>gbat compare</c>.</summary>
public sealed record CompareStage(string Name, IReadOnlyList<string> Inputs, CoordinationRequest Request, RoleRequest? Roles = null);
