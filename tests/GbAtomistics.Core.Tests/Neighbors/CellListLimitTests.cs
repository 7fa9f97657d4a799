using System.Diagnostics;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Core.Tests.Neighbors;

/// <summary>
/// A cut-off far beyond the cell (a damaged box) is refused with the numbers instead of enumerating images for
/// hours; ordinary large cut-offs still work.
/// </summary>
public sealed class CellListLimitTests
{
    [Fact]
    public void CutoffHundredsOfTimesTheCellIsRefusedWithTheNumbers()
    {
        var box = Box.Orthogonal(0.05, 0.05, 0.05);
        Vec3[] positions = [new(0, 0, 0), new(0.02, 0.02, 0.02)];
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<InputException>(() => new CellList(box, positions, 8.0));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
        Assert.Contains("cut-off 8 Å is 160 times the narrowest width of the cell (0.05 Å)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqueezedCellWithManyAtomsIsRefusedByItsPairCount()
    {
        var box = Box.Orthogonal(1, 1, 1);
        var random = new Random(3);
        Vec3[] positions = Enumerable.Range(0, 20_000).Select(_ => new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble())).ToArray();
        var e = Assert.Throws<InputException>(() => new CellList(box, positions, 10.0));
        Assert.Contains("pairs per frame, more than the 1E+11 allowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CutoffTenTimesTheCellIsStillServed()
    {
        var box = Box.Orthogonal(2.9, 2.9, 2.9);
        Vec3[] positions = [new(0, 0, 0), new(1.45, 1.45, 1.45)];
        var list = new CellList(box, positions, 29.0);
        Assert.Equal(29.0, list.Cutoff);
    }
}
