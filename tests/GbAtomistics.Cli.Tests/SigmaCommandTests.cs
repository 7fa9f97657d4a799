using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

public class SigmaCommandTests
{
    [Fact]
    public void PrintsThe110TableWithConventionalAndEquivalentAngles()
    {
        var (code, stdout, stderr) = Gbat.Run("sigma", "--axis", "110", "--max-sigma", "50");
        Assert.True(code == 0, stderr);
        Assert.Contains("  3   70.53      109.47", stdout);
        Assert.Contains(" 43   80.63", stdout);
        Assert.Contains("(1-11)/(1-1-1)", stdout);
        Assert.Equal(10, stdout.Split('\n').Count(l => l.Length > 3 && char.IsAsciiDigit(l.TrimStart()[0])));
    }

    [Fact]
    public void JsonAndCsvOutputs()
    {
        string dir = Path.Combine(TestPaths.NewTempDir(), "sigma");
        var (code, stdout, stderr) = Gbat.Run("sigma", "--axis", "001", "--max-sigma", "50", "--json", "--output", dir);
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement entries = doc.RootElement.GetProperty("entries");
        Assert.Equal(7, entries.GetArrayLength());
        Assert.Equal(36.87, entries[0].GetProperty("angle_degrees").GetDouble(), 0.01);
        Assert.Equal(53.13, entries[0].GetProperty("equivalent_angle_degrees").GetDouble(), 0.01);
        string[] csv = File.ReadAllLines(Path.Combine(dir, "sigma.csv"));
        Assert.StartsWith("sigma,angle_deg,equivalent_angle_deg", csv[0]);
        Assert.Equal(8, csv.Length);
        Assert.StartsWith("5,36.8699,53.1301,[001],3,1,\"(3-10)/(310) (2-10)/(210)\"", csv[1]);
        Assert.True(File.Exists(Path.Combine(dir, "sigma.json")));
    }

    [Fact]
    public void BadAxisIsOneLineError()
    {
        var (code, _, stderr) = Gbat.Run("sigma", "--axis", "11x");
        Assert.Equal(1, code);
        Assert.StartsWith("gbat: --axis '11x'", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void HelpHasAnExample()
    {
        var (code, stdout, _) = Gbat.Run("sigma", "--help");
        Assert.Equal(0, code);
        Assert.Contains("gbat sigma --axis 110 --max-sigma 50", stdout);
    }
}
