using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Core.Tests.Neighbors;

/// <summary>
/// The distance loops (<see cref="CellList.VisitDistances{TVisitor}"/>, <see cref="CellList.VisitDistancesFrom{TVisitor}"/>)
/// against the pair loops over the same list: the same squared distances to the last bit, per central atom, in the
/// orthogonal, triclinic and slab cells and cut-offs of <see cref="CellListSubsetTests"/>, with central atoms in and
/// out of the list.
/// </summary>
public sealed class CellListDistanceTests
{
    private struct PairCollector : IPairVisitor
    {
        public List<(int, double)> Pairs;

        public void Visit(int i, int j, double distanceSquared) => Pairs.Add((i, distanceSquared));
    }

    private struct DistanceCollector : IDistanceVisitor
    {
        public List<(int, double)> Pairs;
        public int Calls;

        public void Visit(int i, ReadOnlySpan<double> distancesSquared)
        {
            Calls++;
            foreach (double r2 in distancesSquared)
            {
                Pairs.Add((i, r2));
            }
        }
    }

    [Theory]
    [MemberData(nameof(CellListSubsetTests.Cases), MemberType = typeof(CellListSubsetTests))]
    public void DistancesWithinAListAreThoseOfItsPairs(string name, Box box, double cutoff)
    {
        (Vec3[] positions, int[] atoms) = RandomAtoms(box, 150, name.Length + (int)(10 * cutoff));
        var list = new CellList(box, positions, atoms, cutoff);
        var pairs = new PairCollector { Pairs = [] };
        list.VisitPairs(ref pairs);
        var distances = new DistanceCollector { Pairs = [] };
        list.VisitDistances(ref distances);
        AssertSame(pairs.Pairs, distances.Pairs);
        Assert.True(distances.Calls > 0); // the visitor was copied back
    }

    [Theory]
    [MemberData(nameof(CellListSubsetTests.Cases), MemberType = typeof(CellListSubsetTests))]
    public void DistancesFromCentralsAreThoseOfTheirPairsAndSkipOnlyTheCentralItself(string name, Box box, double cutoff)
    {
        (Vec3[] positions, int[] atoms) = RandomAtoms(box, 150, name.Length + (int)(10 * cutoff) + 1);
        int[] inList = atoms.Where((_, k) => k % 3 != 0).ToArray();
        int[] centrals = [.. atoms.Where((_, k) => k % 3 == 0).Take(30), .. inList.Take(30)]; // half in the list
        var list = new CellList(box, positions, inList, cutoff);
        var pairs = new PairCollector { Pairs = [] };
        list.VisitPairsFrom(positions, centrals, ref pairs);
        var distances = new DistanceCollector { Pairs = [] };
        list.VisitDistancesFrom(positions, centrals, ref distances);
        AssertSame(pairs.Pairs, distances.Pairs);
        Assert.Contains(pairs.Pairs, p => p.Item2 == 0); // two atoms on one spot pair; only the central itself is skipped
    }

    [Fact]
    public void EmptyListsAndEmptyCentralsGiveNoDistances()
    {
        Box box = Box.Orthogonal(5, 5, 5);
        Vec3[] positions = [new(1, 1, 1), new(2, 2, 2)];
        var distances = new DistanceCollector { Pairs = [] };
        new CellList(box, positions, Array.Empty<int>(), 3.0).VisitDistancesFrom(positions, [0, 1], ref distances);
        new CellList(box, positions, [0, 1], 3.0).VisitDistancesFrom(positions, [], ref distances);
        new CellList(box, positions, Array.Empty<int>(), 3.0).VisitDistances(ref distances);
        Assert.Empty(distances.Pairs);
    }

    /// <summary>Random positions, some outside the cell along periodic axes, a few on top of each other.</summary>
    private static (Vec3[] Positions, int[] Atoms) RandomAtoms(Box box, int n, int seed)
    {
        var random = new Random(seed);
        var positions = new Vec3[n];
        for (int i = 0; i < n; i++)
        {
            double Coordinate(bool periodic) => periodic ? (random.NextDouble() * 1.4) - 0.2 : 0.1 + (random.NextDouble() * 0.8);
            positions[i] = i % 25 == 24
                ? positions[i - 1] // an atom on another: distance 0, which is a pair (not the central itself)
                : box.ToCartesian(new Vec3(Coordinate(box.Periodic.A), Coordinate(box.Periodic.B), Coordinate(box.Periodic.C)));
        }

        return (positions, Enumerable.Range(0, n).ToArray());
    }

    private static void AssertSame(List<(int, double)> expected, List<(int, double)> actual)
    {
        Assert.NotEmpty(expected);
        var sortedExpected = expected.Order().ToList();
        var sortedActual = actual.Order().ToList();
        Assert.Equal(sortedExpected.Count, sortedActual.Count);
        for (int k = 0; k < sortedExpected.Count; k++)
        {
            Assert.Equal(sortedExpected[k].Item1, sortedActual[k].Item1);
            Assert.Equal(BitConverter.DoubleToInt64Bits(sortedExpected[k].Item2), BitConverter.DoubleToInt64Bits(sortedActual[k].Item2));
        }
    }
}
