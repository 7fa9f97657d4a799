namespace GbAtomistics.IO.Lammps;

/// <summary>What the reader does with one column of a dump's <c>ITEM: ATOMS</c> line.</summary>
internal enum LammpsColumnKind : byte
{
    /// <summary>Read past without parsing (a coordinate set that is not used).</summary>
    Ignore,

    /// <summary>The atom id.</summary>
    Id,

    /// <summary>The LAMMPS type number.</summary>
    Type,

    /// <summary>An element name (<c>dump_modify element</c>).</summary>
    Element,

    /// <summary>A floating-point value stored in the per-line value slots (positions, velocities, forces, charge).</summary>
    Value,

    /// <summary>An image flag (ix, iy or iz).</summary>
    Image,

    /// <summary>Any other numeric column, kept by name.</summary>
    Extra,
}
