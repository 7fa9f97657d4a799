using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Tests.Csl;

public class NonCubicSigmaTests
{
    [Theory]
    [InlineData("001")]
    [InlineData("110")]
    [InlineData("111")]
    [InlineData("123")]
    public void TheGeneralEnumerationWithTheCubicMetricIsTheCubicTable(string axis)
    {
        Int3 o = Miller.Parse(axis, "axis");
        var cubic = SigmaTable.Enumerate(o, 80);
        var general = LatticeSigmaTable.Enumerate(CslLattice.Cubic, o, 80);
        Assert.Equal(cubic.Select(e => e.Sigma), general.Select(e => e.Sigma));
        foreach (var (c, g) in cubic.Zip(general))
        {
            Assert.Equal(c.AngleDegrees, g.AngleDegrees, 1e-6);
            Assert.Equal(c.EquivalentAngleDegrees, g.EquivalentAngleDegrees, 1e-6);
            Assert.Equal(c.Rotations.Select(r => (r.M, r.N)).Order(), g.Rotations.Select(r => (r.M, r.N)).Order());
        }
    }

    [Fact]
    public void HexagonalBasalTableGroupsTheSixfoldEquivalents()
    {
        // c²/a² = 8/3 about [0001]: Σ7 21.79° (equivalent 38.21°), as in Grimmer's hexagonal tables.
        var table = LatticeSigmaTable.Enumerate(CslLattice.Create(LatticeSystem.Hexagonal, 8, 3), LatticeAxis.Parse("0001", LatticeSystem.Hexagonal), 20);
        Assert.Equal([7, 13, 19], table.Select(e => e.Sigma));
        Assert.Equal(21.79, table[0].AngleDegrees, 0.01);
        Assert.Equal(38.21, table[0].EquivalentAngleDegrees, 0.01);
        Assert.Equal(6, table[0].Rotations.Count);
        Assert.All(table, e => Assert.Empty(e.Planes));
    }

    [Fact]
    public void AxisOrdersFollowThePointGroups()
    {
        Assert.Equal(6, CslLattice.Create(LatticeSystem.Hexagonal, 8, 3).AxisOrder(new Int3(0, 0, 1)));
        Assert.Equal(2, CslLattice.Create(LatticeSystem.Hexagonal, 8, 3).AxisOrder(new Int3(2, 1, 0)));
        Assert.Equal(4, CslLattice.Create(LatticeSystem.Tetragonal, 2, 1).AxisOrder(new Int3(0, 0, -1)));
        Assert.Equal(1, CslLattice.Create(LatticeSystem.Tetragonal, 2, 1).AxisOrder(new Int3(1, 1, 1)));
        Assert.Equal(2, CslLattice.Create(LatticeSystem.Orthorhombic, 1, 2, 3).AxisOrder(new Int3(0, 1, 0)));
        Assert.Equal(3, CslLattice.Create(LatticeSystem.Rhombohedral, 15, -4).AxisOrder(new Int3(1, 1, 1)));
        Assert.Equal(2, CslLattice.Create(LatticeSystem.Rhombohedral, 15, -4).AxisOrder(new Int3(0, -1, 1)));
    }

    [Theory]
    [InlineData("2-1-10", 1, 0, 0)]
    [InlineData("10-10", 2, 1, 0)]
    [InlineData("0001", 0, 0, 1)]
    [InlineData("1,1,-2,0", 1, 1, 0)]
    [InlineData("-12-10", 0, 1, 0)]
    [InlineData("210", 2, 1, 0)]
    public void FourIndexHexagonalAxesBecomeThreeIndex(string text, int u, int v, int w)
    {
        Int3 axis = LatticeAxis.Parse(text, LatticeSystem.Hexagonal);
        Assert.Equal(new Int3(u, v, w), axis);
        (int fu, int fv, int ft, int fw) = LatticeAxis.FourIndex(axis);
        Assert.Equal(0, fu + fv + ft);
        Assert.Equal(axis, LatticeAxis.Parse(FormattableString.Invariant($"{fu},{fv},{ft},{fw}"), LatticeSystem.Hexagonal));
    }

    [Fact]
    public void BadAxesAndRatiosAreInputErrors()
    {
        Assert.Contains("-(u+v)", Assert.Throws<InputException>(() => LatticeAxis.Parse("1011", LatticeSystem.Hexagonal)).Message);
        Assert.Throws<InputException>(() => LatticeAxis.Parse("2-1-10", LatticeSystem.Tetragonal));
        Assert.Throws<InputException>(() => LatticeRatio.Parse(LatticeSystem.Orthorhombic, "1:2", 0.01, 100));
        Assert.Throws<InputException>(() => LatticeRatio.Parse(LatticeSystem.Hexagonal, "8/x", 0.01, 100));
        Assert.Throws<InputException>(() => LatticeRatio.Parse(LatticeSystem.Hexagonal, "-8/3", 0.01, 100));
        Assert.Throws<InputException>(() => LatticeRatio.Parse(LatticeSystem.Rhombohedral, "2:1", 0.01, 100));
        Assert.Throws<InputException>(() => LatticeRatio.Parse(LatticeSystem.Cubic, "1", 0.01, 100));
        Assert.Throws<InputException>(() => LatticeSigmaTable.Enumerate(CslLattice.Create(LatticeSystem.Tetragonal, 2, 1), new Int3(0, 0, 1), 2));
    }

    [Fact]
    public void ExactRatiosAreReducedAndKeptExact()
    {
        ApproximatedLattice l = LatticeRatio.Parse(LatticeSystem.Hexagonal, "16:6", 0.01, 100);
        Assert.Equal([8L, 3L], l.Lattice.Ratio);
        Assert.False(l.IsApproximated);
        Assert.Equal([1L, 2L, 3L], LatticeRatio.Parse(LatticeSystem.Orthorhombic, "2:4:6", 0.01, 100).Lattice.Ratio);
        CslLattice rho = LatticeRatio.Parse(LatticeSystem.Rhombohedral, "15/-4", 0.01, 100).Lattice;
        Assert.Equal((-4L, 23L), rho.CosAlpha());
    }
}
