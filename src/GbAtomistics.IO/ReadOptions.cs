using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>What a reader cannot learn from the file itself. Every member is optional.</summary>
public sealed record ReadOptions
{
    public static readonly ReadOptions Default = new();

    /// <summary>
    /// Names of the type numbers (<c>1=Li,2=O</c>). Overrides names from the file. For VASP 4 files without a
    /// species line it supplies the species in the order of the counts line.
    /// </summary>
    public SpeciesMap? TypeMap { get; init; }

    /// <summary>LAMMPS unit style of the file; values are converted to <c>metal</c>. Default metal.</summary>
    public UnitStyle Units { get; init; } = UnitStyle.Metal;

    /// <summary>MD timestep in ps (LAMMPS steps → time; VASP POTIM when no INCAR/OUTCAR is beside the file).</summary>
    public double? TimestepPs { get; init; }

    /// <summary>LAMMPS data atom style (<c>atomic</c>, <c>charge</c>, <c>full</c>) when the file has no hint.</summary>
    public string? AtomStyle { get; init; }

    /// <summary>
    /// The one species (name or type number, as analyses name species) the caller needs, or null for all. A hint for
    /// speed: the LAMMPS dump reader, where the species of an atom is its type (a type column and no element column),
    /// leaves the atoms of other species out of every frame and reads no more of their lines than their type; other
    /// readers and other dumps give every atom. The caller therefore selects the species' atoms as it would without it,
    /// and must not rely on other atoms being there or absent.
    /// </summary>
    public string? OnlySpecies { get; init; }

    /// <summary>
    /// Frames with at least this many atoms are parsed by all cores (LAMMPS dump and extended XYZ readers). Tests set it to compare the parallel
    /// and the sequential parse of the same bytes.
    /// </summary>
    internal int ParallelAtoms { get; init; } = 16384;
}
