using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Rdf;

public sealed class RdfAnalyzerTests
{
    private static RdfResult Compute(RdfOptions options, params Frame[] frames)
    {
        var analyzer = new RdfAnalyzer(options);
        RdfAccumulator acc = analyzer.Begin(frames[0]);
        foreach (Frame f in frames)
        {
            acc.Accumulate(f);
        }

        return analyzer.Finish(acc);
    }

    private static double CumulativeAt(RdfResult result, string pair, double r)
    {
        int p = result.IndexOf(new SpeciesPair(pair.Split('-')[0], pair.Split('-')[1]));
        Assert.True(p >= 0, $"pair {pair} missing");
        int k = (int)(r / (result.Options.RMax / result.Options.Bins)) - 1;
        return result.Cumulative(p)[k];
    }

    [Fact]
    public void IdealGasIsOneWithinItsStatisticalError()
    {
        var random = new Random(42);
        Frame[] frames = Enumerable.Range(0, 20).Select(_ => Crystals.IdealGas(1000, 20, random)).ToArray();
        RdfResult result = Compute(new RdfOptions(9.0, 45), frames);
        var (g, _) = result.Total;
        double density = 999 / 8000.0;
        for (int k = 5; k < result.R.Count; k++)
        {
            double dr = 0.2;
            double r1 = k * dr, r2 = r1 + dr;
            double expectedPairs = 20 * 1000 * density * 4.0 / 3.0 * Math.PI * ((r2 * r2 * r2) - (r1 * r1 * r1));
            double sigma = 1 / Math.Sqrt(expectedPairs / 2); // each pair is counted from both ends
            Assert.True(Math.Abs(g[k] - 1) < 5 * sigma, $"g({result.R[k]:F2}) = {g[k]:F4}, σ = {sigma:F4}");
        }
    }

    [Fact]
    public void FccShellsAreTwelveSixAndTwentyFour()
    {
        double a = 3.615;
        RdfResult result = Compute(new RdfOptions(6.0, 600), Crystals.Build(Crystals.Fcc, a, 4));
        Assert.Equal(12, CumulativeAt(result, "Cu-Cu", 0.85 * a), 9);
        Assert.Equal(18, CumulativeAt(result, "Cu-Cu", 1.1 * a), 9);
        Assert.Equal(42, CumulativeAt(result, "Cu-Cu", 1.3 * a), 9);
    }

    [Fact]
    public void BccShellsAreEightAndSix()
    {
        double a = 2.87;
        RdfResult result = Compute(new RdfOptions(5.0, 500), Crystals.Build(Crystals.Bcc, a, 4));
        Assert.Equal(8, CumulativeAt(result, "Fe-Fe", 0.95 * a), 9);
        Assert.Equal(14, CumulativeAt(result, "Fe-Fe", 1.2 * a), 9);
    }

    [Fact]
    public void RockSaltCationAnionCoordinationIsSix()
    {
        double a = 5.64;
        RdfResult result = Compute(
            new RdfOptions(6.0, 600, SpeciesPair.ParseList("Na-Cl,Cl-Na,Na-Na")), Crystals.Build(Crystals.RockSalt, a, 3));
        Assert.Equal(6, CumulativeAt(result, "Na-Cl", 0.6 * a), 9);
        Assert.Equal(6, CumulativeAt(result, "Cl-Na", 0.6 * a), 9);
        Assert.Equal(12, CumulativeAt(result, "Na-Na", 0.8 * a), 9);
    }

    [Fact]
    public void AntiperovskiteCountsAreRightWhenTheSpeciesCountsDiffer()
    {
        // Li3OCl: 3 Li, 1 O, 1 Cl per cell. Li has 2 O at a/2 and 4 Cl at a/√2; O has 6 Li; Cl has 12 Li.
        double a = 3.91;
        RdfResult result = Compute(
            new RdfOptions(5.0, 500, SpeciesPair.ParseList("Li-O,O-Li,Li-Cl,Cl-Li")), Crystals.Build(Crystals.Antiperovskite, a, 3));
        Assert.Equal(2, CumulativeAt(result, "Li-O", 0.6 * a), 9);
        Assert.Equal(6, CumulativeAt(result, "O-Li", 0.6 * a), 9);
        Assert.Equal(4, CumulativeAt(result, "Li-Cl", 0.8 * a), 9);
        Assert.Equal(12, CumulativeAt(result, "Cl-Li", 0.8 * a), 9);
        // The Li-O peak integrates to the same pair count from either side: N_Li n_LiO = N_O n_OLi.
        Assert.Equal(3 * 2, 1 * CumulativeAt(result, "O-Li", 0.6 * a), 9);
    }

    [Fact]
    public void ASmallCellBeyondHalfItsWidthMatchesItsReplicatedSupercell()
    {
        double a = 3.91;
        var options = new RdfOptions(9.0, 90, SpeciesPair.ParseList("Li-O,Li-Cl,Li-Li"));
        RdfResult small = Compute(options, Jiggle(Crystals.Build(Crystals.Antiperovskite, a, 2), 1, 0.2));
        RdfResult big = Compute(options, Replicate(Jiggle(Crystals.Build(Crystals.Antiperovskite, a, 2), 1, 0.2), 3));
        // Li-Li normalises with ρ = (N_Li − 1)/V, which differs between 24 and 648 Li by the factor 23/24 : 647/648;
        // the neighbour counts themselves must agree exactly.
        double[] densityRatio = [1, 1, (647.0 / 648) / (23.0 / 24)];
        for (int p = 0; p < 3; p++)
        {
            for (int k = 0; k < 90; k++)
            {
                Assert.Equal(big.Cumulative(p)[k], small.Cumulative(p)[k], 9);
                Assert.Equal(big.G(p)[k], small.G(p)[k] / densityRatio[p], 9);
            }
        }
    }

