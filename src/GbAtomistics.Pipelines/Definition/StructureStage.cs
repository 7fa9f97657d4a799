using GbAtomistics.Pipelines.Requests;

namespace GbAtomistics.Pipelines.Definition;

/// <summary>
/// The <c>coordination</c> or <c>profile</c> analysis: the same <see cref="CoordinationRequest"/> as the commands
/// (region from each input); <paramref name="Coordination"/> false is <c>profile</c> with <c>species: none</c>.
/// </summary>
public sealed record StructureStage(IReadOnlyList<string> Inputs, CoordinationRequest Request, bool Coordination = true, string? BulkReference = null);
