using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary><c>gbat profile --bulk-reference</c>: the boundary excess volume of the shipped Li2O Σ5(310) bicrystal.</summary>
public sealed class ExcessVolumeCommandTests
{
    private static string Run(string name) => Path.Combine(TestPaths.TestData, "example", name, "dump.lammpstrj.gz");

    [Fact]
    public void TheLi2OBoundaryHasAPositiveExcessVolume()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(
            "profile", Run("li2o-s5-310-1000K"), "--type-map", "1=Li,2=O", "--species", "none", "--bulk-reference", Run("li2o-bulk-1000K"),
            "--threads", "2", "-o", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("excess volume per boundary area:", stdout);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "profile.json")));
        JsonElement excess = doc.RootElement.GetProperty("excess_volume");
        Assert.Equal("bulk reference", excess.GetProperty("bulk_density_source").GetString());
        Assert.Equal(2, excess.GetProperty("boundaries").GetInt32());
        Assert.Equal(8.0, excess.GetProperty("boundary_width_angstrom").GetDouble(), 12);
        double length = excess.GetProperty("cell_length_along_normal_angstrom").GetDouble();
        double mean = doc.RootElement.GetProperty("mean_density_per_angstrom3").GetDouble();
        double bulk = excess.GetProperty("reference_density_per_angstrom3").GetDouble();
        double value = excess.GetProperty("excess_volume_per_area_angstrom").GetDouble();
        Assert.Equal(length / 2 * (1 - (mean / bulk)), value, 9);
        Assert.InRange(value, 0.2, 1.5); // a boundary is less dense than the crystal: a fraction of an interlayer spacing

        var alone = Gbat.Run("profile", Run("li2o-bulk-1000K"), "--type-map", "1=Li,2=O", "--species", "none", "--boundaries", "none",
            "--bulk-reference", Run("li2o-bulk-1000K"), "-o", TestPaths.NewTempDir());
        Assert.Equal(1, alone.Code);
        Assert.Contains("give the boundaries too", alone.Err);
    }
}
