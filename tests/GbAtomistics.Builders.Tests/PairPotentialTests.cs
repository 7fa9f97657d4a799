using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Scoring;
using GbAtomistics.Core;
using GbAtomistics.Tests;

namespace GbAtomistics.Builders.Tests;

public class PairPotentialTests
{
    private static string NaCl => Path.Combine(TestPaths.RepositoryRoot, "tools", "csl-relax", "born-nacl.mod");

    [Fact]
    public void TosiFumiNaClLatticeEnergyMatchesLammps()
    {
        // LAMMPS (Debian 29 Sep 2021, `gbat gb-energy` bulk step with this file): a0 = 5.65748 Å, e_bulk = −4.000214
        // eV/atom, i.e. −8.000428 eV per NaCl. The model is the same sum: Ewald Coulomb + Born–Mayer–Huggins terms cut
        // at 9 Å without a shift.
        UnitCell cell = Prototypes.Create("rock-salt", 5.65748);
        var model = new ModelEnergy(cell, RigidUnits.None(cell), PairPotential.Read(NaCl, cell.Species));
        Assert.Equal(-8.000428, model.BulkPerFormulaUnit, 2e-4); // the model's Ewald sum is converged to 1e-5 relative
    }

    [Fact]
    public void StylesAndRefusals()
    {
        string dir = TestPaths.NewTempDir();
        string file = Path.Combine(dir, "pot.mod");
        File.WriteAllText(file, "pair_style buck/coul/long 10.0\npair_coeff * * 0 1 0\npair_coeff 1 2 1000 0.3 20 8.0 # Na-Cl\n");
        PairPotential buck = PairPotential.Read(file, ["Na", "Cl"]);
        Assert.Equal("buck", buck.Style);
        Assert.Equal((1000 * Math.Exp(-3 / 0.3)) - (20 / Math.Pow(3, 6)), buck.Energy(0, 1, 3), 12);
        Assert.Equal(buck.Energy(0, 1, 3), buck.Energy(1, 0, 3));
        Assert.Equal(0, buck.Energy(0, 1, 8.5)); // beyond the pair's own cut-off
        Assert.Equal(0, buck.Energy(0, 0, 3));

        File.WriteAllText(file, "pair_style morse 8\npair_coeff 1 1 0.5 1.5 2.5\n");
        Assert.Equal(-0.5, PairPotential.Read(file, ["Cu"]).Energy(0, 0, 2.5), 12);

        File.WriteAllText(file, "pair_style table linear 1000\n");
        Assert.Contains("pot.mod:1", Assert.Throws<InputException>(() => PairPotential.Read(file, ["Cu"])).Message);
        File.WriteAllText(file, "pair_style lj/cut 5\npair_coeff 1 3 0.1 2\n");
        Assert.Contains("pot.mod:2: type '3'", Assert.Throws<InputException>(() => PairPotential.Read(file, ["Na", "Cl"])).Message);
    }
}
