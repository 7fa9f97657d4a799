namespace GbAtomistics.Analysis.Transport.Fitting;

/// <summary>
/// The covariance of MSD estimates averaged over all time origins for free diffusion, used as the model covariance of
/// the generalised least-squares fit (the approach of Bullerjahn, von Bülow and Hummer, J. Chem. Phys. 153, 024116
/// (2020), and of kinisi, McCluskey et al.).
/// </summary>
/// <remarks>
/// For one Cartesian component of a walk with independent Gaussian increments of variance σ² per frame, the estimate at
/// lag k over T frames is m_k = (1/(T−k)) Σ_t S(t, k)², S(t, k) the sum of the k increments after t. Gaussian
/// moments give Cov(S², S'²) = 2 Cov(S, S')² and Cov(S(t,k), S(s,l)) = σ² × (number of shared increments), so
/// Cov(m_k, m_l) = 2σ⁴ / ((T−k)(T−l)) Σ_δ n(δ) o(δ)², where δ = s − t, o(δ) = |[0, k) ∩ [δ, δ+l)| is the overlap of
/// the two intervals and n(δ) the number of origin pairs with that offset. This is exact for a Gaussian random walk;
/// for d independent components averaged over N independent walkers the covariance is multiplied by d/N.
/// </remarks>
internal static class MsdCovariance
{
    /// <summary>The covariance of the one-component estimates at <paramref name="lags"/> in units of σ⁴.</summary>
    public static double[,] OneComponent(int frames, IReadOnlyList<int> lags)
    {
        int m = lags.Count;
        var c = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int j = i; j < m; j++)
            {
                double v = Element(frames, lags[i], lags[j]);
                c[i, j] = v;
                c[j, i] = v;
            }
        }

        return c;
    }

    private static double Element(int frames, int k, int l)
    {
        long t = frames;
        double sum = 0;
        for (long d = -l + 1; d < k; d++)
        {
            long overlap = Math.Min(k, d + l) - Math.Max(0, d);
            if (overlap <= 0)
            {
                continue;
            }

            // origins t in [0, T−k) with t + d in [0, T−l)
            long count = Math.Min(t - k, t - l - d) - Math.Max(0, -d);
            if (count > 0)
            {
                sum += (double)count * overlap * overlap;
            }
        }

        return 2 * sum / ((double)(t - k) * (t - l));
    }
}
