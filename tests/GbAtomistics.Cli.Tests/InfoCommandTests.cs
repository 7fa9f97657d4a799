using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

public sealed class InfoCommandTests
{
    private static string Dump => Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj");

    [Fact]
    public void DescribesTheShippedTrajectory()
    {
        var (code, stdout, stderr) = Gbat.Run("info", Dump, "--type-map", "1=Li,2=O");
        Assert.True(code == 0, stderr);
        Assert.Contains("format:    lammps-dump", stdout);
        Assert.Contains("frames:    21", stdout);
        Assert.Contains("atoms:     324", stdout);
        Assert.Contains("species:   Li 216, O 108", stdout);
        Assert.Contains("steps:     0 … 2000", stdout);
        Assert.Contains("image flags", stdout);
    }

    [Fact]
    public void JsonCarriesTheSameFactsWithUnits()
    {
        var (code, stdout, _) = Gbat.Run("info", Dump, "--type-map", "1=Li,2=O", "--timestep", "1fs", "--json");
        Assert.Equal(0, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal(21, root.GetProperty("frames").GetInt32());
        Assert.Equal(324, root.GetProperty("atoms").GetInt32());
        Assert.Equal(216, root.GetProperty("species").GetProperty("Li").GetInt32());
        Assert.Equal(2.0, root.GetProperty("time_ps")[1].GetDouble(), 12);
        double l = 3 * 4.61;
        Assert.Equal(l * l * l, root.GetProperty("box_first").GetProperty("volume_angstrom3").GetDouble(), 3);
        Assert.Equal("Å", root.GetProperty("units").GetProperty("length").GetString());
    }

    [Fact]
    public void DescribesTheLammpsLog()
    {
        var (code, stdout, _) = Gbat.Run("info", Path.Combine(TestPaths.TestData, "li2o-bulk", "log.lammps"));
        Assert.Equal(0, code);
        Assert.Contains("format:    lammps-log", stdout);
        Assert.Contains("units:     metal", stdout);
        Assert.Contains("block 1: 21 rows, steps 0 … 2000", stdout);
    }

    [Fact]
    public void ATruncatedFileReportsItsWholeFramesAndFailsWithALocatedLine()
    {
        string dir = TestPaths.NewTempDir();
        string cut = Path.Combine(dir, "cut.lammpstrj");
        string[] lines = File.ReadAllLines(Dump);
        // 21 frames of 9 header lines + 324 atoms; keep 3 whole frames and half of the fourth.
        File.WriteAllLines(cut, lines[..(3 * 333 + 9 + 100)]);
        var (code, stdout, stderr) = Gbat.Run("info", cut);
        Assert.Equal(1, code);
        Assert.Contains("frames:    3 whole frames", stdout);
        Assert.StartsWith($"gbat: {cut}:", stderr);
        Assert.Contains("3 whole frames before it", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void AMissingFileIsOneLineAndExitCodeOne()
    {
        var (code, _, stderr) = Gbat.Run("info", "/no/such/dump.lammpstrj");
        Assert.Equal(1, code);
        Assert.StartsWith("gbat: /no/such/dump.lammpstrj: no such file", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void AnUnknownFormatGetsASuggestion()
    {
        var (code, _, stderr) = Gbat.Run("info", Dump, "--format", "lammps-dmp");
        Assert.Equal(1, code);
        Assert.Contains("did you mean 'lammps-dump'", stderr);
    }

    [Fact]
    public void ABadCommandLineIsExitCodeTwo()
    {
        var (code, _, stderr) = Gbat.Run("info", Dump, "--no-such-option");
        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", stderr);
    }

    [Fact]
    public void FormatsListsTheRegistry()
    {
        var (code, stdout, _) = Gbat.Run("formats", "--json");
        Assert.Equal(0, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Equal(8, doc.RootElement.GetArrayLength());
    }
}
