namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// The self part of the van Hove function at one lag t, for one region and direction (Hansen &amp; McDonald, Theory of
/// Simple Liquids, ch. 7): G_s(r, t) = (1/N) Σ_i ⟨δ(r − |r_i(t0 + t) − r_i(t0)|)⟩ over atoms i and time origins t0,
/// as a histogram. Normalisation: ∫ 4πr² G_s dr = 1 (3-D, Å⁻³), ∫ 2πr G_s dr = 1 (∥, 2-D, Å⁻²), ∫ G_s dz = 1 (⊥,
/// 1-D over the signed displacement Δr·n, Å⁻¹), less the fraction of displacements beyond the histogram.
/// </summary>
public sealed class SelfVanHove
{
    internal SelfVanHove(string region, DynamicsDirection direction, int lagFrames, double lagPs, long samples, long beyond, double[] r, double[] g, double[] probability, double width)
    {
        Region = region;
        Direction = direction;
        LagFrames = lagFrames;
        LagPs = lagPs;
        Samples = samples;
        Beyond = beyond;
        R = r;
        G = g;
        Probability = probability;
        BinWidth = width;
    }

    /// <summary>all, gb or bulk: the atom's region at the time origin.</summary>
    public string Region { get; }

    public DynamicsDirection Direction { get; }

    /// <summary>The lag in frames.</summary>
    public int LagFrames { get; }

    /// <summary>The lag in ps.</summary>
    public double LagPs { get; }

    /// <summary>(atom, time origin) pairs counted.</summary>
    public long Samples { get; }

    /// <summary>Pairs whose displacement lies beyond the histogram.</summary>
    public long Beyond { get; }

    /// <summary>Bin centres in Å: |Δr| or |Δr∥| from 0, or the signed Δr·n from −r_max (⊥).</summary>
    public IReadOnlyList<double> R { get; }

    /// <summary>G_s in Å⁻ᵈ (d = 3, 2, 1), the count over samples and the shell volume, area or length of the bin; NaN without samples.</summary>
    public IReadOnlyList<double> G { get; }

    /// <summary>The probability per Å of the displacement's length in the bin (shell-integrated: 4πr²G_s, 2πrG_s or G_s); NaN without samples.</summary>
    public IReadOnlyList<double> Probability { get; }

    /// <summary>Bin width in Å.</summary>
    public double BinWidth { get; }

    /// <summary>Σ Probability × width: 1 less the fraction beyond the histogram (NaN without samples).</summary>
    public double Normalisation => Samples > 0 ? (double)(Samples - Beyond) / Samples : double.NaN;
}
