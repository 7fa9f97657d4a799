namespace GbAtomistics.IO;

/// <summary>What a file format holds.</summary>
public enum FormatKind
{
    /// <summary>Many frames (LAMMPS dump, XDATCAR, OUTCAR, vasprun.xml, extended XYZ).</summary>
    Trajectory,

    /// <summary>One structure (LAMMPS data, POSCAR/CONTCAR).</summary>
    Structure,

    /// <summary>Thermodynamic output, no atoms (LAMMPS log).</summary>
    Log,
}
