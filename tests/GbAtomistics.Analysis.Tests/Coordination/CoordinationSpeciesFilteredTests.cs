using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Tests.Rdf;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Coordination;

/// <summary>
/// Coordination numbers found by the loop over the requested species pairs only (A–B pairs from a list of B, A–A
/// within a list of A, a list shared by two pairs) against a direct count over every atom pair and lattice
/// translation, atom by atom, with cut-offs above half the cell width in orthogonal and triclinic cells.
/// </summary>
public sealed class CoordinationSpeciesFilteredTests
{
    [Theory]
    [InlineData("orthogonal")]
    [InlineData("triclinic")]
    public void EveryAtomsCoordinationEqualsADirectCount(string geometry)
    {
        Box box = geometry == "orthogonal"
            ? Box.Orthogonal(7, 7.5, 8)
            : Box.FromLammps(new LammpsBoxParameters(0, 7, 0, 7.5, 0, 8, 2.0, -1.5, 1.2), PeriodicFlags.All);
        var random = new Random(geometry.Length);
        Frame[] frames = Enumerable.Range(0, 2)
            .Select(f => RdfBruteForceTests.RandomFrame(new Box((1 + (0.04 * f)) * box.H, box.Origin, box.Periodic), 160, random))
            .ToArray();
        frames[1].Step = 100;
        IReadOnlyList<SpeciesPair> pairs = SpeciesPair.ParseList("Li-O,O-O,Cl-Li");
        double[] cutoffs = [4.3, 4.1, 4.5];
        Assert.All(cutoffs, c => Assert.True(c > 0.5 * box.PerpendicularWidths.Z));
        var options = new CoordinationOptions(pairs, cutoffs);
        var analyzer = new CoordinationAnalyzer(options);
        CoordinationAccumulator accumulator = analyzer.Begin(frames[0]);
        foreach (Frame frame in frames)
        {
            accumulator.Accumulate(frame); // the snapshot is the last frame
        }

        Assert.Equal(frames.Length, accumulator.ChosenPairs.FramesVisited);
        Frame last = frames[^1];
        Frame snapshot = accumulator.Snapshot!;
        for (int p = 0; p < pairs.Count; p++)
        {
            int[] expected = Direct(last, pairs[p], cutoffs[p]);
            Assert.Contains(expected, cn => cn > 0);
            for (int i = 0; i < last.Count; i++)
            {
                Assert.Equal(expected[i], (int)snapshot.Extra(p)[i]);
            }
        }

        // The distributions over both frames agree with the direct counts too.
        CoordinationResult result = analyzer.Finish(accumulator);
        for (int p = 0; p < pairs.Count; p++)
        {
            int[] all = frames.SelectMany(f => Direct(f, pairs[p], cutoffs[p]).Where(cn => cn >= 0)).ToArray();
            Assert.Equal(all.Average(), result.Distribution(p, "all").Mean, 12);
        }
    }

    /// <summary>Per atom: the number of atoms of the neighbour species and their images within the cut-off, or −1.</summary>
    private static int[] Direct(Frame f, SpeciesPair pair, double cutoff)
    {
        Box box = f.Box;
        var cn = new int[f.Count];
        for (int i = 0; i < f.Count; i++)
        {
            if (f.SpeciesName(i) != pair.Central)
            {
                cn[i] = -1;
                continue;
            }

            for (int j = 0; j < f.Count; j++)
            {
                if (f.SpeciesName(j) != pair.Neighbour)
                {
                    continue;
                }

                for (int a = -2; a <= 2; a++)
                for (int b = -2; b <= 2; b++)
                for (int c = -2; c <= 2; c++)
                {
                    if (i == j && a == 0 && b == 0 && c == 0)
                    {
                        continue;
                    }

                    Vec3 d = f.Positions[j] + (a * box.A) + (b * box.B) + (c * box.C) - f.Positions[i];
                    cn[i] += d.LengthSquared < cutoff * cutoff ? 1 : 0;
                }
            }
        }

        return cn;
    }
}
