using System.Globalization;
using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary><c>gbat compare --roles</c> on the shipped Li2O runs: bulk and the Σ5(310) bicrystal at 1000 K.</summary>
public sealed class RoleCompareCommandTests
{
    private static string Run(string name) => Path.Combine(TestPaths.TestData, "example", name, "dump.lammpstrj.gz");

    [Fact]
    public void Li2OBulkAndBicrystalCompareByRole()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(
            "compare", Run("li2o-bulk-1000K"), Run("li2o-s5-310-1000K"), "--type-map", "1=Li,2=O", "--roles", "Li=cation,O=anion",
            "--threads", "2", "-o", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("| cation-anion | li2o-s5-310-1000K | gb | Li-O |", stdout);
        Assert.Contains("| cation-anion | gb | li2o-s5-310-1000K | Li-O |", stdout);
        foreach (string name in (string[])["compare.csv", "compare-roles.csv", "compare.md", "compare-roles.md", "compare.json",
            "compare-rdf-cation-anion.png", "compare-rdf-cation-anion.svg", "compare-cn-cation-anion.png", "compare-cn-anion-cation.svg"])
        {
            Assert.True(File.Exists(Path.Combine(dir, name)), name);
        }

        foreach (string csv in (string[])["compare.csv", "compare-roles.csv"])
        {
            Assert.DoesNotContain("NaN", File.ReadAllText(Path.Combine(dir, csv)), StringComparison.OrdinalIgnoreCase);
        }

        string[] lines = File.ReadAllText(Path.Combine(dir, "compare-roles.csv")).TrimEnd('\n').Split('\n');
        string[] header = lines[0].Split(',');
        Assert.Equal("role_pair", header[0]);
        string gb = lines.Single(l => l.StartsWith("cation-anion,gb,", StringComparison.Ordinal));
        double Cell(string line, string column) => double.Parse(line.Split(',')[Array.IndexOf(header, column)], CultureInfo.InvariantCulture);

        // Li in the Σ5 boundary: about four O like the bulk, a BVS below the formal +1 (thermal expansion of the bonds at 1000 K).
        Assert.InRange(Cell(gb, "mean_cn_atoms"), 3.7, 4.2);
        Assert.InRange(Cell(gb, "mean_bvs_vu"), 0.6, 1.1);
        Assert.InRange(Cell(gb, "overcoordination_index"), -0.1, 0.05);
        Assert.InRange(Cell(gb, "overcoordination_index_stderr"), 0, 0.05);
        Assert.Equal(10, Cell(gb, "error_blocks"));

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "compare.json")));
        JsonElement roles = doc.RootElement.GetProperty("roles");
        Assert.Equal(1.466, roles.GetProperty("bonds")[0].GetProperty("r0_angstrom").GetDouble(), 12);
        Assert.Equal("Brown & Altermatt 1985", roles.GetProperty("bonds")[0].GetProperty("source").GetString());
        Assert.Equal("cation-anion", doc.RootElement.GetProperty("rows")[0].GetProperty("role_pair").GetString());
    }

    [Fact]
    public void BadRoleOptionsAreOneLineErrors()
    {
        string dir = TestPaths.NewTempDir();
        string dump = Run("li2o-bulk-1000K");
        var twice = Gbat.Run("compare", dump, dump, "--labels", "a,b", "--type-map", "1=Li,2=O", "--roles", "Li=cation,O=anion",
            "--roles", "Li=cation,O=anion", "--roles", "Li=cation,O=anion", "-o", dir);
        Assert.Equal(1, twice.Code);
        Assert.Contains("--roles given 3 times for 2 inputs", twice.Err);
        var missing = Gbat.Run("compare", dump, dump, "--labels", "a,b", "--type-map", "1=Li,2=Po", "--roles", "Li=cation,Po=anion", "-o", dir);
        Assert.Equal(1, missing.Code);
        Assert.Contains("--bv-r0 Li-Po=R0", missing.Err);
        var lonely = Gbat.Run("compare", dump, dump, "--labels", "a,b", "--type-map", "1=Li,2=O", "--bv-r0", "Li-O=1.5", "-o", dir);
        Assert.Equal(1, lonely.Code);
        Assert.Contains("give --roles too", lonely.Err);
    }
}
