namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// One rigid-body translation of a search: its grid position (i, j), the in-plane translation of the upper grain as
/// fractions of the CSL periods, and the best bicrystal at that translation or why none could be built.
/// </summary>
public sealed record CslCandidate(int I, int J, double TranslationX, double TranslationY, CslBicrystal? Bicrystal, string? Failure);
