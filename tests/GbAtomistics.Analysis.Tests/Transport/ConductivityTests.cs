using GbAtomistics.Analysis.Transport.Conductivity;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Transport;

public class ConductivityTests
{
    [Fact]
    public void NernstEinsteinByHand()
    {
        // 100 ions, q = 1, D = 1e-5 cm²/s = 0.1 Å²/ps, V = 10⁴ Å³ = 1e-26 m³, T = 300 K:
        // σ = 100 · (1.602176634e-19 C)² · 1e-9 m²/s / (1e-26 m³ · 1.380649e-23 J/K · 300 K) = 61.97496 S/m = 0.6197496 S/cm
        double expected = 100 * 1.602176634e-19 * 1.602176634e-19 * 1e-9 / (1e-26 * 1.380649e-23 * 300) / 100;
        Assert.Equal(0.6197496, expected, 1e-6);
        Assert.Equal(expected, PhysicalConstants.NernstEinstein(100, 1, 0.1, 1e4, 300), 1e-12);
        Assert.Equal(4 * expected, PhysicalConstants.NernstEinstein(100, -2, 0.1, 1e4, 300), 1e-12);
    }

    [Fact]
    public void TracerConductivityOfAWalkUsesTheFittedD()
    {
        Vec3[][] u = Walks.Gaussian(new Random(31), 50, 400, 0.05, new Vec3(0.4, 0.4, 0.1));
        MsdResult msd = Walks.Run(Walks.Frames(u, 0.05), new MsdOptions(charges: new Dictionary<string, double> { ["Li"] = 1 }));
        ConductivityResult result = ConductivityCalculator.Compute(msd, new ConductivityOptions(600));
        ConductivityEntry perp = result.Entry("tracer", "all", MsdComponent.Perpendicular)!;
        double d = msd.Curve("all", MsdComponent.Perpendicular)!.Fit.D;
        Assert.Equal(PhysicalConstants.NernstEinstein(50, 1, d, 8000, 600), perp.Sigma, 1e-12);
        Assert.Equal(perp.Sigma * 1000, perp.SigmaMilli, 1e-9);
        Assert.Equal(1.0, result.Charge);
        Assert.Contains("sigma_S_per_cm", result.ToCsv());
    }

    [Fact]
    public void HavenRatioIsOneForUncorrelatedWalkers()
    {
        // Many short independent runs pooled: H = σ_tracer/σ_collective must be 1 within its error, and the pooled
        // mean within 3 standard errors of the mean.
        var random = new Random(12);
        var ratios = new List<double>();
        for (int run = 0; run < 12; run++)
        {
            Vec3[][] u = Walks.Gaussian(random, 40, 500, 0.05, new Vec3(0.5, 0.5, 0.5));
            MsdResult msd = Walks.Run(Walks.Frames(u, 0.05), new MsdOptions(charges: new Dictionary<string, double> { ["Li"] = 1 }));
            ConductivityResult result = ConductivityCalculator.Compute(msd, new ConductivityOptions(500));
            ConductivityEntry collective = result.Entry("collective", "all", MsdComponent.Total)!;
            Assert.InRange(collective.Haven, 1 - (4 * collective.HavenError), 1 + (4 * collective.HavenError));
            ratios.Add(collective.Haven);
        }

        double mean = ratios.Average();
        double sem = Math.Sqrt(ratios.Sum(r => (r - mean) * (r - mean)) / (ratios.Count - 1) / ratios.Count);
        Assert.InRange(mean, 1 - (3 * sem), 1 + (3 * sem));
    }

    [Fact]
    public void MissingChargeOrTemperatureIsAnInputError()
    {
        Vec3[][] u = Walks.Gaussian(new Random(1), 3, 20, 0.1, new Vec3(1, 1, 1));
        MsdResult msd = Walks.Run(Walks.Frames(u, 0.1), new MsdOptions());
        Assert.Contains("--charges", Assert.Throws<InputException>(() => ConductivityCalculator.Compute(msd, new ConductivityOptions(300))).Message);
        Assert.Throws<InputException>(() => new ConductivityOptions(-5));
    }
}
