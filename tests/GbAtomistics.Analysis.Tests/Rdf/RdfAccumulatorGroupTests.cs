using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Rdf;

/// <summary>
/// RDFs of the whole cell, the boundary slabs and the bulk accumulated over one traversal of the pairs: the same
/// numbers, bit for bit, as each accumulated alone, merged over blocks of frames as the runner merges lanes.
/// </summary>
public sealed class RdfAccumulatorGroupTests
{
    [Theory]
    [InlineData("orthogonal", true)]
    [InlineData("triclinic", true)]
    [InlineData("triclinic", false)]
    public void OneTraversalGivesEachRegionsNumbersAsAlone(string geometry, bool total)
    {
        Box box = geometry == "orthogonal"
            ? Box.Orthogonal(9, 10, 11)
            : Box.FromLammps(new LammpsBoxParameters(0, 9, 0, 10, 0, 11, 2.5, -1.5, 1.0), PeriodicFlags.All);
        var random = new Random(3);
        Frame[] frames = Enumerable.Range(0, 4)
            .Select(f => RdfBruteForceTests.RandomFrame(new Box((1 + (0.03 * f)) * box.H, box.Origin, box.Periodic), 400, random))
            .ToArray();
        var gb = new SlabRegion(2, [0.25, 0.75], 2.0);
        IReadOnlyList<SpeciesPair>? pairs = total ? null : SpeciesPair.ParseList("Li-O,O-O");
        RdfAnalyzer[] analyzers =
        [
            new(new RdfOptions(5.5, 55, pairs) { Total = total }),
            new(new RdfOptions(5.5, 55, pairs, gb) { Total = total }),
            new(new RdfOptions(5.5, 55, pairs, gb.Invert("bulk")) { Total = total }),
        ];

        // Alone, one accumulator each per block of frames, merged in order (as the runner merges its lanes; the sums
        // of a block are added in that order, so the blocks must be the same to compare bit for bit).
        RdfResult[] alone = analyzers.Select(a =>
        {
            RdfAccumulator first = a.Begin(frames[0]), second = a.Begin(frames[0]);
            Array.ForEach(frames[..2], first.Accumulate);
            Array.ForEach(frames[2..], second.Accumulate);
            first.Merge(second);
            return a.Finish(first);
        }).ToArray();

        // Grouped, over the same blocks.
        RdfAccumulatorGroup Group() => new(analyzers.Select(a => a.Begin(frames[0])).ToArray());
        RdfAccumulatorGroup first = Group(), second = Group();
        Array.ForEach(frames[..2], first.Accumulate);
        Array.ForEach(frames[2..], second.Accumulate);
        first.Merge(second);
        Assert.Equal(first.Members.Sum(m => m.Sums().Length), first.Sums().Length);

        for (int a = 0; a < analyzers.Length; a++)
        {
            RdfResult grouped = analyzers[a].Finish(first.Members[a]);
            Assert.Equal(frames.Length, grouped.Frames);
            for (int p = 0; p <= alone[a].Pairs.Count; p++)
            {
                Assert.Equal(alone[a].G(p), grouped.G(p)); // p = Pairs.Count: the total (NaN without it)
                Assert.Equal(alone[a].Cumulative(p), grouped.Cumulative(p));
            }

            Assert.Contains(grouped.G(0), v => v > 0);
        }

        // The regions differ (the test would not see a member counted with another's region).
        Assert.NotEqual(alone[1].G(0), alone[2].G(0));
    }
}
