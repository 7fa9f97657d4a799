using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests.Transport;

/// <summary><c>gbat dynamics</c> on the shipped Σ5(310) Li2O bicrystal at 1000 K: every file, sane numbers, no NaN text.</summary>
public sealed class DynamicsCommandTests
{
    private static string Folder => Path.Combine(TestPaths.TestData, "example", "li2o-s5-310-1000K");

    private static string Dump => Path.Combine(Folder, "dump.lammpstrj.gz");

    [Fact]
    public void WritesEveryTableAndPlotOfTheBicrystal()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("dynamics", Dump, "--type-map", "1=Li,2=O", "--output", dir, "--json", "--threads", "2");
        Assert.True(code == 0, stderr);
        string[] expected =
        [
            "vanhove-self.csv", "vanhove-distinct.csv", "alpha2.csv", "hops.csv", "hop-summary.csv", "hop-lengths.csv", "dynamics.json",
            "vanhove-self.png", "vanhove-self.svg", "vanhove-distinct.png", "vanhove-distinct.svg", "alpha2.png", "alpha2.svg", "hop-lengths.png", "hop-lengths.svg",
        ];
        foreach (string name in expected)
        {
            Assert.True(File.Exists(Path.Combine(dir, name)), name);
        }

        foreach (string png in expected.Where(n => n.EndsWith(".png", StringComparison.Ordinal)))
        {
            Assert.True(new FileInfo(Path.Combine(dir, png)).Length > 10_000, png);
        }

        foreach (string csv in Directory.GetFiles(dir, "*.csv"))
        {
            string text = File.ReadAllText(csv);
            Assert.DoesNotContain("NaN", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Infinity", text, StringComparison.OrdinalIgnoreCase);
            Assert.True(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1, csv);
        }

        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal("dynamics", root.GetProperty("analysis").GetString());
        Assert.Equal(684, root.GetProperty("atoms").GetInt32()); // Li of Li2O: 2/3 of 1026 atoms
        Assert.Equal(51, root.GetProperty("frames_used").GetInt32());
        Assert.Equal(0.4, root.GetProperty("frame_interval_ps").GetDouble(), 9);
        Assert.Equal(["all", "gb", "bulk"], root.GetProperty("regions").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(51L * 684 * 3 * 8 + (51L * 684), root.GetProperty("memory").GetProperty("stored_bytes").GetInt64());

        // the automatic r-max holds every self displacement: each integral is 1
        foreach (JsonElement c in root.GetProperty("self_van_hove").GetProperty("curves").EnumerateArray())
        {
            Assert.Equal(1.0, c.GetProperty("integral").GetDouble(), 12);
        }

        // G_d of region all tends to 1 beyond half its range (a crystal: within the oscillations of g(r))
        foreach (JsonElement c in root.GetProperty("distinct_van_hove").GetProperty("curves").EnumerateArray().Where(c => c.GetProperty("region").GetString() == "all"))
        {
            Assert.InRange(c.GetProperty("mean_beyond_half_r_max").GetDouble(), 0.9, 1.1);
        }

        JsonElement hops = root.GetProperty("hops");
        Assert.Equal(1, hops.GetProperty("window_frames").GetInt32()); // 0.1 ps rounded at 0.4 ps per frame
        Assert.Contains("one frame", hops.GetProperty("warning").GetString());
        Assert.InRange(hops.GetProperty("hop_distance_A").GetDouble(), 0.9, 1.3); // half the Li–Li distance, 2.3 Å in Li2O
        var regions = hops.GetProperty("per_region").EnumerateArray().ToDictionary(e => e.GetProperty("region").GetString()!);
        int all = regions["all"].GetProperty("hops").GetInt32();
        Assert.Equal(all, regions["gb"].GetProperty("hops").GetInt32() + regions["bulk"].GetProperty("hops").GetInt32());
        Assert.Equal(all, File.ReadAllLines(Path.Combine(dir, "hops.csv")).Length - 1);
        Assert.True(regions["gb"].GetProperty("rate_per_ion_per_ps").GetDouble() > regions["bulk"].GetProperty("rate_per_ion_per_ps").GetDouble());
        // a path from a bulk site (≥ 4 Å from the planes) cannot cross a plane in one hop of about 2 Å
        Assert.Equal(0, regions["bulk"].GetProperty("crossing_hops").GetInt32());
    }

    [Fact]
    public void BadOptionsAreOneLineErrors()
    {
        string dir = TestPaths.NewTempDir();
        var (code, _, stderr) = Gbat.Run("dynamics", Dump, "--type-map", "1=Li,2=O", "--output", dir, "--lags", "0.4,500", "--quiet");
        Assert.Equal(1, code);
        Assert.Contains("--lags 500 ps", stderr);
        Assert.Single(stderr.Trim().Split('\n'));

        var (code2, _, stderr2) = Gbat.Run("dynamics", Dump, "--type-map", "1=Li,2=O", "--output", dir, "--distinct-r-max", "30", "--quiet");
        Assert.Equal(1, code2);
        Assert.Contains("half the smallest cell width", stderr2);

        var (code3, _, stderr3) = Gbat.Run("dynamics", Dump, "--type-map", "1=Li,2=O", "--output", dir, "--hop-distance", "-1", "--quiet");
        Assert.Equal(1, code3);
        Assert.Contains("--hop-distance", stderr3);
    }

    [Fact]
    public void TextSummaryNamesRatesAndThePeak()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("dynamics", Dump, "--type-map", "1=Li,2=O", "--output", dir, "--boundaries", "none", "--lags", "0.4,4", "--hop-window", "0");
        Assert.True(code == 0, stderr);
        Assert.Contains("region: none", stdout);
        Assert.Contains("α₂ all", stdout);
        Assert.Contains("per ion per ps", stdout);
        Assert.Contains("gbat: warning: the hop window is one frame", stderr);
        Assert.Equal("length_from_A,length_to_A,hops_all", File.ReadLines(Path.Combine(dir, "hop-lengths.csv")).First());
    }
}
