using GbAtomistics.Core.Mpi;

namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// Per-group sums at the fit lags for a delete-a-group jackknife over atoms: the sampled atoms are dealt into
/// <see cref="Groups"/> groups, and each group keeps Σ_i S_i(k), its atoms' squared displacements summed over their
/// time origins at fit point k, and Σ_i n_i(k), their numbers of origins, per region and component. Atoms are
/// independent walkers, so the spread of the curve with one group left out measures the uncertainty of the curve and
/// of any fit to it, with every correlation between lags included. Atoms of disjoint blocks merge by addition.
/// </summary>
internal sealed class MsdSpread
{
    /// <summary>The derived components, in <see cref="MsdComponent"/> order.</summary>
    public const int Components = 6;

    /// <summary>Number of jackknife groups (fewer when fewer atoms contribute).</summary>
    public const int Groups = 32;

    public MsdSpread(int regions, int points)
    {
        Points = points;
        S = new double[regions][][][];
        N = new double[regions][][];
        Contributors = new int[regions];
        for (int r = 0; r < regions; r++)
        {
            S[r] = new double[Components][][];
            for (int c = 0; c < Components; c++)
            {
                S[r][c] = Enumerable.Range(0, Groups).Select(_ => new double[points]).ToArray();
            }

            N[r] = Enumerable.Range(0, Groups).Select(_ => new double[points]).ToArray();
        }
    }

    public int Points { get; }

    /// <summary>Σ S_i(k) per region, component, group and point.</summary>
    public double[][][][] S { get; }

    /// <summary>Σ n_i(k) per region, group and point.</summary>
    public double[][][] N { get; }

    /// <summary>Sampled atoms with at least one origin in the region at some fit point.</summary>
    public int[] Contributors { get; }

    /// <summary>Atoms sampled.</summary>
    public int Sampled { get; set; }

    /// <summary>
    /// Adds one atom's sums in one region: <paramref name="raw"/> holds S for x, y, z and ⊥ at each point
    /// (4·m values, component-major) and <paramref name="n"/> its origins at each point. The atom goes to group
    /// <paramref name="atom"/> mod <see cref="Groups"/>, <paramref name="atom"/> its index among the sampled atoms of
    /// the whole system (so the groups do not depend on how the atoms were split between threads).
    /// </summary>
    public void Add(int region, int atom, ReadOnlySpan<double> raw, ReadOnlySpan<double> n)
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
        int g = atom % Groups;
        for (int k = 0; k < m; k++)
        {
            double x = raw[k], y = raw[m + k], z = raw[(2 * m) + k], p = raw[(3 * m) + k];
            double total = x + y + z;
            S[region][0][g][k] += total;
            S[region][1][g][k] += x;
            S[region][2][g][k] += y;
            S[region][3][g][k] += z;
            S[region][4][g][k] += total - p;
            S[region][5][g][k] += p;
            N[region][g][k] += n[k];
        }
    }

    /// <summary>Registers every sum in <paramref name="buffer"/> (to add them over MPI ranks).</summary>
    public void Register(SumBuffer buffer)
    {
        buffer.Add(() => Sampled, v => Sampled = (int)v).Add(Contributors);
        for (int r = 0; r < N.Length; r++)
        {
            for (int g = 0; g < Groups; g++)
            {
                for (int c = 0; c < Components; c++)
                {
                    buffer.Add(S[r][c][g]);
                }

                buffer.Add(N[r][g]);
            }
        }
    }

    public void Merge(MsdSpread other)
    {
        Sampled += other.Sampled;
        for (int r = 0; r < N.Length; r++)
        {
            Contributors[r] += other.Contributors[r];
            for (int g = 0; g < Groups; g++)
            {
                for (int c = 0; c < Components; c++)
                {
                    Add(S[r][c][g], other.S[r][c][g]);
                }

                Add(N[r][g], other.N[r][g]);
            }
        }
    }

    /// <summary>
    /// The curve of the sampled atoms at the fit points with each non-empty group left out in turn (one array of m
    /// values per group), for region <paramref name="region"/> and component <paramref name="component"/>; empty when
    /// fewer than 8 groups hold atoms or a point would have no origins.
    /// </summary>
    public double[][] LeaveOneGroupOut(int region, int component)
    {
        int m = Points;
        double[][] s = S[region][component], n = N[region];
        int[] filled = Enumerable.Range(0, Groups).Where(g => n[g].Any(v => v > 0)).ToArray();
        if (filled.Length < 8)
        {
            return [];
        }

        var totalS = new double[m];
        var totalN = new double[m];
        foreach (int g in filled)
        {
            for (int k = 0; k < m; k++)
            {
                totalS[k] += s[g][k];
                totalN[k] += n[g][k];
            }
        }

        var curves = new double[filled.Length][];
        for (int j = 0; j < filled.Length; j++)
        {
            int g = filled[j];
            curves[j] = new double[m];
            for (int k = 0; k < m; k++)
            {
                double origins = totalN[k] - n[g][k];
                if (!(origins > 0))
                {
                    return [];
                }

                curves[j][k] = (totalS[k] - s[g][k]) / origins;
            }
        }

        return curves;
    }

    private static void Add(double[] target, double[] source)
    {
        for (int k = 0; k < target.Length; k++)
        {
            target[k] += source[k];
        }
    }
}
