namespace GbAtomistics.Analysis.Transport.Fitting;

/// <summary>
/// A delete-a-group jackknife of an MSD curve: the curve at the fit points with each group of atoms left out in turn,
/// and the factor that scales its variance to the full set of atoms (the sampled share of the atoms, when only a
/// share fed the groups).
/// </summary>
public sealed record Jackknife(double[][] LeaveOut, double VarianceScale)
{
    /// <summary>Number of groups G.</summary>
    public int Groups => LeaveOut.Length;

    /// <summary>The jackknife variance (G − 1)/G Σ_g (θ_g − θ̄)² of a statistic θ of the curve, scaled to all atoms.</summary>
    public double Variance(Func<double[], double> statistic)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        double[] values = LeaveOut.Select(statistic).ToArray();
        double mean = values.Average();
        double g = values.Length;
        return (g - 1) / g * values.Sum(v => (v - mean) * (v - mean)) * VarianceScale;
    }
}
