using GbAtomistics.Builders.Scoring;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Tests;

public class EwaldSumTests
{
    private const double Ke = EwaldSum.CoulombConstant;

    // Madelung constants referred to the nearest-neighbour cation–anion distance r0, E per formula unit = −M k_e/r0
    // for unit charges: NaCl 1.747565 and CsCl 1.762675 (Kittel, Introduction to Solid State Physics, ch. 3), zinc
    // blende 1.638055 (Johnson & Templeton, J. Chem. Phys. 37, 2734 (1962)).
    // Fluorite CaF2 (Ca +2, F −1): 2.51939 in the convention E = −M z₊z₋ k_e/r0 with z₊z₋ = 2 (same table of Johnson &
    // Templeton), so E per formula unit = −5.03878 k_e/r0 with the charges included.
    // At ε = 1e-13 this sum gives 1.7475645946, 1.7626747731, 1.6380550534 and 5.0387848798 = 2 × 2.5193924399, which
    // confirms the conventions above.
    [Theory]
    [InlineData("rocksalt", 1.747565, 1e-6)]
    [InlineData("rocksalt", 1.747565, 1e-10)]
    [InlineData("cesium-chloride", 1.762675, 1e-6)]
    [InlineData("cesium-chloride", 1.762675, 1e-10)]
    [InlineData("zinc-blende", 1.638055, 1e-6)]
    [InlineData("zinc-blende", 1.638055, 1e-10)]
    [InlineData("fluorite", 5.03878, 1e-6)]
    [InlineData("fluorite", 5.03878, 1e-10)]
    public void ConventionalCubicCellsGiveTheMadelungConstantWithin1e5Relative(string structure, double madelung, double accuracy)
    {
        const double a = 5.64;
        Crystal c = Cubic(structure, a);
        double energy = EwaldSum.Energy(c.Box, c.Positions, c.Charges, accuracy);
        double perFormulaUnit = energy / c.FormulaUnits;
        double m = -perFormulaUnit * c.NearestNeighbour / Ke;
        Assert.True(Math.Abs(m / madelung - 1) < 1e-5, $"{structure}: M = {m:R}, expected {madelung} (tolerance 1e-5 relative)");
    }

