using GbAtomistics.Core;

namespace GbAtomistics.Builders.Crystals;

/// <summary>
/// A group of unit-cell atoms that the builder places, keeps and removes together: a polyanion or molecular unit (a
/// centre and the ligands bonded to it, e.g. PS4) or a single atom.
/// </summary>
/// <param name="Sites">Indices into <see cref="UnitCell.Sites"/>.</param>
/// <param name="Positions">Fractional positions of those sites, unwrapped so the unit is whole (a ligand may lie outside [0, 1)).</param>
/// <param name="Anchor">Fractional position that decides which grain owns the unit: the mean of its centre atoms (the atom itself for a single atom).</param>
/// <param name="Kind">Index of the unit's kind in <see cref="RigidUnits.Kinds"/>.</param>
public sealed record RigidUnit(int[] Sites, Vec3[] Positions, Vec3 Anchor, int Kind);
