using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>
/// The boundary plane of a symmetric tilt boundary, in the frame of each grain: (hkl) of the lower grain and of the
/// upper grain, which are the reference direction p turned by −θ/2 and +θ/2 about the tilt axis.
/// </summary>
/// <param name="Lower">Plane (hkl) in the lower grain.</param>
/// <param name="Upper">Plane (hkl) in the upper grain.</param>
/// <param name="Reference">The reference direction p (perpendicular to the axis) the planes are built from.</param>
/// <param name="Rotation">The CSL rotation (m, n) that relates the grains.</param>
public sealed record TiltPlanePair(Int3 Lower, Int3 Upper, Int3 Reference, CslRotation Rotation)
{
    /// <summary>The pair as text, e.g. <c>(3-10)/(310)</c>.</summary>
    public override string ToString() => $"{Miller.Plane(Lower)}/{Miller.Plane(Upper)}";
}
