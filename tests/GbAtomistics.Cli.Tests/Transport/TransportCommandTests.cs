using System.Globalization;
using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests.Transport;

public sealed class TransportCommandTests
{
    private static string Dump => Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj");

    [Fact]
    public void MsdWritesTablesJsonAndPlot()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("msd", Dump, "--type-map", "1=Li,2=O", "--timestep", "1fs", "--output", dir, "--json", "--threads", "2");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal(216, root.GetProperty("atoms").GetInt32());
        Assert.Equal(21, root.GetProperty("frames_used").GetInt32());
        Assert.Equal(0.1, root.GetProperty("frame_interval_ps").GetDouble(), 12);
        Assert.Equal("images", root.GetProperty("unwrap").GetString());
        // 2 ps of a Li2O crystal at 1000 K: no Li hops, so no measurable diffusion (null D, a finite upper bound).
        JsonElement total = root.GetProperty("diffusion").EnumerateArray().First(e => e.GetProperty("curve").GetString() == "all_total");
        Assert.Equal("not diffusive", total.GetProperty("status").GetString());
        Assert.False(total.GetProperty("measurable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, total.GetProperty("D_A2_per_ps").ValueKind);
        Assert.InRange(total.GetProperty("D_upper_95_A2_per_ps").GetDouble(), 1e-6, 0.1); // a weak bound from 2 ps
        Assert.Equal("data", total.GetProperty("covariance").GetString());
        Assert.Contains("no measurable diffusion", stdout.Length > 0 ? total.GetProperty("summary").GetString() : "");
        string csv = File.ReadAllText(Path.Combine(dir, "msd.csv"));
        Assert.StartsWith("lag_ps,msd_all_total_A2,", csv);
        Assert.True(new FileInfo(Path.Combine(dir, "msd.png")).Length > 1000);
        Assert.Equal(22, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void ImageFlagsAndDisplacementsAgreeOnTheShippedTrajectory()
    {
        string a = TestPaths.NewTempDir(), b = TestPaths.NewTempDir();
        Assert.Equal(0, Gbat.Run("msd", Dump, "--type-map", "1=Li,2=O", "--timestep", "1fs", "--output", a, "--quiet").Code);
        Assert.Equal(0, Gbat.Run("msd", Dump, "--type-map", "1=Li,2=O", "--timestep", "1fs", "--output", b, "--quiet", "--unwrap", "displacements").Code);
        double[][] x = Table(Path.Combine(a, "msd.csv")), y = Table(Path.Combine(b, "msd.csv"));
        Assert.Equal(x.Length, y.Length);
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < x[i].Length; j++)
            {
                Assert.Equal(x[i][j], y[i][j], 1e-9 * (1 + Math.Abs(x[i][j])));
            }
        }

        Assert.Equal(0.0, x[0][1]);
    }

    private static double[][] Table(string path) => File.ReadAllLines(path).Skip(1)
        .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    [Fact]
    public void ConductivityTakesTheTemperatureFromTheLogBesideTheDump()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(
            "conductivity", Dump, "--type-map", "1=Li,2=O", "--timestep", "1fs", "--charges", "Li=0.6,O=-1.2",
            "--planes", "0.25,0.75", "--normal", "z", "--half-width", "2", "--output", dir, "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        Assert.InRange(root.GetProperty("temperature_K").GetDouble(), 800, 1200);
        Assert.Contains("log.lammps", root.GetProperty("temperature_source").GetString());
        Assert.Equal(0.6, root.GetProperty("charge_e").GetDouble(), 12);
        Assert.Equal(324, root.GetProperty("charged_atoms_in_collective").GetInt32());
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        // Nothing diffuses in 2 ps: no σ and no Haven ratio, only upper bounds.
        Assert.All(entries, e => Assert.False(e.GetProperty("measurable").GetBoolean()));
        Assert.All(entries, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("haven_ratio").ValueKind));
        Assert.All(entries, e => Assert.True(e.GetProperty("sigma_upper_S_per_cm").GetDouble() > 0));
        Assert.Contains(entries, e => e.GetProperty("region").GetString() == "gb" && e.GetProperty("direction").GetString() == "parallel");
        Assert.StartsWith("kind,region,direction,measurable,ions,volume_A3", File.ReadAllText(Path.Combine(dir, "conductivity.csv")));

        // one conductivity.json per temperature feeds the Arrhenius fit
        string table = Path.Combine(TestPaths.NewTempDir(), "runs.csv");
        File.WriteAllText(table, "temperature_K,sigma_S_per_cm,error_S_per_cm\n600,0.001,0.0001\n800,0.004,0.0004\n1000,0.01,0.001\n");
        string outDir = TestPaths.NewTempDir();
        var (c2, s2, e2) = Gbat.Run("arrhenius", Path.Combine(dir, "conductivity.json"), table, "--output", outDir, "--json");
        Assert.True(c2 == 0, e2);
        using JsonDocument fit = JsonDocument.Parse(s2);
        Assert.Equal(3, fit.RootElement.GetProperty("points").GetArrayLength()); // the 2 ps run is not measurable and is left out
        Assert.True(File.Exists(Path.Combine(outDir, "arrhenius.png")));
    }

    [Fact]
    public void ArrheniusFromATableGivesTheActivationEnergy()
    {
        const double ea = 0.5;
        string table = Path.Combine(TestPaths.NewTempDir(), "runs.csv");
        var lines = new List<string> { "temperature_K,sigma_S_per_cm,error_S_per_cm" };
        foreach (double t in new[] { 500.0, 700, 900 })
        {
            double s = 1e4 / t * Math.Exp(-ea / (8.617333262e-5 * t));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{t},{s:R},{0.1 * s:R}"));
        }

        File.WriteAllLines(table, lines);
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("arrhenius", table, "--output", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("Ea = 0.500 eV, 68 % [", stdout);
        Assert.True(File.Exists(Path.Combine(dir, "arrhenius.json")));
    }

    [Fact]
    public void PolycrystalWritesTheCurve()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("polycrystal", "--sigma-bulk", "1e-3", "--sigma-gb-parallel", "1e-3", "--sigma-gb-perpendicular", "1e-5", "--width", "1", "--output", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("d =   1000 nm", stdout);
        Assert.StartsWith("grain_size_nm,sigma_poly_S_per_cm,sigma_poly_over_bulk", File.ReadAllText(Path.Combine(dir, "polycrystal.csv")));
        Assert.True(new FileInfo(Path.Combine(dir, "polycrystal.png")).Length > 1000);
    }

    [Theory]
    [InlineData("--charges", "Li:1", "--charges Li:1")]
    [InlineData("--membership", "always", "--membership always")]
    [InlineData("--fit-start", "1.5", "fit window")]
    [InlineData("--species", "Na", "species 'Na'")]
    public void BadOptionsAreOneLineErrors(string option, string value, string message)
    {
        var (code, _, stderr) = Gbat.Run("conductivity", Dump, "--type-map", "1=Li,2=O", "--timestep", "1fs", "--temperature", "1000", option, value, "--output", TestPaths.NewTempDir());
        Assert.Equal(1, code);
        Assert.Contains(message, stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void MissingTimestepIsAnError()
    {
        // Beside the shipped dump, log.lammps gives the timestep; a copy without the log has none.
        string alone = Path.Combine(TestPaths.NewTempDir(), Path.GetFileName(Dump));
        File.Copy(Dump, alone);
        var (code, _, stderr) = Gbat.Run("msd", alone, "--type-map", "1=Li,2=O", "--output", TestPaths.NewTempDir());
        Assert.Equal(1, code);
        Assert.Contains("--timestep", stderr);
    }
}
