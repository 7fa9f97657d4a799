using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Regions;

/// <summary>
/// Grain-boundary planes found from a profile of structural deviation along the normal: plane positions as
/// fractional coordinates along <see cref="Axis"/> and in Å from the cell origin, the suggested slab half-width (Å),
/// the baseline (bulk) and peak values of the smoothed profile, and the smoothed profile itself.
/// </summary>
public sealed record DetectedBoundaries(
    int Axis,
    IReadOnlyList<double> Planes,
    IReadOnlyList<double> PlanesAngstrom,
    double HalfWidth,
    double Baseline,
    IReadOnlyList<double> PeakHeights,
    IReadOnlyList<double> Smoothed,
    double SmoothingAngstrom)
{
    /// <summary>The slabs around the planes (gb), or their complement (bulk); <paramref name="halfWidth"/> overrides the detected one.</summary>
    public SlabRegion Region(double? halfWidth = null, bool bulk = false) =>
        new(Axis, Planes, halfWidth ?? HalfWidth, complement: bulk, name: bulk ? "bulk" : "gb");
}
