using GbAtomistics.Core;

namespace GbAtomistics.IO.Lammps;

/// <summary>The per-atom arrays of a frame that the atom lines of a dump are parsed into (null: column absent).</summary>
internal readonly struct AtomTargets
{
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
}
