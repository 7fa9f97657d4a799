using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace GbAtomistics.Analysis.Transport.Fitting;

/// <summary>
/// Fits MSD(t) = a + 2·d·D·t by generalised least squares, β = (XᵀΣ⁻¹X)⁻¹ XᵀΣ⁻¹y, Var(β) = (XᵀΣ⁻¹X)⁻¹, and decides
/// whether the window shows long-range diffusion.
/// </summary>
/// <remarks>
/// <para>
/// Covariance Σ of the MSD points: the variance of each point from the data, the correlations between points from the
/// model of free diffusion (<see cref="MsdCovariance"/>, Bullerjahn, von Bülow and Hummer, J. Chem. Phys. 153, 024116
/// (2020)). <see cref="Msd.MsdAnalyzer"/> estimates the variances from the spread of the per-atom MSD curves, each atom
/// averaged over all its time origins being one independent observation (the observed spread of squared displacements
/// with the number of independent observations, as in kinisi, McCluskey et al.); with N contributing atoms and m
/// points they are shrunk towards the model's variance profile scaled to their sum, by λ = min(1, m/N), because the
/// generalised least squares of strongly correlated points turns noise in the variances into false precision. So
/// Σ_ij = ρ_ij √(v_i v_j), ρ the model correlation. Without data variances (the collective charge displacement, one
/// walker) the model covariance scaled by the variance per frame and component σ² = slope·Δt/d, or MSD(Δt)/d when the
/// slope is not positive.
/// </para>
/// <para>
/// Goodness of fit: χ² = rᵀΣ⁻¹r with m − 2 degrees of freedom and its p-value. When p &lt; 0.01 the straight line is
/// rejected and the standard error is multiplied by √(χ²/dof) (the Birge ratio; Bevington and Robinson, Data
/// Reduction and Error Analysis, ch. 6).
/// </para>
/// <para>
/// Diffusive regime: the window is diffusive when the slope is at least two standard errors above zero and the local
/// exponent α = d ln MSD / d ln t (least squares of ln MSD on ln t over the window) lies within
/// <see cref="ExponentTolerance"/> of 1. Otherwise there is no measurable long-range diffusion and only the one-sided
/// 95 % upper bound max(D, 0) + 1.645·σ_D is reported; a later window start whose local exponent is near 1 is
/// suggested when one exists.
/// </para>
/// </remarks>
public static class DiffusionFitter
{
    /// <summary>|α − 1| at most this for a diffusive window.</summary>
    public const double ExponentTolerance = 0.3;

    /// <summary>Slope / standard error at least this for a diffusive window.</summary>
    public const double Significance = 2;

    /// <summary>p-value below which the straight line is rejected and the error widened.</summary>
    public const double RejectBelow = 0.01;

