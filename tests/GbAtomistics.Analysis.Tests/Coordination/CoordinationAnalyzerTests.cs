using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Coordination;

public sealed class CoordinationAnalyzerTests
{
    internal static CoordinationResult Compute(CoordinationOptions options, params Frame[] frames)
    {
        var analyzer = new CoordinationAnalyzer(options);
        CoordinationAccumulator acc = analyzer.Begin(frames[0]);
        foreach (Frame f in frames)
        {
            acc.Accumulate(f);
        }

        return analyzer.Finish(acc);
    }

    private static CoordinationOptions Options(string pairs, double cutoff, SlabRegion? region = null, int bins = 10)
    {
        IReadOnlyList<SpeciesPair> list = SpeciesPair.ParseList(pairs);
        return new CoordinationOptions(list, list.Select(_ => cutoff).ToArray(), region, profileBins: bins);
    }

    [Fact]
    public void RockSaltCationAnionIsSixForEveryAtomInEveryRegion()
    {
        double a = 5.64;
        var slab = new SlabRegion(2, [0.26, 0.76], 2.5);
        CoordinationResult result = Compute(Options("Na-Cl,Cl-Na", 0.6 * a, slab), Crystals.Build(Crystals.RockSalt, a, 4));
        Assert.Equal(["all", "gb", "bulk"], result.Regions);
        for (int p = 0; p < 2; p++)
        {
            foreach (string region in result.Regions)
            {
                CoordinationDistribution d = result.Distribution(p, region);
                Assert.True(d.Samples > 0, $"{region} has no atoms");
                Assert.Equal(6, d.Modal);
                Assert.Equal(1.0, d.Fractions[6], 12);
                Assert.Equal(6.0, d.Mean, 12);
                Assert.Equal(0.0, d.StandardDeviation, 12);
            }

            // 8 atomic layers in 10 slabs: empty slabs are NaN, every other slab has CN 6.
            Assert.All(result.Profile(p).Where(double.IsFinite), cn => Assert.Equal(6.0, cn, 12));
            Assert.True(result.Profile(p).Count(double.IsFinite) >= 6);
        }

        Assert.Equal(256, result.Distribution(0, "gb").Samples + result.Distribution(0, "bulk").Samples);
        Assert.All(result.DeviationFraction.Where(double.IsFinite), f => Assert.Equal(0.0, f));
    }

    [Fact]
    public void AntiperovskiteLithiumHasTwoOxygenAndFourChlorine()
    {
        double a = 3.91;
        IReadOnlyList<SpeciesPair> pairs = SpeciesPair.ParseList("Li-O,Li-Cl,O-Li,Cl-Li");
        var options = new CoordinationOptions(pairs, [0.6 * a, 0.8 * a, 0.6 * a, 0.8 * a]);
        CoordinationResult result = Compute(options, Crystals.Build(Crystals.Antiperovskite, a, 3));
        Assert.Equal(1.0, result.Distribution(0, "all").Fractions[2], 12);
        Assert.Equal(1.0, result.Distribution(1, "all").Fractions[4], 12);
        Assert.Equal(1.0, result.Distribution(2, "all").Fractions[6], 12);
        Assert.Equal(1.0, result.Distribution(3, "all").Fractions[12], 12);
        Assert.Equal(81, result.Distribution(0, "all").MeanAtomsPerFrame, 12);
        Assert.Equal(27, result.Distribution(2, "all").MeanAtomsPerFrame, 12);
    }

    [Fact]
    public void IdealGasMeanCoordinationIsDensityTimesSphereVolume()
    {
        var random = new Random(11);
        const int atoms = 1000, frames = 20;
        const double l = 20, rc = 3.0;
        Frame[] gas = Enumerable.Range(0, frames).Select(_ => Crystals.IdealGas(atoms, l, random)).ToArray();
        CoordinationResult result = Compute(Options("Ar-Ar", rc), gas);
        double expected = (atoms - 1) / (l * l * l) * 4.0 / 3.0 * Math.PI * rc * rc * rc;
        // Per-atom counts are Poisson with variance ≈ mean; each pair is counted from both ends, hence the factor 2.
        double sigma = Math.Sqrt(2 * expected / (atoms * frames));
        CoordinationDistribution d = result.Distribution(0, "all");
        Assert.True(Math.Abs(d.Mean - expected) < 5 * sigma, $"mean CN {d.Mean:F4}, expected {expected:F4} ± {sigma:F4}");
        Assert.Equal(Math.Sqrt(expected), d.StandardDeviation, 0.15 * Math.Sqrt(expected));
    }

    [Fact]
    public void ACutOffBeyondTheCellCountsTheAtomsOwnImages()
    {
        // One atom in a simple cubic cell of 3 Å: its six nearest neighbours are all its own periodic images.
        var frame = new Frame { Box = Box.Orthogonal(3, 3, 3), Species = SpeciesMap.Parse("1=Po") };
        frame.Resize(1);
        frame.Ids[0] = 1;
        frame.Types[0] = 1;
        CoordinationResult result = Compute(Options("Po-Po", 3.1), frame);
        Assert.Equal(1.0, result.Distribution(0, "all").Fractions[6], 12);
        CoordinationResult second = Compute(Options("Po-Po", 4.3), frame);
        Assert.Equal(1.0, second.Distribution(0, "all").Fractions[18], 12);
    }

