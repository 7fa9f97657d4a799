using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Rdf;

/// <summary>
/// Partial RDFs without the total, found by the loop over the requested species pairs only, against a direct count
/// over all atom pairs and images (r_max above half the cell width) and against the all-atom loop bin by bin.
/// </summary>
public sealed class RdfSpeciesFilteredTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (string pairs in new[] { "Li-O", "O-O", "O-Li,Cl-Cl", "Li-O,Li-Li,Cl-O" })
        {
            foreach (string geometry in new[] { "orthogonal", "triclinic" })
            {
                yield return [geometry, pairs, false];
                yield return [geometry, pairs, true];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RequestedPairsEqualADirectCountAndTheAllAtomLoop(string geometry, string pairList, bool withRegion)
    {
        Box box = geometry == "orthogonal"
            ? Box.Orthogonal(9, 10, 11)
            : Box.FromLammps(new LammpsBoxParameters(0, 9, 0, 10, 0, 11, 2.5, -1.5, 1.0), PeriodicFlags.All);
        var random = new Random(pairList.Length + geometry.Length + (withRegion ? 1 : 0));
        Frame[] frames = Enumerable.Range(0, 3)
            .Select(f => RdfBruteForceTests.RandomFrame(new Box((1 + (0.03 * f)) * box.H, box.Origin, box.Periodic), 400, random))
            .ToArray();
        IReadOnlyList<SpeciesPair> pairs = SpeciesPair.ParseList(pairList);
        SlabRegion? region = withRegion ? new SlabRegion(2, [0.3], 2.0) : null;
        var options = new RdfOptions(RdfBruteForceTests.RMax, RdfBruteForceTests.Bins, pairs, region) { Total = false };
        (RdfResult filtered, RdfAccumulator accumulator) = Compute(options, frames);
        (RdfResult allAtoms, _) = Compute(options with { Total = true }, frames);

        Assert.Equal(frames.Length, accumulator.ChosenPairs!.FramesVisited); // the species-filtered loop ran
        (double[][] g, double[][] n) = RdfBruteForceTests.Direct(frames, pairs, region);
        for (int p = 0; p < pairs.Count; p++)
        {
            Assert.Contains(g[p], v => v > 0);
            for (int k = 0; k < RdfBruteForceTests.Bins; k++)
            {
                Assert.True(Math.Abs(filtered.G(p)[k] - g[p][k]) <= 1e-12 * Math.Max(1, g[p][k]), $"g_{pairs[p]} bin {k}");
                Assert.True(Math.Abs(filtered.Cumulative(p)[k] - n[p][k]) <= 1e-12 * Math.Max(1, n[p][k]), $"n_{pairs[p]} bin {k}");
                Assert.Equal(allAtoms.G(p)[k], filtered.G(p)[k]); // the same counts in the same arithmetic
                Assert.Equal(allAtoms.Cumulative(p)[k], filtered.Cumulative(p)[k]);
            }

            Assert.Equal(allAtoms.MeanCentral(p), filtered.MeanCentral(p));
        }

        Assert.All(filtered.Total.G, v => Assert.True(double.IsNaN(v)));
        Assert.All(filtered.Total.Cumulative, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void EveryPairRequestedKeepsTheAllAtomLoop()
    {
        Box box = Box.Orthogonal(9, 10, 11);
        Frame frame = RdfBruteForceTests.RandomFrame(box, 300, new Random(4));
        var options = new RdfOptions(4.0, 40, SpeciesPair.ParseList("Li-Li,Li-O,Li-Cl,O-O,O-Cl,Cl-Cl")) { Total = false };
        (_, RdfAccumulator accumulator) = Compute(options, frame);
        Assert.Equal(0, accumulator.ChosenPairs!.FramesVisited);
    }

    [Fact]
    public void ScansOfMoreDistancesThanOneBatchCountTheSame()
    {
        // 2 000 atoms in a 3 Å cube with r_max = 5 Å: one bin per axis, so one scan holds the Li atoms of a whole
        // image (about 1 140, all within r_max), more distances than the distance path gathers into one batch.
        Frame frame = RdfBruteForceTests.RandomFrame(Box.Orthogonal(3, 3, 3), 2000, new Random(9));
        var options = new RdfOptions(5.0, 50, SpeciesPair.ParseList("Li-Li,O-Li")) { Total = false };
        (RdfResult filtered, RdfAccumulator accumulator) = Compute(options, frame);
        (RdfResult allAtoms, _) = Compute(options with { Total = true }, frame);
        Assert.Equal(1, accumulator.ChosenPairs!.FramesVisited);
        for (int p = 0; p < 2; p++)
        {
            Assert.Equal(allAtoms.G(p), filtered.G(p));
            Assert.Equal(allAtoms.Cumulative(p), filtered.Cumulative(p));
        }
    }

    private static (RdfResult Result, RdfAccumulator Accumulator) Compute(RdfOptions options, params Frame[] frames)
    {
        var analyzer = new RdfAnalyzer(options);
        RdfAccumulator accumulator = analyzer.Begin(frames[0]);
        foreach (Frame f in frames)
        {
            accumulator.Accumulate(f);
        }

        return (analyzer.Finish(accumulator), accumulator);
    }
}
