namespace GbAtomistics.IO.Lammps;

/// <summary>
/// The LAMMPS atom styles whose <c>Atoms</c> lines GbAtomistics reads, with their column layouts from the
/// LAMMPS <c>read_data</c> documentation (each line may end with three image flags ix iy iz):
/// atomic = id type x y z; charge = id type q x y z; molecular, bond, angle = id mol type x y z;
/// full = id mol type q x y z.
/// </summary>
internal enum LammpsAtomStyle
{
    Atomic,
    Charge,
    Molecular,
    Bond,
    Angle,
    Full,
}
