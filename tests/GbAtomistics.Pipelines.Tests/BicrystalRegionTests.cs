using GbAtomistics.Pipelines.Definition;
using GbAtomistics.Pipelines.Execution;
using GbAtomistics.Tests;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>Regions from the metadata `gbat build csl` writes, in a pipeline.</summary>
public sealed class BicrystalRegionTests
{
    private static string Build()
    {
        string dir = TestPaths.NewTempDir();
        var (code, _, err) = Gbat.Run(
            "build", "csl", "--structure", "antifluorite", "--a", "4.61", "--species", "Li,O", "--axis", "001", "--sigma", "5",
            "--plane", "310", "--termination", "1", "--to", "lammps", "--name", "s5", "--no-preview", "--output", dir, "--quiet");
        Assert.True(code == 0, err);
        return dir;
    }

    [Fact]
    public void MetadataBesideTheStructureAndNamedExplicitlyGiveTheSameSlabs()
    {
        string dir = Build();
        string path = Path.Combine(dir, "pipeline.yaml");
        File.WriteAllText(path, """
            inputs:
              beside: {file: s5.data, half-width: 4}
              named: {file: s5.data, boundaries: s5.gb.json, half-width: 3}
            analyses:
              coordination: {species: [Li-O, O-Li], cutoff: 2.6, atoms: none}
              rdf: {r-max: 5, bins: 100, species: Li-O}
            """);
        PipelineDefinition definition = PipelineParser.Load(path);
        var beside = definition.Input("beside").Resolved;
        var named = definition.Input("named").Resolved;
        Assert.StartsWith("metadata", beside.Source, StringComparison.Ordinal);
        Assert.Equal(beside.Region!.Planes, named.Region!.Planes);
        Assert.Equal(2, beside.Region.Axis);
        Assert.Equal(3.0, named.Region.HalfWidth);

        PipelineOutcome outcome = new PipelineRunner(definition, "test", threads: 1).Run();
        Assert.Empty(outcome.Failures);
        Assert.Equal(1, outcome.PassesPerInput["beside"]);
        string report = File.ReadAllText(outcome.Report);
        Assert.Contains("| beside | Li-O | 2.600 | given | gb |", report, StringComparison.Ordinal);
        Assert.Contains("| beside | Li-O | 2.600 | given | bulk |", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "pipeline-results", "named", "rdf-regions-Li-O.png")));
    }
}
