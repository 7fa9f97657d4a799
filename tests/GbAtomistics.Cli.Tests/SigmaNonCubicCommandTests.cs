using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

public class SigmaNonCubicCommandTests
{
    [Fact]
    public void HexagonalTableWithAFourIndexAxis()
    {
        var (code, stdout, stderr) = Gbat.Run("sigma", "--lattice", "hexagonal", "--ratio", "8/3", "--axis", "2-1-10", "--max-sigma", "30");
        Assert.True(code == 0, stderr);
        Assert.Contains("about [100] = [2-1-10] of the hexagonal lattice, c²/a² = 8/3 (c/a = 1.6330)", stdout);
        Assert.Contains(" 17   86.63       93.37", stdout);
        Assert.Contains(" 18   70.53      109.47", stdout);
        Assert.DoesNotContain("Rational approximation", stdout);
        Assert.Equal(4, stdout.Split('\n').Count(l => l.Length > 3 && char.IsAsciiDigit(l.TrimStart()[0])));
    }

    [Fact]
    public void TetragonalJsonAndCsv()
    {
        string dir = Path.Combine(TestPaths.NewTempDir(), "sigma");
        var (code, stdout, stderr) = Gbat.Run("sigma", "--lattice", "tetragonal", "--ratio", "9:4", "--axis", "100", "--max-sigma", "20", "--json", "--output", dir);
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement lattice = doc.RootElement.GetProperty("lattice");
        Assert.Equal("tetragonal", lattice.GetProperty("system").GetString());
        Assert.Equal("9/4", lattice.GetProperty("ratio").GetString());
        Assert.False(lattice.GetProperty("approximated").GetBoolean());
        JsonElement entries = doc.RootElement.GetProperty("entries");
        Assert.Equal([6, 10, 13, 15], entries.EnumerateArray().Select(e => e.GetProperty("sigma").GetInt32()));
        Assert.Equal(36.87, entries[1].GetProperty("angle_degrees").GetDouble(), 0.01);
        Assert.Equal(143.13, entries[1].GetProperty("equivalent_angle_degrees").GetDouble(), 0.01);
        string[] csv = File.ReadAllLines(Path.Combine(dir, "sigma.csv"));
        Assert.Equal("sigma,angle_deg,equivalent_angle_deg,axis,m,n,planes_lower_upper,lattice,ratio,strain_percent,rotation_angles_deg", csv[0]);
        Assert.Equal(5, csv.Length);
        Assert.Equal("10,36.8699,143.1301,[100],1,2,,tetragonal,9/4,\"\",\"36.8699 143.1301\"", csv[2]);
        Assert.True(File.Exists(Path.Combine(dir, "sigma.json")));
    }

    [Fact]
    public void MeasuredRatioIsApproximatedAndTheStrainReported()
    {
        var (code, stdout, stderr) = Gbat.Run("sigma", "--lattice", "hexagonal", "--ratio", "2.63608", "--axis", "0001", "--max-sigma", "20");
        Assert.True(code == 0, stderr);
        Assert.Contains("c²/a² = 8/3", stdout);
        Assert.Contains("each grain is strained c +0.578% (c/a 1.6236 → 1.6330, a kept)", stdout);
        Assert.Contains("  7   21.79       38.21", stdout);
    }

