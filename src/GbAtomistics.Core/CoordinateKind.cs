namespace GbAtomistics.Core;

/// <summary>Whether a frame's positions were written wrapped into the cell or unwrapped (continuous in time).</summary>
public enum CoordinateKind
{
    /// <summary>Positions as written by the program, which may be wrapped into the cell (LAMMPS x/xs, VASP).</summary>
    Wrapped,

    /// <summary>Positions continuous across periodic boundaries (LAMMPS xu/xsu).</summary>
    Unwrapped,
}
