using System.Text.Json;
using GbAtomistics.Pipelines.Definition;
using GbAtomistics.Pipelines.Execution;
using GbAtomistics.Tests;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>Pipelines run end to end: passes over the trajectory, report sections, provenance, and gbat init.</summary>
public sealed class RunAndInitTests
{
    private const string Full = """
        output: out
        threads: 2
        defaults: {type-map: {1: Li, 2: O}, timestep: 1fs, charges: {Li: 0.6, O: -1.2}}
        inputs:
          hot:
            file: HOT
            temperature: 994
            normal: z
            planes: [0, 0.5]
            half-width: 4
          warm:
            file: WARM
            temperature: 904
            normal: z
            planes: [0, 0.5]
            half-width: 4
        analyses:
          rdf: {inputs: [hot], r-max: 6, bins: 200}
          coordination: {inputs: [hot], cutoff: 2.9, atoms: none}
          profile: {inputs: [hot], species: none}
          msd: {}
          conductivity: {}
          compare:
            - {name: regions, inputs: [hot], cutoff: 2.9}
          arrhenius:
            - {name: bulk, inputs: [hot, warm], region: bulk, direction: total}
          polycrystal:
            sigma-bulk: {arrhenius: bulk}
            sigma-gb-parallel: 2e-3
            sigma-gb-perpendicular: {input: hot, region: bulk, direction: perpendicular}
            temperature: 950
        """;

    [Fact]
    public void GivenCutoffsMeanOnePassPerTrajectory()
    {
        string path = Li2oFiles.Pipeline(Full);
        PipelineOutcome outcome = new PipelineRunner(PipelineParser.Load(path), "test").Run();
        Assert.Empty(outcome.Failures);
        Assert.Equal(1, outcome.PassesPerInput["hot"]);
        Assert.Equal(1, outcome.PassesPerInput["warm"]);
    }

