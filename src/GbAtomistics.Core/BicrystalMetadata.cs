namespace GbAtomistics.Core;

/// <summary>
/// What a CSL bicrystal build records beside its structure (as <c>NAME.gb.json</c>), so analyses find the
/// boundaries without hand-typed coordinates. Lengths in Å, angles in degrees; planes and axes as integer Miller
/// indices of the cubic parent lattice.
/// </summary>
/// <param name="Sigma">Σ, the inverse density of coincidence sites.</param>
/// <param name="Axis">Tilt (rotation) axis [uvw].</param>
/// <param name="AngleDegrees">Misorientation angle θ about <paramref name="Axis"/>.</param>
/// <param name="PlaneUpper">Boundary plane (hkl) in the frame of the upper grain (larger normal coordinate).</param>
/// <param name="PlaneLower">Boundary plane (hkl) in the frame of the lower grain.</param>
/// <param name="NormalAxis">The cell vector the boundary planes cut: 0 = a, 1 = b, 2 = c (the normal lies along it for the orthogonal cells the builder writes).</param>
/// <param name="Planes">Boundary plane positions as fractional coordinates along <paramref name="NormalAxis"/>; a periodic bicrystal has two.</param>
/// <param name="SuggestedHalfWidth">A slab half-width (Å) that covers the boundary cores of this build.</param>
/// <param name="Periodic">False for the vacuum variant (free surfaces instead of the second boundary).</param>
/// <param name="Species">Element of each type number, in type order.</param>
/// <param name="AtomsPerGrain">Number of atoms in grain 1 and grain 2.</param>
/// <param name="GrainOfAtom">Grain label (1 or 2) of each atom, in id order.</param>
/// <param name="Structure">File name of the structure this describes.</param>
public sealed record BicrystalMetadata(
    int Sigma,
    int[] Axis,
    double AngleDegrees,
    int[] PlaneUpper,
    int[] PlaneLower,
    int NormalAxis,
    double[] Planes,
    double SuggestedHalfWidth,
    bool Periodic,
    string[] Species,
    int[] AtomsPerGrain,
    int[] GrainOfAtom,
    string Structure)
{
    /// <summary>The grain-boundary slabs (or, with <paramref name="bulk"/>, their complement) this build describes.</summary>
    public SlabRegion Region(double? halfWidth = null, bool bulk = false) =>
        new(NormalAxis, Planes, halfWidth ?? SuggestedHalfWidth, complement: bulk, name: bulk ? "bulk" : "gb");
}
