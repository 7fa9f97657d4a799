using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary>An analysis that has nothing to compute says so and exits 1 instead of writing NaN.</summary>
public sealed class NothingComputedTests
{
    [Fact]
    public void RdfOfASingleAtomIsRefused()
    {
        string dir = TestPaths.NewTempDir();
        string poscar = Path.Combine(dir, "POSCAR");
        File.WriteAllText(poscar, "one atom\n1.0\n5 0 0\n0 5 0\n0 0 5\nLi\n1\nDirect\n0 0 0\n");
        var (code, _, stderr) = Gbat.Run("rdf", poscar, "--r-max", "2", "--output", Path.Combine(dir, "out"));
        Assert.Equal(1, code);
        Assert.Contains("no pair of atoms to count", stderr);
        Assert.False(Directory.Exists(Path.Combine(dir, "out", "rdf.csv")));
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
