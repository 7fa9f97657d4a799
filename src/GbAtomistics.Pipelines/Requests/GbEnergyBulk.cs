using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>The relaxed bulk reference of <see cref="GbEnergyStep"/>.</summary>
/// <param name="EnergyPerAtom">e_bulk in eV/atom at zero pressure.</param>
/// <param name="LatticeConstant">Relaxed lattice constant a0 in Å.</param>
/// <param name="BuildLatticeConstant">The lattice constant the members were built with, in Å.</param>
/// <param name="Cells">Unit cells along each edge of the relaxed box.</param>
/// <param name="Atoms">Atoms in the relaxed box.</param>
/// <param name="NeighbourCutoff">LAMMPS's neighbour-list cut-off (interaction cut-off plus skin) in Å, when reported.</param>
public sealed record GbEnergyBulk(double EnergyPerAtom, double LatticeConstant, double BuildLatticeConstant, int Cells, int Atoms, double? NeighbourCutoff)
{
    /// <summary>Pressure of the relaxed bulk box (bar).</summary>
    public double Pressure { get; init; }

    /// <summary>The relaxed non-cubic lattice and the map of the members onto it; null for a cubic cell.</summary>
    public GbEnergyCell? Cell { get; init; }

    /// <summary>The affine scale applied to every bicrystal, a0 / a_build.</summary>
    public double Scale => LatticeConstant / BuildLatticeConstant;
}
