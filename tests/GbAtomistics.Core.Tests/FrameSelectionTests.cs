using GbAtomistics.Core;

namespace GbAtomistics.Core.Tests;

public sealed class FrameSelectionTests
{
    [Fact]
    public void SelectsAnInclusiveStridedRange()
    {
        var selection = new FrameSelection(first: 2, last: 9, every: 3);
        int[] chosen = Enumerable.Range(0, 20).Where(selection.Includes).ToArray();
        Assert.Equal([2, 5, 8], chosen);
        Assert.False(selection.IsPastEnd(9));
        Assert.True(selection.IsPastEnd(10));
    }

    [Fact]
    public void DefaultSelectsEverything()
    {
        Assert.All(Enumerable.Range(0, 50), i => Assert.True(FrameSelection.All.Includes(i)));
        Assert.False(FrameSelection.All.IsPastEnd(int.MaxValue));
    }

    [Theory]
    [InlineData(-1, null, 1)]
    [InlineData(5, 4, 1)]
    [InlineData(0, null, 0)]
    public void RejectsImpossibleSelections(int first, int? last, int every)
    {
        Assert.Throws<InputException>(() => new FrameSelection(first, last, every));
    }
}