    [Fact]
    public void AutomaticCutoffsTakeASecondPass()
    {
        string path = Li2oFiles.Pipeline("""
            inputs:
              a: {file: DUMP, type-map: "1=Li,2=O"}
            analyses:
              coordination: {atoms: none}
            """);
        PipelineOutcome outcome = new PipelineRunner(PipelineParser.Load(path), "test", threads: 1).Run();
        Assert.Empty(outcome.Failures);
        Assert.Equal(2, outcome.PassesPerInput["a"]);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "pipeline-results", "a", "coordination.csv")));
    }

    [Fact]
    public void ReportHasTheExpectedSectionsAndPlots()
    {
        string path = Li2oFiles.Pipeline(Full);
        var (code, stdout, err) = Gbat.Run("run", path);
        Assert.True(code == 0, err);
        Assert.Contains("report:", stdout, StringComparison.Ordinal);
        string dir = Path.Combine(Path.GetDirectoryName(path)!, "out");
        string report = File.ReadAllText(Path.Combine(dir, "report.md"));
        foreach (string section in new[]
        {
            "## Inputs", "### Radial distribution functions: bulk vs GB", "### Coordination", "### Profiles along the boundary normal",
            "## Comparisons", "### Mean-squared displacement and diffusion coefficients", "### Conductivity", "## Arrhenius fits",
            "## Polycrystal conductivity (brick-layer model)", "## Provenance",
        })
        {
            Assert.Contains(section, report, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("## Not computed", report, StringComparison.Ordinal);
        Assert.Contains("| hot | Li | gb | ⊥ |", report, StringComparison.Ordinal);
        Assert.Contains("![g(r) Li-O by region, hot](hot/rdf-regions-Li-O.png)", report, StringComparison.Ordinal);
        Assert.Contains("![MSD with fits, warm](warm/msd.png)", report, StringComparison.Ordinal);
        Assert.Contains("![σ_poly against grain size](polycrystal/polycrystal.png)", report, StringComparison.Ordinal);
        foreach (string file in new[] { "hot/rdf-gb.svg", "hot/msd.svg", "arrhenius-bulk/arrhenius.svg", "polycrystal/polycrystal.svg", "pipeline.json" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        }
    }

    [Fact]
    public void JsonResultsCarryProvenance()
    {
        string path = Li2oFiles.Pipeline(Full);
        new PipelineRunner(PipelineParser.Load(path), "9.9.9").Run();
        string dir = Path.Combine(Path.GetDirectoryName(path)!, "out");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "hot", "conductivity.json")));
        JsonElement p = doc.RootElement.GetProperty("provenance");
        Assert.Equal("9.9.9", p.GetProperty("version").GetString());
        string hot = Li2oFiles.Example("li2o-s5-310-1000K");
        JsonElement input = p.GetProperty("inputs").EnumerateArray().First(i => i.GetProperty("path").GetString() == hot);
        Assert.Equal(new FileInfo(hot).Length, input.GetProperty("bytes").GetInt64());
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(hot)));
        Assert.Equal(sha, input.GetProperty("sha256").GetString());
        Assert.True(doc.RootElement.TryGetProperty("options", out _));
    }

    [Fact]
    public void AFailedStepIsReportedAndTheOthersGoOn()
    {
        string path = Li2oFiles.Pipeline("""
            inputs:
              a: {file: DUMP, type-map: "1=Li,2=O", timestep: 1fs, temperature: 1000, charges: {Li: 0.6}}
            analyses:
              rdf: {r-max: 5, bins: 50}
              msd: {fit-start: 0.2, fit-end: 1.5}
              conductivity: {}
              polycrystal:
                sigma-bulk: {input: a, kind: collective}
                sigma-gb-parallel: 1e-3
                sigma-gb-perpendicular: 1e-3
            """);
        var (code, _, err) = Gbat.Run("run", path, "--quiet");
        Assert.Equal(1, code);
        Assert.Contains("gbat: polycrystal:", err, StringComparison.Ordinal);
        string report = File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "pipeline-results", "report.md"));
        Assert.Contains("## Not computed", report, StringComparison.Ordinal);
        Assert.Contains("### Radial distribution functions", report, StringComparison.Ordinal);
    }

    [Fact]
    public void InitWritesAPipelineThatParsesAndRuns()
    {
        string folder = TestPaths.NewTempDir();
        string run = Path.Combine(folder, "li2o-bulk-1000K");
        Directory.CreateDirectory(run);
        foreach (string f in Directory.GetFiles(Path.Combine(TestPaths.TestData, "li2o-bulk")).Where(f => Path.GetFileName(f) != "XDATCAR"))
        {
            File.Copy(f, Path.Combine(run, Path.GetFileName(f)));
        }

        var (code, _, err) = Gbat.Run("init", folder, "--quiet");
        Assert.True(code == 0, err);
        string pipeline = Path.Combine(folder, "pipeline.yaml");
        string text = File.ReadAllText(pipeline);
        Assert.Contains("li2o-bulk-1000K:", text, StringComparison.Ordinal);
        Assert.Contains("file: li2o-bulk-1000K/li2o-bulk-1000K.lammpstrj", text, StringComparison.Ordinal);
        Assert.Contains("# ", text, StringComparison.Ordinal);
        PipelineDefinition definition = PipelineParser.Load(pipeline);
        Assert.Single(definition.Inputs);
        var (runCode, _, runErr) = Gbat.Run("run", pipeline, "--quiet", "--threads", "2");
        Assert.True(runCode == 0, runErr + "\n" + text);
        Assert.True(File.Exists(Path.Combine(folder, "results", "report.md")));

        var (again, _, againErr) = Gbat.Run("init", folder);
        Assert.Equal(1, again);
        Assert.Contains("already exists", againErr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWorkedExampleWritesNoNaNAndNotesItsEmptyCells()
    {
        string output = Path.Combine(TestPaths.NewTempDir(), "results");
        var (code, _, err) = Gbat.Run("run", Path.Combine(TestPaths.TestData, "example", "pipeline.yaml"), "--output", output, "--quiet");
        Assert.True(code == 0, err);
        foreach (string csv in Directory.GetFiles(output, "*.csv", SearchOption.AllDirectories))
        {
            Assert.False(File.ReadAllText(csv).Contains("NaN", StringComparison.OrdinalIgnoreCase), csv);
        }

        // The bulk runs at 800 K have no measurable Li diffusion: the report says why their cells are empty.
        string report = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("## Empty cells and other notes", report, StringComparison.Ordinal);
        Assert.Contains("li2o-bulk-800K/conductivity.csv: 12 of 12 rows are not measurable", report, StringComparison.Ordinal);

        // The example's boundary science: the potential, hops at the boundary vs the grain interior, roles.
        Assert.Contains("li2o-s5-310-1000K/potential.png", report, StringComparison.Ordinal);
        Assert.Contains("### Ion dynamics at the boundaries", report, StringComparison.Ordinal);
        Assert.Contains("| li2o-s5-310-1000K | gb |", report, StringComparison.Ordinal);
        Assert.Contains("| li2o-s5-310-1000K | bulk |", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "li2o-s5-310-1000K", "dynamics", "alpha2.png")));
        Assert.Contains("Cation polyhedra and bond-valence sums by chemical role", report, StringComparison.Ordinal);
        Assert.Contains("| cation-anion | gb | li2o-s5-310-1000K | Li-O |", report, StringComparison.Ordinal);
        Assert.Contains("Boundary excess volume of li2o-s5-310-1000K: δV/A = 0.678 Å per boundary (bulk density from bulk reference", report, StringComparison.Ordinal);
    }
}
