using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary><c>gbat profile --charges</c> on the worked example's bicrystal: charge density and electrostatic potential.</summary>
public sealed class PotentialProfileTests
{
    private static string Run => Path.Combine(TestPaths.TestData, "example", "li2o-s5-310-800K");

    [Fact]
    public void ChargesAddTheElectrostaticPotentialWithItsBoundarySteps()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(
            "profile", Path.Combine(Run, "dump.lammpstrj.gz"), "--type-map", "1=Li,2=O", "--species", "none", "--charges", "Li=0.6,O=-1.2",
            "--boundaries", Path.Combine(Run, "structure.gb.json"), "--profile-bins", "400", "--average", "3.3", "--output", dir, "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement e = doc.RootElement.GetProperty("electrostatics");
        Assert.Equal(3.3, e.GetProperty("average_window_angstrom").GetDouble());
        double[] steps = e.GetProperty("boundary_steps_V").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(2, steps.Length);
        Assert.All(steps, s => Assert.True(double.IsFinite(s) && Math.Abs(s) < 5, $"step {s} V"));
        string[] csv = File.ReadAllLines(Path.Combine(dir, "potential.csv"));
        Assert.Equal("position_A,charge_density_e_per_A3,field_V_per_A,potential_V,potential_macroscopic_V", csv[0]);
        Assert.Equal(401, csv.Length);

        // The cell is neutral: the charge density integrates to zero, and the potential has mean zero.
        double[][] rows = csv.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.True(Math.Abs(rows.Sum(r => r[1])) < 1e-9 * rows.Sum(r => Math.Abs(r[1])));
        Assert.True(Math.Abs(rows.Average(r => r[3])) < 1e-9);
        Assert.True(new FileInfo(Path.Combine(dir, "potential.png")).Length > 1000);
    }

    [Fact]
    public void ThinSlabsThatResolveTheLayersAreWarnedAboutWithTheLayerRepeat()
    {
        // 400 slabs of 0.11 Å: the planar average swings with every Li2O layer of the [310] stacking (a/√40 ≈ 0.73 Å
        // at 0 K, a little more at 800 K), more than any boundary step.
        var (code, _, stderr) = Gbat.Run(
            "profile", Path.Combine(Run, "dump.lammpstrj.gz"), "--type-map", "1=Li,2=O", "--species", "none", "--charges", "Li=0.6,O=-1.2",
            "--boundaries", Path.Combine(Run, "structure.gb.json"), "--profile-bins", "400", "--output", TestPaths.NewTempDir(), "--quiet");
        Assert.True(code == 0, stderr);
        Assert.Contains("potential.csv: the planar-average potential ripples by", stderr);
        Assert.Contains("sawtooth", stderr);
        var match = System.Text.RegularExpressions.Regex.Match(stderr, @"give --average ([0-9.]+) \(Å");
        Assert.True(match.Success, stderr);
        double period = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(period, 0.72, 0.80);
    }

    [Fact]
    public void AMissingChargeOrAWindowWithoutChargesIsRefused()
    {
        string dump = Path.Combine(Run, "dump.lammpstrj.gz");
        var (code, _, stderr) = Gbat.Run("profile", dump, "--type-map", "1=Li,2=O", "--species", "none", "--charges", "Li=0.6", "--output", TestPaths.NewTempDir());
        Assert.Equal(1, code);
        Assert.Contains("no charge for O", stderr);
        (code, _, stderr) = Gbat.Run("profile", dump, "--type-map", "1=Li,2=O", "--species", "none", "--average", "3", "--output", TestPaths.NewTempDir());
        Assert.Equal(1, code);
        Assert.Contains("give --charges too", stderr);
    }
}
