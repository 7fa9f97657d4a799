namespace GbAtomistics.Core;

/// <summary>The LAMMPS <c>units</c> styles. GbAtomistics works in <see cref="Metal"/> internally.</summary>
public enum UnitStyle
{
    Metal,
    Real,
    Si,
    Cgs,
    Electron,
    Micro,
    Nano,

    /// <summary>Reduced Lennard-Jones units: dimensionless, kept as they are (no conversion is possible).</summary>
    Lj,
}