    [Fact]
    public void PrimitiveTriclinicRockSaltCellMatchesTheCubicCellPerIonPairWithin1e6()
    {
        const double a = 5.64;
        Crystal cubic = Cubic("rocksalt", a);
        double perPairCubic = EwaldSum.Energy(cubic.Box, cubic.Positions, cubic.Charges, 1e-10) / 4;

        // fcc primitive vectors; Na at 0 and Cl at (a/2, 0, 0) = ½(−a1 + a2 + a3).
        var a1 = new Vec3(0, a / 2, a / 2);
        var a2 = new Vec3(a / 2, 0, a / 2);
        var a3 = new Vec3(a / 2, a / 2, 0);
        Vec3[] positions = [Vec3.Zero, new Vec3(a / 2, 0, 0)];
        double[] charges = [1, -1];

        // The reduced primitive cell, a strongly sheared choice of the same lattice (c' = a3 + 2 a1 − a2, same
        // volume) and a left-handed one with a shifted origin.
        Box[] boxes =
        [
            Box.FromVectors(a1, a2, a3),
            Box.FromVectors(a1, a2, a3 + (2 * a1) - a2),
            Box.FromVectors(a2, a1, a3, new Vec3(-0.3, 1.1, 0.7)),
        ];
        foreach (Box box in boxes)
        {
            double perPair = EwaldSum.Energy(box, positions, charges, 1e-10);
            Assert.True(
                Math.Abs(perPair / perPairCubic - 1) < 1e-6,
                $"{box}: {perPair:R} eV per pair vs cubic {perPairCubic:R} (tolerance 1e-6 relative)");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void EnergyDoesNotDependOnTheSplittingParameterWithin1e8(double netCharge)
    {
        Crystal c = RandomTriclinic(seed: 7, count: 40, netCharge);
        double alpha = EwaldSum.SplittingParameter(c.Positions.Length, c.Box.Volume);
        double e1 = EwaldSum.Energy(c.Box, c.Positions, c.Charges, 1e-13, 0.6 * alpha);
        double e2 = EwaldSum.Energy(c.Box, c.Positions, c.Charges, 1e-13, 1.7 * alpha);
        double e3 = EwaldSum.Energy(c.Box, c.Positions, c.Charges, 1e-13);
        Assert.True(Math.Abs(e1 / e2 - 1) < 1e-8, $"α×0.6: {e1:R} eV, α×1.7: {e2:R} eV (tolerance 1e-8 relative)");
        Assert.True(Math.Abs(e3 / e2 - 1) < 1e-8, $"default α: {e3:R} eV, α×1.7: {e2:R} eV (tolerance 1e-8 relative)");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    public void ATwoByTwoByTwoSupercellHasEightTimesTheEnergyWithin1e8(double netCharge)
    {
        Crystal c = RandomTriclinic(seed: 11, count: 30, netCharge);
        Box box = c.Box;
        var positions = new List<Vec3>();
        var charges = new List<double>();
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                for (int k = 0; k < 2; k++)
                {
                    Vec3 shift = (i * box.A) + (j * box.B) + (k * box.C);
                    positions.AddRange(c.Positions.Select(p => p + shift));
                    charges.AddRange(c.Charges);
                }
            }
        }

        var super = Box.FromVectors(2 * box.A, 2 * box.B, 2 * box.C, box.Origin);
        double single = EwaldSum.Energy(box, c.Positions, c.Charges, 1e-12);
        double eight = EwaldSum.Energy(super, positions.ToArray(), charges.ToArray(), 1e-12);
        Assert.True(Math.Abs(eight / (8 * single) - 1) < 1e-8, $"supercell {eight:R} eV vs 8 × {single:R} eV (tolerance 1e-8 relative)");
    }

    [Fact]
    public void EnergyIsUnchangedByTranslationAndByMovingAtomsToOtherImagesWithin1e10()
    {
        Crystal c = RandomTriclinic(seed: 3, count: 25, netCharge: 0);
        var random = new Random(5);
        var shift = new Vec3(random.NextDouble() * 10, random.NextDouble() * 10, random.NextDouble() * 10);
        Vec3[] moved = c.Positions
            .Select(p => p + shift + (random.Next(-2, 3) * c.Box.A) + (random.Next(-2, 3) * c.Box.B) + (random.Next(-2, 3) * c.Box.C))
            .ToArray();
        double e0 = EwaldSum.Energy(c.Box, c.Positions, c.Charges, 1e-12);
        double e1 = EwaldSum.Energy(c.Box, moved, c.Charges, 1e-12);
        Assert.True(Math.Abs(e1 / e0 - 1) < 1e-10, $"moved {e1:R} eV vs {e0:R} eV (tolerance 1e-10 relative)");
    }

    // A unit charge on a simple cubic lattice of side L in a neutralising background has E = −α_M k_e q²/(2L) per
    // cell, α_M = 2.837297 the simple-cubic constant of the Leslie–Gillan / Makov–Payne finite-size correction
    // (Leslie & Gillan, J. Phys. C 18, 973 (1985); Makov & Payne, Phys. Rev. B 51, 4014 (1995)).
    [Theory]
    [InlineData(1.0, 1e-6)]
    [InlineData(10.0, 1e-6)]
    [InlineData(10.0, 1e-12)]
    public void ASingleChargeInACubicBoxHasTheWignerEnergyWithin1e6(double side, double accuracy)
    {
        var box = Box.Orthogonal(side, side, side);
        double energy = EwaldSum.Energy(box, [new Vec3(0.2, 0.3, 0.4)], [1.0], accuracy);
        double expected = -Ke * 2.837297 / (2 * side);
        Assert.True(Math.Abs(energy / expected - 1) < 1e-6, $"L = {side}: {energy:R} eV, expected {expected:R} eV (tolerance 1e-6 relative)");

        // q² scaling: charge −3 gives nine times the energy (tolerance 1e-12 relative).
        double triple = EwaldSum.Energy(box, [new Vec3(0.2, 0.3, 0.4)], [-3.0], accuracy);
        Assert.True(Math.Abs(triple / (9 * energy) - 1) < 1e-12, $"q = −3: {triple:R} eV vs 9 × {energy:R} eV");
    }

    [Fact]
    public void NoChargesGiveZero()
    {
        var box = Box.Orthogonal(3, 4, 5);
        Assert.Equal(0.0, EwaldSum.Energy(box, ReadOnlySpan<Vec3>.Empty, ReadOnlySpan<double>.Empty));
        Assert.Equal(0.0, EwaldSum.Energy(box, [new Vec3(1, 1, 1), Vec3.Zero], [0.0, 0.0]));
    }

    [Fact]
    public void InvalidInputIsRejectedWithArgumentException()
    {
        var box = Box.Orthogonal(5, 5, 5);
        Vec3[] positions = [Vec3.Zero, new Vec3(2.5, 0, 0)];
        double[] charges = [1, -1];
        Assert.ThrowsAny<ArgumentException>(() => EwaldSum.Energy(box, positions, [1.0]));
        Assert.ThrowsAny<ArgumentException>(() => EwaldSum.Energy(box, [Vec3.Zero, new Vec3(double.NaN, 0, 0)], charges));
        Assert.ThrowsAny<ArgumentException>(() => EwaldSum.Energy(box, positions, [1.0, double.PositiveInfinity]));
        Assert.ThrowsAny<ArgumentException>(() => EwaldSum.Energy(box, positions, charges, 0));
        Assert.ThrowsAny<ArgumentException>(() => EwaldSum.Energy(box, positions, charges, 1));
        Assert.ThrowsAny<ArgumentException>(() => EwaldSum.Energy(box, positions, charges, double.NaN));
        var slab = Box.Orthogonal(5, 5, 5, periodic: new PeriodicFlags(true, true, false));
        Assert.ThrowsAny<ArgumentException>(() => EwaldSum.Energy(slab, positions, charges));
        Assert.ThrowsAny<ArgumentException>(() => EwaldSum.Energy(null!, positions, charges));
    }

    // erfc to 20 significant digits, as any arbitrary-precision evaluation gives them: erfc(½) = 0.47950012218695346232,
    // erfc(1) = 0.15729920705028513066, erfc(2) = 0.0046777349810472658379, erfc(3) = 2.2090496998585441373e-5.
    [Theory]
    [InlineData(0.5, 0.47950012218695346232)]
    [InlineData(1.0, 0.15729920705028513066)]
    [InlineData(2.0, 0.0046777349810472658379)]
    [InlineData(3.0, 2.2090496998585441373e-5)]
    [InlineData(0.0, 1.0)]
    public void ErrorFunctionMatchesTabulatedValuesWithin1e14(double x, double erfc)
    {
        double value = ErrorFunction.Erfc(x);
        Assert.True(Math.Abs(value / erfc - 1) < 1e-14, $"erfc({x}) = {value:R}, expected {erfc:R} (tolerance 1e-14 relative)");
        Assert.True(Math.Abs(ErrorFunction.Erfc(-x) - (2 - erfc)) < 1e-14, "erfc(−x) = 2 − erfc(x) (tolerance 1e-14)");
    }

    [Fact]
    public void ErrorFunctionExpansionMatchesItsReferenceEvaluationWithin2e14()
    {
        for (int i = 0; i <= 800; i++)
        {
            double x = i * 0.01;
            double reference = ErrorFunction.ReferenceScaledErfc(x);
            double value = ErrorFunction.ScaledErfc(x);
            Assert.True(Math.Abs(value / reference - 1) < 2e-14, $"erfcx({x}) = {value:R} vs {reference:R} (tolerance 2e-14 relative)");
        }
    }

    private static Crystal Cubic(string structure, double a)
    {
        Vec3[] fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];
        var sites = new List<(Vec3 Fractional, double Charge)>();
        double nearest;
        int units;
        switch (structure)
        {
            case "rocksalt":
                sites.AddRange(fcc.Select(s => (s, 1.0)));
                sites.AddRange(fcc.Select(s => (s + new Vec3(0.5, 0, 0), -1.0)));
                nearest = a / 2;
                units = 4;
                break;
            case "cesium-chloride":
                sites.Add((Vec3.Zero, 1.0));
                sites.Add((new Vec3(0.5, 0.5, 0.5), -1.0));
                nearest = a * Math.Sqrt(3) / 2;
                units = 1;
                break;
            case "zinc-blende":
                sites.AddRange(fcc.Select(s => (s, 1.0)));
                sites.AddRange(fcc.Select(s => (s + new Vec3(0.25, 0.25, 0.25), -1.0)));
                nearest = a * Math.Sqrt(3) / 4;
                units = 4;
                break;
            case "fluorite":
                sites.AddRange(fcc.Select(s => (s, 2.0)));
                sites.AddRange(fcc.Select(s => (s + new Vec3(0.25, 0.25, 0.25), -1.0)));
                sites.AddRange(fcc.Select(s => (s + new Vec3(0.75, 0.75, 0.75), -1.0)));
                nearest = a * Math.Sqrt(3) / 4;
                units = 4;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(structure));
        }

