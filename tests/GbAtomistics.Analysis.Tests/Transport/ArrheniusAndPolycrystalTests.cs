using GbAtomistics.Analysis.Transport.Arrhenius;
using GbAtomistics.Analysis.Transport.Conductivity;
using GbAtomistics.Analysis.Transport.Polycrystal;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Transport;

public class ArrheniusAndPolycrystalTests
{
    [Fact]
    public void ExactArrheniusDataGiveTheActivationEnergy()
    {
        const double ea = 0.45, a = 3.0e4; // eV, S·K/cm
        double[] temperatures = [500, 600, 700, 800, 1000];
        var points = temperatures.Select(t =>
        {
            double sigma = a / t * Math.Exp(-ea / (PhysicalConstants.BoltzmannEv * t));
            return new ArrheniusPoint(t, sigma, 0.05 * sigma);
        }).ToList();
        ArrheniusFit fit = ArrheniusFitter.Fit(points);
        Assert.Equal(ea, fit.ActivationEnergy, 1e-9);
        Assert.Equal(a, fit.Prefactor, 1e-6 * a);
        var (s300, e300) = fit.At(300);
        Assert.Equal(a / 300 * Math.Exp(-ea / (PhysicalConstants.BoltzmannEv * 300)), s300, 1e-9 * s300);
        Assert.True(e300 > 0.05 * s300, "extrapolation far below the data has a larger relative error than the points");
        Assert.True(fit.ActivationEnergyError > 0);
        Assert.Equal(0, fit.ReducedChiSquare, 1e-12);
    }

    [Fact]
    public void ActivationEnergyErrorMatchesTheScatterOfNoisyData()
    {
        const double ea = 0.3;
        double[] temperatures = [400, 500, 600, 800];
        var random = new Random(3);
        var estimates = new List<double>();
        double quoted = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            var points = temperatures.Select(t =>
            {
                double sigma = 100 / t * Math.Exp(-ea / (PhysicalConstants.BoltzmannEv * t));
                double noisy = sigma * Math.Exp(0.1 * Walks.Normal(random));
                return new ArrheniusPoint(t, noisy, 0.1 * noisy);
            }).ToList();
            ArrheniusFit fit = ArrheniusFitter.Fit(points);
            estimates.Add(fit.ActivationEnergy);
            quoted = fit.ActivationEnergyError;
        }

        double mean = estimates.Average();
        double sd = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (estimates.Count - 1));
        Assert.Equal(ea, mean, 0.003);
        Assert.Equal(sd, quoted, 0.1 * sd);
    }

    [Fact]
    public void ArrheniusInputErrors()
    {
        Assert.Throws<InputException>(() => ArrheniusFitter.Fit([new ArrheniusPoint(300, 1, 0.1)]));
        Assert.Throws<InputException>(() => ArrheniusFitter.Fit([new ArrheniusPoint(300, 1, 0.1), new ArrheniusPoint(300, 2, 0.1)]));
        Assert.Throws<InputException>(() => ArrheniusFitter.Fit([new ArrheniusPoint(300, -1, 0.1), new ArrheniusPoint(400, 2, 0.1)]));
        Assert.Throws<InputException>(() => ArrheniusFitter.Fit([new ArrheniusPoint(300, 1, 0), new ArrheniusPoint(400, 2, 0.1)]));
    }

    [Fact]
    public void BrickLayerLimits()
    {
        var model = new BrickLayerModel(1e-3, 5e-3, 1e-5, 1.0);
        Assert.Equal(1e-3, new BrickLayerModel(1e-3, 5e-3, 1e-5, 0).Conductivity(10), 1e-15);   // δ → 0
        Assert.Equal(1e-3, model.Conductivity(1e9), 1e-9);                                       // d → ∞
        Assert.Equal(1e-3, new BrickLayerModel(1e-3, 1e-3, 1e-3, 2).Conductivity(5), 1e-15);     // homogeneous
        Assert.True(model.Conductivity(10) < 1e-3, "blocking perpendicular boundaries lower σ at small grains");
        Assert.True(new BrickLayerModel(1e-3, 1e-1, 1e-3, 1).Conductivity(10) > 1e-3, "fast parallel paths raise σ");

        // by hand: d = 9, δ = 1, L = 10: (0.81) · 10/(9/1e-3 + 1/1e-5) + 0.19 · 5e-3
        double expected = (0.81 * 10 / ((9 / 1e-3) + (1 / 1e-5))) + (0.19 * 5e-3);
        Assert.Equal(expected, model.Conductivity(9), 1e-15);
        var (sizes, sigma) = model.Curve(1, 1e4, 50);
        Assert.Equal(50, sizes.Length);
        Assert.Equal(1e4, sizes[^1], 1e-6);
        Assert.Throws<InputException>(() => new BrickLayerModel(0, 1, 1, 1));
        Assert.Throws<InputException>(() => model.Conductivity(0));
    }
}
