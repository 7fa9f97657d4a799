using System.Globalization;
using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Tests;
using Xunit.Abstractions;

namespace GbAtomistics.Integration.Tests.Example;

/// <summary>
/// End to end: build a Li2O Σ5(310)[001] bicrystal with <c>gbat build csl</c>, run a short LAMMPS MD on it with the
/// worked example's input (<c>tools/example/li2o-md.in</c>, Pedone et al. 2006 potential), analyse the trajectory
/// with the gbat commands and check what the physics requires. Skips when <c>lmp</c> or <c>python3</c> is absent.
/// </summary>
public sealed class BicrystalMdEndToEndTests(ITestOutputHelper output)
{
    private const double TemperatureK = 800;

    /// <summary>Which pairs the boundary/bulk RDF contrast is required for.</summary>
    private static readonly string[] ContrastPairs = ["Li-O", "O-O"];

    [SkippableFact]
    public void Short_md_of_a_built_bicrystal_shows_its_boundaries_where_they_were_built()
    {
        string lmp = ExternalTools.Require("lmp", "lammps");
        string python = ExternalTools.Require("python3", "python3");
        string folder = TestPaths.NewTempDir();
        try
        {
            // Build: 3x2 CSL periods, termination 0, the default translation search (formula units removed where the
            // distance criterion asks; the boundary planes recorded in the middle of the gaps).
            string build = Path.Combine(folder, "build");
            GbatInProcess.Run(
                "build", "csl", "--structure", "antifluorite", "--a", "4.61", "--species", "Li,O", "--charges", "Li=0.6,O=-1.2",
                "--axis", "001", "--sigma", "5", "--plane", "310", "--termination", "0", "--repeat", "3x2",
                "--to", "lammps", "--name", "structure", "--output", build, "--quiet");
            string md = Path.Combine(folder, "md");
            Directory.CreateDirectory(md);
            File.Copy(Path.Combine(build, "structure.data"), Path.Combine(md, "structure.data"));
            string metadataPath = Path.Combine(md, "structure.gb.json");
            File.Copy(Path.Combine(build, "structure.gb.json"), metadataPath);

            // MD: minimisation, 2 ps NPT, 1 ps NVT dumped every 0.1 ps (11 frames).
            string tools = Path.Combine(TestPaths.RepositoryRoot, "tools");
            ExternalTools.Run(
                python, [Path.Combine(tools, "testdata", "pedone_li2o_table.py"), "pedone_li2o.table"], md, TimeSpan.FromSeconds(60));
            ExternalTools.Run(
                lmp,
                ["-in", Path.Combine(tools, "example", "li2o-md.in"), "-log", "log.lammps", "-screen", "none",
                 "-var", "data", "structure.data", "-var", "T", TemperatureK.ToString(CultureInfo.InvariantCulture),
                 "-var", "seed", "4928459", "-var", "neq", "2000", "-var", "nprod", "1000", "-var", "every", "100"],
                md,
                TimeSpan.FromSeconds(300));
            string dump = Path.Combine(md, "dump.lammpstrj");
            Assert.True(File.Exists(dump), "LAMMPS wrote no dump");

            BicrystalMetadata metadata = BicrystalMetadataFile.Read(metadataPath);
            double normalLength = NormalLength(dump, metadata.NormalAxis);
            ExampleAnalysis pipeline = AnalyseWithPipeline(dump, metadataPath, metadata, Path.Combine(folder, "pipeline"));
            AssertBoundaryPhysics(pipeline, metadata, normalLength, output.WriteLine);
            ExampleAnalysis commands = AnalyseWithCommands(dump, metadataPath, metadata, Path.Combine(folder, "commands"));
            AssertBoundaryPhysics(commands, metadata, normalLength, output.WriteLine);

            // The pipeline and the single commands go through the same code: the same tables.
            Assert.Equal(File.ReadAllText(commands.RdfGbCsv), File.ReadAllText(pipeline.RdfGbCsv));
            Assert.Equal(File.ReadAllText(commands.RdfControlCsv), File.ReadAllText(pipeline.RdfControlCsv));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }

    /// <summary>
    /// The analysis part, with the gbat commands (a pipeline version will run the same analyses from YAML):
    /// coordination with the builder's regions and with automatic detection, RDF of the boundary slabs, the bulk and
    /// control slabs of the same size in the grain interiors, and the Li MSD by region.
    /// </summary>
    internal static ExampleAnalysis AnalyseWithCommands(string dump, string metadataPath, BicrystalMetadata metadata, string output)
    {
        string[] common = ["--type-map", "1=Li,2=O", "--quiet"];
        string planes = string.Join(',', metadata.Planes.Select(p => p.ToString("R", CultureInfo.InvariantCulture)));
        string halfWidth = metadata.SuggestedHalfWidth.ToString("R", CultureInfo.InvariantCulture);
        string normal = "xyz"[metadata.NormalAxis].ToString();

        // Control slabs: the boundary slabs moved by a quarter of the cell, i.e. to the middle of the grains.
        string controlPlanes = string.Join(
            ',', metadata.Planes.Select(p => ((p + 0.25) % 1.0).ToString("R", CultureInfo.InvariantCulture)));

        ExampleAnalysis a = ExampleAnalysis.CommandLayout(output);
        GbatInProcess.Run(
            ["coordination", dump, .. common, "--species", "Li-O,O-Li", "--boundaries", metadataPath, "--output", Path.GetDirectoryName(a.CoordinationMetadataJson)!]);
        GbatInProcess.Run(
            ["coordination", dump, .. common, "--species", "Li-O,O-Li", "--boundaries", "auto", "--output", Path.GetDirectoryName(a.CoordinationAutoJson)!]);
        foreach ((string region, string regionPlanes, string table) in new[]
        {
            ("gb", planes, a.RdfGbCsv), ("bulk", planes, a.RdfBulkCsv), ("gb", controlPlanes, a.RdfControlCsv),
        })
        {
            GbatInProcess.Run(
                ["rdf", dump, .. common, "--species", "Li-O,O-O", "--r-max", "6", "--bins", "120", "--region", region, "--normal", normal,
                 "--planes", regionPlanes, "--half-width", halfWidth, "--output", Path.GetDirectoryName(table)!]);
        }

        GbatInProcess.Run(
            ["msd", dump, .. common, "--timestep", "1fs", "--species", "Li", "--normal", normal, "--planes", planes,
             "--half-width", halfWidth, "--output", Path.GetDirectoryName(a.MsdJson)!]);
        return a;
    }

    /// <summary>
    /// The same analyses as <see cref="AnalyseWithCommands"/> from one YAML pipeline run by <c>gbat run</c>: the dump
    /// enters three times, with the builder's regions, with automatic detection, and with control slabs a quarter of
    /// the cell away from the boundaries.
    /// </summary>
    internal static ExampleAnalysis AnalyseWithPipeline(string dump, string metadataPath, BicrystalMetadata metadata, string output)
    {
        static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        string controlPlanes = string.Join(", ", metadata.Planes.Select(p => F((p + 0.25) % 1.0)));
        string yaml = $"""
            version: 1
            output: {output}
            defaults:
              type-map: {"{"}1: Li, 2: O{"}"}
              timestep: 1fs
            inputs:
              metadata:
                file: {dump}
                boundaries: {metadataPath}
              auto:
                file: {dump}
                boundaries: auto
              control:
                file: {dump}
                boundaries: none
                normal: {"xyz"[metadata.NormalAxis]}
                planes: [{controlPlanes}]
                half-width: {F(metadata.SuggestedHalfWidth)}
            analyses:
              coordination:
                inputs: [metadata, auto]
                species: [Li-O, O-Li]
              rdf:
                inputs: [metadata, control]
                species: [Li-O, O-O]
                r-max: 6
                bins: 120
                regions: [gb, bulk]
              msd:
                inputs: [metadata]
                species: Li
            """;
        string path = Path.Combine(Path.GetDirectoryName(output)!, "analysis.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(path, yaml);
        GbatInProcess.Run("run", path, "--quiet");
        return ExampleAnalysis.PipelineLayout(output);
    }

    /// <summary>
    /// Every output exists and parses; the automatic detection finds each built boundary within 1 Å; the boundary
    /// slabs' RDFs differ from the bulk's: for Li–O and O–O the L1 distance ∫|g_gb − g_bulk| dr over 0–6 Å is more than
    /// three times the same distance between control slabs of equal size in the grain interiors and the bulk, and the
    /// first Li–O peak is lower at the boundaries than in the bulk.
    /// </summary>
    internal static void AssertBoundaryPhysics(
        ExampleAnalysis a, BicrystalMetadata metadata, double normalLength, Action<string>? log = null)
    {
        foreach (string file in a.ExpectedFiles)
        {
            Assert.True(File.Exists(file), $"missing output {file}");
            Assert.True(new FileInfo(file).Length > 0, $"empty output {file}");
            if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                using JsonDocument _ = JsonDocument.Parse(File.ReadAllBytes(file));
            }
            else if (file.EndsWith(".csv", StringComparison.Ordinal))
            {
                Assert.True(CsvTable.Read(file).RowCount > 0);
            }
        }

        // The builder's regions are used as given.
        using (JsonDocument given = JsonDocument.Parse(File.ReadAllBytes(a.CoordinationMetadataJson)))
        {
            double[] usedPlanes = Doubles(given.RootElement.GetProperty("region").GetProperty("planes_fractional"));
            Assert.Equal(metadata.Planes.Length, usedPlanes.Length);
            for (int i = 0; i < usedPlanes.Length; i++)
            {
                Assert.Equal(metadata.Planes[i], usedPlanes[i], 1e-12);
            }
        }

        // Automatic detection: one detected plane within 1 Å of each built one (periodic distance along the normal).
        using (JsonDocument auto = JsonDocument.Parse(File.ReadAllBytes(a.CoordinationAutoJson)))
        {
            double[] detected = Doubles(auto.RootElement.GetProperty("region").GetProperty("planes_fractional"));
            Assert.Equal(metadata.Planes.Length, detected.Length);
            foreach (double built in metadata.Planes)
            {
                double nearest = detected.Min(d => PeriodicDistance(d, built) * normalLength);
                log?.Invoke($"built plane {built}: nearest detected plane {nearest:F2} Å away");
                Assert.True(
                    nearest < 1.0,
                    $"no boundary detected within 1 Å of the built plane {built} (nearest {nearest:F2} Å; detected {string.Join(", ", detected)})");
            }
        }

        // RDF contrast.
        CsvTable gb = CsvTable.Read(a.RdfGbCsv);
        CsvTable bulk = CsvTable.Read(a.RdfBulkCsv);
        CsvTable control = CsvTable.Read(a.RdfControlCsv);
        double[] r = bulk.Column("r_angstrom");
        double dr = r[1] - r[0];
        foreach (string pair in ContrastPairs)
        {
            double boundary = L1(gb.Column($"g_{pair}"), bulk.Column($"g_{pair}"), dr);
            double interior = L1(control.Column($"g_{pair}"), bulk.Column($"g_{pair}"), dr);
            log?.Invoke($"{pair}: ∫|g_gb − g_bulk| dr = {boundary:F3} Å, interior control {interior:F3} Å");
            Assert.True(
                boundary > 3 * interior,
                $"{pair}: ∫|g_gb − g_bulk| dr = {boundary:F3} Å is not more than 3 × that of interior control slabs ({interior:F3} Å)");
        }

        Assert.True(
            gb.Column("g_Li-O").Max() < bulk.Column("g_Li-O").Max(),
            $"first Li-O peak at the boundaries ({gb.Column("g_Li-O").Max():F2}) is not lower than in the bulk ({bulk.Column("g_Li-O").Max():F2})");

        // MSD: every curve, gb and bulk too, is either diffusive with a finite D and a positive error, or reported as not
        // measurable with null D and a finite upper bound (a 1 ps run of a solid rarely shows diffusion).
        using JsonDocument msd = JsonDocument.Parse(File.ReadAllBytes(a.MsdJson));
        var curves = msd.RootElement.GetProperty("diffusion").EnumerateArray().ToList();
        Assert.Contains(curves, c => c.GetProperty("curve").GetString()!.Contains("gb", StringComparison.Ordinal));
        Assert.Contains(curves, c => c.GetProperty("curve").GetString()!.Contains("bulk", StringComparison.Ordinal));
        foreach (JsonElement c in curves)
        {
            string name = c.GetProperty("curve").GetString()!;
            if (c.GetProperty("measurable").GetBoolean())
            {
                double d = c.GetProperty("D_A2_per_ps").GetDouble();
                double error = c.GetProperty("D_error_A2_per_ps").GetDouble();
                Assert.True(double.IsFinite(d) && error > 0 && d >= 2 * error, $"curve {name}: D = {d} ± {error}");
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, c.GetProperty("D_A2_per_ps").ValueKind);
                double upper = c.GetProperty("D_upper_95_A2_per_ps").GetDouble();
                Assert.True(double.IsFinite(upper) && upper >= 0, $"curve {name}: upper bound {upper}");
            }
        }
    }

    /// <summary>Length (Å) of the cell vector along the boundary normal in the first frame of the dump.</summary>
    private static double NormalLength(string dump, int normalAxis)
    {
        using var reader = new LammpsDumpReader(dump);
        var frame = new Frame();
        Assert.True(reader.Read(frame), "the dump has no frame");
        Vec3 v = normalAxis switch { 0 => frame.Box.A, 1 => frame.Box.B, _ => frame.Box.C };
        return v.Length;
    }

    private static double PeriodicDistance(double a, double b)
    {
        double d = a - b;
        return Math.Abs(d - Math.Round(d));
    }

    private static double L1(double[] x, double[] y, double dr)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += Math.Abs(x[i] - y[i]);
        }

        return sum * dr;
    }

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
