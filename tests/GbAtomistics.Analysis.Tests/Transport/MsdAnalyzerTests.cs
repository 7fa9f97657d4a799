using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;

namespace GbAtomistics.Analysis.Tests.Transport;

public class MsdAnalyzerTests
{
    [Fact]
    public void BallisticMotionGivesVelocityTimesLagSquared()
    {
        var v = new[] { new Vec3(1.5, -0.5, 0.25), new Vec3(-2, 0.3, 1), new Vec3(0, 0, -3) };
        const int frames = 64;
        const double dt = 0.05;
        var u = Enumerable.Range(0, frames).Select(t => v.Select((vi, i) => new Vec3(i, 2 * i, 0) + (t * dt * vi)).ToArray()).ToArray();
        MsdResult result = Walks.Run(Walks.Frames(u, dt), new MsdOptions(normalAxis: 0));
        double v2 = v.Average(x => x.LengthSquared);
        double vx2 = v.Average(x => x.X * x.X);
        for (int k = 0; k < frames; k++)
        {
            double t = k * dt;
            Assert.Equal(v2 * t * t, result.Curve("all", MsdComponent.Total)!.Values[k], 1e-9);
            Assert.Equal(vx2 * t * t, result.Curve("all", MsdComponent.X)!.Values[k], 1e-9);
            Assert.Equal(vx2 * t * t, result.Curve("all", MsdComponent.Perpendicular)!.Values[k], 1e-9);
            Assert.Equal((v2 - vx2) * t * t, result.Curve("all", MsdComponent.Parallel)!.Values[k], 1e-9);
        }

        Assert.Equal(dt, result.TimestepPs, 12);
        Assert.Equal(UnwrapMode.Columns, result.Unwrap);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(37)]
    [InlineData(128)]
    public void FftEqualsBruteForceForEveryComponent(int frames)
    {
        var random = new Random(frames);
        Vec3[][] u = Walks.Gaussian(random, 4, frames, 0.1, new Vec3(0.3, 0.7, 1.1));
        MsdResult result = Walks.Run(Walks.Frames(u, 0.1), new MsdOptions(normalAxis: 1, fit: new FitWindow(0, 0.1 * (frames - 1), 3)));
        var (total, _) = Walks.BruteForce(u, d => d.Length, (_, _, _) => true);
        var (y, _) = Walks.BruteForce(u, d => d.Y, (_, _, _) => true);
        for (int k = 0; k < frames; k++)
        {
            Assert.Equal(total[k], result.Curve("all", MsdComponent.Total)!.Values[k], 1e-9 * (1 + total[k]));
            Assert.Equal(y[k], result.Curve("all", MsdComponent.Perpendicular)!.Values[k], 1e-9 * (1 + y[k]));
        }
    }

    [Fact]
    public void ThreadsDoNotChangeTheResult()
    {
        Vec3[][] u = Walks.Gaussian(new Random(3), 40, 200, 0.1, new Vec3(1, 1, 1));
        MsdResult one = Walks.Run(Walks.Frames(u, 0.1), new MsdOptions());
        MsdResult four = Walks.Run(Walks.Frames(u, 0.1), new MsdOptions(), threads: 4);
        for (int k = 0; k < 200; k++)
        {
            double a = one.Curve("all", MsdComponent.Total)!.Values[k];
            Assert.Equal(a, four.Curve("all", MsdComponent.Total)!.Values[k], 1e-12 * (1 + a));
        }

        MsdResult again = Walks.Run(Walks.Frames(u, 0.1), new MsdOptions(), threads: 4);
        Assert.Equal(four.Curve("all", MsdComponent.Total)!.Values, again.Curve("all", MsdComponent.Total)!.Values);
    }

