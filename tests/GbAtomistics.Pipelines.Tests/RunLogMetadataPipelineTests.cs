using System.Text.Json;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Pipelines.Definition;
using GbAtomistics.Pipelines.Execution;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>Pipelines take the timestep and temperature of an input from the log.lammps beside it, as the commands do.</summary>
public sealed class RunLogMetadataPipelineTests
{
    [Fact]
    public void TimestepAndProductionTemperatureComeFromTheLog()
    {
        string path = Li2oFiles.Pipeline("""
            output: out
            threads: 2
            inputs:
              hot: {file: HOT, type-map: {1: Li, 2: O}, charges: {Li: 0.6, O: -1.2}, first-frame: 10, boundaries: none}
            analyses:
              msd: {}
              conductivity: {}
            """);
        PipelineDefinition definition = PipelineParser.Load(path);
        Assert.Equal(0.001, definition.Inputs[0].Trajectory.ReadOptions.TimestepPs);
        Assert.Contains("log.lammps", definition.Inputs[0].Trajectory.TimestepSource);
        PipelineOutcome outcome = new PipelineRunner(definition, "test").Run();
        Assert.Empty(outcome.Failures);

        string log = Path.Combine(Path.GetDirectoryName(Li2oFiles.Example("li2o-s5-310-1000K"))!, "log.lammps");
        ThermoBlock production = LammpsLogReader.Read(log).Blocks[^1];
        int temp = production.ColumnIndex("Temp");
        double mean = production.Rows.Where(r => r[0] >= 4000).Average(r => r[temp]);

        string folder = Path.Combine(Path.GetDirectoryName(path)!, "out", "hot");
        using JsonDocument sigma = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "conductivity.json")));
        Assert.Equal(mean, sigma.RootElement.GetProperty("temperature_K").GetDouble(), 9);
        Assert.True(sigma.RootElement.GetProperty("temperature_sd_K").GetDouble() > 0);
        Assert.Contains("steps 4000–20000", sigma.RootElement.GetProperty("temperature_source").GetString());
        using JsonDocument msd = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "msd.json")));
        Assert.Equal(0.4, msd.RootElement.GetProperty("frame_interval_ps").GetDouble(), 12);
        Assert.Contains("log.lammps", msd.RootElement.GetProperty("timestep_source").GetString());
        Assert.Contains(" ± ", File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "out", "report.md")));
    }

    [Fact]
    public void AnInputWithoutBoundariesFindsTheBuilderMetadataBesideItsDump()
    {
        string path = Li2oFiles.Pipeline("""
            inputs:
              hot: {file: HOT, type-map: {1: Li, 2: O}}
              none: {file: HOT, type-map: {1: Li, 2: O}, boundaries: none}
            analyses: {}
            """);
        PipelineDefinition definition = PipelineParser.Load(path);
        ResolvedRegion found = definition.Input("hot").Resolved;
        Assert.Contains("structure.gb.json", found.Source);
        Assert.Equal(4.0, found.Region!.HalfWidth);
        Assert.Null(definition.Input("none").Resolved.Region);
    }
}
