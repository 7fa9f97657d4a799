using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// A symmetric tilt boundary about the unique axis c: the Σ entry and planes, and for each grain the Cartesian unit
/// normal of its plane (cell frame), the shortest lattice direction along that normal and the lattice direction along
/// normal × c (the box y axis).
/// </summary>
internal sealed record UniqueAxisBoundary(
    SigmaEntry Entry,
    TiltPlanePair Planes,
    Vec3 Reference,
    Vec3 NormalLower,
    Vec3 NormalUpper,
    Int3 NormalPeriodLower,
    Int3 NormalPeriodUpper,
    Int3 InPlaneLower,
    Int3 InPlaneUpper);
