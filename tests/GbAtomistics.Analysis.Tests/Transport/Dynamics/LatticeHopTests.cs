using GbAtomistics.Analysis.Transport.Dynamics;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Transport.Dynamics;

/// <summary>
/// Ions hopping between the sites of a simple-cubic lattice with a known probability per frame: the hop rate, the
/// hop length, exponential residence times, α₂ of discrete jumps, and the fraction of hops across a boundary plane.
/// </summary>
public sealed class LatticeHopTests
{
    private const double A = 2.0;
    private const double Dt = 0.01;
    private const double P = 0.02;

    [Fact]
    public void HopRateLengthAndResidenceTimesAreRecovered()
    {
        const int atoms = 64, frames = 2000;
        Vec3[][] u = DynamicsRun.Lattice(new Random(21), 8, atoms, frames, A, P, 0);
        DynamicsResult result = DynamicsRun.Run(Walks.Frames(u, Dt, _ => Box.Orthogonal(8 * A, 8 * A, 8 * A)), DynamicsRun.Options(hopDistance: A / 2));
        HopAnalysis hops = result.Hops;
        Assert.Equal(1, hops.WindowFrames);
        HopRegionSummary all = hops.Summaries.Single();
        Assert.Equal("all", all.Region);

        // every hop is one lattice vector, found at the frame it happened
        Assert.All(hops.Events, e => Assert.Equal(A, e.Length, 1e-9));
        int trueHops = 0;
        for (int t = 1; t < frames; t++)
        {
            for (int i = 0; i < atoms; i++)
            {
                trueHops += (u[t][i] - u[t - 1][i]).Length > A / 2 ? 1 : 0;
            }
        }

        Assert.Equal(trueHops, all.Hops);

        // rate = p/Δt per ion, within the reported Poisson error
        Assert.Equal(atoms * (frames - 1) * Dt, all.ExposureIonPs, 1e-6);
        Assert.Equal(all.Hops / all.ExposureIonPs, all.Rate, 12);
        Assert.Equal(Math.Sqrt(all.Hops) / all.ExposureIonPs, all.RateError, 12);
        Assert.InRange(P / Dt, all.Rate - (4 * all.RateError), all.Rate + (4 * all.RateError));

        // residence times: geometric in frames, mean Δt/p = 1/rate, coefficient of variation √(1 − p) ≈ 1
        double mean = Dt / P;
        Assert.InRange(mean, all.ResidenceMlePs - (4 * all.ResidenceMleErrorPs), all.ResidenceMlePs + (4 * all.ResidenceMleErrorPs));
        double[] complete = hops.Events.Where(e => e.ResidencePs is not null).Select(e => e.ResidencePs!.Value).ToArray();
        Assert.Equal(all.CompleteResidences, complete.Length);
        double bias = mean * mean / (frames * Dt); // complete intervals are cut short by the run's end: about mean²/T
        Assert.InRange(all.MeanResidencePs, mean - bias - (4 * all.MeanResidenceErrorPs), mean + (4 * all.MeanResidenceErrorPs));
        double sd = Math.Sqrt(complete.Sum(c => (c - complete.Average()) * (c - complete.Average())) / (complete.Length - 1));
        Assert.InRange(sd / complete.Average(), 0.9, 1.1);
        // censored: every ion's last interval and, for ions that hopped, its first
        int hopped = hops.Events.Select(e => e.AtomId).Distinct().Count();
        Assert.Equal(atoms + hopped, all.CensoredIntervals);
        Assert.Equal(all.Hops, all.CompleteResidences + hopped);
        Assert.Equal(all.Hops, hops.LengthHistogram["all"].Sum());
    }

    [Fact]
    public void JumpsMakeTheNonGaussianParameterLargeAtShortLags()
    {
        const int atoms = 64, frames = 2000;
        Vec3[][] u = DynamicsRun.Lattice(new Random(22), 8, atoms, frames, A, P, 0);
        DynamicsResult result = DynamicsRun.Run(Walks.Frames(u, Dt, _ => Box.Orthogonal(8 * A, 8 * A, 8 * A)), DynamicsRun.Options(hopDistance: A / 2));
        Alpha2Curve c = result.Alpha2Curve("all", DynamicsDirection.Total)!;
        // one frame: Δr is 0 or one lattice vector, so ⟨Δr²⟩ = p̂a², ⟨Δr⁴⟩ = p̂a⁴ and α₂ = 3/(5p̂) − 1 exactly
        double pHat = c.Msd[1] / (A * A);
        Assert.Equal(c.Quartic[1], pHat * A * A * A * A, 1e-9);
        Assert.Equal((3 / (5 * pHat)) - 1, c.Alpha2[1], 1e-9);
        Assert.InRange(pHat, 0.018, 0.022);
        Assert.True(c.Alpha2[1] > 20);
        (double peak, int lag) = c.Peak(result.PeakLagLimit);
        Assert.Equal(1, lag);
        Assert.Equal(c.Alpha2[1], peak);
        // after about 20 hops per ion (1000 frames) the displacement is nearly Gaussian again
        Assert.InRange(c.Alpha2[1000], -0.2, 0.2);
        Assert.True(c.Alpha2[100] < c.Alpha2[10] && c.Alpha2[10] < c.Alpha2[1]);
    }

