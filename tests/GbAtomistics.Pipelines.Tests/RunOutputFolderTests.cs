namespace GbAtomistics.Pipelines.Tests;

/// <summary><c>gbat run</c> does not write into a folder that already holds files unless told to.</summary>
public sealed class RunOutputFolderTests
{
    [Fact]
    public void ANonEmptyOutputFolderIsRefusedUnlessOverwriteIsGiven()
    {
        string path = Li2oFiles.Pipeline("""
            threads: 1
            inputs:
              a: {file: DUMP, type-map: {1: Li, 2: O}, last-frame: 2}
            analyses:
              rdf: {r-max: 4, bins: 40}
            """);
        string output = Path.Combine(Path.GetDirectoryName(path)!, "results");
        Directory.CreateDirectory(output);
        Assert.Equal(0, Gbat.Run("run", path, "--output", output, "--quiet").Code); // an empty folder is fine

        var (code, _, err) = Gbat.Run("run", path, "--output", output, "--quiet");
        Assert.Equal(1, code);
        Assert.Contains("not empty", err);
        Assert.Contains("--overwrite", err);

        var (again, _, againErr) = Gbat.Run("run", path, "--output", output, "--quiet", "--overwrite");
        Assert.True(again == 0, againErr);
        Assert.True(File.Exists(Path.Combine(output, "report.md")));
    }
}
