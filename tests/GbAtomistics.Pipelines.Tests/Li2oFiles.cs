using GbAtomistics.Tests;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>The Li2O trajectory of testdata/li2o-bulk (324 atoms, 21 frames, 1000 K) and pipelines written around it.</summary>
internal static class Li2oFiles
{
    public static string Dump => Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj");

    /// <summary>Writes <paramref name="yaml"/> as pipeline.yaml in a fresh folder; returns its path.</summary>
    public static string Pipeline(string yaml)
    {
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, "pipeline.yaml");
        File.WriteAllText(path, yaml.Replace("DUMP", Dump.Replace('\\', '/'), StringComparison.Ordinal));
        return path;
    }
}
