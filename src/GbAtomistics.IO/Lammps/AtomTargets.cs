using GbAtomistics.Core;

namespace GbAtomistics.IO.Lammps;

/// <summary>
/// What the atom lines of one dump frame are parsed with: the column layout, the unit and box conversions, and the
/// per-atom arrays of the frame they are parsed into (null: column absent).
/// </summary>
internal readonly struct AtomTargets
{
    public required LammpsColumnKind[] Kinds { get; init; }

    public required int[] Slots { get; init; }

    public required LammpsBoxParameters Box { get; init; }

    public required UnitConversion Units { get; init; }

    /// <summary>Positions given as fractions of the box (xs ys zs).</summary>
    public bool Scaled { get; init; }

    /// <summary>Unwrapped positions given as fractions of the box (xsu ysu zsu).</summary>
    public bool UnwrappedScaled { get; init; }

    public required long[] Ids { get; init; }

    public required int[] Types { get; init; }

    public required Vec3[] Positions { get; init; }

    public Vec3[]? Unwrapped { get; init; }

    public Int3[]? Images { get; init; }

    public Vec3[]? Velocities { get; init; }

    public Vec3[]? Forces { get; init; }

    public double[]? Charges { get; init; }

    public required double[][] Extras { get; init; }

    /// <summary>The type of every atom when the dump has neither a type nor an element column (0 otherwise).</summary>
    public int FixedType { get; init; }

    /// <summary>True when atoms of species other than <see cref="ReadOptions.OnlySpecies"/> are left out: their type is set to 0 and the rest of their line is not read.</summary>
    public bool Filtered { get; init; }
}
