namespace GbAtomistics.Core;

/// <summary>Three integers, used for periodic image flags (ix, iy, iz): the number of cell vectors a, b, c crossed.</summary>
public readonly record struct Int3(int X, int Y, int Z)
{
    public static readonly Int3 Zero = new(0, 0, 0);

    public int this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis)),
    };
}
