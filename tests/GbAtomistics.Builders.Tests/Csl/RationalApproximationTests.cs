using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Tests.Csl;

public class RationalApproximationTests
{
    [Theory]
    [InlineData(3.14, 3.15, 22, 7)]
    [InlineData(0.33, 0.34, 1, 3)]
    [InlineData(2.6, 2.7, 8, 3)]
    [InlineData(1.999, 2.001, 2, 1)]
    [InlineData(-0.18, -0.17, -3, 17)]
    [InlineData(4.2, 6.0, 5, 1)]
    public void SimplestFractionInAnInterval(double low, double high, long p, long q)
    {
        Assert.Equal((p, q), RationalApproximation.Simplest(low, high, (low + high) / 2));
    }

    [Fact]
    public void MagnesiumCOverAGivesEightThirdsAndItsStrain()
    {
        // Mg: c/a = 1.6236 (a = 3.2094 Å, c = 5.2108 Å). c²/a² = 2.63608; within 1% strain of c the fraction with the
        // smallest denominator is 8/3 (5/2 and 3/1 lie outside). Strain of c with a kept: √((8/3)/2.63608) − 1.
        double cOverA = 5.2108 / 3.2094;
        ApproximatedLattice l = LatticeRatio.Uniaxial(LatticeSystem.Hexagonal, cOverA, 0.01, 100, "test");
        Assert.Equal([8L, 3L], l.Lattice.Ratio);
        ParameterStrain s = Assert.Single(l.Strains);
        Assert.Equal("c", s.Parameter);
        double r = cOverA * cOverA;
        Assert.Equal(2.63608, r, 1e-4);
        Assert.Equal(100 * (Math.Sqrt(8.0 / 3 / r) - 1), s.StrainPercent, 1e-9);
        Assert.Equal(0.578, s.StrainPercent, 0.002); // by hand: √(2.666667/2.636080) = 1.005785
        Assert.Equal(Math.Sqrt(8.0 / 3), s.Exact, 1e-12);
    }

    [Fact]
    public void TighterToleranceNeedsALargerDenominator()
    {
        // Same Mg value with 0.1%: c²/a² in [2.63081, 2.64136] → 29/11 = 2.63636 (strain +0.005%).
        ApproximatedLattice l = LatticeRatio.Parse(LatticeSystem.Hexagonal, "2.63608", 0.001, 100);
        Assert.Equal([29L, 11L], l.Lattice.Ratio);
        Assert.Equal(100 * (Math.Sqrt(29.0 / 11 / 2.63608) - 1), l.Strains[0].StrainPercent, 1e-9);
        var e = Assert.Throws<InputException>(() => LatticeRatio.Parse(LatticeSystem.Hexagonal, "2.63608", 0.001, 10));
        Assert.Contains("--max-denominator", e.Message);
    }

    [Fact]
    public void OrthorhombicAndRhombohedralApproximations()
    {
        ApproximatedLattice o = LatticeRatio.Orthorhombic(Math.Sqrt(2.01), Math.Sqrt(2.98), 0.01, 100, "test");
        Assert.Equal([1L, 2L, 3L], o.Lattice.Ratio);
        Assert.Equal(["b", "c"], o.Strains.Select(s => s.Parameter));
        Assert.Equal(100 * (Math.Sqrt(2 / 2.01) - 1), o.Strains[0].StrainPercent, 1e-9);

        // α = 100° within 1%: cos α in [cos 101°, cos 99°] = [−0.19081, −0.15643]; simplest −1/6 (α = 99.594°, −0.406%);
        // pymatgen's ratio (1+2cos α)/cos α = (6 − 2):(−1) = 4:−1.
        ApproximatedLattice r = LatticeRatio.Rhombohedral(100, 0.01, 100, "test");
        Assert.Equal((-1L, 6L), r.Lattice.CosAlpha());
        Assert.Equal([4L, -1L], r.Lattice.Ratio);
        double exact = Math.Acos(-1.0 / 6) * 180 / Math.PI;
        Assert.Equal(-0.406, r.Strains[0].StrainPercent, 0.001);
        Assert.Equal(100 * ((exact / 100) - 1), r.Strains[0].StrainPercent, 1e-9);
        Assert.Throws<InputException>(() => LatticeRatio.Rhombohedral(90.3, 0.01, 100, "test"));
    }

    [Fact]
    public void CellsAreClassifiedAndLowSymmetryIsRefused()
    {
        Assert.Equal(LatticeSystem.Hexagonal, LatticeDetection.Detect(new CellParameters(3.21, 3.21, 5.21, 90, 90, 120), "x"));
        Assert.Equal(LatticeSystem.Tetragonal, LatticeDetection.Detect(new CellParameters(4, 4, 6, 90, 90, 90), "x"));
        Assert.Equal(LatticeSystem.Orthorhombic, LatticeDetection.Detect(new CellParameters(4, 5, 6, 90, 90, 90), "x"));
        Assert.Equal(LatticeSystem.Cubic, LatticeDetection.Detect(new CellParameters(4, 4.001, 4, 90, 90, 90.05), "x"));
        Assert.Equal(LatticeSystem.Rhombohedral, LatticeDetection.Detect(new CellParameters(5, 5, 5, 100, 100, 100), "x"));
        var mono = Assert.Throws<InputException>(() => LatticeDetection.Detect(new CellParameters(4, 5, 6, 90, 100, 90), "cell.vasp"));
        Assert.StartsWith("cell.vasp: the cell", mono.Message);
        Assert.Contains("monoclinic", mono.Message);
        var tri = Assert.Throws<InputException>(() => LatticeDetection.Detect(new CellParameters(4, 5, 6, 80, 100, 95), "x"));
        Assert.Contains("triclinic", tri.Message);
        Assert.Contains("not supported", tri.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<InputException>(() => LatticeDetection.Detect(new CellParameters(6, 4, 4, 90, 90, 90), "x"));
    }
}
