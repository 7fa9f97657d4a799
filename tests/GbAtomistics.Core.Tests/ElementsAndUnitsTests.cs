using GbAtomistics.Core;

namespace GbAtomistics.Core.Tests;

public sealed class ElementsAndUnitsTests
{
    [Theory]
    [InlineData(6.941, "Li")]
    [InlineData(15.9994, "O")]
    [InlineData(35.453, "Cl")]
    [InlineData(1.00794, "H")]
    [InlineData(63.546, "Cu")]
    public void InfersElementsFromMasses(double mass, string element)
    {
        Assert.Equal(element, Elements.FromMass(mass));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.001)]
    [InlineData(50.0)]
    public void RefusesToGuessFromReducedOrUnknownMasses(double mass)
    {
        Assert.Null(Elements.FromMass(mass));
    }

    [Fact]
    public void KnowsAtomicNumbers()
    {
        Assert.Equal(3, Elements.AtomicNumber("Li"));
        Assert.Equal(17, Elements.AtomicNumber("cl"));
        Assert.Equal(96, Elements.AtomicNumber("Cm"));
        Assert.Equal(0, Elements.AtomicNumber("Xx"));
    }

    [Theory]
    [InlineData("2fs", 0.002)]
    [InlineData("0.001ps", 0.001)]
    [InlineData("1 fs", 0.001)]
    [InlineData("5e-4ns", 0.5)]
    public void ParsesTimesWithUnits(string text, double ps)
    {
        Assert.Equal(ps, UnitConversion.ParseTimePs(text), 15);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("2 min")]
    [InlineData("-1fs")]
    [InlineData("fs")]
    public void RefusesTimesWithoutAUsableUnit(string text)
    {
        Assert.Throws<InputException>(() => UnitConversion.ParseTimePs(text));
    }

    [Fact]
    public void RealUnitsConvertKcalPerMolToEv()
    {
        UnitConversion real = UnitConversion.For(UnitStyle.Real);
        Assert.Equal(0.0433641, real.Energy, 6);
        Assert.Equal(1e-3, real.Time);
        Assert.Equal(1e3, real.Velocity);
        UnitConversion electron = UnitConversion.For(UnitStyle.Electron);
        Assert.Equal(0.529177210903, electron.Length, 12);
    }
}
