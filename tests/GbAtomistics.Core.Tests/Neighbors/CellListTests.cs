using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Core.Tests.Neighbors;

public sealed class CellListTests
{
    private struct Collector : IPairVisitor
    {
        public List<(int, int, double)> Pairs;

        public void Visit(int i, int j, double distanceSquared) =>
            Pairs.Add(i <= j ? (i, j, distanceSquared) : (j, i, distanceSquared));
    }

    private static List<(int, int, double)> FromCellList(Box box, Vec3[] positions, double cutoff)
    {
        var collector = new Collector { Pairs = [] };
        new CellList(box, positions, cutoff).VisitPairs(ref collector);
        return Sorted(collector.Pairs);
    }

    /// <summary>Every image pair within the cut-off by explicit enumeration of lattice translations.</summary>
    private static List<(int, int, double)> BruteForce(Box box, Vec3[] positions, double cutoff)
    {
        var pairs = new List<(int, int, double)>();
        Vec3 w = box.PerpendicularWidths;
        int ka = box.Periodic.A ? (int)Math.Ceiling(cutoff / w.X) + 1 : 0;
        int kb = box.Periodic.B ? (int)Math.Ceiling(cutoff / w.Y) + 1 : 0;
        int kc = box.Periodic.C ? (int)Math.Ceiling(cutoff / w.Z) + 1 : 0;
        for (int i = 0; i < positions.Length; i++)
        {
            for (int j = i; j < positions.Length; j++)
            {
                for (int a = -ka; a <= ka; a++)
                for (int b = -kb; b <= kb; b++)
                for (int c = -kc; c <= kc; c++)
                {
                    bool positive = a > 0 || (a == 0 && (b > 0 || (b == 0 && c > 0)));
                    if (i == j && !positive)
                    {
                        continue;
                    }

                    Vec3 d = positions[j] + (a * box.A) + (b * box.B) + (c * box.C) - positions[i];
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

    private static Vec3[] RandomPositions(Box box, int n, int seed, double spill = 0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(_ => box.ToCartesian(new Vec3(
                (random.NextDouble() * (1 + 2 * spill)) - spill,
                (random.NextDouble() * (1 + 2 * spill)) - spill,
                (random.NextDouble() * (1 + 2 * spill)) - spill)))
            .ToArray();
    }

    private static void AssertSamePairs(List<(int, int, double)> expected, List<(int, int, double)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k].Item1, actual[k].Item1);
            Assert.Equal(expected[k].Item2, actual[k].Item2);
            Assert.Equal(expected[k].Item3, actual[k].Item3, 9);
        }
    }

    public static IEnumerable<object[]> Cases()
    {
        Box ortho = Box.Orthogonal(12, 10, 11, new Vec3(-3, 2, 0.5));
        Box tri = Box.FromLammps(new LammpsBoxParameters(0, 10, 0, 9, 0, 11, 3.5, -2.0, 1.5), PeriodicFlags.All);
        Box slab = Box.FromLammps(new LammpsBoxParameters(0, 10, 0, 9, 0, 20, 2.0, 0, 0), new PeriodicFlags(true, true, false));
        foreach (double cutoff in new[] { 2.5, 4.9, 7.5, 13.0 })
        {
            yield return ["orthogonal", ortho, cutoff];
            yield return ["triclinic", tri, cutoff];
            yield return ["slab", slab, cutoff];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindsExactlyTheBruteForcePairsForAnyCutoff(string name, Box box, double cutoff)
    {
        Vec3[] positions = RandomPositions(box, 60, name.Length + (int)cutoff, spill: box.Periodic.C ? 0.3 : 0);
        AssertSamePairs(BruteForce(box, positions, cutoff), FromCellList(box, positions, cutoff));
    }

    [Fact]
    public void ACutoffLongerThanTheCellSeesAnAtomsOwnImages()
    {
        // One atom in a 3 Å cube, cut-off 3.5 Å: its six face images at 3 Å, counted as three ± pairs.
        Box box = Box.Orthogonal(3, 3, 3);
        List<(int, int, double)> pairs = FromCellList(box, [new Vec3(1, 1, 1)], 3.5);
        Assert.Equal(3, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(9.0, p.Item3, 12));
    }

    [Fact]
    public void FccNeighbourShellsAreTwelveSixAndTwentyFour()
    {
        double a = 3.6;
        var positions = new List<Vec3>();
        for (int x = 0; x < 4; x++)
        for (int y = 0; y < 4; y++)
        for (int z = 0; z < 4; z++)
        {
            foreach (Vec3 basis in new[] { new Vec3(0, 0, 0), new Vec3(0, 0.5, 0.5), new Vec3(0.5, 0, 0.5), new Vec3(0.5, 0.5, 0) })
            {
                positions.Add(a * (new Vec3(x, y, z) + basis));
            }
        }

        Box box = Box.Orthogonal(4 * a, 4 * a, 4 * a);
        List<(int, int, double)> pairs = FromCellList(box, positions.ToArray(), 1.3 * a);
        int n = positions.Count;
        int first = pairs.Count(p => Math.Abs(Math.Sqrt(p.Item3) - (a / Math.Sqrt(2))) < 1e-9);
        int second = pairs.Count(p => Math.Abs(Math.Sqrt(p.Item3) - a) < 1e-9);
        int third = pairs.Count(p => Math.Abs(Math.Sqrt(p.Item3) - (a * Math.Sqrt(1.5))) < 1e-9);
        Assert.Equal(12 * n / 2, first);
        Assert.Equal(6 * n / 2, second);
        Assert.Equal(24 * n / 2, third);
    }
}
