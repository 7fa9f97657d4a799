using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>
/// One member of a translation family of <see cref="BuildCslStep"/>: its file base name, its rank (0 = lowest model
/// energy), its grid position (i, j), the in-plane translation of the upper grain as fractions of the CSL periods, and
/// the bicrystal or why it failed.
/// </summary>
public sealed record CslBuildMember(string Name, int Rank, int I, int J, double TranslationX, double TranslationY, CslBicrystal? Bicrystal, string? Failure);
