namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// Per-atom sums at the fit lags from which the variance of the mean MSD at each lag is estimated: each atom's
/// squared displacements summed over its time origins, S_i(k), and its number of origins n_i(k), are one independent
/// observation. For a curve mean μ_k = Σ_i S_i(k) / Σ_i n_i(k) the delta-method variance is
/// Var(μ_k) = Σ_i (S_i(k) − μ_k n_i(k))² / (Σ_i n_i(k))²; the sums kept here, Σ S², Σ S n and Σ n², give it once the
/// means are known. Atoms of disjoint blocks merge by addition.
/// </summary>
internal sealed class MsdSpread
{
    /// <summary>The derived components, in <see cref="MsdComponent"/> order.</summary>
    public const int Components = 6;

    private readonly double[] _s = new double[Components];

    public MsdSpread(int regions, int points)
    {
        Points = points;
        SS = new double[regions][][];
        SN = new double[regions][][];
        NN = new double[regions][];
        Contributors = new int[regions];
        for (int r = 0; r < regions; r++)
        {
            SS[r] = new double[Components][];
            SN[r] = new double[Components][];
            for (int c = 0; c < Components; c++)
            {
                SS[r][c] = new double[points];
                SN[r][c] = new double[points];
            }

            NN[r] = new double[points];
        }
    }

    public int Points { get; }

    /// <summary>Σ_i S_i(k)² per region, component and point.</summary>
    public double[][][] SS { get; }

    /// <summary>Σ_i S_i(k) n_i(k).</summary>
    public double[][][] SN { get; }

    /// <summary>Σ_i n_i(k)².</summary>
    public double[][] NN { get; }

    /// <summary>Atoms sampled that have at least one origin in the region at some fit lag.</summary>
    public int[] Contributors { get; }

    /// <summary>Atoms sampled.</summary>
    public int Sampled { get; set; }

    /// <summary>
    /// Adds one atom's sums in one region: <paramref name="raw"/> holds S for x, y, z and ⊥ at each point
    /// (4·m values, component-major) and <paramref name="n"/> its origins at each point.
    /// </summary>
    public void Add(int region, ReadOnlySpan<double> raw, ReadOnlySpan<double> n)
    {
        int m = Points;
        bool any = false;
        for (int k = 0; k < m; k++)
        {
            any |= n[k] > 0;
        }

        if (!any)
        {
            return;
        }

        Contributors[region]++;
        Span<double> derived = stackalloc double[Components * m];
        for (int k = 0; k < m; k++)
        {
            double x = raw[k], y = raw[m + k], z = raw[(2 * m) + k], p = raw[(3 * m) + k];
            double total = x + y + z;
            derived[k] = total;
            derived[m + k] = x;
            derived[(2 * m) + k] = y;
            derived[(3 * m) + k] = z;
            derived[(4 * m) + k] = total - p;
            derived[(5 * m) + k] = p;
        }

        for (int c = 0; c < Components; c++)
        {
            double[] ss = SS[region][c], sn = SN[region][c];
            for (int k = 0; k < m; k++)
            {
                double sk = derived[(c * m) + k];
                ss[k] += sk * sk;
                sn[k] += sk * n[k];
            }
        }

        double[] nn = NN[region];
        for (int k = 0; k < m; k++)
        {
            nn[k] += n[k] * n[k];
        }
    }

    public void Merge(MsdSpread other)
    {
        Sampled += other.Sampled;
        for (int r = 0; r < NN.Length; r++)
        {
            Contributors[r] += other.Contributors[r];
            for (int c = 0; c < Components; c++)
            {
                Add(SS[r][c], other.SS[r][c]);
                Add(SN[r][c], other.SN[r][c]);
            }

            Add(NN[r], other.NN[r]);
        }
    }

    /// <summary>
    /// The variance of the curve means <paramref name="mean"/> (at the fit points) of region <paramref name="region"/>
    /// and component <paramref name="component"/>, given the total origins <paramref name="pairs"/> of all atoms at
    /// each point and the ratio <paramref name="scale"/> of all atoms to sampled atoms.
    /// </summary>
    public double[] Variance(int region, int component, ReadOnlySpan<double> mean, ReadOnlySpan<double> pairs, double scale)
    {
        var v = new double[Points];
        double[] ss = SS[region][component], sn = SN[region][component], nn = NN[region];
        for (int k = 0; k < Points; k++)
        {
            double sum = ss[k] - (2 * mean[k] * sn[k]) + (mean[k] * mean[k] * nn[k]);
            v[k] = scale * sum / (pairs[k] * pairs[k]);
        }

        return v;
    }

    private static void Add(double[] target, double[] source)
    {
        for (int k = 0; k < target.Length; k++)
        {
            target[k] += source[k];
        }
    }
}
