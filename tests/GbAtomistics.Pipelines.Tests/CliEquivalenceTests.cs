using GbAtomistics.Tests;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>
/// The same analysis through a command and through a pipeline gives identical tables (byte-identical CSV files), with the
/// same thread count.
/// </summary>
public sealed class CliEquivalenceTests
{
    private const string Common = "--type-map 1=Li,2=O --threads 2";

    private static readonly Lazy<string> PipelineOutput = new(() =>
    {
        string path = Li2oFiles.Pipeline("""
            output: out
            threads: 2
            defaults:
              type-map: {1: Li, 2: O}
              timestep: 1fs
              charges: {Li: 0.6, O: -1.2}
            inputs:
              plain:
                file: DUMP
                temperature: 1000
              slab:
                file: DUMP
                normal: z
                planes: [0.25, 0.75]
                half-width: 2
                temperature: 900
              hot:
                file: HOT
                temperature: 994
              warm:
                file: WARM
                temperature: 904
            analyses:
              rdf: {r-max: 6, bins: 200, species: [Li-O, O-O]}
              coordination: {atoms: none, cutoff: {Li-O: 2.6}}
              profile: {inputs: [slab], profile-bins: 20}
              msd: {}
              conductivity: {}
              compare:
                - name: one
                  inputs: [slab]
                  species: Li-O
              arrhenius:
                - name: all
                  inputs: [hot, warm]
              polycrystal:
                sigma-bulk: 1e-3
                sigma-gb-parallel: 2e-3
                sigma-gb-perpendicular: 1e-5
                width: 2
            """);
        var (code, _, err) = Gbat.Run("run", path, "--quiet");
        Assert.True(code == 0, err);
        return Path.Combine(Path.GetDirectoryName(path)!, "out");
    });

    private static string Cli(params string[] args)
    {
        string dir = TestPaths.NewTempDir();
        var (code, _, err) = Gbat.Run([.. args, "--output", dir, "--quiet"]);
        Assert.True(code == 0, err);
        return dir;
    }

    private static void Same(string cliFolder, string cliFile, string pipelineFile)
    {
        string expected = File.ReadAllText(Path.Combine(cliFolder, cliFile));
        string actual = File.ReadAllText(Path.Combine(PipelineOutput.Value, pipelineFile));
        Assert.Equal(expected, actual);
    }

    private static string[] Args(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void RdfWholeBoxAndGbRegion()
    {
        string whole = Cli([.. Args($"rdf {Li2oFiles.Dump} {Common} --r-max 6 --bins 200 --species Li-O,O-O")]);
        Same(whole, "rdf.csv", "plain/rdf.csv");
        string gb = Cli([.. Args($"rdf {Li2oFiles.Dump} {Common} --r-max 6 --bins 200 --species Li-O,O-O --region gb --normal z --planes 0.25,0.75 --half-width 2")]);
        Same(gb, "rdf.csv", "slab/rdf-gb.csv");
        string bulk = Cli([.. Args($"rdf {Li2oFiles.Dump} {Common} --r-max 6 --bins 200 --species Li-O,O-O --region bulk --normal z --planes 0.25,0.75 --half-width 2")]);
        Same(bulk, "rdf.csv", "slab/rdf-bulk.csv");
    }

    [Fact]
    public void CoordinationWithRegion()
    {
        string dir = Cli([.. Args($"coordination {Li2oFiles.Dump} {Common} --atoms none --cutoff Li-O=2.6 --normal z --planes 0.25,0.75 --half-width 2")]);
        Same(dir, "coordination.csv", "slab/coordination.csv");
        Same(dir, "coordination-summary.csv", "slab/coordination-summary.csv");
        Same(dir, "coordination-profile.csv", "slab/coordination-profile.csv");
    }

    [Fact]
    public void Profile()
    {
        string dir = Cli([.. Args($"profile {Li2oFiles.Dump} {Common} --profile-bins 20 --normal z --planes 0.25,0.75 --half-width 2")]);
        Same(dir, "profile.csv", "slab/profile.csv");
    }

    [Fact]
    public void MsdAndConductivityWithRegion()
    {
        string dir = Cli([.. Args($"conductivity {Li2oFiles.Dump} {Common} --timestep 1fs --charges Li=0.6,O=-1.2 --temperature 900 " +
            "--normal z --planes 0.25,0.75 --half-width 2")]);
        Same(dir, "msd.csv", "slab/msd.csv");
        Same(dir, "conductivity.csv", "slab/conductivity.csv");
        string plain = Cli([.. Args($"conductivity {Li2oFiles.Dump} {Common} --timestep 1fs --charges Li=0.6,O=-1.2 --temperature 1000")]);
        Same(plain, "conductivity.csv", "plain/conductivity.csv");
    }

    [Fact]
    public void CompareOneInputBulkVsGb()
    {
        string dir = Cli([.. Args($"compare {Li2oFiles.Dump} {Common} --labels slab --species Li-O --normal z --planes 0.25,0.75 --half-width 2")]);
        Same(dir, "compare.csv", "compare-one/compare.csv");
    }

    [Fact]
    public void ArrheniusFromThePipelinesConductivityFiles()
    {
        string dir = Cli(
            "arrhenius",
            Path.Combine(PipelineOutput.Value, "hot", "conductivity.json"),
            Path.Combine(PipelineOutput.Value, "warm", "conductivity.json"));
        Same(dir, "arrhenius.csv", "arrhenius-all/arrhenius.csv");
    }

    [Fact]
    public void Polycrystal()
    {
        string dir = Cli([.. Args("polycrystal --sigma-bulk 1e-3 --sigma-gb-parallel 2e-3 --sigma-gb-perpendicular 1e-5 --width 2")]);
        Same(dir, "polycrystal.csv", "polycrystal/polycrystal.csv");
    }
}
