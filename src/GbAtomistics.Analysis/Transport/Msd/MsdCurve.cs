using GbAtomistics.Analysis.Transport.Fitting;

namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// One mean-squared displacement curve against lag (index k = lag time / Δt): values in Å² (e²·Å² for the collective
/// charge displacement), the number of (atom, origin) pairs averaged at each lag, and the diffusion fit.
/// </summary>
public sealed class MsdCurve
{
    internal MsdCurve(string region, MsdComponent component, double[] values, double[] pairs, DiffusionEstimate fit)
    {
        Region = region;
        Component = component;
        Values = values;
        Pairs = pairs;
        Fit = fit;
    }

    /// <summary><c>all</c>, <c>gb</c>, <c>bulk</c>, or <c>collective</c> for the charge displacement Σ q_i Δr_i.</summary>
    public string Region { get; }

    public MsdComponent Component { get; }

    /// <summary>Number of Cartesian dimensions d of the component (3, 2 or 1): MSD ≈ 2·d·D·t.</summary>
    public int Dimensions => DimensionsOf(Component);

    /// <summary>The mean squared displacement at each lag (Å²; e²·Å² for collective); NaN where no pair counts.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Number of (atom, origin) pairs averaged at each lag (origins only for collective).</summary>
    public IReadOnlyList<double> Pairs { get; }

    /// <summary>The straight-line fit over the options' window.</summary>
    public DiffusionEstimate Fit { get; }

    /// <summary>Column name, e.g. <c>all_total</c>, <c>gb_perpendicular</c>.</summary>
    public string Name => $"{Region}_{Component.ToString().ToLowerInvariant()}";

    public static int DimensionsOf(MsdComponent component) => component switch
    {
        MsdComponent.Total => 3,
        MsdComponent.Parallel => 2,
        _ => 1,
    };
}
