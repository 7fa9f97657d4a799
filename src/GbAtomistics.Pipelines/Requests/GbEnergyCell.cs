using GbAtomistics.Core;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>The relaxed non-cubic lattice of <see cref="GbEnergyStep"/> and how the members are mapped onto it.</summary>
/// <param name="System">Lattice system of the unit cell (tetragonal, orthorhombic, hexagonal).</param>
/// <param name="Built">Lengths of the cell vectors a, b, c as built, in Å (the cell of unit-cell.data, strained as reported by the builder).</param>
/// <param name="Relaxed">Lengths a0, b0, c0 of the cell vectors at zero stress, in Å (angles as built).</param>
/// <param name="Cells">Replication of the unit cell along a, b and c in the bulk run.</param>
/// <param name="Widths">Perpendicular widths of the relaxed replicated box across the (b, c), (c, a) and (a, b) faces, in Å.</param>
/// <param name="Relaxation">The LAMMPS fix of the bulk relaxation (<c>box/relax aniso 0.0</c>, with <c>couple xy</c> when a = b).</param>
/// <param name="Deformation">The per-grain map of the members onto the relaxed lattice.</param>
public sealed record GbEnergyCell(string System, Vec3 Built, Vec3 Relaxed, Int3 Cells, Vec3 Widths, string Relaxation, GrainDeformation Deformation);
