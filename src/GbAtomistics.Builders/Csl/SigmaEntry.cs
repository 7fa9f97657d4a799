using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>
/// One misorientation of a Σ table: Σ, the conventional angle, the symmetry-equivalent angle and the distinct
/// symmetric tilt boundaries of that misorientation.
/// </summary>
/// <remarks>
/// The conventional angle is the smallest rotation about the axis that gives this misorientation (the literature
/// value: [110] Σ3 is 70.53°); the equivalent angle is 360°/k − θ for a k-fold axis (k = 4 for ⟨100⟩, 3 for ⟨111⟩,
/// 2 for ⟨110⟩, 1 otherwise), the other angle quoted for the same boundary (pymatgen's 109.47° for [110] Σ3).
/// </remarks>
/// <param name="Sigma">Σ.</param>
/// <param name="Axis">Rotation (tilt) axis [uvw].</param>
/// <param name="AngleDegrees">Conventional (smallest) misorientation angle about the axis, degrees.</param>
/// <param name="EquivalentAngleDegrees">The symmetry-equivalent angle 360°/k − θ, degrees.</param>
/// <param name="Rotations">Every generator pair (m, n) giving this misorientation, by increasing angle.</param>
/// <param name="Planes">The distinct symmetric tilt plane families, first the one built from the first reference direction at the conventional angle.</param>
public sealed record SigmaEntry(
    int Sigma,
    Int3 Axis,
    double AngleDegrees,
    double EquivalentAngleDegrees,
    IReadOnlyList<CslRotation> Rotations,
    IReadOnlyList<TiltPlanePair> Planes);
