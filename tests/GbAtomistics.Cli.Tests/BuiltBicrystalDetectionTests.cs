using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary>
/// Automatic boundary detection on bicrystals made by <c>gbat build csl</c>: the detected planes lie within 1 Å of the
/// planes the builder recorded in its metadata (along the normal, periodic), for the default builds (translation
/// search, formula units removed where the distance criterion asks, planes centred in the gap they leave).
/// </summary>
public sealed class BuiltBicrystalDetectionTests
{
    [Theory]
    [InlineData("rock-salt", "Na,Cl", "5.64", "Na-Cl,Cl-Na")]
    [InlineData("antifluorite", "Li,O", "4.61", "Li-O,O-Li")]
    [InlineData("antiperovskite", "Li,O,Cl", "3.91", "Li-O,Li-Cl")]
    public void DetectedPlanesMatchTheBuiltSigma5Boundaries(string structure, string species, string a, string pairs)
    {
        string dir = TestPaths.NewTempDir();
        var (code, _, stderr) = Gbat.Run(
            "build", "csl", "--structure", structure, "--species", species, "--a", a, "--axis", "001", "--sigma", "5",
            "--plane", "310", "--thickness", "25", "--name", "gb", "--output", dir, "--quiet");
        Assert.True(code == 0, stderr);

        (code, string stdout, stderr) = Gbat.Run(
            "coordination", Path.Combine(dir, "gb.data"), "--species", pairs, "--boundaries", "auto",
            "--output", Path.Combine(dir, "cn"), "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument result = JsonDocument.Parse(stdout);
        double[] detected = result.RootElement.GetProperty("region").GetProperty("planes_fractional")
            .EnumerateArray().Select(e => e.GetDouble()).ToArray();

        using JsonDocument meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "gb.gb.json")));
        double[] built = meta.RootElement.GetProperty("planes").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double lz = ReadBoxLength(Path.Combine(dir, "gb.data"));

        Assert.Equal(built.Length, detected.Length);
        foreach (double plane in built)
        {
            double nearest = detected.Min(d => Math.Abs(Periodic(d - plane)) * lz);
            Assert.True(nearest < 1.0, $"{structure}: no detected plane within 1 Å of {plane * lz:F2} Å (nearest {nearest:F2} Å)");
        }
    }

    private static double Periodic(double d) => d - Math.Round(d);

    private static double ReadBoxLength(string dataFile)
    {
        string line = File.ReadLines(dataFile).First(l => l.Contains("zlo zhi", StringComparison.Ordinal));
        string[] t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return double.Parse(t[1], System.Globalization.CultureInfo.InvariantCulture) - double.Parse(t[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
