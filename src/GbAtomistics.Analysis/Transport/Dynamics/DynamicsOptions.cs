using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// Options of the ion-dynamics analysis (van Hove functions, non-Gaussian parameter, hops), validated once. The
/// trajectory handling (species, unwrapping, drift, boundary normal and GB slabs) is that of the MSD,
/// <see cref="Transport"/>; region membership is always taken at the time origin (the MSD's <c>start</c>).
/// Lengths in Å, times in ps.
/// </summary>
public sealed record DynamicsOptions
{
    /// <summary>Default number of log-spaced lags of the van Hove functions.</summary>
    public const int DefaultLagCount = 6;

    /// <summary>Default number of histogram bins from 0 to the maximum distance.</summary>
    public const int DefaultBins = 200;

    /// <summary>Default smoothing window of the hop criterion (ps).</summary>
    public const double DefaultHopWindowPs = 0.1;

    public DynamicsOptions(
        MsdOptions transport,
        IReadOnlyList<double>? lagsPs = null,
        int lagCount = DefaultLagCount,
        double? selfRMax = null,
        double? distinctRMax = null,
        int bins = DefaultBins,
        double? hopDistance = null,
        double hopWindowPs = DefaultHopWindowPs)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (lagsPs is not null && (lagsPs.Count == 0 || lagsPs.Any(l => !(l > 0) || !double.IsFinite(l))))
        {
            throw new InputException("--lags: expected positive lag times in ps, e.g. 0.5,2,10");
        }

        if (lagCount is < 1 or > 50)
        {
            throw new InputException($"--lag-count {lagCount}: expected 1 to 50");
        }

        if (bins is < 10 or > 100_000)
        {
            throw new InputException($"--bins {bins}: expected 10 to 100000");
        }

        if (selfRMax is { } s && (!(s > 0) || !double.IsFinite(s)))
        {
            throw new InputException($"--r-max {s}: expected a positive distance in Å");
        }

        if (distinctRMax is { } d && (!(d > 0) || !double.IsFinite(d)))
        {
            throw new InputException($"--distinct-r-max {d}: expected a positive distance in Å");
        }

        if (hopDistance is { } h && (!(h > 0) || !double.IsFinite(h)))
        {
            throw new InputException($"--hop-distance {h}: expected a positive distance in Å");
        }

        if (!(hopWindowPs >= 0) || !double.IsFinite(hopWindowPs))
        {
            throw new InputException($"--hop-window {hopWindowPs}: expected a time in ps, 0 or more");
        }

        Transport = transport;
        LagsPs = lagsPs?.ToArray();
        LagCount = lagCount;
        SelfRMax = selfRMax;
        DistinctRMax = distinctRMax;
        Bins = bins;
        HopDistance = hopDistance;
        HopWindowPs = hopWindowPs;
    }

    /// <summary>Species, unwrapping, drift, boundary normal and GB slabs, as for the MSD.</summary>
    public MsdOptions Transport { get; }

    /// <summary>Lag times (ps) of the van Hove functions, rounded to whole frames; null for <see cref="LagCount"/> log-spaced lags from one frame to half the run.</summary>
    public IReadOnlyList<double>? LagsPs { get; }

    /// <summary>How many log-spaced lags when <see cref="LagsPs"/> is null.</summary>
    public int LagCount { get; }

    /// <summary>Largest displacement (Å) of the self van Hove histograms; null for the largest displacement seen at the chosen lags, rounded up to 0.5 Å.</summary>
    public double? SelfRMax { get; }

    /// <summary>Largest distance (Å) of the distinct van Hove histograms; null for half the smallest perpendicular cell width.</summary>
    public double? DistinctRMax { get; }

    /// <summary>Histogram bins from 0 to the largest distance (the signed ⊥ histogram has twice as many, from −r to r).</summary>
    public int Bins { get; }

    /// <summary>Hop distance d_hop (Å); null for half the median nearest-neighbour distance between the mobile ions in the first frame.</summary>
    public double? HopDistance { get; }

    /// <summary>The window (ps) over which positions are averaged before the hop criterion (rounded to whole frames, at least one).</summary>
    public double HopWindowPs { get; }
}
