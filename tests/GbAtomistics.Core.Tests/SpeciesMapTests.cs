using GbAtomistics.Core;

namespace GbAtomistics.Core.Tests;

public sealed class SpeciesMapTests
{
    [Theory]
    [InlineData("1=Li,2=O,3=Cl")]
    [InlineData("1: Li, 2: O, 3: Cl")]
    [InlineData("Li,O,Cl")]
    [InlineData("1=li,2=o,3=CL")]
    public void ParsesTheUsualSpellings(string text)
    {
        SpeciesMap map = SpeciesMap.Parse(text);
        Assert.Equal("Li", map.NameOf(1));
        Assert.Equal("O", map.NameOf(2));
        Assert.Equal("Cl", map.NameOf(3));
        Assert.Null(map.NameOf(4));
        Assert.Equal("1=Li,2=O,3=Cl", map.ToString());
    }

    [Fact]
    public void KeepsNonElementLabels()
    {
        SpeciesMap map = SpeciesMap.Parse("1=Li_gb,2=O");
        Assert.Equal("Li_gb", map.NameOf(1));
        Assert.Equal([2], map.TypesOf("o"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0=Li")]
    [InlineData("x=Li")]
    [InlineData("1=Li,1=O")]
    [InlineData("1=")]
    public void RejectsBadMapsWithAMessage(string text)
    {
        var e = Assert.Throws<InputException>(() => SpeciesMap.Parse(text));
        Assert.Contains("type map", e.Message);
    }
}
