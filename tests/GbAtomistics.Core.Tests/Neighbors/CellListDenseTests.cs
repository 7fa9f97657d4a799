using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Core.Tests.Neighbors;

/// <summary>
/// The cell list at liquid-like densities, where it splits the cut-off into two or three bins and drops offsets
/// that cannot hold a pair, and when it is rebuilt for frames of other boxes and sizes.
/// </summary>
public sealed class CellListDenseTests
{
    private static readonly Box Orthogonal = Box.Orthogonal(12, 10, 11, new Vec3(-3, 2, 0.5));
    private static readonly Box Triclinic = Box.FromLammps(new LammpsBoxParameters(0, 10, 0, 9, 0, 11, 3.5, -2.0, 1.5), PeriodicFlags.All);
    private static readonly Box Slab = Box.FromLammps(new LammpsBoxParameters(0, 10, 0, 9, 0, 20, 2.0, 0, 0), new PeriodicFlags(true, true, false));

    private struct Collector : IPairVisitor
    {
        public List<(int, int, double)> Pairs;

        public void Visit(int i, int j, double distanceSquared) =>
            Pairs.Add(i <= j ? (i, j, distanceSquared) : (j, i, distanceSquared));
    }

    public static IEnumerable<object[]> Cases()
    {
        // Half an atom per Å³: cut-offs of 2.5, 4.2 and 6.2 Å give one, two and three bins per cut-off; 6.2 and 7.5 Å
        // are beyond half the smallest width of every cell.
        foreach (double cutoff in new[] { 2.5, 4.2, 6.2, 7.5 })
        {
            yield return ["orthogonal", cutoff];
            yield return ["triclinic", cutoff];
            yield return ["slab", cutoff];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DenseAtomsGiveExactlyTheBruteForcePairs(string name, double cutoff)
    {
        Box box = BoxNamed(name);
        Vec3[] positions = RandomPositions(box, (int)(box.Volume / 2), 11 + (int)(10 * cutoff));
        var collector = new Collector { Pairs = [] };
        new CellList(box, positions, cutoff).VisitPairs(ref collector);
        AssertSamePairs(BruteForce(box, positions, cutoff), Sorted(collector.Pairs));
    }

    [Fact]
    public void RebuildForOtherBoxesAndSizesGivesTheBruteForcePairs()
    {
        CellList? cells = null;
        int seed = 3;
        foreach ((Box box, int atoms) in new[] { (Orthogonal, 600), (Triclinic, 800), (Slab, 300), (Orthogonal, 50), (Triclinic, 0), (Triclinic, 500) })
        {
            Vec3[] positions = RandomPositions(box, atoms, seed++);
            if (cells is null)
            {
                cells = new CellList(box, positions, 4.0);
            }
            else
            {
                cells.Rebuild(box, positions);
            }

            Assert.Same(box, cells.Box);
            Assert.Equal(atoms, cells.Count);
            var collector = new Collector { Pairs = [] };
            cells.VisitPairs(ref collector);
            AssertSamePairs(BruteForce(box, positions, 4.0), Sorted(collector.Pairs));
        }
    }

    /// <summary>
    /// A simple cubic lattice of 1 Å in a 12 Å cube, 1 728 atoms: with a 2 Å cut-off the bins are 2 Å cut into 0.5 Å
    /// slices, so atoms sit exactly on bin and slice walls, and the shells (6 at 1 Å, 12 at √2, 8 at √3, 6 at 2, 24 at
    /// √5 Å) lie at the distances tested: a reach rounded the wrong way loses or gains a whole shell. Every atom must
    /// count its shells, from the list itself and as a central atom visiting it.
    /// </summary>
    [Theory]
    [InlineData(1.0 + 1e-9, 6)]
    [InlineData(2.0 - 1e-9, 26)]
    [InlineData(2.0 + 1e-9, 32)]
    [InlineData(2.3, 56)]
    public void LatticeAtomsOnBinAndSliceWallsCountWholeShells(double cutoff, int neighbours)
    {
        Box box = Box.Orthogonal(12, 12, 12, new Vec3(-6, 0, 3));
        Vec3[] positions = Enumerable.Range(0, 12 * 12 * 12)
            .Select(k => box.Origin + new Vec3(k / 144, k / 12 % 12, k % 12))
            .ToArray();
        var cells = new CellList(box, positions, cutoff);
        var within = new Collector { Pairs = [] };
        cells.VisitPairs(ref within);
        var from = new Collector { Pairs = [] };
        cells.VisitPairsFrom(positions, Enumerable.Range(0, positions.Length).ToArray(), ref from);

        Assert.Equal(positions.Length * neighbours / 2, within.Pairs.Count);
        Assert.Equal(positions.Length * neighbours, from.Pairs.Count);
        // The collector stores each pair as (lower, higher) index: an atom's degree is the count of both ends, and the
        // ordered visit (i, j), (j, i) gives each pair twice.
        Assert.All(Degrees(within.Pairs), c => Assert.Equal(neighbours, c.Value));
        Assert.All(Degrees(from.Pairs), c => Assert.Equal(2 * neighbours, c.Value));
        Assert.Equal(positions.Length, Degrees(within.Pairs).Count());
    }

    private static IEnumerable<KeyValuePair<int, int>> Degrees(List<(int, int, double)> pairs) =>
        pairs.SelectMany(p => new[] { p.Item1, p.Item2 }).CountBy(i => i);

    private static Box BoxNamed(string name) => name switch
    {
        "orthogonal" => Orthogonal,
        "triclinic" => Triclinic,
        _ => Slab,
    };

    /// <summary>Every image pair within the cut-off by explicit enumeration of lattice translations.</summary>
    private static List<(int, int, double)> BruteForce(Box box, Vec3[] positions, double cutoff)
    {
        var pairs = new List<(int, int, double)>();
        Vec3 w = box.PerpendicularWidths;
        int ka = box.Periodic.A ? (int)Math.Ceiling(cutoff / w.X) + 1 : 0;
        int kb = box.Periodic.B ? (int)Math.Ceiling(cutoff / w.Y) + 1 : 0;
        int kc = box.Periodic.C ? (int)Math.Ceiling(cutoff / w.Z) + 1 : 0;
        var images = new List<(Vec3 Shift, bool Positive)>();
        for (int a = -ka; a <= ka; a++)
        for (int b = -kb; b <= kb; b++)
        for (int c = -kc; c <= kc; c++)
        {
            images.Add(((a * box.A) + (b * box.B) + (c * box.C), a > 0 || (a == 0 && (b > 0 || (b == 0 && c > 0)))));
        }

        // Atoms as the cell list sees them: wrapped into the cell along periodic axes.
        Vec3[] wrapped = positions.Select(box.Wrap).ToArray();
        for (int i = 0; i < wrapped.Length; i++)
        {
            for (int j = i; j < wrapped.Length; j++)
            {
                foreach ((Vec3 shift, bool positive) in images)
                {
                    if (i == j && !positive)
                    {
                        continue;
                    }

                    Vec3 d = wrapped[j] + shift - wrapped[i];
                    if (d.LengthSquared < cutoff * cutoff)
                    {
                        pairs.Add((i, j, d.LengthSquared));
                    }
                }
            }
        }

        return Sorted(pairs);
    }

    private static List<(int, int, double)> Sorted(List<(int, int, double)> pairs) =>
        pairs.OrderBy(p => p.Item1).ThenBy(p => p.Item2).ThenBy(p => p.Item3).ToList();

    private static Vec3[] RandomPositions(Box box, int n, int seed)
    {
        double spill = box.Periodic.C ? 0.3 : 0;
        var random = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(_ => box.ToCartesian(new Vec3(
                (random.NextDouble() * (1 + (2 * spill))) - spill,
                (random.NextDouble() * (1 + (2 * spill))) - spill,
                (random.NextDouble() * (1 + (2 * spill))) - spill)))
            .ToArray();
    }

    private static void AssertSamePairs(List<(int, int, double)> expected, List<(int, int, double)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k].Item1, actual[k].Item1);
            Assert.Equal(expected[k].Item2, actual[k].Item2);
            Assert.True(
                Math.Abs(expected[k].Item3 - actual[k].Item3) <= 1e-9 * Math.Max(1, expected[k].Item3),
                $"pair {expected[k].Item1}-{expected[k].Item2}: r² {expected[k].Item3:R} by brute force, {actual[k].Item3:R} from the cell list");
        }
    }
}