    [Fact]
    public void AFractionOfHopsCrossesTheBoundaryPlanes()
    {
        // 4 sites per edge at z = 0, 2, 4, 6 Å; planes at z = 2.4 and 6.4 Å cut the bonds 2–4 and 6–8: half of the z
        // bonds, so 1/6 of all hops cross a plane. Sites at z = 2 and 6 lie in the ±0.5 Å slabs (gb), 0 and 4 do not.
        const int atoms = 64, frames = 1500;
        var gb = new SlabRegion(2, [0.3, 0.8], 0.5);
        Vec3[][] u = DynamicsRun.Lattice(new Random(23), 4, atoms, frames, A, 0.05, 0);
        DynamicsResult result = DynamicsRun.Run(Walks.Frames(u, Dt, _ => Box.Orthogonal(4 * A, 4 * A, 4 * A)), DynamicsRun.Options(region: gb, hopDistance: A / 2));
        HopRegionSummary all = result.Hops.Summaries.Single(s => s.Region == "all");
        Assert.NotNull(all.CrossingFraction);
        double f = all.CrossingFraction!.Value;
        Assert.InRange(1.0 / 6, f - (4 * all.CrossingFractionError!.Value), f + (4 * all.CrossingFractionError!.Value));
        Assert.All(result.Hops.Events, e => Assert.Equal(e.CrossesPlane, Math.Abs(e.From.Z - e.To.Z) > 1 && CutBond(Math.Min(e.From.Z, e.To.Z))));

        // homogeneous hopping: the same rate from gb and bulk sites, and gb + bulk = all
        HopRegionSummary g = result.Hops.Summaries.Single(s => s.Region == "gb");
        HopRegionSummary b = result.Hops.Summaries.Single(s => s.Region == "bulk");
        Assert.Equal(all.Hops, g.Hops + b.Hops);
        Assert.Equal(all.ExposureIonPs, g.ExposureIonPs + b.ExposureIonPs, 1e-6);
        double combined = Math.Sqrt((g.RateError * g.RateError) + (b.RateError * b.RateError));
        Assert.InRange(g.Rate - b.Rate, -4 * combined, 4 * combined);
        Assert.InRange(0.05 / Dt, g.Rate - (4 * g.RateError), g.Rate + (4 * g.RateError));
        Assert.InRange(g.MeanIons, 24, 40); // half the sites are gb sites

        static bool CutBond(double lowerZ)
        {
            double z = lowerZ - (8 * Math.Floor(lowerZ / 8));
            return Math.Abs(z - 2) < 0.5 || Math.Abs(z - 6) < 0.5;
        }
    }

    [Fact]
    public void AVibratingCrystalHasNoHopsAndGaussianDisplacements()
    {
        const int side = 6, frames = 300;
        const double sigma = 0.1;
        int atoms = side * side * side;
        Vec3[][] u = DynamicsRun.Lattice(new Random(24), side, atoms, frames, A, 0, sigma);
        DynamicsResult result = DynamicsRun.Run(
            Walks.Frames(u, Dt, _ => Box.Orthogonal(side * A, side * A, side * A)),
            new DynamicsOptions(new Analysis.Transport.Msd.MsdOptions()));
        HopAnalysis hops = result.Hops;
        Assert.Equal(10, hops.WindowFrames); // the default 0.1 ps at 0.01 ps per frame
        Assert.InRange(hops.Distance, 0.8, 1.0); // half the nearest-neighbour distance a = 2 Å, shortened by vibration
        Assert.Contains("nearest-neighbour", hops.DistanceSource);
        Assert.Empty(hops.Events);
        HopRegionSummary all = hops.Summaries.Single();
        Assert.Equal(0, all.Rate);
        Assert.Equal(2.9957 / all.ExposureIonPs, all.RateUpper95, 1e-3 / all.ExposureIonPs); // −ln 0.05 ions·ps⁻¹
        Assert.Equal(atoms, all.CensoredIntervals);
        Assert.True(double.IsNaN(all.ResidenceMlePs));

        // vibration about fixed sites: Δr = v(t + k) − v(t) is Gaussian at every lag, so α₂ ≈ 0
        foreach (DynamicsDirection direction in DynamicsDirections.All)
        {
            Alpha2Curve c = result.Alpha2Curve("all", direction)!;
            foreach (int lag in new[] { 1, 10, 100 })
            {
                double sd = Math.Sqrt(DynamicsRun.Alpha2VariancePerSample(DynamicsDirections.Dimensions(direction)) / (atoms * Math.Floor((frames - 1.0) / lag)));
                Assert.True(Math.Abs(c.Alpha2[lag]) < 5 * sd, $"{direction} lag {lag}: α₂ = {c.Alpha2[lag]:G3}, 5σ = {5 * sd:G3}");
                Assert.Equal(2 * DynamicsDirections.Dimensions(direction) * sigma * sigma, c.Msd[lag], 0.1 * c.Msd[lag]);
            }
        }
    }
}
