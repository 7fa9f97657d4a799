using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary>
/// An analysis that has nothing to compute says so and exits 1 instead of writing NaN; one that cannot compute some
/// cells leaves them empty and says which and why.
/// </summary>
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

    [Fact]
    public void SlabsWithoutAtomsAreEmptyCellsWithANoteNotNaN()
    {
        // Two Li layers at z = 0 and 5 Å in a 10 Å cell: 10 slabs of 1 Å, 8 of which never hold an atom.
        string dir = TestPaths.NewTempDir();
        string poscar = Path.Combine(dir, "POSCAR");
        File.WriteAllText(poscar, "two layers\n1.0\n4 0 0\n0 4 0\n0 0 10\nLi\n2\nDirect\n0 0 0.02\n0.5 0.5 0.52\n");
        string output = Path.Combine(dir, "out");
        var (code, _, stderr) = Gbat.Run("profile", poscar, "--species", "Li-Li", "--cutoff", "4.1", "--profile-bins", "10", "--output", output);
        Assert.True(code == 0, stderr);
        string[] csv = File.ReadAllLines(Path.Combine(output, "profile.csv"));
        Assert.DoesNotContain(csv, l => l.Contains("NaN", StringComparison.Ordinal));
        int cn = Array.IndexOf(csv[0].Split(','), "mean_cn_Li-Li_atoms");
        string[] cells = csv.Skip(1).Select(l => l.Split(',')[cn]).ToArray();
        Assert.Equal(8, cells.Count(c => c.Length == 0));
        Assert.All(cells.Where(c => c.Length > 0), c => Assert.Equal(4.0, double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("note: ", stderr);
        Assert.Contains("profile.csv: empty cells in", stderr);
        Assert.Contains("mean_cn_Li-Li_atoms (8 of 10)", stderr);
    }
}