    /// <summary>
    /// Fits <paramref name="msd"/> (Å², indexed by lag; NaN where undefined) at <paramref name="lags"/>, for a
    /// trajectory of <paramref name="frames"/> frames spaced <paramref name="dt"/> ps, a curve of
    /// <paramref name="dimensions"/> components averaged over <paramref name="walkers"/> independent walkers. With
    /// <paramref name="dataVariance"/> (the variance of the curve at each of <paramref name="lags"/>, estimated from
    /// <paramref name="contributors"/> atoms) the fit uses it; otherwise the model covariance alone.
    /// </summary>
    public static DiffusionEstimate Fit(
        IReadOnlyList<double> msd, IReadOnlyList<int> lags, int frames, double dt, int dimensions, double walkers,
        double[]? dataVariance = null, int contributors = 0)
    {
        int[] keep = Enumerable.Range(0, lags.Count)
            .Where(q => lags[q] > 0 && lags[q] < msd.Count && double.IsFinite(msd[lags[q]]))
            .ToArray();
        if (keep.Length < 3 || !(walkers > 0))
        {
            return DiffusionEstimate.Missing(dimensions);
        }

        int m = keep.Length;
        int[] used = keep.Select(q => lags[q]).ToArray();
        double[] t = used.Select(k => k * dt).ToArray();
        double[] y = used.Select(k => msd[k]).ToArray();
        var (olsA, olsB, olsSe) = Ols(t, y);

        double[,] shape = MsdCovariance.OneComponent(frames, used);
        Matrix<double> sigma;
        string source;
        if (dataVariance is not null && contributors >= 2 && keep.All(q => dataVariance[q] > 0))
        {
            // Observed variances, shrunk towards the free-diffusion profile with one scale fitted to them when atoms are
            // few; correlations of free diffusion.
            double[] observed = keep.Select(q => dataVariance[q]).ToArray();
            double scale = observed.Sum() / Enumerable.Range(0, m).Sum(i => shape[i, i]);
            double lambda = Math.Min(1, (double)m / contributors);
            double[] v = Enumerable.Range(0, m).Select(i => ((1 - lambda) * observed[i]) + (lambda * scale * shape[i, i])).ToArray();
            sigma = Matrix<double>.Build.Dense(m, m, (i, j) => shape[i, j] / Math.Sqrt(shape[i, i] * shape[j, j]) * Math.Sqrt(v[i] * v[j]));
            source = "data";
        }
        else
        {
            double variance = olsB > 0 ? olsB * dt / dimensions : msd.Count > 1 && msd[1] > 0 ? msd[1] / dimensions : double.NaN;
            if (!(variance > 0))
            {
                return DiffusionEstimate.Missing(dimensions);
            }

            double scale = dimensions / walkers * variance * variance;
            sigma = Matrix<double>.Build.Dense(m, m, (i, j) => scale * shape[i, j]);
            source = "model";
        }

        double ridge = 1e-12 * sigma.Diagonal().Sum() / m;
        for (int i = 0; i < m; i++)
        {
            sigma[i, i] += ridge;
        }

        var cholesky = sigma.Cholesky();
        Matrix<double> x = Matrix<double>.Build.Dense(m, 2, (i, j) => j == 0 ? 1 : t[i]);
        Vector<double> yv = Vector<double>.Build.DenseOfArray(y);
        Matrix<double> wx = cholesky.Solve(x);
        Matrix<double> information = x.TransposeThisAndMultiply(wx);
        Matrix<double> covariance = information.Inverse();
        Vector<double> beta = covariance * wx.TransposeThisAndMultiply(yv);
        double a = beta[0], b = beta[1];
        Vector<double> r = yv - (x * beta);
        double chi2 = r.DotProduct(cholesky.Solve(r));
        int dof = m - 2;
        double reduced = chi2 / dof;
        double p = 1 - ChiSquared.CDF(dof, chi2);
        double widening = p < RejectBelow ? Math.Sqrt(reduced) : 1;
        double seB = Math.Sqrt(covariance[1, 1]) * widening;

        double twoD = 2.0 * dimensions;
        double d = b / twoD, se = seB / twoD;
        double alpha = LocalExponent(t, y);
        bool significant = se > 0 && d >= Significance * se;
        bool linear = Math.Abs(alpha - 1) <= ExponentTolerance;
        DiffusionStatus status = !(se > 0) ? DiffusionStatus.Undetermined
            : significant && linear ? DiffusionStatus.Diffusive
            : DiffusionStatus.NotDiffusive;
        double upper = Math.Max(d, 0) + (Normal.InvCDF(0, 1, 0.95) * se);
        double? suggestion = status == DiffusionStatus.NotDiffusive ? SuggestStart(msd, used, dt) : null;
        return new DiffusionEstimate(
            dimensions, d, se, a, olsB / twoD, olsSe / twoD, t[0], t[^1], m, walkers, reduced, p, widening, alpha, status, upper, source, suggestion);
    }

    /// <summary>Least-squares slope of ln MSD on ln t over the points with a positive MSD; NaN with fewer than 3.</summary>
    internal static double LocalExponent(IReadOnlyList<double> t, IReadOnlyList<double> y)
    {
        var points = Enumerable.Range(0, t.Count).Where(i => y[i] > 0 && t[i] > 0).Select(i => (Math.Log(t[i]), Math.Log(y[i]))).ToArray();
        if (points.Length < 3)
        {
            return double.NaN;
        }

        return Ols(points.Select(q => q.Item1).ToArray(), points.Select(q => q.Item2).ToArray()).B;
    }

    /// <summary>
    /// The first later start (in steps of a tenth of the window's end, keeping its end and at least 5 lags) whose
    /// local exponent is near 1 and whose slope is positive, or null.
    /// </summary>
    private static double? SuggestStart(IReadOnlyList<double> msd, int[] used, double dt)
    {
        int end = used[^1];
        for (int step = 1; step < 10; step++)
        {
            int start = used[0] + (int)Math.Round(step * 0.1 * (end - used[0]));
            if (end - start < 4)
            {
                break;
            }

            int[] lags = Enumerable.Range(0, 20).Select(j => start + (int)Math.Round(j * (end - start) / 19.0)).Distinct()
                .Where(k => k < msd.Count && double.IsFinite(msd[k])).ToArray();
            double[] t = lags.Select(k => k * dt).ToArray();
            double[] y = lags.Select(k => msd[k]).ToArray();
            if (lags.Length >= 3 && Ols(t, y).B > 0 && Math.Abs(LocalExponent(t, y) - 1) <= ExponentTolerance)
            {
                return start * dt;
            }
        }

        return null;
    }

    private static (double A, double B, double SeB) Ols(double[] t, double[] y)
    {
        var (a, b) = MathNet.Numerics.Fit.Line(t, y);
        int m = t.Length;
        double mt = t.Average();
        double sxx = t.Sum(v => (v - mt) * (v - mt));
        double rss = 0;
        for (int i = 0; i < m; i++)
        {
            double res = y[i] - a - (b * t[i]);
            rss += res * res;
        }

        return (a, b, m > 2 ? Math.Sqrt(rss / (m - 2) / sxx) : double.NaN);
    }
}
