namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// The non-Gaussian parameter at every lag for one region and direction (Rahman, Phys. Rev. 136, A405 (1964)):
/// α₂(t) = ⟨Δr⁴⟩ / ((1 + 2/d) ⟨Δr²⟩²) − 1, i.e. 3⟨Δr⁴⟩/(5⟨Δr²⟩²) − 1 in 3-D, ⟨Δr⁴⟩/(2⟨Δr²⟩²) − 1 in 2-D (∥) and
/// ⟨Δx⁴⟩/(3⟨Δx²⟩²) − 1 in 1-D (⊥); zero for Gaussian displacements. Averages over atoms and time origins, the atom
/// counted where it is at the origin. Arrays are indexed by the lag in frames (0 … T − 1).
/// </summary>
public sealed class Alpha2Curve
{
    internal Alpha2Curve(string region, DynamicsDirection direction, double[] samples, double[] msd, double[] quartic)
    {
        Region = region;
        Direction = direction;
        Samples = samples;
        Msd = msd;
        Quartic = quartic;
        int d = DynamicsDirections.Dimensions(direction);
        Alpha2 = msd.Select((m, k) => samples[k] > 0 && m > 0 ? (d * quartic[k] / ((d + 2) * m * m)) - 1 : double.NaN).ToArray();
    }

    public string Region { get; }

    public DynamicsDirection Direction { get; }

    /// <summary>(atom, origin) pairs per lag.</summary>
    public IReadOnlyList<double> Samples { get; }

    /// <summary>⟨Δr²⟩ in Å² per lag (NaN without samples).</summary>
    public IReadOnlyList<double> Msd { get; }

    /// <summary>⟨Δr⁴⟩ in Å⁴ per lag (NaN without samples).</summary>
    public IReadOnlyList<double> Quartic { get; }

    /// <summary>α₂ per lag, dimensionless (NaN at lag 0, without samples, or for zero displacement).</summary>
    public IReadOnlyList<double> Alpha2 { get; }

    /// <summary>The largest α₂ at lags 1 … <paramref name="maxLag"/> and its lag in frames, or (NaN, −1) when none is defined.</summary>
    public (double Value, int Lag) Peak(int maxLag)
    {
        double best = double.NaN;
        int lag = -1;
        for (int k = 1; k <= Math.Min(maxLag, Alpha2.Count - 1); k++)
        {
            if (double.IsFinite(Alpha2[k]) && (lag < 0 || Alpha2[k] > best))
            {
                best = Alpha2[k];
                lag = k;
            }
        }

        return (best, lag);
    }
}
