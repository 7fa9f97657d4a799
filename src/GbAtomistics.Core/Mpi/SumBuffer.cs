namespace GbAtomistics.Core.Mpi;

/// <summary>
/// The additive sums of an analysis laid out as one array of doubles, so that one MPI all-reduce adds them over the
/// ranks. A type registers its arrays and scalars in a fixed order (<see cref="Add(double[])"/> and the overloads);
/// <see cref="Pack"/> copies them out and <see cref="Unpack"/> copies summed values back. Integer counts travel as
/// doubles, exact up to 2⁵³.
/// </summary>
public sealed class SumBuffer
{
    private readonly List<(Func<int, double> Get, Action<int, double> Set, int Length)> _parts = [];
    private readonly List<Action> _unpacked = [];

    /// <summary>Total number of values registered.</summary>
    public int Length => _parts.Sum(p => p.Length);

    public SumBuffer Add(double[] values)
    {
        _parts.Add((i => values[i], (i, v) => values[i] = v, values.Length));
        return this;
    }

    public SumBuffer Add(long[] values)
    {
        _parts.Add((i => values[i], (i, v) => values[i] = checked((long)v), values.Length));
        return this;
    }

    public SumBuffer Add(int[] values)
    {
        _parts.Add((i => values[i], (i, v) => values[i] = checked((int)v), values.Length));
        return this;
    }

    /// <summary>
    /// Histograms that grow with the largest value seen (CN counts): their lengths are first made equal over the MPI
    /// ranks, the arrays in <paramref name="histograms"/> replaced by the longer ones, then registered. A collective call.
    /// </summary>
    public SumBuffer AddGrowing(long[][] histograms)
    {
        Span<int> lengths = histograms.Select(h => h.Length).ToArray();
        MpiWorld.Max(lengths);
        for (int k = 0; k < histograms.Length; k++)
        {
            long[] h = histograms[k];
            Array.Resize(ref h, lengths[k]);
            histograms[k] = h;
            Add(h);
        }

        return this;
    }

    /// <summary>The values of <paramref name="other"/>, after those registered so far (several analyses summed as one).</summary>
    public SumBuffer Add(SumBuffer other)
    {
        _parts.AddRange(other._parts);
        _unpacked.AddRange(other._unpacked);
        return this;
    }

    /// <summary>A scalar read by <paramref name="get"/> and written back by <paramref name="set"/>.</summary>
    public SumBuffer Add(Func<double> get, Action<double> set)
    {
        _parts.Add((_ => get(), (_, v) => set(v), 1));
        return this;
    }

    /// <summary>Runs <paramref name="action"/> after <see cref="Unpack"/> (to rebuild what the registered arrays describe).</summary>
    public SumBuffer Then(Action action)
    {
        _unpacked.Add(action);
        return this;
    }

    /// <summary>The registered values, in order.</summary>
    public double[] Pack()
    {
        var packed = new double[Length];
        int k = 0;
        foreach (var (get, _, length) in _parts)
        {
            for (int i = 0; i < length; i++)
            {
                packed[k++] = get(i);
            }
        }

        return packed;
    }

    /// <summary>Writes <paramref name="packed"/> (as <see cref="Pack"/> laid it out) back into the registered arrays and scalars.</summary>
    public void Unpack(ReadOnlySpan<double> packed)
    {
        if (packed.Length != Length)
        {
            throw new ArgumentException($"expected {Length} values, found {packed.Length}", nameof(packed));
        }

        int k = 0;
        foreach (var (_, set, length) in _parts)
        {
            for (int i = 0; i < length; i++)
            {
                set(i, packed[k++]);
            }
        }

        foreach (Action action in _unpacked)
        {
            action();
        }
    }

    /// <summary>Sums the registered values over every MPI rank in place (nothing when not under MPI).</summary>
    public void SumOverRanks()
    {
        if (!MpiWorld.IsParallel)
        {
            return;
        }

        double[] packed = Pack();
        MpiWorld.Sum(packed);
        Unpack(packed);
    }
}