    [Fact]
    public void TheSnapshotCarriesPerAtomColumnsOfTheLastFrame()
    {
        double a = 5.64;
        Frame first = Crystals.Build(Crystals.RockSalt, a, 2);
        Frame last = first.Clone();
        last.Step = 100;
        last.Positions[0] += new Vec3(0.3 * a, 0, 0); // Na moved halfway towards a Cl: its coordination changes
        var slab = new SlabRegion(2, [0.25, 0.75], 1.0);
        CoordinationResult result = Compute(Options("Na-Cl,Cl-Na", 0.6 * a, slab), first, last);
        Frame snapshot = Assert.IsType<Frame>(result.Snapshot);
        Assert.Equal(100, snapshot.Step);
        Assert.Equal(["cn_Na-Cl", "cn_Cl-Na", "in_gb"], snapshot.ExtraNames);
        double[] naCl = snapshot.Extra("cn_Na-Cl")!;
        double[] clNa = snapshot.Extra("cn_Cl-Na")!;
        for (int i = 0; i < snapshot.Count; i++)
        {
            bool sodium = snapshot.SpeciesName(i) == "Na";
            Assert.Equal(-1, sodium ? clNa[i] : naCl[i]);
            Assert.True((sodium ? naCl[i] : clNa[i]) >= 0);
        }

        Assert.NotEqual(6, naCl[0]);
        Assert.Equal(snapshot.Positions[0], last.Positions[0]);
        Assert.Contains(snapshot.Extra("in_gb")!, v => v == 1);
        Assert.Contains(snapshot.Extra("in_gb")!, v => v == 0);
    }

    [Fact]
    public void MergingBlocksEqualsOnePass()
    {
        var random = new Random(3);
        Frame[] frames = Enumerable.Range(0, 6).Select(k =>
        {
            Frame f = Crystals.IdealGas(300, 14, random);
            f.Step = k;
            return f;
        }).ToArray();
        var slab = new SlabRegion(2, [0.5], 3);
        var analyzer = new CoordinationAnalyzer(Options("Ar-Ar", 3.2, slab));
        CoordinationAccumulator one = analyzer.Begin(frames[0]);
        CoordinationAccumulator a = analyzer.Begin(frames[0]);
        CoordinationAccumulator b = analyzer.Begin(frames[0]);
        for (int f = 0; f < frames.Length; f++)
        {
            one.Accumulate(frames[f]);
            (f % 2 == 0 ? a : b).Accumulate(frames[f]);
        }

        a.Merge(b);
        CoordinationResult r1 = analyzer.Finish(one), r2 = analyzer.Finish(a);
        Assert.Equal(r1.ToDistributionCsv(), r2.ToDistributionCsv());
        Assert.Equal(r1.ToProfileCsv(), r2.ToProfileCsv());
        Assert.Equal(5, r2.Snapshot!.Step);
        Assert.Equal(frames[5].Positions[7], r2.Snapshot.Positions[7]);
    }

    [Fact]
    public void BadOptionsNameTheirCliOption()
    {
        var pairs = SpeciesPair.ParseList("Na-Cl");
        Assert.Contains("--cutoff", Assert.Throws<InputException>(() => new CoordinationOptions(pairs, [-1.0])).Message);
        Assert.Contains("--profile-bins", Assert.Throws<InputException>(() => new CoordinationOptions(pairs, [3.0], profileBins: 0)).Message);
        var analyzer = new CoordinationAnalyzer(new CoordinationOptions(SpeciesPair.ParseList("Na-S"), [3.0]));
        Assert.Contains("'S'", Assert.Throws<InputException>(() => analyzer.Begin(Crystals.Build(Crystals.RockSalt, 5.64, 1))).Message);
    }

    [Fact]
    public void CutoffSpecReadsAutoOneDistanceOrPerPairValues()
    {
        var liO = new SpeciesPair("Li", "O");
        var oLi = new SpeciesPair("O", "Li");
        Assert.Null(CutoffSpec.Parse(null).For(liO));
        Assert.Null(CutoffSpec.Parse("auto").For(liO));
        Assert.Equal(2.6, CutoffSpec.Parse("2.6").For(oLi));
        CutoffSpec mixed = CutoffSpec.Parse("Li-O=2.5, O-Li=auto");
        Assert.Equal(2.5, mixed.For(liO));
        Assert.Null(mixed.For(oLi));
        Assert.Null(mixed.For(new SpeciesPair("O", "O")));
        Assert.Contains("--cutoff", Assert.Throws<InputException>(() => CutoffSpec.Parse("Li-O=-2")).Message);
        Assert.Contains("--cutoff", Assert.Throws<InputException>(() => CutoffSpec.Parse("two")).Message);
    }
}
