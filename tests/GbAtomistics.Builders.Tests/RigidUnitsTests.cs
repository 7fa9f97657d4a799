using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Steps;
using GbAtomistics.Tests;

namespace GbAtomistics.Builders.Tests;

public class RigidUnitsTests
{
    [Fact]
    public void PairDistancesOfAntiperovskiteAreTheTextbookOnes()
    {
        UnitCell cell = Prototypes.Create("antiperovskite", 4.0); // Li face centres, O body centre, Cl corner
        Assert.Equal(4.0 / Math.Sqrt(2), cell.PairDistance(0, 0), 12); // Li-Li
        Assert.Equal(2.0, cell.PairDistance(0, 1), 12);                 // Li-O
        Assert.Equal(4.0 / Math.Sqrt(2), cell.PairDistance(0, 2), 12); // Li-Cl
        Assert.Equal(4.0, cell.PairDistance(1, 1), 12);                 // O-O: the periodic image
        Assert.Equal(2.0 * Math.Sqrt(3), cell.PairDistance(1, 2), 12); // O-Cl
        Assert.Equal(4.0, cell.PairDistance(2, 2), 12);                 // Cl-Cl
        Assert.Equal(cell.PairDistance(2, 0), cell.PairDistance(0, 2));
        Assert.Equal(2.0, cell.NearestNeighbourDistance, 12);
    }

    [Theory]
    [InlineData("fcc")]
    [InlineData("rock-salt")]
    [InlineData("antifluorite")]
    [InlineData("perovskite")]
    [InlineData("antiperovskite")]
    public void IonicAndMetallicCrystalsHaveNoUnits(string structure)
    {
        RigidUnits units = RigidUnits.Detect(Prototypes.Create(structure));
        Assert.False(units.HasUnits);
        Assert.Equal("none", units.Description);
        Assert.All(units.Units, u => Assert.Single(u.Sites));
    }

    [Theory]
    [InlineData("Na3PS4", "PS4")]
    [InlineData("Na3PO4", "PO4")]
    public void ThiophosphateAndPhosphateUnitsAreFoundFromTheCellsOwnBonding(string compound, string unit)
    {
        UnitCell cell = Load(compound);
        RigidUnits units = RigidUnits.Detect(cell);
        Assert.Equal([(1, 2)], units.BondPairs);
        Assert.Equal(8, units.Units.Count); // 6 Na + 2 PX4
        RigidUnit[] polyanions = units.Units.Where(u => u.Sites.Length > 1).ToArray();
        Assert.Equal(2, polyanions.Length);
        foreach (RigidUnit u in polyanions)
        {
            Assert.Equal(unit, units.Kinds[u.Kind]);
            Vec3 p = u.Positions[0];
            Assert.Equal(1, cell.Sites[u.Sites[0]].Species);
            Assert.Equal(p, u.Anchor);
            for (int k = 1; k < 5; k++)
            {
                // Each ligand at the bond length from its centre, whole (unwrapped), not an image across the cell.
                Assert.Equal(cell.PairDistance(1, 2), (u.Positions[k] - p).Length * cell.A, 9);
            }
        }

        Assert.Equal([3, 1], units.FormulaInKinds.OrderByDescending(n => n));
        Assert.Equal(units.Units.Count, RigidUnits.Parse(cell, "P:" + cell.Species[2]).Units.Count);
    }

    [Fact]
    public void NamedPairsThatMakeAFrameworkAreRefused()
    {
        UnitCell cell = Prototypes.Create("antifluorite");
        var e = Assert.Throws<InputException>(() => RigidUnits.Parse(cell, "Li:O"));
        Assert.Contains("framework", e.Message);
        Assert.Contains("--units", Assert.Throws<InputException>(() => RigidUnits.Parse(cell, "Li:Xx")).Message);
        Assert.False(RigidUnits.Parse(Load("Na3PS4"), "none").HasUnits);
    }

    [Fact]
    public void DistanceCriterionParsesADefaultAndPairs()
    {
        UnitCell cell = Prototypes.Create("antiperovskite");
        DistanceCriterion c = DistanceCriterion.Parse("0.7, Li-Li=0.6, cl-o=0.8");
        Assert.Equal(0.7, c.FractionFor(cell, 1, 1));
        Assert.Equal(0.6, c.FractionFor(cell, 0, 0));
        Assert.Equal(0.8, c.FractionFor(cell, 1, 2));
        Assert.Equal(0.8, c.FractionFor(cell, 2, 1));
        Assert.Equal(DistanceCriterion.DefaultFraction, DistanceCriterion.Parse("Li-Li=0.6").Fraction);
        Assert.Contains("--min-ratio", Assert.Throws<InputException>(() => DistanceCriterion.Parse("1.5")).Message);
        Assert.Contains("--min-ratio", Assert.Throws<InputException>(() => DistanceCriterion.Parse("Li=0.5")).Message);
        Assert.Contains("species of the crystal", Assert.Throws<InputException>(() => DistanceCriterion.Parse("Na-Cl=0.5").Validate(cell)).Message);
    }

    internal static UnitCell Load(string compound)
    {
        var (path, charges) = ElectrolyteCells.Write(compound, TestPaths.NewTempDir());
        return BuildCslStep.LoadCell(new CslBuildRequest { Structure = path, Charges = ChargeMap.Parse(charges), Axis = new Int3(0, 0, 1) });
    }
}
