using GbAtomistics.Cli.Commands;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary>Small traps: messages that name the option that fixes them, labels that clash, numbers without units.</summary>
public sealed class SmallTrapsTests
{
    private static string Example(string run) => Path.Combine(TestPaths.TestData, "example", run, "dump.lammpstrj.gz");

    [Fact]
    public void CompareOfTwoFilesWithTheSameNameLabelsThemByFolder()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(
            "compare", Example("li2o-bulk-1000K"), Example("li2o-s5-310-1000K"), "--type-map", "1=Li,2=O", "--species", "Li-O",
            "--cutoff", "2.6", "--last-frame", "2", "--boundaries", "none", "--output", dir);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("--labels", stderr);
        Assert.Contains("li2o-bulk-1000K:", stdout);
        Assert.Contains("li2o-s5-310-1000K:", stdout);
    }

    [Fact]
    public void DefaultLabelsAreDistinct()
    {
        Assert.Equal(["a.dump", "b.dump"], InputLabels.Default(["x/a.dump", "y/b.dump"]));
        Assert.Equal(["x", "y", "c.dump"], InputLabels.Default(["x/dump", "y/dump", "z/c.dump"]));
        Assert.Equal(["p/run", "q/run"], InputLabels.Default(["p/run/dump", "q/run/dump"]));
        Assert.Equal(["dump#1", "dump#2"], InputLabels.Default(["x/dump", "x/dump"]));
    }

    [Fact]
    public void ConvertNamesOverwriteWhenTheOutputExists()
    {
        string dir = TestPaths.NewTempDir();
        string existing = Path.Combine(dir, "out.lammpstrj");
        File.WriteAllText(existing, "keep me");
        var (code, _, stderr) = Gbat.Run("convert", Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj"), existing);
        Assert.Equal(1, code);
        Assert.Contains("already exists; give --overwrite to replace it", stderr);
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public void ArrheniusAndPolycrystalNumbersCarryUnits()
    {
        string table = Path.Combine(TestPaths.NewTempDir(), "runs.csv");
        File.WriteAllText(table, "temperature_K,sigma_S_per_cm,error_S_per_cm\n600,0.001,0.0001\n800,0.004,0.0004\n1000,0.01,0.001\n");
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("arrhenius", table, "--output", dir);
        Assert.True(code == 0, stderr);
        Assert.Matches(@"A = [0-9.E+-]+ S·K/cm \(ln A = ", stdout);
        Assert.Matches(@"σ\(300 K\) = [0-9.E+-]+ S/cm, 68 % \[[0-9.E+-]+, [0-9.E+-]+\] S/cm", stdout);

        var (c2, s2, e2) = Gbat.Run("arrhenius", table, "--quantity", "D", "--output", TestPaths.NewTempDir());
        Assert.True(c2 == 0, e2);
        Assert.Matches(@"A = [0-9.E+-]+ Å²/ps ", s2);

        var (c3, s3, e3) = Gbat.Run(
            "polycrystal", "--sigma-bulk", Path.Combine(dir, "arrhenius.json"), "--sigma-gb-parallel", "1e-3", "--sigma-gb-parallel-error", "1e-4",
            "--sigma-gb-perpendicular", "1e-5", "--output", TestPaths.NewTempDir());
        Assert.True(c3 == 0, e3);
        Assert.Matches(@"σ_poly = [0-9.E+-]+ S/cm \[[0-9.E+-]+, [0-9.E+-]+\] S/cm \(68 %\)", s3);
    }
}
