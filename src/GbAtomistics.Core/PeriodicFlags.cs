namespace GbAtomistics.Core;

/// <summary>Whether the cell is periodic along each of its vectors a, b and c.</summary>
public readonly record struct PeriodicFlags(bool A, bool B, bool C)
{
    public static readonly PeriodicFlags All = new(true, true, true);

    public static readonly PeriodicFlags None = new(false, false, false);

    public bool this[int axis] => axis switch
    {
        0 => A,
        1 => B,
        2 => C,
        _ => throw new ArgumentOutOfRangeException(nameof(axis)),
    };
}
