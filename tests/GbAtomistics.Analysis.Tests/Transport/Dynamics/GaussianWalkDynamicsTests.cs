using GbAtomistics.Analysis.Transport.Dynamics;
using GbAtomistics.Core;
using MathNet.Numerics;

namespace GbAtomistics.Analysis.Tests.Transport.Dynamics;

/// <summary>
/// Gaussian random walkers with a known D: G_s is the Gaussian propagator with ⟨r²⟩ = 2dDt and unit normalisation in
/// every direction, and α₂ vanishes within its sampling error.
/// </summary>
public sealed class GaussianWalkDynamicsTests
{
    private const double D = 0.5;
    private const double Dt = 0.01;
    private const int Atoms = 400;
    private const int FrameCount = 400;

    private static readonly Lazy<DynamicsResult> Walk = new(() =>
    {
        Vec3[][] u = Walks.Gaussian(new Random(11), Atoms, FrameCount, Dt, new Vec3(D, D, D), spread: 20);
        return DynamicsRun.Run(Walks.Frames(u, Dt), DynamicsRun.Options(lags: [0.01, 0.1, 1.0], hopDistance: 100));
    });

    [Fact]
    public void SelfVanHoveIsNormalisedInEveryDirection()
    {
        DynamicsResult result = Walk.Value;
        Assert.Equal([1, 10, 100], result.Lags);
        Assert.Equal(9, result.Self.Count); // 3 lags × 3 directions, region all only
        foreach (SelfVanHove s in result.Self)
        {
            Assert.Equal(0, s.Beyond); // the automatic r-max holds every displacement
            Assert.Equal((long)Atoms * (FrameCount - s.LagFrames), s.Samples);
            double integral = s.Probability.Sum() * s.BinWidth;
            Assert.Equal(1.0, integral, 1e-9);
            // the same integral from G_s with the shell measure of each dimension
            double fromG = s.Direction switch
            {
                DynamicsDirection.Total => Integrate(s, r => 4 * Math.PI * r * r),
                DynamicsDirection.Parallel => Integrate(s, r => 2 * Math.PI * r),
                _ => Integrate(s, _ => 1),
            };
            Assert.Equal(1.0, fromG, 1e-2); // midpoint rule on the shell measure: 3-D relative error ⟨w²/(12 r²)⟩ ≈ 0.005 at the shortest lag
        }
    }

    private static double Integrate(SelfVanHove s, Func<double, double> measure) =>
        Enumerable.Range(0, s.R.Count).Sum(b => s.G[b] * measure(s.R[b]) * s.BinWidth);

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    public void SelfVanHoveIsTheGaussianPropagator(int lag)
    {
        DynamicsResult result = Walk.Value;
        double t = lag * Dt;
        double s2 = 4 * D * t; // 4Dt: exp(−r²/4Dt)
        double nEff = Atoms * Math.Floor((FrameCount - 1.0) / lag); // non-overlapping displacements
        foreach (DynamicsDirection direction in DynamicsDirections.All)
        {
            SelfVanHove s = result.Self.Single(x => x.LagFrames == lag && x.Direction == direction);
            Func<double, double> cdf = direction switch
            {
                DynamicsDirection.Total => r => SpecialFunctions.Erf(r / Math.Sqrt(s2)) - (2 / Math.Sqrt(Math.PI) * r / Math.Sqrt(s2) * Math.Exp(-r * r / s2)),
                DynamicsDirection.Parallel => r => 1 - Math.Exp(-r * r / s2),
                _ => z => 0.5 * (1 + SpecialFunctions.Erf(z / Math.Sqrt(s2))),
            };
            for (int b = 0; b < s.R.Count; b++)
            {
                double lo = s.R[b] - (s.BinWidth / 2), hi = s.R[b] + (s.BinWidth / 2);
                double expected = cdf(hi) - cdf(lo);
                double observed = s.Probability[b] * s.BinWidth;
                double tolerance = (5 * Math.Sqrt(expected * (1 - expected) / nEff)) + 1e-4;
                Assert.True(Math.Abs(observed - expected) <= tolerance, $"{direction} lag {lag} bin {b} (r = {s.R[b]:F3}): {observed:G4} vs {expected:G4} ± {tolerance:G2}");
            }

            // second moment of the histogram: 2dDt, within 5 standard errors of the mean of Δr² (variance 2/d of its mean², per sample) and the bin width
            int d = DynamicsDirections.Dimensions(direction);
            double m2 = Enumerable.Range(0, s.R.Count).Sum(b => s.Probability[b] * s.BinWidth * s.R[b] * s.R[b]);
            double exact = 2 * d * D * t;
            Assert.InRange(m2, exact * (1 - (5 * Math.Sqrt(2.0 / d / nEff))) - (s.BinWidth * s.BinWidth), exact * (1 + (5 * Math.Sqrt(2.0 / d / nEff))) + (s.BinWidth * s.BinWidth));
        }
    }

