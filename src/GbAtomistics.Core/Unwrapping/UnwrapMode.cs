namespace GbAtomistics.Core.Unwrapping;

/// <summary>Where continuous (unwrapped) positions come from.</summary>
public enum UnwrapMode
{
    /// <summary>Unwrapped columns when the frame has them, else image flags, else accumulated displacements.</summary>
    Auto,

    /// <summary>The positions are already unwrapped (LAMMPS xu/yu/zu, xsu/ysu/zsu); used as they are.</summary>
    Columns,

    /// <summary>r + ix·a + iy·b + iz·c from the image flags (full cell vectors).</summary>
    Images,

    /// <summary>
    /// Minimum-image displacements between consecutive frames, accumulated (toroidal scheme of von Bülow,
    /// Bullerjahn and Hummer 2020 for cells that change in time).
    /// </summary>
    Displacements,
}
