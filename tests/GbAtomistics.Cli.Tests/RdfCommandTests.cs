using System.Globalization;
using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

public sealed class RdfCommandTests
{
    private static string Dump => Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj");

    [Fact]
    public void AntifluoriteCoordinationFromTheShippedTrajectory()
    {
        string output = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(
            "rdf", Dump, "--type-map", "1=Li,2=O", "--species", "Li-O,O-Li,O-O", "--first-frame", "5", "--output", output, "--json", "--threads", "2");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement pairs = doc.RootElement.GetProperty("pairs");
        // Antifluorite Li2O: Li is tetrahedral (4 O), O is cubic (8 Li), O sublattice fcc (12 O).
        Assert.Equal(4.0, pairs[0].GetProperty("coordination_at_first_minimum").GetDouble(), 0.1);
        Assert.Equal(8.0, pairs[1].GetProperty("coordination_at_first_minimum").GetDouble(), 0.2);
        Assert.Equal(12.0, pairs[2].GetProperty("coordination_at_first_minimum").GetDouble(), 0.3);
        Assert.InRange(pairs[0].GetProperty("first_peak_r_angstrom").GetDouble(), 1.9, 2.1);
        Assert.Equal(16, doc.RootElement.GetProperty("frames_used").GetInt32());

        string[] csv = File.ReadAllLines(Path.Combine(output, "rdf.csv"));
        Assert.Equal("r_angstrom,g_Li-O,n_Li-O,g_O-Li,n_O-Li,g_O-O,n_O-O,g_total,n_total", csv[0]);
        Assert.Equal(401, csv.Length);
        Assert.All(csv[1..], line => Assert.Equal(9, line.Split(',').Length));
        Assert.Equal(0.01, double.Parse(csv[1].Split(',')[0], CultureInfo.InvariantCulture), 12);
        Assert.True(new FileInfo(Path.Combine(output, "rdf.png")).Length > 1000);
        Assert.True(File.Exists(Path.Combine(output, "rdf.json")));
    }

    [Fact]
    public void SerialAndParallelRunsAgree()
    {
        string one = TestPaths.NewTempDir();
        string two = TestPaths.NewTempDir();
        Assert.Equal(0, Gbat.Run("rdf", Dump, "--type-map", "1=Li,2=O", "--output", one, "--threads", "1", "--quiet").Code);
        Assert.Equal(0, Gbat.Run("rdf", Dump, "--type-map", "1=Li,2=O", "--output", two, "--threads", "3", "--quiet").Code);
        string[] a = File.ReadAllLines(Path.Combine(one, "rdf.csv"));
        string[] b = File.ReadAllLines(Path.Combine(two, "rdf.csv"));
        Assert.Equal(a.Length, b.Length);
        for (int k = 1; k < a.Length; k++)
        {
            double[] x = a[k].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            double[] y = b[k].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            for (int c = 0; c < x.Length; c++)
            {
                Assert.Equal(x[c], y[c], 9);
            }
        }
    }

    [Theory]
    [InlineData("--region", "gb")]
    [InlineData("--planes", "0.5")]
    [InlineData("--r-max", "-1")]
    [InlineData("--species", "Li-S")]
    public void BadOptionsAreOneLineErrors(string option, string value)
    {
        var (code, _, stderr) = Gbat.Run("rdf", Dump, "--type-map", "1=Li,2=O", "--output", TestPaths.NewTempDir(), option, value);
        Assert.Equal(1, code);
        Assert.StartsWith("gbat: ", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void NoTotalVisitsOnlyThePairsAskedForAndGivesTheSamePairColumns()
    {
        string full = TestPaths.NewTempDir(), pairOnly = TestPaths.NewTempDir();
        var (code, _, stderr) = Gbat.Run("rdf", Dump, "--type-map", "1=Li,2=O", "--species", "Li-O,Li-Li", "--r-max", "6", "--output", full, "--quiet");
        Assert.True(code == 0, stderr);
        (code, _, stderr) = Gbat.Run("rdf", Dump, "--type-map", "1=Li,2=O", "--species", "Li-O,Li-Li", "--r-max", "6", "--no-total", "--output", pairOnly, "--quiet");
        Assert.True(code == 0, stderr);
        string[] a = File.ReadAllLines(Path.Combine(full, "rdf.csv")), b = File.ReadAllLines(Path.Combine(pairOnly, "rdf.csv"));
        Assert.Equal("r_angstrom,g_Li-O,n_Li-O,g_Li-Li,n_Li-Li", b[0]);
        Assert.Equal(a.Select(l => string.Join(',', l.Split(',')[..5])), b);
    }
}
