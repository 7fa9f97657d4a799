using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace GbAtomistics.Analysis.Transport.Fitting;

/// <summary>
/// Fits MSD(t) = a + 2·d·D·t by generalised least squares, β = (XᵀΣ⁻¹X)⁻¹ XᵀΣ⁻¹y, Var(β) = (XᵀΣ⁻¹X)⁻¹, and decides
/// whether the window shows long-range diffusion.
/// </summary>
/// <remarks>
/// <para>
/// Weights: the correlations of MSD points averaged over all time origins are strong and known for free diffusion
/// (<see cref="MsdCovariance"/>, Bullerjahn, von Bülow and Hummer, J. Chem. Phys. 153, 024116 (2020)); their shape C
/// gives the generalised least-squares estimator, linear in the curve. Uncertainty from the data: atoms are
/// independent walkers, so a delete-a-group jackknife over atoms (<see cref="Msd.MsdSpread"/>: 32 groups) gives the
/// variance of the slope with every correlation, non-Gaussian hop statistic and vibration included, as the observed
/// spread of squared displacements does in kinisi (McCluskey et al.). Σ = s·C with the scale s that reproduces that
/// variance; the ±1σ interval uses the Student-t quantile with G − 1 degrees of freedom. Without groups of atoms (the
/// collective charge displacement, one walker; a region with fewer than 8 groups) the scale is the free-diffusion
/// variance per frame and component, σ² = slope·Δt/d, or MSD(Δt)/d when the slope is not positive.
/// </para>
/// <para>
/// Goodness of fit. With the jackknife: Hotelling's T² of the residuals' projections on three smooth departures from a
/// line (Legendre P2–P4 over the window), reduced χ² = T²/3, p from F(3, G − 3); this tests for curvature without
/// relying on the model's correlations, which vibrations and discrete hops break. Without it: χ² = rᵀΣ⁻¹r with m − 2
/// degrees of freedom. When p &lt; 0.01 the straight line is rejected and the standard error is multiplied by
/// √(χ²/dof) (the Birge ratio; Bevington and Robinson, Data Reduction and Error Analysis, ch. 6).
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
    /// <paramref name="jackknife"/> (the curve at <paramref name="lags"/> with each group of atoms left out) the
    /// uncertainty comes from the data; otherwise from the free-diffusion model alone.
    /// </summary>
    public static DiffusionEstimate Fit(
        IReadOnlyList<double> msd, IReadOnlyList<int> lags, int frames, double dt, int dimensions, double walkers,
        Jackknife? jackknife = null)
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
        double ridge = 1e-12 * Enumerable.Range(0, m).Sum(i => shape[i, i]) / m;
        Matrix<double> unit = Matrix<double>.Build.Dense(m, m, (i, j) => shape[i, j] + (i == j ? ridge : 0));
        var cholesky = unit.Cholesky();
        Matrix<double> x = Matrix<double>.Build.Dense(m, 2, (i, j) => j == 0 ? 1 : t[i]);
        Matrix<double> wx = cholesky.Solve(x);
        Matrix<double> unitCovariance = x.TransposeThisAndMultiply(wx).Inverse();

        // The estimator is linear in the curve: β = H y with H = (XᵀC⁻¹X)⁻¹XᵀC⁻¹.
        Matrix<double> h = unitCovariance * wx.Transpose();
        double Slope(double[] values) => h.Row(1).DotProduct(Vector<double>.Build.DenseOfArray(values));
        Vector<double> yv = Vector<double>.Build.DenseOfArray(y);
        Vector<double> beta = h * yv;
        double a = beta[0], b = beta[1];

        // Scale of the covariance: the jackknife variance of the slope over groups of atoms, or the free-diffusion
        // variance per frame.
        double scale;
        string source;
        double intervalFactor = 1;
        if (jackknife is { Groups: >= 8 } jack && keep.Length == lags.Count)
        {
            double variance = jack.Variance(Slope);
            scale = variance / unitCovariance[1, 1];
            source = "data";

            // D ± SE is a 68 % interval with G − 1 degrees of freedom in the variance: Student-t quantile over normal.
            intervalFactor = StudentT.InvCDF(0, 1, jack.Groups - 1, 0.8413447) / Normal.InvCDF(0, 1, 0.8413447);
        }
        else
        {
            double variance = b > 0 ? b * dt / dimensions : msd.Count > 1 && msd[1] > 0 ? msd[1] / dimensions : double.NaN;
            scale = dimensions / walkers * variance * variance;
            source = "model";
        }

        if (!(scale > 0))
        {
            return DiffusionEstimate.Missing(dimensions);
        }

        double reduced, p;
        if (source == "data" && m >= 5)
        {
            (reduced, p) = CurvatureTest(t, y, h, x, jackknife!);
        }
        else
        {
            Vector<double> r = yv - (x * beta);
            double chi2 = r.DotProduct(cholesky.Solve(r)) / scale;
            reduced = chi2 / (m - 2);
            p = 1 - ChiSquared.CDF(m - 2, chi2);
        }

        double widening = p < RejectBelow ? Math.Sqrt(reduced) : 1;
        double seB = Math.Sqrt(unitCovariance[1, 1] * scale) * widening * intervalFactor;

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

    /// <summary>
    /// Test of the straight line against curvature when the uncertainty comes from the jackknife: the residuals are
    /// projected on the Legendre polynomials P2, P3, P4 of the window (q = 3 smooth departures from a line), the
    /// jackknife gives the covariance of the three projections, and T² = cᵀ Cov⁻¹ c is Hotelling's statistic with G
    /// groups: F = (G − q) T² / (q (G − 1)) follows F(q, G − q). Returns T²/q (the reduced χ²) and the p-value.
    /// </summary>
    private static (double Reduced, double P) CurvatureTest(double[] t, double[] y, Matrix<double> h, Matrix<double> x, Jackknife jackknife)
    {
        const int q = 3;
        int m = t.Length;
        double t0 = t[0], t1 = t[^1];
        Matrix<double> basis = Matrix<double>.Build.Dense(q, m, (j, i) =>
        {
            double u = (2 * (t[i] - t0) / (t1 - t0)) - 1;
            return j switch
            {
                0 => ((3 * u * u) - 1) / 2,
                1 => ((5 * u * u * u) - (3 * u)) / 2,
                _ => ((35 * u * u * u * u) - (30 * u * u) + 3) / 8,
            };
        });
        Matrix<double> residual = Matrix<double>.Build.DenseIdentity(m) - (x * h);
        Matrix<double> projection = basis * residual;
        Vector<double> Project(double[] values) => projection * Vector<double>.Build.DenseOfArray(values);

        Vector<double> c = Project(y);
        Vector<double>[] groups = jackknife.LeaveOut.Select(Project).ToArray();
        int g = groups.Length;
        Vector<double> mean = groups.Aggregate((a, b) => a + b) / g;
        Matrix<double> covariance = Matrix<double>.Build.Dense(q, q);
        foreach (Vector<double> v in groups)
        {
            Vector<double> d = v - mean;
            covariance += d.OuterProduct(d);
        }

        covariance *= (g - 1.0) / g * jackknife.VarianceScale;
        double t2 = c.DotProduct(covariance.Solve(c));
        double f = (g - q) * t2 / (q * (g - 1.0));
        return (t2 / q, 1 - FisherSnedecor.CDF(q, g - q, f));
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
