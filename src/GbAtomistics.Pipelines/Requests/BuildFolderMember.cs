namespace GbAtomistics.Pipelines.Requests;

/// <summary>One member listed in the <c>build.json</c> of a <c>gbat build csl</c> folder.</summary>
/// <param name="Name">Base name of the member's files.</param>
/// <param name="Built">False when the builder could not build it (then it has no files).</param>
/// <param name="Structure">File name of the structure (relative to the folder), or null.</param>
/// <param name="Metadata">File name of the boundary metadata (<c>NAME.gb.json</c>), or null.</param>
/// <param name="Translation">In-plane translation of the upper grain as fractions of the CSL periods (x, y), or null.</param>
/// <param name="Termination">Termination as text, e.g. <c>0 (through Cu2)</c>, or null.</param>
/// <param name="Reason">Why it was not built, or null.</param>
public sealed record BuildFolderMember(string Name, bool Built, string? Structure, string? Metadata, double[]? Translation, string? Termination, string? Reason);