        return new Crystal(
            Box.Orthogonal(a, a, a),
            sites.Select(s => a * s.Fractional).ToArray(),
            sites.Select(s => s.Charge).ToArray(),
            nearest,
            units);
    }

    /// <summary>
    /// Random charges in a triclinic cell with no two atoms closer than 1 Å: pairs ±1 plus, for a net charge, one
    /// more atom carrying it.
    /// </summary>
    private static Crystal RandomTriclinic(int seed, int count, double netCharge)
    {
        var random = new Random(seed);
        var box = Box.FromVectors(new Vec3(9.0, 0, 0), new Vec3(2.1, 8.3, 0), new Vec3(-1.7, 3.2, 10.4), new Vec3(0.5, -1, 2));
        var positions = new List<Vec3>();
        var charges = new List<double>();
        while (positions.Count < count)
        {
            Vec3 r = box.ToCartesian(new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble()));
            if (positions.Any(p => box.MinimumImage(r - p).Length < 1.0))
            {
                continue;
            }

            positions.Add(r);
            charges.Add(positions.Count % 2 == 0 ? 1 : -1);
        }

        charges[^1] = netCharge - charges.Take(count - 1).Sum();
        return new Crystal(box, positions.ToArray(), charges.ToArray(), 0, 0);
    }

    private sealed record Crystal(Box Box, Vec3[] Positions, double[] Charges, double NearestNeighbour, int FormulaUnits);
}
