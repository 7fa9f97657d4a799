namespace GbAtomistics.Analysis.Transport.Fitting;

/// <summary>
/// Fits MSD(t) = a + 2·d·D·t by generalised least squares with the model covariance of free diffusion
/// (<see cref="MsdCovariance"/>): β = (XᵀΣ⁻¹X)⁻¹ XᵀΣ⁻¹y, Var(β) = (XᵀΣ⁻¹X)⁻¹. The covariance shape does not depend on D,
/// so the estimate needs no iteration; its scale is set by the fitted slope (σ² = slope·Δt/d per component per frame)
/// and by the number of independent walkers N (Σ ∝ d/N). Ordinary least squares is reported beside it.
/// </summary>
public static class DiffusionFitter
{
    /// <summary>
    /// Fits <paramref name="msd"/> (Å², indexed by lag; NaN where undefined) at <paramref name="lags"/>, for a
    /// trajectory of <paramref name="frames"/> frames spaced <paramref name="dt"/> ps, a curve of
    /// <paramref name="dimensions"/> components averaged over <paramref name="walkers"/> independent walkers.
    /// </summary>
    public static DiffusionEstimate Fit(IReadOnlyList<double> msd, IReadOnlyList<int> lags, int frames, double dt, int dimensions, double walkers)
    {
        var used = lags.Where(k => k > 0 && k < msd.Count && double.IsFinite(msd[k])).ToArray();
        if (used.Length < 3 || !(walkers > 0))
        {
            return DiffusionEstimate.Missing(dimensions);
        }

        int m = used.Length;
        var t = used.Select(k => k * dt).ToArray();
        var y = used.Select(k => msd[k]).ToArray();
        var (olsA, olsB, olsSe) = Ols(t, y);

        double[,] c = MsdCovariance.OneComponent(frames, used);
        double trace = 0;
        for (int i = 0; i < m; i++)
        {
            trace += c[i, i];
        }

        for (int i = 0; i < m; i++)
        {
            c[i, i] += 1e-12 * trace / m;
        }

        var chol = new Cholesky(c);
        double[] ones = Enumerable.Repeat(1.0, m).ToArray();
        double[] w1 = chol.Solve(ones);
        double[] wt = chol.Solve(t);
        double[] wy = chol.Solve(y);
        double s11 = Dot(ones, w1), s1t = Dot(ones, wt), stt = Dot(t, wt);
        double s1y = Dot(ones, wy), sty = Dot(t, wy);
        double det = (s11 * stt) - (s1t * s1t);
        double a = ((stt * s1y) - (s1t * sty)) / det;
        double b = ((s11 * sty) - (s1t * s1y)) / det;
        double varBUnit = s11 / det;

        // Scale: Σ = (d/N) σ⁴ C with σ² = b·dt/d.
        double sigma2 = b * dt / dimensions;
        double scale = dimensions / walkers * sigma2 * sigma2;
        double seB = b > 0 ? Math.Sqrt(varBUnit * scale) : double.NaN;

        double chi2 = double.NaN;
        if (b > 0 && m > 2)
        {
            double[] r = new double[m];
            for (int i = 0; i < m; i++)
            {
                r[i] = y[i] - a - (b * t[i]);
            }

            chi2 = Dot(r, chol.Solve(r)) / scale / (m - 2);
        }

        double twoD = 2.0 * dimensions;
        return new DiffusionEstimate(
            dimensions, b / twoD, seB / twoD, a, olsB / twoD, olsSe / twoD, t[0], t[^1], m, walkers, chi2);
    }

    private static (double A, double B, double SeB) Ols(double[] t, double[] y)
    {
        int m = t.Length;
        double mt = t.Average(), my = y.Average();
        double sxx = 0, sxy = 0;
        for (int i = 0; i < m; i++)
        {
            sxx += (t[i] - mt) * (t[i] - mt);
            sxy += (t[i] - mt) * (y[i] - my);
        }

        double b = sxy / sxx;
        double a = my - (b * mt);
        double rss = 0;
        for (int i = 0; i < m; i++)
        {
            double r = y[i] - a - (b * t[i]);
            rss += r * r;
        }

        return (a, b, m > 2 ? Math.Sqrt(rss / (m - 2) / sxx) : double.NaN);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
