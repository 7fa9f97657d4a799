using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Transport;

public class DiffusionFitterTests
{
    /// <summary>
    /// The check of an honest error bar: over many independent random walks, the ±1σ GLS interval covers the true D
    /// in 60–76 % of cases (68 % expected). Ordinary least squares covers far less.
    /// </summary>
    [Fact]
    public void SixtyEightPercentIntervalCoversTheTrueDiffusionCoefficient()
    {
        const double d = 0.3;
        const int trials = 400;
        var random = new Random(2024);
        int covered = 0, olsCovered = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            Vec3[][] u = Walks.Gaussian(random, 8, 300, 0.05, new Vec3(d, d, d));
            DiffusionEstimate fit = Walks.Run(Walks.Frames(u, 0.05), new MsdOptions()).Curve("all", MsdComponent.Total)!.Fit;
            covered += Math.Abs(fit.D - d) <= fit.StandardError ? 1 : 0;
            olsCovered += Math.Abs(fit.OlsD - d) <= fit.OlsStandardError ? 1 : 0;
        }

        double coverage = (double)covered / trials;
        Assert.InRange(coverage, 0.60, 0.76);
        Assert.True(olsCovered < covered, $"OLS coverage {olsCovered} should be below GLS coverage {covered}");
    }

    [Fact]
    public void CovarianceModelMatchesTheVarianceOfSimulatedMsds()
    {
        // Monte Carlo check of the model itself: one 1-D walker, σ² = 1 per frame.
        const int frames = 50;
        int[] lags = [1, 5, 20];
        double[,] model = MsdCovariance.OneComponent(frames, lags);
        var random = new Random(77);
        const int samples = 20000;
        var m = new double[samples, lags.Length];
        for (int s = 0; s < samples; s++)
        {
            var x = new double[frames];
            for (int t = 1; t < frames; t++)
            {
                x[t] = x[t - 1] + Walks.Normal(random);
            }

            for (int j = 0; j < lags.Length; j++)
            {
                int k = lags[j];
                double sum = 0;
                for (int t = 0; t + k < frames; t++)
                {
                    sum += (x[t + k] - x[t]) * (x[t + k] - x[t]);
                }

                m[s, j] = sum / (frames - k);
            }
        }

        for (int a = 0; a < lags.Length; a++)
        {
            for (int b = 0; b < lags.Length; b++)
            {
                double ma = 0, mb = 0, c = 0;
                for (int s = 0; s < samples; s++)
                {
                    ma += m[s, a];
                    mb += m[s, b];
                }

                ma /= samples;
                mb /= samples;
                for (int s = 0; s < samples; s++)
                {
                    c += (m[s, a] - ma) * (m[s, b] - mb);
                }

                c /= samples - 1;
                Assert.Equal(model[a, b], c, 0.06 * Math.Sqrt(model[a, a] * model[b, b]));
            }
        }
    }

    [Fact]
    public void WindowDefaultsAndErrors()
    {
        int[] lags = FitWindow.Default.Lags(1001, 0.01);
        Assert.Equal(100, lags[0]);
        Assert.Equal(500, lags[^1]);
        Assert.Equal(50, lags.Length);
        Assert.Equal([10, 11, 12, 13, 14, 15], new FitWindow(0.1, 0.15).Lags(1001, 0.01));
        Assert.Throws<InputException>(() => new FitWindow(2, 1));
        Assert.Throws<InputException>(() => new FitWindow(-1, 1));
        Assert.Throws<InputException>(() => new FitWindow(0.1, 0.11).Lags(1001, 0.01));
    }
}
