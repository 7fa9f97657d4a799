using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests.Transport;

/// <summary>gbat's JSON writes null for undefined numbers, and its readers take null and non-measurable entries.</summary>
public sealed class ArrheniusJsonTests
{
    private const double Kb = 8.617333262e-5;

    private static double Sigma(double t) => 1e4 / t * Math.Exp(-0.5 / (Kb * t));

    [Fact]
    public void NaNAndInfinityAreWrittenAsNullAndReadBackAsNaN()
    {
        var data = new { a = double.NaN, b = double.PositiveInfinity, c = (double?)double.NegativeInfinity, d = (double?)null, e = 1.5, f = new[] { 1.0, double.NaN } };
        string json = JsonSerializer.Serialize(data, Json.Options);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(json);           // strict JSON: no named literals
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("a").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("b").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("c").ValueKind);
        Assert.Equal(1.5, doc.RootElement.GetProperty("e").GetDouble(), 0);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("f")[1].ValueKind);

        var back = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json, Json.Options)!;
        Assert.True(double.IsNaN(back["a"].Deserialize<double>(Json.Options)));
        Assert.Null(back["d"].Deserialize<double?>(Json.Options));
        Assert.Equal(1.5, back["e"].Deserialize<double>(Json.Options), 0);
        double[] f = back["f"].Deserialize<double[]>(Json.Options)!;
        Assert.True(double.IsNaN(f[1]));
    }

    /// <summary>Writes a conductivity.json the way gbat does (through <see cref="Json.Options"/>), NaN for undefined values.</summary>
    private static string ConductivityJson(string dir, double t, bool measurable, bool nullValue = false)
    {
        double sigma = measurable && !nullValue ? Sigma(t) : double.NaN;
        var entries = new object[]
        {
            new
            {
                kind = "tracer", region = "all", direction = "total", measurable,
                D_A2_per_ps = measurable ? 0.01 : double.NaN, D_error_A2_per_ps = measurable ? 0.001 : double.NaN,
                sigma_S_per_cm = sigma, sigma_error_S_per_cm = measurable ? 0.05 * Sigma(t) : double.NaN,
                sigma_upper_S_per_cm = measurable ? double.NaN : 3e-6,
                haven_ratio = double.NaN,
            },
        };
        string path = Path.Combine(dir, $"T{t}", "conductivity.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new { analysis = "conductivity", temperature_K = t, entries }, Json.Options));
        return path;
    }

    [Fact]
    public void ArrheniusReadsGbatConductivityJsonWithNullsAndNonMeasurableEntries()
    {
        string dir = TestPaths.NewTempDir();
        string[] files =
        [
            ConductivityJson(dir, 500, measurable: false),
            ConductivityJson(dir, 600, measurable: true, nullValue: true),
            ConductivityJson(dir, 700, measurable: true),
            ConductivityJson(dir, 850, measurable: true),
            ConductivityJson(dir, 1000, measurable: true),
        ];
        Assert.Contains("null", File.ReadAllText(files[0]), StringComparison.Ordinal);

        ArrheniusInputs read = ArrheniusStep.Load(files);
        Assert.Equal(3, read.Points.Count);
        Assert.Equal(2, read.LeftOut.Count);
        Assert.Contains("not measurable", read.LeftOut[0], StringComparison.Ordinal);
        Assert.Contains("3e-06", read.LeftOut[0], StringComparison.OrdinalIgnoreCase);   // the upper bound is quoted
        Assert.Contains("sigma_S_per_cm is null", read.LeftOut[1], StringComparison.Ordinal);

        string outDir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(["arrhenius", .. files, "--output", outDir]);
        Assert.True(code == 0, stderr);
        Assert.Contains("left out", stderr, StringComparison.Ordinal);
        Assert.Contains("T500", stderr, StringComparison.Ordinal);
        Assert.Contains("Ea = 0.500 eV", stdout, StringComparison.Ordinal);      // exact data, 0.1 % tolerance in the third decimal
        using JsonDocument fit = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "arrhenius.json")));
        Assert.Equal(2, fit.RootElement.GetProperty("left_out").GetArrayLength());
        Assert.Equal(0.5, fit.RootElement.GetProperty("activation_energy_eV").GetDouble(), 1e-9);
        Assert.True(fit.RootElement.GetProperty("extrapolated").GetProperty("extrapolated").GetBoolean());

        // the polycrystal command reads the arrhenius.json: σ(300 K) extrapolated, so it is flagged in the output
        string polyDir = TestPaths.NewTempDir();
        string arr = Path.Combine(outDir, "arrhenius.json");
        var (pc, pout, perr) = Gbat.Run("polycrystal", "--sigma-bulk", arr, "--sigma-gb-parallel", "1e-6", "--sigma-gb-parallel-error", "1e-7",
            "--sigma-gb-perpendicular", "1e-8", "--sigma-gb-perpendicular-error", "1e-9", "--output", polyDir);
        Assert.True(pc == 0, perr);
        Assert.Contains("caution: --sigma-bulk: extrapolated", pout, StringComparison.Ordinal);
        using JsonDocument poly = JsonDocument.Parse(File.ReadAllText(Path.Combine(polyDir, "polycrystal.json")));
        Assert.True(poly.RootElement.GetProperty("flagged").GetBoolean());
    }

    [Fact]
    public void ArrheniusRefusesWhenFewerThanTwoTemperaturesRemain()
    {
        string dir = TestPaths.NewTempDir();
        string[] files = [ConductivityJson(dir, 500, measurable: false), ConductivityJson(dir, 600, measurable: false), ConductivityJson(dir, 700, measurable: true)];
        var (code, _, stderr) = Gbat.Run(["arrhenius", .. files, "--output", TestPaths.NewTempDir()]);
        Assert.NotEqual(0, code);
        Assert.Contains("two or more temperatures; 1 usable", stderr, StringComparison.Ordinal);
        Assert.Contains("not measurable", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrheniusExplainsThatMsdJsonHasNoTemperature()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "msd.json");
        File.WriteAllText(path, """{"analysis": "msd", "diffusion": [{"curve": "total", "D_A2_per_ps": null}]}""");
        var e = Assert.Throws<InputException>(() => ArrheniusStep.Load([path]));
        Assert.Contains("no temperature", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolycrystalRefusesANonSignificantInputByName()
    {
        var (code, _, stderr) = Gbat.Run("polycrystal", "--sigma-bulk", "1e-3", "--sigma-gb-parallel", "1e-4", "--sigma-gb-parallel-error", "8e-5",
            "--sigma-gb-perpendicular", "1e-6", "--output", TestPaths.NewTempDir());
        Assert.NotEqual(0, code);
        Assert.Contains("--sigma-gb-parallel", stderr, StringComparison.Ordinal);
        Assert.Contains("not significant", stderr, StringComparison.Ordinal);
    }
}
