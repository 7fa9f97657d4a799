namespace GbAtomistics.Analysis.Profiles;

/// <summary>
/// The boundary excess volume of a bicrystal: δV/A = (V − N·v_bulk)/(n·A) in Å (Å³ of extra volume per Å² of
/// boundary), with n the number of boundaries in the cell, A = V/L its cross-section and v_bulk = 1/ρ_bulk the volume
/// per atom of the perfect crystal. Zero for a perfect crystal, positive for a boundary that is less dense.
/// </summary>
/// <param name="ExcessPerArea">δV/A (Å) with the bulk density of <paramref name="BulkSource"/>; null when it is unknown.</param>
/// <param name="BulkSource"><c>bulk reference</c> or <c>grain interiors</c>.</param>
/// <param name="BulkDensity">ρ_bulk used (atoms/Å³).</param>
/// <param name="InteriorExcessPerArea">δV/A from the grain interiors alone (Å), also when a reference was given.</param>
/// <param name="InteriorDensity">Number density of the interior slabs (atoms/Å³); null when no slab lies outside the GB slabs.</param>
/// <param name="ReferenceDensity">Mean N/V of the bulk reference (atoms/Å³), or null.</param>
/// <param name="MeanDensity">Mean N/V of the bicrystal (atoms/Å³).</param>
/// <param name="Boundaries">n, the number of boundary planes in the cell.</param>
/// <param name="HalfWidth">Half-width h of the GB slabs (Å): the boundary is the slab plane ± h, of width 2h.</param>
/// <param name="InteriorSlabs">Number of profile slabs entirely outside the GB slabs (the grain interiors).</param>
/// <param name="Length">Mean perpendicular width L of the cell along the normal (Å).</param>
public sealed record ExcessVolumeResult(
    double? ExcessPerArea,
    string BulkSource,
    double? BulkDensity,
    double? InteriorExcessPerArea,
    double? InteriorDensity,
    double? ReferenceDensity,
    double MeanDensity,
    int Boundaries,
    double HalfWidth,
    int InteriorSlabs,
    double Length);
