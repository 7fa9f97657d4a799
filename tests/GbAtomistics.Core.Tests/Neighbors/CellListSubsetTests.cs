using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Core.Tests.Neighbors;

/// <summary>
/// A cell list built over a subset of the atoms, visited within the subset (each pair once) or from another subset
/// (ordered central–neighbour pairs), against an explicit enumeration of lattice translations: orthogonal, triclinic
/// and slab cells, cut-offs from below to beyond the cell width, central atoms outside the range of the list's atoms
/// along an open axis.
/// </summary>
public sealed class CellListSubsetTests
{
    private struct Collector : IPairVisitor
    {
        public List<(int, int, double)> Pairs;

        public void Visit(int i, int j, double distanceSquared) => Pairs.Add((i, j, distanceSquared));
    }

    public static IEnumerable<object[]> Cases()
    {
        Box ortho = Box.Orthogonal(12, 10, 11, new Vec3(-3, 2, 0.5));
        Box tri = Box.FromLammps(new LammpsBoxParameters(0, 10, 0, 9, 0, 11, 3.5, -2.0, 1.5), PeriodicFlags.All);
        Box slab = Box.FromLammps(new LammpsBoxParameters(0, 10, 0, 9, 0, 20, 2.0, 0, 0), new PeriodicFlags(true, true, false));
        foreach (double cutoff in new[] { 2.5, 5.6, 7.5, 13.0 })
        {
            yield return ["orthogonal", ortho, cutoff];
            yield return ["triclinic", tri, cutoff];
            yield return ["slab", slab, cutoff];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CentralsOfOneSpeciesAgainstAListOfAnotherFindEveryImageOnce(string name, Box box, double cutoff)
    {
        (Vec3[] positions, int[] a, int[] b) = RandomSpecies(box, 90, name.Length + (int)(10 * cutoff));
        var list = new CellList(box, positions, b, cutoff);
        Assert.Equal(b.Length, list.Count);
        var collector = new Collector { Pairs = [] };
        list.VisitPairsFrom(positions, a, ref collector);
        AssertSamePairs(Directed(box, positions, a, b, cutoff), Sorted(collector.Pairs));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CentralsThatAreInTheListSkipOnlyThemselvesAtZeroShift(string name, Box box, double cutoff)
    {
        (Vec3[] positions, int[] a, int[] b) = RandomSpecies(box, 70, name.Length + (int)(10 * cutoff) + 1);
        int[] centrals = [.. a.Take(10), .. b.Take(15)]; // partly in the list, partly not
        var list = new CellList(box, positions, b, cutoff);
        var collector = new Collector { Pairs = [] };
        list.VisitPairsFrom(positions, centrals, ref collector);
        AssertSamePairs(Directed(box, positions, centrals, b, cutoff), Sorted(collector.Pairs));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ASubsetListVisitsEachPairOfItsAtomsOnce(string name, Box box, double cutoff)
    {
        (Vec3[] positions, int[] a, _) = RandomSpecies(box, 90, name.Length + (int)(10 * cutoff) + 2);
        var collector = new Collector { Pairs = [] };
        var list = new CellList(box, positions, Array.Empty<int>(), cutoff);
        list.Rebuild(box, positions, a); // a rebuild from an empty list
        list.VisitPairs(ref collector);
        var unordered = collector.Pairs.Select(p => p.Item1 <= p.Item2 ? p : (p.Item2, p.Item1, p.Item3)).ToList();

        // The directed count over a against a has every unordered pair twice (once per order; a self image ±).
        var directed = Directed(box, positions, a, a, cutoff);
        var expected = directed.Where(p => p.Item1 < p.Item2).ToList();
        var selves = directed.Where(p => p.Item1 == p.Item2).ToList();
        Assert.True(selves.Count % 2 == 0);
        expected.AddRange(selves.GroupBy(p => (p.Item1, Math.Round(p.Item3, 9))).SelectMany(g => g.Take(g.Count() / 2)));
        AssertSamePairs(Sorted(expected), Sorted(unordered));
        Assert.All(unordered, p => Assert.Contains(p.Item1, a));
    }

    [Fact]
    public void EmptyListsAndEmptyCentralsVisitNothing()
    {
        Box box = Box.Orthogonal(5, 5, 5);
        Vec3[] positions = [new(1, 1, 1), new(2, 2, 2)];
        var collector = new Collector { Pairs = [] };
        new CellList(box, positions, Array.Empty<int>(), 3.0).VisitPairsFrom(positions, [0, 1], ref collector);
        new CellList(box, positions, [0, 1], 3.0).VisitPairsFrom(positions, [], ref collector);
        Assert.Empty(collector.Pairs);
    }

    [Fact]
    public void ASqueezedCellIsRefusedByThePairCountOfTheCentrals()
    {
        var box = Box.Orthogonal(1, 1, 1);
        var random = new Random(5);
        Vec3[] positions = Enumerable.Range(0, 20_000).Select(_ => new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble())).ToArray();
        int[] half = Enumerable.Range(0, 2_000).ToArray();
        var list = new CellList(box, positions, half, 10.0);
        var collector = new Collector { Pairs = [] };
        int[] centrals = Enumerable.Range(2_000, 18_000).ToArray();
        var e = Assert.Throws<InputException>(() => list.VisitPairsFrom(positions, centrals, ref collector));
        Assert.Contains("pairs per frame, more than the 1E+11 allowed", e.Message, StringComparison.Ordinal);
        Assert.Empty(collector.Pairs);
    }

    [Fact]
    public void ASubsetWithACutoffHundredsOfTimesTheCellIsRefused()
    {
        var box = Box.Orthogonal(0.05, 0.05, 0.05);
        Vec3[] positions = [new(0, 0, 0), new(0.02, 0.02, 0.02), new(0.03, 0.01, 0.04)];
        var e = Assert.Throws<InputException>(() => new CellList(box, positions, [0, 2], 8.0));
        Assert.Contains("times the narrowest width of the cell", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Random positions (spilling out of the cell along periodic axes, and with the first species reaching beyond the
    /// second along an open axis) split into two species at random.
    /// </summary>
    private static (Vec3[] Positions, int[] A, int[] B) RandomSpecies(Box box, int n, int seed)
    {
        var random = new Random(seed);
        var positions = new Vec3[n];
        var a = new List<int>();
        var b = new List<int>();
        for (int i = 0; i < n; i++)
        {
            bool first = random.NextDouble() < 0.4;
            double Coordinate(bool periodic) => periodic
                ? (random.NextDouble() * 1.6) - 0.3
                : first ? (random.NextDouble() * 1.2) - 0.1 : 0.2 + (random.NextDouble() * 0.6);
            positions[i] = box.ToCartesian(new Vec3(Coordinate(box.Periodic.A), Coordinate(box.Periodic.B), Coordinate(box.Periodic.C)));
            (first ? a : b).Add(i);
        }

        return (positions, a.ToArray(), b.ToArray());
    }

    /// <summary>Every (central, neighbour, lattice translation) within the cut-off but an atom with itself unshifted.</summary>
    private static List<(int, int, double)> Directed(Box box, Vec3[] positions, int[] centrals, int[] neighbours, double cutoff)
    {
        var pairs = new List<(int, int, double)>();
        Vec3 w = box.PerpendicularWidths;
        int ka = box.Periodic.A ? (int)Math.Ceiling(cutoff / w.X) + 2 : 0;
        int kb = box.Periodic.B ? (int)Math.Ceiling(cutoff / w.Y) + 2 : 0;
        int kc = box.Periodic.C ? (int)Math.Ceiling(cutoff / w.Z) + 2 : 0;
        foreach (int i in centrals)
        {
            foreach (int j in neighbours)
            {
                for (int x = -ka; x <= ka; x++)
                for (int y = -kb; y <= kb; y++)
                for (int z = -kc; z <= kc; z++)
                {
                    if (i == j && x == 0 && y == 0 && z == 0)
                    {
                        continue;
                    }

                    Vec3 d = positions[j] + (x * box.A) + (y * box.B) + (z * box.C) - positions[i];
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

    private static void AssertSamePairs(List<(int, int, double)> expected, List<(int, int, double)> actual)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k].Item1, actual[k].Item1);
            Assert.Equal(expected[k].Item2, actual[k].Item2);
            Assert.Equal(expected[k].Item3, actual[k].Item3, 9);
        }
    }
}
