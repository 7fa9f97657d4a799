using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Coordination;

public sealed class FirstMinimumTests
{
    /// <summary>A liquid-like g(r): a first peak at 2.0 Å, a well at 2.62 Å, a second peak at 3.6 Å, then 1.</summary>
    private static double Clean(double r)
    {
        if (r < 1.5)
        {
            return 0;
        }

        double first = 4.0 * Math.Exp(-Math.Pow((r - 2.0) / 0.18, 2) / 2);
        double second = 1.6 * Math.Exp(-Math.Pow((r - 3.6) / 0.45, 2) / 2);
        double tail = 1 / (1 + Math.Exp(-(r - 3.3) / 0.3));
        return first + Math.Max(second, tail) * (1 - Math.Exp(-Math.Pow((r - 1.5) / 0.9, 2)));
    }

    [Fact]
    public void FindsTheFirstMinimumOfANoisyCurve()
    {
        const int bins = 400;
        const double rMax = 8.0;
        double[] r = Enumerable.Range(0, bins).Select(k => (k + 0.5) * rMax / bins).ToArray();
        double[] clean = r.Select(Clean).ToArray();
        int truth = Enumerable.Range(0, bins).Where(k => r[k] > 2.1 && r[k] < 3.4).MinBy(k => clean[k]);
        for (int seed = 0; seed < 50; seed++)
        {
            var random = new Random(seed);
            // Noise of a short trajectory: Gaussian, 10 % of the local value plus 0.05 absolute (as at small counts).
            double[] noisy = clean.Select(g => Math.Max(0, g + (Gaussian(random) * ((0.1 * g) + 0.05)))).ToArray();
            double? found = FirstMinimum.Find(r, noisy);
            Assert.True(found is { } m && Math.Abs(m - r[truth]) < 0.2, $"seed {seed}: found {found}, expected {r[truth]:F3}");
        }
    }

    [Fact]
    public void ACurveWithoutStructureHasNoMinimum()
    {
        double[] r = Enumerable.Range(0, 100).Select(k => (k + 0.5) * 0.05).ToArray();
        Assert.Null(FirstMinimum.Find(r, r.Select(_ => 0.8).ToArray()));
    }

    [Fact]
    public void APerfectCrystalsEmptyGapGivesItsMiddle()
    {
        // Rock salt at 0 K: g_NaCl is zero between the first Cl shell (d = 2.82 Å) and the second (√3 d = 4.88 Å).
        double a = 5.64;
        Frame crystal = Crystals.Build(Crystals.RockSalt, a, 3);
        var analyzer = new RdfAnalyzer(new RdfOptions(6.0, 300, SpeciesPair.ParseList("Na-Cl")));
        RdfAccumulator acc = analyzer.Begin(crystal);
        acc.Accumulate(crystal);
        double? cut = FirstMinimum.Find(analyzer.Finish(acc), 0);
        Assert.NotNull(cut);
        Assert.InRange(cut.Value, 3.75, 3.95); // the middle of the gap, (2.92 + 4.78) / 2 after smoothing
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
