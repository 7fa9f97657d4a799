using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis.Tests.Rdf;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Analysis.Tests;

/// <summary>
/// The cell lists of one frame shared by the analyses of a pass: one build per atom subset and cut-off within a
/// frame's scope, never for other positions, and the same numbers as when every analysis builds its own.
/// </summary>
public sealed class CellListPoolTests
{
    [Fact]
    public void WithinAFramesScopeOneListServesEveryRequestForTheSameAtomsAndCutoff()
    {
        Frame frame = RdfBruteForceTests.RandomFrame(Box.Orthogonal(9, 10, 11), 300, new Random(1));
        Frame other = RdfBruteForceTests.RandomFrame(Box.Orthogonal(9, 10, 11), 300, new Random(1));
        ReadOnlySpan<Vec3> positions = frame.Positions.AsSpan(0, frame.Count);
        int[] oxygen = Enumerable.Range(0, frame.Count).Where(i => frame.Types[i] == 2).ToArray();
        using (CellListPool.Share(frame))
        {
            CellList all = CellListPool.Rent(frame.Box, positions, 4.0);
            CellListPool.Return(all);
            Assert.Same(all, CellListPool.Rent(frame.Box, positions, 4.0));
            Assert.NotSame(all, CellListPool.Rent(frame.Box, positions, 3.5));
            CellList subset = CellListPool.Rent(frame.Box, positions, oxygen, 4.0);
            Assert.NotSame(all, subset);
            Assert.Same(subset, CellListPool.Rent(frame.Box, positions, oxygen.ToArray(), 4.0)); // same atoms, other array
            Assert.NotSame(subset, CellListPool.Rent(frame.Box, positions, oxygen[1..], 4.0));

            // Positions of another frame (equal values, other memory) are not the scope's: never shared.
            CellList copy = CellListPool.Rent(other.Box, other.Positions.AsSpan(0, other.Count), 4.0);
            Assert.NotSame(all, copy);
            CellListPool.Return(copy);
            Assert.Throws<InvalidOperationException>(() => CellListPool.Share(other));
        }

        // The scope is closed: a request builds (or rebuilds) a list of its own.
        CellList first = CellListPool.Rent(frame.Box, positions, 4.0);
        Assert.NotSame(first, CellListPool.Rent(frame.Box, positions, 4.0));
    }

    [Fact]
    public void AnalysesSharingListsGiveTheNumbersTheyGiveAlone()
    {
        Box box = Box.FromLammps(new LammpsBoxParameters(0, 9, 0, 10, 0, 11, 2.5, -1.5, 1.0), PeriodicFlags.All);
        var random = new Random(7);
        Frame[] frames = Enumerable.Range(0, 3)
            .Select(f => RdfBruteForceTests.RandomFrame(new Box((1 + (0.03 * f)) * box.H, box.Origin, box.Periodic), 400, random))
            .ToArray();
        var region = new SlabRegion(2, [0.3], 2.0);
        RdfAnalyzer[] rdf =
        [
            new(new RdfOptions(4.0, 40)),
            new(new RdfOptions(4.0, 40, region: region)), // the same all-atom list as the first
            new(new RdfOptions(4.0, 40, SpeciesPair.ParseList("Li-O")) { Total = false }), // a list of O only
            new(new RdfOptions(4.0, 40, SpeciesPair.ParseList("Cl-O")) { Total = false }), // the same O list
        ];
        var coordination = new CoordinationAnalyzer(new CoordinationOptions(SpeciesPair.ParseList("Li-O,O-O"), [4.0, 3.0]));

        (RdfResult[] alone, CoordinationResult aloneCn) = Run(rdf, coordination, frames, share: false);
        (RdfResult[] shared, CoordinationResult sharedCn) = Run(rdf, coordination, frames, share: true);
        for (int a = 0; a < rdf.Length; a++)
        {
            for (int p = 0; p <= alone[a].Pairs.Count; p++)
            {
                Assert.Equal(alone[a].G(p), shared[a].G(p)); // p = Pairs.Count: the total (NaN without it)
                Assert.Equal(alone[a].Cumulative(p), shared[a].Cumulative(p));
            }

            Assert.Contains(shared[a].G(0), v => v > 0);
        }

        for (int p = 0; p < 2; p++)
        {
            Assert.Equal(aloneCn.Distribution(p, "all").Counts, sharedCn.Distribution(p, "all").Counts);
            Assert.Equal(aloneCn.Profile(p), sharedCn.Profile(p));
        }
    }

    private static (RdfResult[] Rdf, CoordinationResult Coordination) Run(
        RdfAnalyzer[] rdf, CoordinationAnalyzer coordination, Frame[] frames, bool share)
    {
        RdfAccumulator[] accumulators = rdf.Select(a => a.Begin(frames[0])).ToArray();
        CoordinationAccumulator cn = coordination.Begin(frames[0]);
        foreach (Frame f in frames)
        {
            using CellListPool.Scope scope = share ? CellListPool.Share(f) : default;
            foreach (RdfAccumulator a in accumulators)
            {
                a.Accumulate(f);
            }

            cn.Accumulate(f);
        }

        return (rdf.Select((a, k) => a.Finish(accumulators[k])).ToArray(), coordination.Finish(cn));
    }
}
