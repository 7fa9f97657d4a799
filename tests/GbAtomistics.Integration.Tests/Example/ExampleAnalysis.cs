namespace GbAtomistics.Integration.Tests.Example;

/// <summary>
/// The outputs of the end-to-end analysis of one bicrystal trajectory, wherever they were written (by the single
/// commands or by a pipeline), and every file that must exist.
/// </summary>
internal sealed record ExampleAnalysis(
    string CoordinationMetadataJson,
    string CoordinationAutoJson,
    string RdfGbCsv,
    string RdfBulkCsv,
    string RdfControlCsv,
    string MsdJson,
    IReadOnlyList<string> ExpectedFiles)
{
    /// <summary>The layout of <c>BicrystalMdEndToEndTests.AnalyseWithCommands</c>: one folder per command run.</summary>
    public static ExampleAnalysis CommandLayout(string root)
    {
        string coordinationMetadata = Path.Combine(root, "coordination-metadata");
        string coordinationAuto = Path.Combine(root, "coordination-auto");
        string rdfGb = Path.Combine(root, "rdf-gb");
        string rdfBulk = Path.Combine(root, "rdf-bulk");
        string rdfControl = Path.Combine(root, "rdf-control");
        string msd = Path.Combine(root, "msd");
        var files = new List<string>();
        foreach (string folder in new[] { coordinationMetadata, coordinationAuto })
        {
            files.AddRange(new[]
            {
                "coordination.csv", "coordination-summary.csv", "coordination-profile.csv", "coordination.json",
                "coordination.png", "coordination-profile.png", "coordination-atoms.dump", "coordination-atoms.extxyz",
            }.Select(name => Path.Combine(folder, name)));
        }

        foreach (string folder in new[] { rdfGb, rdfBulk, rdfControl })
        {
            files.AddRange(new[] { "rdf.csv", "rdf.json", "rdf.png" }.Select(name => Path.Combine(folder, name)));
        }

        files.AddRange(new[] { "msd.csv", "msd.json", "msd.png" }.Select(name => Path.Combine(msd, name)));
        return new ExampleAnalysis(
            Path.Combine(coordinationMetadata, "coordination.json"),
            Path.Combine(coordinationAuto, "coordination.json"),
            Path.Combine(rdfGb, "rdf.csv"),
            Path.Combine(rdfBulk, "rdf.csv"),
            Path.Combine(rdfControl, "rdf.csv"),
            Path.Combine(msd, "msd.json"),
            files);
    }

    /// <summary>
    /// The layout of <c>gbat run</c> for the pipeline of <c>AnalyseWithPipeline</c>: one folder per input
    /// (<c>metadata</c>, <c>auto</c>, <c>control</c>), region tables named <c>rdf-gb.csv</c>/<c>rdf-bulk.csv</c>,
    /// plus <c>report.md</c> and <c>pipeline.json</c>.
    /// </summary>
    public static ExampleAnalysis PipelineLayout(string root)
    {
        string metadata = Path.Combine(root, "metadata");
        string auto = Path.Combine(root, "auto");
        string control = Path.Combine(root, "control");
        var files = new List<string>
        {
            Path.Combine(root, "report.md"),
            Path.Combine(root, "pipeline.json"),
        };
        foreach (string folder in new[] { metadata, auto })
        {
            files.AddRange(new[]
            {
                "coordination.csv", "coordination-summary.csv", "coordination-profile.csv", "coordination.json",
                "coordination.png", "coordination-profile.png",
            }.Select(name => Path.Combine(folder, name)));
        }

        foreach (string folder in new[] { metadata, control })
        {
            files.AddRange(new[] { "rdf-gb.csv", "rdf-bulk.csv", "rdf-gb.json", "rdf-gb.png" }.Select(name => Path.Combine(folder, name)));
        }

        files.AddRange(new[] { "msd.csv", "msd.json", "msd.png", "msd.svg" }.Select(name => Path.Combine(metadata, name)));
        return new ExampleAnalysis(
            Path.Combine(metadata, "coordination.json"),
            Path.Combine(auto, "coordination.json"),
            Path.Combine(metadata, "rdf-gb.csv"),
            Path.Combine(metadata, "rdf-bulk.csv"),
            Path.Combine(control, "rdf-gb.csv"),
            Path.Combine(metadata, "msd.json"),
            files);
    }
}
