namespace GbAtomistics.Analysis.Comparison;

/// <summary>
/// One line of a comparison table: first peak of g_AB (position Å, height), first minimum (Å), coordination cut-off (Å)
/// and mean coordination number (atoms) of pair A–B in one system and region, and for a <c>gb</c> row the change
/// against the <c>bulk</c> row of the same system and pair: relative changes (gb − bulk)/bulk of the peak height and
/// mean CN (the over-coordination index CN(gb)/CN(bulk) − 1), and the shift of the peak position in Å. Null where a
/// quantity is undefined. <see cref="RolePair"/> is the role pair of the species pair (e.g. <c>cation-anion</c>) when the
/// system has a role map, else null.
/// </summary>
public sealed record ComparisonRow(
    string System,
    string Region,
    string Pair,
    double? PeakR,
    double? PeakHeight,
    double? MinimumR,
    double? Cutoff,
    double? MeanCoordination,
    double? PeakShiftVsBulk,
    double? PeakHeightChangeVsBulk,
    double? MeanCoordinationChangeVsBulk,
    string? RolePair = null);
