using GbAtomistics.Core;

namespace GbAtomistics.IO.Lammps;

/// <summary>Reorders per-atom arrays by a permutation through reusable scratch arrays (no allocation per call).</summary>
internal sealed class PermuteBuffers
{
    private long[] _longs = [];
    private int[] _ints = [];
    private double[] _doubles = [];
    private Vec3[] _vectors = [];
    private Int3[] _images = [];

    /// <summary>values[i] = old values[order[i]] for i &lt; order.Length.</summary>
    public void Apply(long[] values, ReadOnlySpan<int> order) => Gather(values, order, ref _longs);

    public void Apply(int[] values, ReadOnlySpan<int> order) => Gather(values, order, ref _ints);

    public void Apply(double[] values, ReadOnlySpan<int> order) => Gather(values, order, ref _doubles);

    public void Apply(Vec3[] values, ReadOnlySpan<int> order) => Gather(values, order, ref _vectors);

    public void Apply(Int3[] values, ReadOnlySpan<int> order) => Gather(values, order, ref _images);

    private static void Gather<T>(T[] values, ReadOnlySpan<int> order, ref T[] scratch)
    {
        int n = order.Length;
        if (scratch.Length < n)
        {
            scratch = new T[n];
        }

        Array.Copy(values, scratch, n);
        T[] source = scratch;
        for (int i = 0; i < n; i++)
        {
            values[i] = source[order[i]];
        }
    }
}