    [Fact]
    public void NonGaussianParameterVanishesWithinItsSamplingError()
    {
        DynamicsResult result = Walk.Value;
        Assert.Equal(1, result.Alpha2OriginStride);
        foreach (DynamicsDirection direction in DynamicsDirections.All)
        {
            Alpha2Curve c = result.Alpha2Curve("all", direction)!;
            Assert.True(double.IsNaN(c.Alpha2[0]));
            foreach (int lag in new[] { 1, 3, 10, 30, 100, 200 })
            {
                double nEff = Atoms * Math.Floor((FrameCount - 1.0) / lag);
                double sd = Math.Sqrt(DynamicsRun.Alpha2VariancePerSample(DynamicsDirections.Dimensions(direction)) / nEff);
                Assert.True(Math.Abs(c.Alpha2[lag]) < 5 * sd, $"{direction} lag {lag}: α₂ = {c.Alpha2[lag]:G3}, 5σ = {5 * sd:G3}");
                Assert.Equal(2 * DynamicsDirections.Dimensions(direction) * D * lag * Dt, c.Msd[lag], 0.1 * c.Msd[lag]);
            }
        }
    }

    [Fact]
    public void SumsEqualBruteForcePerRegion()
    {
        const int frames = 30;
        var box = Box.Orthogonal(10, 10, 10);
        var gb = new SlabRegion(2, [0.25, 0.75], 2.0);
        Vec3[][] u = Walks.Gaussian(new Random(5), 5, frames, 0.1, new Vec3(0.5, 0.5, 2.0), spread: 10);
        DynamicsResult result = DynamicsRun.Run(Walks.Frames(u, 0.1, _ => box), DynamicsRun.Options(region: gb, hopDistance: 50));
        var n = new Vec3(0, 0, 1);
        foreach (var (region, inRegion) in new (string, Func<int, int, bool>)[] { ("all", (_, _) => true), ("gb", (i, t) => gb.Contains(box, u[t][i])), ("bulk", (i, t) => !gb.Contains(box, u[t][i])) })
        {
            for (int k = 1; k < frames; k++)
            {
                double count = 0, r2 = 0, r4 = 0, p4 = 0, q4 = 0;
                for (int t = 0; t + k < frames; t++)
                {
                    for (int i = 0; i < u[0].Length; i++)
                    {
                        if (!inRegion(i, t))
                        {
                            continue;
                        }

                        Vec3 d = u[t + k][i] - u[t][i];
                        double p = Vec3.Dot(d, n);
                        double q = d.LengthSquared - (p * p);
                        count++;
                        r2 += d.LengthSquared;
                        r4 += d.LengthSquared * d.LengthSquared;
                        p4 += p * p * p * p;
                        q4 += q * q;
                    }
                }

                Alpha2Curve total = result.Alpha2Curve(region, DynamicsDirection.Total)!;
                Assert.Equal(count, total.Samples[k]);
                if (count == 0)
                {
                    Assert.True(double.IsNaN(total.Alpha2[k]));
                    continue;
                }

                Assert.Equal(r2 / count, total.Msd[k], 1e-9 * r2 / count);
                Assert.Equal((3 * r4 / count / (5 * (r2 / count) * (r2 / count))) - 1, total.Alpha2[k], 1e-9);
                Assert.Equal(q4 / count, result.Alpha2Curve(region, DynamicsDirection.Parallel)!.Quartic[k], 1e-9 * (1 + (q4 / count)));
                Assert.Equal(p4 / count, result.Alpha2Curve(region, DynamicsDirection.Perpendicular)!.Quartic[k], 1e-9 * (1 + (p4 / count)));
            }
        }

        foreach (SelfVanHove s in result.Self.Where(s => s.Region != "all"))
        {
            Assert.Equal(result.Alpha2Curve(s.Region, s.Direction)!.Samples[s.LagFrames], s.Samples);
        }
    }

    [Fact]
    public void ResultsDoNotDependOnTheThreadCount()
    {
        Vec3[][] u = Walks.Gaussian(new Random(3), 50, 80, 0.02, new Vec3(0.4, 0.4, 0.4), spread: 20);
        var gb = new SlabRegion(2, [0.3, 0.8], 3.0);
        DynamicsResult one = DynamicsRun.Run(Walks.Frames(u, 0.02), DynamicsRun.Options(region: gb, hopDistance: 0.5), threads: 1);
        DynamicsResult two = DynamicsRun.Run(Walks.Frames(u, 0.02), DynamicsRun.Options(region: gb, hopDistance: 0.5), threads: 2);
        Assert.Equal(one.SelfCsv(), two.SelfCsv());
        Assert.Equal(one.DistinctCsv(), two.DistinctCsv());
        Assert.Equal(one.Alpha2Csv(), two.Alpha2Csv());
        Assert.Equal(one.HopsCsv(), two.HopsCsv());
        Assert.Equal(one.HopSummaryCsv(), two.HopSummaryCsv());
        Assert.NotEmpty(one.Hops.Events);
    }
}