    [Fact]
    public void RandomWalkGivesKnownDiffusionWithinItsError()
    {
        const double d = 0.8;
        Vec3[][] u = Walks.Gaussian(new Random(11), 64, 1000, 0.02, new Vec3(d, d, d));
        MsdResult result = Walks.Run(Walks.Frames(u, 0.02), new MsdOptions());
        DiffusionEstimate fit = result.Curve("all", MsdComponent.Total)!.Fit;
        Assert.InRange(fit.D, d - (3 * fit.StandardError), d + (3 * fit.StandardError));
        Assert.InRange(fit.StandardError / d, 0.005, 0.1); // a real, not vanishing, error bar
        Assert.True(fit.OlsStandardError < fit.StandardError, "OLS ignores the correlation and underestimates the error");
        Assert.Equal(3, fit.Dimensions);
        Assert.Equal(2.0, fit.StartPs, 1e-9); // first lag at or after 10 % of 19.98 ps
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void AnisotropicWalkGivesParallelAndPerpendicularForEachNormal(int axis)
    {
        const double dPerp = 0.2, dPar = 1.0;
        var d = new Vec3(axis == 0 ? dPerp : dPar, axis == 1 ? dPerp : dPar, axis == 2 ? dPerp : dPar);
        Vec3[][] u = Walks.Gaussian(new Random(20 + axis), 64, 800, 0.02, d);
        MsdResult result = Walks.Run(Walks.Frames(u, 0.02), new MsdOptions(normalAxis: axis));
        DiffusionEstimate perp = result.Curve("all", MsdComponent.Perpendicular)!.Fit;
        DiffusionEstimate par = result.Curve("all", MsdComponent.Parallel)!.Fit;
        Assert.InRange(perp.D, dPerp - (4 * perp.StandardError), dPerp + (4 * perp.StandardError));
        Assert.InRange(par.D, dPar - (4 * par.StandardError), dPar + (4 * par.StandardError));
        Assert.Equal(1, perp.Dimensions);
        Assert.Equal(2, par.Dimensions);
        Assert.Equal(1.0, Math.Abs(result.Normal[axis]), 12);
    }

    [Fact]
    public void DriftCorrectionRemovesAUniformFlow()
    {
        Vec3[][] u = Walks.Gaussian(new Random(5), 30, 100, 0.1, new Vec3(0.5, 0.5, 0.5));
        // O atoms (type 2) sit still apart from the drift; Li walk and drift.
        var flow = new Vec3(0.7, -0.2, 0.4);
        var drifted = u.Select((frame, t) => frame.Select((r, i) => (i < 20 ? r : u[0][i]) + (t * 0.1 * flow)).ToArray()).ToArray();
        var still = u.Select(frame => frame.Select((r, i) => i < 20 ? r : u[0][i]).ToArray()).ToArray();
        int[] types = Enumerable.Range(0, 30).Select(i => i < 20 ? 1 : 2).ToArray();
        MsdResult corrected = Walks.Run(Walks.Frames(drifted, 0.1, types: types), new MsdOptions(driftReference: "O"));
        MsdResult reference = Walks.Run(Walks.Frames(still, 0.1, types: types), new MsdOptions());
        for (int k = 0; k < 100; k++)
        {
            Assert.Equal(reference.Curve("all", MsdComponent.Total)!.Values[k], corrected.Curve("all", MsdComponent.Total)!.Values[k], 1e-8);
        }

        Assert.Equal(20, corrected.Atoms);
    }

    [Fact]
    public void MissingSpeciesAndUnevenFramesAreInputErrors()
    {
        Vec3[][] u = Walks.Gaussian(new Random(1), 2, 10, 0.1, new Vec3(1, 1, 1));
        Assert.Throws<InputException>(() => Walks.Run(Walks.Frames(u, 0.1), new MsdOptions(species: "Na")));
        List<Frame> frames = Walks.Frames(u, 0.1);
        frames[5].Time = 0.55;
        var e = Assert.Throws<InputException>(() => Walks.Run(frames, new MsdOptions()));
        Assert.Contains("evenly spaced", e.Message);
        frames.ForEach(f => f.Time = null);
        Assert.Contains("--timestep", Assert.Throws<InputException>(() => Walks.Run(frames, new MsdOptions())).Message);
    }
}
