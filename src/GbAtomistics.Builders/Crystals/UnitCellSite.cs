using GbAtomistics.Core;

namespace GbAtomistics.Builders.Crystals;

/// <summary>One atom of a cubic unit cell: its species index (0-based, type − 1) and fractional position in [0, 1).</summary>
public readonly record struct UnitCellSite(int Species, Vec3 Position);
