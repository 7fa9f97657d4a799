namespace GbAtomistics.Plotting;

/// <summary>Helpers shared by the figures.</summary>
internal static class Series
{
    /// <summary>The points whose y value is finite (empty slabs are NaN and are left out of a line).</summary>
    public static (double[] X, double[] Y) Finite(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var keep = Enumerable.Range(0, Math.Min(x.Count, y.Count)).Where(k => double.IsFinite(y[k])).ToArray();
        return (keep.Select(k => x[k]).ToArray(), keep.Select(k => y[k]).ToArray());
    }
}
