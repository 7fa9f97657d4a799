using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Regions;
using GbAtomistics.Analysis.Tests.Coordination;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Regions;

public sealed class BoundaryDetectorTests
{
    private const double D = 2.82; // Na–Cl distance in Å

    private static CoordinationResult Coordination(SlabRegion? region, params Frame[] frames)
    {
        var pairs = SpeciesPair.ParseList("Na-Cl,Cl-Na");
        // 1.1 d: the six nearest ions at d are in, the next shell at √2 d is out, and so is an ion of the other grain
        // displaced in-plane by more than 0.46 d across the twist boundary.
        return CoordinationAnalyzerTests.Compute(new CoordinationOptions(pairs, [1.1 * D, 1.1 * D], region, normalAxis: 2, profileBins: 96), frames);
    }

    [Theory]
    [InlineData(8, 0.0)]
    [InlineData(10, 0.12)]
    [InlineData(7, 0.25)]
    public void AutomaticDetectionFindsTheBicrystalPlanesWithinOneAngstrom(int layers, double jiggle)
    {
        Frame bicrystal = Bicrystals.RockSaltTwist(D, layers);
        var random = new Random(7);
        Frame[] frames = Enumerable.Range(0, 4).Select(_ => Bicrystals.Jiggle(bicrystal, random, jiggle)).ToArray();
        CoordinationResult result = Coordination(null, frames);
        DetectedBoundaries found = BoundaryDetector.Detect(result.DeviatingPerFrame, result.AtomsPerFrame, 2, result.MeanWidth);
        double lz = bicrystal.Box.PerpendicularWidths.Z;
        Assert.Equal(2, found.Planes.Count);
        double[] truth = [0, 0.5];
        foreach (double expected in truth)
        {
            double error = found.Planes.Min(p => Math.Abs(p - expected - Math.Round(p - expected))) * lz;
            Assert.True(error < 1.0, $"plane {expected} found at {string.Join(", ", found.Planes)} (error {error:F2} Å)");
        }

        Assert.InRange(found.HalfWidth, 0.5, 5.0);

        // The detected slabs hold the disturbed layers: the bulk outside them is the perfect crystal.
        CoordinationResult split = Coordination(found.Region(), frames);
        if (jiggle == 0)
        {
            Assert.Equal(1.0, split.Distribution(0, "bulk").Fractions[6], 12);
            Assert.True(split.Distribution(0, "gb").Mean < 6);
        }
    }

    [Fact]
    public void AFlatProfileIsAnErrorNotABoundary()
    {
        var e = Assert.Throws<InputException>(() => BoundaryDetector.Detect(Enumerable.Repeat(0.1, 50).ToArray(), Enumerable.Repeat(1.0, 50).ToArray(), 2, 40));
        Assert.Contains("--planes", e.Message);
    }

    [Fact]
    public void OneSharpPeakIsFoundWhereItIs()
    {
        double[] profile = new double[100];
        for (int k = 0; k < 100; k++)
        {
            profile[k] = Math.Exp(-Math.Pow((k + 0.5 - 30.0) / 3, 2));
        }

        DetectedBoundaries found = BoundaryDetector.Detect(profile, Enumerable.Repeat(1.0, 100).ToArray(), 0, 50, count: 1);
        Assert.Single(found.Planes);
        Assert.Equal(0.30, found.Planes[0], 2);
        Assert.Equal(15.0, found.PlanesAngstrom[0], 0.5);
    }
}