    [Fact]
    public void StructureFileGivesTheLatticeAndStrain()
    {
        // Mg, a = 3.2094 Å, c = 5.2108 Å (hcp, two atoms).
        string path = Path.Combine(TestPaths.NewTempDir(), "Mg.vasp");
        File.WriteAllText(path, "Mg hcp\n1.0\n3.2094 0 0\n-1.6047 2.77942 0\n0 0 5.2108\nMg\n2\nDirect\n0.333333 0.666667 0.25\n0.666667 0.333333 0.75\n");
        var (code, stdout, stderr) = Gbat.Run("sigma", "--structure", path, "--axis", "0001", "--max-sigma", "20", "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement lattice = doc.RootElement.GetProperty("lattice");
        Assert.Equal("hexagonal", lattice.GetProperty("system").GetString());
        Assert.Equal("8/3", lattice.GetProperty("ratio").GetString());
        Assert.Equal(path, lattice.GetProperty("source").GetString());
        JsonElement strain = lattice.GetProperty("strains")[0];
        Assert.Equal("c", strain.GetProperty("parameter").GetString());
        Assert.Equal(100 * (Math.Sqrt(8.0 / 3) / (5.2108 / 3.2094) - 1), strain.GetProperty("strain_percent").GetDouble(), 1e-4); // b is 3.20940 Å to 6 digits
        Assert.Equal([0, 0, 0, 1], doc.RootElement.GetProperty("axis_four_index").EnumerateArray().Select(x => x.GetInt32()));

        var (code2, _, stderr2) = Gbat.Run("sigma", "--structure", path, "--lattice", "tetragonal", "--axis", "001");
        Assert.Equal(1, code2);
        Assert.Single(stderr2.Trim().Split('\n'));
        Assert.Contains("is hexagonal", stderr2);
    }

    [Fact]
    public void LammpsDataFileGivesATetragonalLattice()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "tet.data");
        File.WriteAllText(path, "tetragonal cell\n\n1 atoms\n1 atom types\n\n0 4.0 xlo xhi\n0 4.0 ylo yhi\n0 6.0 zlo zhi\n\nMasses\n\n1 1.0\n\nAtoms # atomic\n\n1 1 0 0 0\n");
        var (code, stdout, stderr) = Gbat.Run("sigma", "--structure", path, "--axis", "100", "--max-sigma", "20");
        Assert.True(code == 0, stderr);
        Assert.Contains("of the tetragonal lattice, c²/a² = 9/4 (c/a = 1.5000)", stdout);
        Assert.Contains("each grain is strained c +0.000%", stdout);
        Assert.Contains(" 10   36.87      143.13", stdout);
    }

    [Fact]
    public void TriclinicStructureIsRefusedWithOneLine()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "POSCAR");
        File.WriteAllText(path, "triclinic\n1.0\n4.0 0 0\n0.5 5.0 0\n0.3 0.4 6.0\nX\n1\nDirect\n0 0 0\n");
        var (code, stdout, stderr) = Gbat.Run("sigma", "--structure", path, "--axis", "001");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith($"gbat: {path}: the cell", stderr);
        Assert.Contains("triclinic", stderr);
        Assert.Contains("not supported for Σ tables", stderr);
    }

    [Theory]
    [InlineData("--lattice hexagonal --axis 0001", "--lattice hexagonal: give the axial ratio")]
    [InlineData("--ratio 8/3 --axis 001", "--ratio '8/3': give the lattice")]
    [InlineData("--lattice cubic --ratio 2 --axis 001", "--ratio '2': a cubic lattice takes no ratio")]
    [InlineData("--lattice monoclinic --axis 001", "--lattice 'monoclinic'")]
    [InlineData("--lattice orthorhombic --ratio 1:2 --axis 001", "--ratio '1:2'")]
    [InlineData("--lattice hexagonal --ratio 8/3 --axis 1011", "--axis '1011'")]
    [InlineData("--lattice hexagonal --ratio 2.63608 --ratio-tolerance 0.001 --max-denominator 10 --axis 0001", "raise --ratio-tolerance or --max-denominator")]
    [InlineData("--lattice tetragonal --ratio 2 --axis 001 --max-sigma 5000", "--max-sigma 5000")]
    public void BadRequestsAreOneLineErrors(string args, string expected)
    {
        var (code, _, stderr) = Gbat.Run(["sigma", .. args.Split(' ')]);
        Assert.Equal(1, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("gbat: ", stderr);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void EveryHelpExampleRunsAsWritten()
    {
        var (code, stdout, _) = Gbat.Run("sigma", "--help");
        Assert.Equal(0, code);
        string[] examples = stdout.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("gbat sigma ", StringComparison.Ordinal)).ToArray();
        Assert.True(examples.Length >= 7, stdout);
        Assert.Contains(examples, e => e.Contains("--lattice rhombohedral", StringComparison.Ordinal));
        foreach (string example in examples)
        {
            string[] args = example.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
            int o = Array.IndexOf(args, "--output");
            if (o >= 0)
            {
                args[o + 1] = Path.Combine(TestPaths.NewTempDir(), args[o + 1]);
            }

            var (c, _, err) = Gbat.Run(args);
            Assert.True(c == 0, $"{example}: {err}");
        }
    }
}