    [Fact]
    public void AnEquivalentSkewedCellGivesTheSameRdf()
    {
        Frame ortho = Jiggle(Crystals.Build(Crystals.RockSalt, 5.64, 2), 5, 0.3);
        Frame skewed = ortho.Clone();
        Box b = ortho.Box;
        // The same lattice described by a' = a, b' = b + a, c' = c − b: a unimodular change of basis.
        skewed.Box = Box.FromVectors(b.A, b.B + b.A, b.C - b.B, b.Origin);
        for (int i = 0; i < skewed.Count; i++)
        {
            skewed.Positions[i] = skewed.Box.Wrap(skewed.Positions[i]);
        }

        var options = new RdfOptions(7.0, 70);
        RdfResult r1 = Compute(options, ortho);
        RdfResult r2 = Compute(options, skewed);
        for (int p = 0; p < r1.Pairs.Count; p++)
        {
            for (int k = 0; k < 70; k++)
            {
                Assert.Equal(r1.Cumulative(p)[k], r2.Cumulative(p)[k], 9);
            }
        }
    }

    [Fact]
    public void APerfectCrystalsRegionRdfEqualsItsBulkRdf()
    {
        Frame crystal = Crystals.Build(Crystals.Antiperovskite, 3.91, 4);
        var pairs = SpeciesPair.ParseList("Li-O,Li-Cl,O-Li");
        var slab = new SlabRegion(2, [0.26, 0.76], 2.0);
        RdfResult all = Compute(new RdfOptions(6.0, 60, pairs), crystal);
        RdfResult gb = Compute(new RdfOptions(6.0, 60, pairs, slab), crystal);
        RdfResult bulk = Compute(new RdfOptions(6.0, 60, pairs, slab.Invert()), crystal);
        Assert.True(gb.MeanCentral(0) > 0 && bulk.MeanCentral(0) > 0);
        for (int p = 0; p < pairs.Count; p++)
        {
            for (int k = 0; k < 60; k++)
            {
                Assert.Equal(all.G(p)[k], gb.G(p)[k], 9);
                Assert.Equal(all.G(p)[k], bulk.G(p)[k], 9);
            }
        }
    }

    [Fact]
    public void MergingBlocksEqualsOnePass()
    {
        var random = new Random(5);
        Frame[] frames = Enumerable.Range(0, 6).Select(_ => Crystals.IdealGas(200, 12, random)).ToArray();
        var analyzer = new RdfAnalyzer(new RdfOptions(5.0, 25));
        RdfAccumulator one = analyzer.Begin(frames[0]);
        RdfAccumulator first = analyzer.Begin(frames[0]);
        RdfAccumulator second = analyzer.Begin(frames[0]);
        for (int f = 0; f < frames.Length; f++)
        {
            one.Accumulate(frames[f]);
            (f < 3 ? first : second).Accumulate(frames[f]);
        }

        first.Merge(second);
        RdfResult a = analyzer.Finish(one);
        RdfResult b = analyzer.Finish(first);
        Assert.Equal(a.Frames, b.Frames);
        for (int k = 0; k < 25; k++)
        {
            Assert.Equal(a.Total.G[k], b.Total.G[k], 12);
        }
    }

    [Fact]
    public void UnknownSpeciesAreNamedInTheError()
    {
        Frame crystal = Crystals.Build(Crystals.RockSalt, 5.64, 2);
        var analyzer = new RdfAnalyzer(new RdfOptions(5.0, 10, SpeciesPair.ParseList("Na-S")));
        var e = Assert.Throws<InputException>(() => analyzer.Begin(crystal));
        Assert.Contains("'S'", e.Message);
        Assert.Contains("Na, Cl", e.Message);
    }

    private static Frame Jiggle(Frame frame, int seed, double amplitude)
    {
        var random = new Random(seed);
        for (int i = 0; i < frame.Count; i++)
        {
            frame.Positions[i] += new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * amplitude;
        }

        return frame;
    }

    private static Frame Replicate(Frame frame, int n)
    {
        var big = new Frame
        {
            Box = Box.FromVectors(n * frame.Box.A, n * frame.Box.B, n * frame.Box.C, frame.Box.Origin),
            Species = frame.Species,
        };
        big.Resize(frame.Count * n * n * n);
        int k = 0;
        for (int x = 0; x < n; x++)
        for (int y = 0; y < n; y++)
        for (int z = 0; z < n; z++)
        {
            for (int i = 0; i < frame.Count; i++)
            {
                big.Ids[k] = k + 1;
                big.Types[k] = frame.Types[i];
                big.Positions[k] = frame.Positions[i] + (x * frame.Box.A) + (y * frame.Box.B) + (z * frame.Box.C);
                k++;
            }
        }

        return big;
    }
}
