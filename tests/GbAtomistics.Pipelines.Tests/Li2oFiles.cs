using GbAtomistics.Tests;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>The Li2O trajectory of testdata/li2o-bulk (324 atoms, 21 frames, 1000 K) and pipelines written around it.</summary>
internal static class Li2oFiles
{
    public static string Dump => Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj");

    /// <summary>The dump of a worked-example run (e.g. <c>li2o-s5-310-1000K</c>): Li diffuses in the bicrystals.</summary>
    public static string Example(string run) => Path.Combine(TestPaths.TestData, "example", run, "dump.lammpstrj.gz");

    /// <summary>Writes <paramref name="yaml"/> as pipeline.yaml in a fresh folder; returns its path.</summary>
    public static string Pipeline(string yaml)
    {
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, "pipeline.yaml");
        File.WriteAllText(path, yaml
            .Replace("DUMP", Dump.Replace('\\', '/'), StringComparison.Ordinal)
            .Replace("HOT", Example("li2o-s5-310-1000K").Replace('\\', '/'), StringComparison.Ordinal)
            .Replace("WARM", Example("li2o-s5-310-900K").Replace('\\', '/'), StringComparison.Ordinal));
        return path;
    }
}
