namespace GbAtomistics.Tests;

/// <summary>
/// Locates the repository, its testdata/ folder and the shared corpus (<c>../shared/corpus</c> beside the
/// clone, or the folder named by GBAT_CORPUS). Corpus tests skip with a message when it is absent.
/// </summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string TestData => Path.Combine(RepositoryRoot, "testdata");

    /// <summary>The corpus folder, or null when it is not beside this clone.</summary>
    public static string? CorpusOrNull
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("GBAT_CORPUS");
            string dir = !string.IsNullOrEmpty(env) ? env : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    /// <summary>Path of a corpus file; skips the test (with a message) when the corpus is absent.</summary>
    public static string Corpus(string relative)
    {
        string? dir = CorpusOrNull;
        Skip.If(dir is null, "../shared/corpus is not beside this clone; corpus tests skipped");
        string path = Path.Combine(dir!, relative);
        Assert.True(File.Exists(path), $"corpus file missing: {path}");
        return path;
    }

    /// <summary>A fresh empty temporary folder for one test.</summary>
    public static string NewTempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "gbat-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "GbAtomistics.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("GbAtomistics.sln not found above " + AppContext.BaseDirectory);
    }
}
