using GbAtomistics.Tests;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>
/// A trajectory split over files at a restart (the restart frame written twice) gives the numbers of the whole file,
/// from the command line (a quoted pattern) and from a pipeline (a list under <c>file:</c>).
/// </summary>
public sealed class SplitTrajectoryTests
{
    /// <summary>Splits the 21-frame Li2O dump into frames 0–10 and 10–20 (frame 10 in both); returns the folder.</summary>
    private static string Split()
    {
        string dir = TestPaths.NewTempDir();
        string[] frames = File.ReadAllText(Li2oFiles.Dump).Split("ITEM: TIMESTEP\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(f => "ITEM: TIMESTEP\n" + f).ToArray();
        Assert.Equal(21, frames.Length);
        File.WriteAllText(Path.Combine(dir, "dump.1.lammpstrj"), string.Concat(frames[..11]));
        File.WriteAllText(Path.Combine(dir, "dump.2.lammpstrj"), string.Concat(frames[10..]));
        return dir;
    }

    [Fact]
    public void AQuotedPatternGivesTheMsdOfTheWholeFile()
    {
        string dir = Split();
        string whole = Path.Combine(TestPaths.NewTempDir(), "whole"), split = Path.Combine(TestPaths.NewTempDir(), "split");
        var (code, _, err) = Gbat.Run("msd", Li2oFiles.Dump, "--type-map", "1=Li,2=O", "--timestep", "1fs", "--output", whole, "--quiet");
        Assert.True(code == 0, err);
        (code, _, err) = Gbat.Run("msd", Path.Combine(dir, "dump.*.lammpstrj"), "--type-map", "1=Li,2=O", "--timestep", "1fs", "--output", split, "--quiet");
        Assert.True(code == 0, err);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "msd.csv")), File.ReadAllText(Path.Combine(split, "msd.csv")));
    }

    [Fact]
    public void APipelineTakesAListOfFiles()
    {
        string dir = Split();
        string pipeline = Path.Combine(dir, "pipeline.yaml");
        File.WriteAllText(pipeline, """
            output: results
            inputs:
              split:
                file: [dump.1.lammpstrj, dump.2.lammpstrj]
                type-map: {1: Li, 2: O}
            analyses:
              rdf:
                r-max: 5
            """);
        var (code, _, err) = Gbat.Run("run", pipeline, "--quiet");
        Assert.True(code == 0, err);
        string whole = Path.Combine(TestPaths.NewTempDir(), "whole");
        (code, _, err) = Gbat.Run("rdf", Li2oFiles.Dump, "--type-map", "1=Li,2=O", "--r-max", "5", "--output", whole, "--quiet");
        Assert.True(code == 0, err);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "rdf.csv")), File.ReadAllText(Path.Combine(dir, "results", "split", "rdf.csv")));
    }
}
