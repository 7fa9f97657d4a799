using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using Xunit.Abstractions;

namespace GbAtomistics.Analysis.Tests.Transport;

/// <summary>
/// Honest error bars and honest "no diffusion" on trajectories like real solids (vibration about sites plus discrete
/// hops, <see cref="Solids"/>), seeded and fast. The realisation counts are the least the checks need; the environment
/// variable GBAT_COVERAGE_TRIALS raises them (tools/bench/diffusion-coverage.sh runs 2000).
/// </summary>
public class DiffusionCoverageTests(ITestOutputHelper output)
{
    private static int Trials(int least) =>
        int.TryParse(Environment.GetEnvironmentVariable("GBAT_COVERAGE_TRIALS"), out int n) && n > least ? n : least;

    private const double Dt = 0.1;   // ps between frames
    private const double A = 2.0;    // Å hop length

    [Theory]
    [InlineData(64, 0.05, 0.2, 2024)]   // few atoms: variances mostly from the model profile
    [InlineData(256, 0.02, 0.3, 7)]     // many atoms: variances mostly from the data
    public void SixtyEightPercentIntervalCoversTheTrueDOfHoppingAndVibratingAtoms(int atoms, double p, double sigma, int seed)
    {
        int trials = Trials(200);
        double d = Solids.Diffusion(A, p, Dt);
        var random = new Random(seed);
        int covered = 0, diffusive = 0, dataCovariance = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            Vec3[][] u = Solids.HopsAndVibration(random, atoms, 200, Dt, A, p, sigma);
            DiffusionEstimate fit = Walks.Run(Walks.Frames(u, Dt), new MsdOptions()).Curve("all", MsdComponent.Total)!.Fit;
            covered += Math.Abs(fit.D - d) <= fit.StandardError ? 1 : 0;
            diffusive += fit.IsMeasurable ? 1 : 0;
            dataCovariance += fit.CovarianceSource == "data" ? 1 : 0;
        }

        double coverage = (double)covered / trials;
        output.WriteLine($"{atoms} atoms, D = {d:F4} Å²/ps: 68 % interval covers D in {coverage:P1}; diffusive in {diffusive} of {trials}");
        Assert.InRange(coverage, 0.60, 0.76);
        Assert.True(diffusive >= 0.95 * trials, $"only {diffusive} of {trials} runs were found diffusive");
        Assert.Equal(trials, dataCovariance);
    }

    [Fact]
    public void VibrationWithoutHopsIsReportedAsNotDiffusive()
    {
        int trials = Trials(200);
        var random = new Random(11);
        int notDiffusive = 0;
        foreach (int trial in Enumerable.Range(0, trials))
        {
            Vec3[][] u = Solids.HopsAndVibration(random, 64, 200, Dt, A, 0, 0.25, tau: trial % 2 == 0 ? 0 : 0.5);
            DiffusionEstimate fit = Walks.Run(Walks.Frames(u, Dt), new MsdOptions()).Curve("all", MsdComponent.Total)!.Fit;
            if (fit.Status == DiffusionStatus.NotDiffusive)
            {
                notDiffusive++;
                Assert.True(fit.UpperBound >= 0 && double.IsFinite(fit.UpperBound));
                Assert.Contains("no measurable diffusion", fit.Summary(), StringComparison.Ordinal);
            }
        }

        output.WriteLine($"vibration only: not diffusive in {notDiffusive} of {trials}");
        Assert.True(notDiffusive >= 0.95 * trials, $"only {notDiffusive} of {trials} vibration-only runs were reported as not diffusive");
    }

    [Fact]
    public void CagedAtomsWhoseWindowIsDominatedByTheCageAreFlagged()
    {
        // A cage (σ = 0.7 Å, relaxation 1 ps, plateau 2.9 Å²) dominates the MSD over the default window (2–10 ps);
        // the hops (D = 0.1 Å²/ps) only add 1.2 to 6 Å² to it.
        int trials = Trials(50);
        var random = new Random(5);
        int flagged = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            Vec3[][] u = Solids.HopsAndVibration(random, 128, 200, Dt, A, 0.015, 0.7, tau: 1.0);
            DiffusionEstimate fit = Walks.Run(Walks.Frames(u, Dt), new MsdOptions()).Curve("all", MsdComponent.Total)!.Fit;
            flagged += fit.IsMeasurable ? 0 : 1;
            if (fit.SuggestedStartPs is { } s)
            {
                Assert.True(s > fit.StartPs && s < fit.EndPs, $"suggested start {s} ps outside the window {fit.StartPs}–{fit.EndPs} ps");
            }
        }

        output.WriteLine($"caged: flagged in {flagged} of {trials}");
        Assert.True(flagged >= 0.9 * trials, $"only {flagged} of {trials} caged runs were flagged");
    }

    [Fact]
    public void SubdiffusiveEarlyDiffusiveLaterSuggestsALaterWindowThatIsDiffusive()
    {
        // MSD ∝ t^0.2 up to 5 ps, then 6 D t (D = 0.5 Å²/ps): the default window 2–10 ps straddles the crossover.
        const double d = 0.5;
        int frames = 201;
        double[] msd = Enumerable.Range(0, frames).Select(k =>
        {
            double t = k * Dt;
            return t >= 5 ? 6 * d * t : 6 * d * 5 * Math.Pow(t / 5, 0.2);
        }).ToArray();
        int[] lags = FitWindow.Default.Lags(frames, Dt);
        DiffusionEstimate fit = DiffusionFitter.Fit(msd, lags, frames, Dt, 3, 100);
        Assert.Equal(DiffusionStatus.NotDiffusive, fit.Status);
        Assert.True(fit.LocalExponent < 0.7, $"local exponent {fit.LocalExponent}");
        double start = Assert.NotNull(fit.SuggestedStartPs);
        Assert.InRange(start, 2.5, 8);
        Assert.Contains("--fit-start", fit.Summary(), StringComparison.Ordinal);

        // The suggested window has a local exponent near 1; one wholly after the crossover gives D exactly.
        DiffusionEstimate later = DiffusionFitter.Fit(msd, new FitWindow(start, 10).Lags(frames, Dt), frames, Dt, 3, 100);
        Assert.True(Math.Abs(later.LocalExponent - 1) <= DiffusionFitter.ExponentTolerance, $"local exponent {later.LocalExponent} from {start} ps");
        DiffusionEstimate linear = DiffusionFitter.Fit(msd, new FitWindow(5, 10).Lags(frames, Dt), frames, Dt, 3, 100);
        Assert.Equal(d, linear.D, 6);
        Assert.Equal(1, linear.LocalExponent, 1);
    }
}
