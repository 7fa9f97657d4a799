namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// One species pair of a build: the shortest distance in the perfect crystal and in the build (Å, periodic images
/// included), their ratio, and the least ratio the distance criterion accepts.
/// </summary>
public sealed record PairDistance(string A, string B, double BulkAngstrom, double ShortestAngstrom, double Ratio, double MinRatio)
{
    /// <summary>True when the pair meets the criterion.</summary>
    public bool Passes => Ratio >= MinRatio - 1e-9;
}
