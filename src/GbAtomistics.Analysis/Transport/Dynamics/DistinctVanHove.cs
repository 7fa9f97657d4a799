namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// The distinct part of the van Hove function of the mobile ions at one lag t (Hansen &amp; McDonald, Theory of Simple
/// Liquids, ch. 7): G_d(r, t) = (1/N) Σ_i Σ_{j≠i} ⟨δ(r − |r_j(t0 + t) − r_i(t0)|)⟩, the separation taken as the
/// minimum image in the cell of frame t0 + t, divided by the ideal-gas value ρ·(shell volume) with ρ = (N − 1)/V, so it
/// tends to 1 at large r and equals the ion–ion g(r) at t = 0. Per region: i in the region at t0 (j any ion).
/// </summary>
public sealed class DistinctVanHove
{
    internal DistinctVanHove(string region, int lagFrames, double lagPs, int origins, long centres, double[] r, double[] g)
    {
        Region = region;
        LagFrames = lagFrames;
        LagPs = lagPs;
        Origins = origins;
        Centres = centres;
        R = r;
        G = g;
    }

    /// <summary>all, gb or bulk: the region of ion i at the time origin.</summary>
    public string Region { get; }

    public int LagFrames { get; }

    public double LagPs { get; }

    /// <summary>Time origins used (evenly spaced, see <see cref="DynamicsResult.DistinctOriginStride"/>).</summary>
    public int Origins { get; }

    /// <summary>(ion i, origin) pairs counted.</summary>
    public long Centres { get; }

    /// <summary>Bin centres in Å.</summary>
    public IReadOnlyList<double> R { get; }

    /// <summary>G_d / (ρ · shell volume), dimensionless; NaN without centres.</summary>
    public IReadOnlyList<double> G { get; }
}
