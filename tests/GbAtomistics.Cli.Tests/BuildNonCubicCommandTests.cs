using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary><c>gbat build csl</c> about the unique axis of hexagonal and orthorhombic cells, and its refusals.</summary>
public class BuildNonCubicCommandTests
{
    private const string Wurtzite = """
        ZnO wurtzite
        1.0
        3.25 0 0
        -1.625 2.8145825622994254 0
        0 0 5.207
        Zn O
        2 2
        Direct
        0.3333333333333333 0.6666666666666666 0
        0.6666666666666666 0.3333333333333333 0.5
        0.3333333333333333 0.6666666666666666 0.382
        0.6666666666666666 0.3333333333333333 0.882
        """;

    private const string Orthorhombic = """
        NaCl CsCl-type, orthorhombic
        1.0
        4 0 0
        0 5.679482 0
        0 0 3.5
        Na Cl
        1 1
        Direct
        0 0 0
        0.5 0.5 0.5
        """;

    /// <summary>
    /// β-Li3PS4 (Pnma; Homma et al., Solid State Ionics 182, 53 (2011), ICSD 180319), ordered with Li on 8d and the
    /// majority 4b site: the 32 sites of the cell, expanded from the published coordinates by the operations of Pnma.
    /// </summary>
    private const string BetaLi3PS4 = """
        beta-Li3PS4
        1.0
        12.8190 0 0
        0 8.2195 0
        0 0 6.1236
        Li P S
        12 4 16
        Direct
        0.0000 0.0000 0.5000
        0.0000 0.5000 0.5000
        0.1438 0.5130 0.9390
        0.1438 0.9870 0.9390
        0.3562 0.0130 0.4390
        0.3562 0.4870 0.4390
        0.5000 0.0000 0.0000
        0.5000 0.5000 0.0000
        0.6438 0.5130 0.5610
        0.6438 0.9870 0.5610
        0.8562 0.0130 0.0610
        0.8562 0.4870 0.0610
        0.0872 0.2500 0.1719
        0.4128 0.7500 0.6719
        0.5872 0.2500 0.3281
        0.9128 0.7500 0.8281
        0.0654 0.7500 0.7426
        0.1068 0.2500 0.8366
        0.1551 0.0458 0.2852
        0.1551 0.4542 0.2852
        0.3449 0.5458 0.7852
        0.3449 0.9542 0.7852
        0.3932 0.7500 0.3366
        0.4346 0.2500 0.2426
        0.5654 0.7500 0.7574
        0.6068 0.2500 0.6634
        0.6551 0.0458 0.2148
        0.6551 0.4542 0.2148
        0.8449 0.5458 0.7148
        0.8449 0.9542 0.7148
        0.8932 0.7500 0.1634
        0.9346 0.2500 0.2574
        """;

    [Fact]
    public void BuildsAHexagonalBasalTiltWithFourIndexAxisAndPlane()
    {
        string dir = TestPaths.NewTempDir();
        string cell = Path.Combine(dir, "ZnO.vasp");
        File.WriteAllText(cell, Wurtzite);
        string output = Path.Combine(dir, "zno");
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", cell, "--charges", "Zn=2,O=-2", "--axis", "0001", "--sigma", "7",
            "--plane", "12-30", "--no-preview", "--output", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("Σ7", stdout);
        Assert.Contains("net charge 0 e", stdout);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "build.json")));
        JsonElement root = json.RootElement;
        Assert.Equal("hexagonal", root.GetProperty("lattice").GetProperty("system").GetString());
        Assert.Equal(7, root.GetProperty("sigma").GetInt32());
        Assert.Equal(21.787, root.GetProperty("angle_degrees").GetDouble(), 0.01);
        JsonElement strains = root.GetProperty("lattice").GetProperty("strain_per_grain");
        Assert.Equal(2, strains.GetArrayLength());
        Assert.Equal(0, strains[0].GetProperty("strains")[0].GetProperty("strain_percent").GetDouble(), 9);
    }

    /// <summary>
    /// An α-NaFeO2-type layered oxide with the LiCoO2 cell (R-3m, a = 2.8156, c = 14.0542 Å; Co 3a, Li 3b, O 6c z = 0.2604)
    /// in its hexagonal cell (obverse setting).
    /// </summary>
    private const string LayeredOxide = """
        LiCoO2 R-3m hexagonal setting
        1.0
        2.8156 0 0
        -1.4078 2.438381336900431 0
        0 0 14.0542
        Li Co O
        3 3 6
        Direct
        0 0 0.5
        0.6666666666666666 0.3333333333333333 0.8333333333333333
        0.3333333333333333 0.6666666666666666 0.1666666666666667
        0 0 0
        0.6666666666666666 0.3333333333333333 0.3333333333333333
        0.3333333333333333 0.6666666666666666 0.6666666666666666
        0 0 0.2604
        0 0 0.7396
        0.6666666666666666 0.3333333333333333 0.5937333333333333
        0.6666666666666666 0.3333333333333333 0.0729333333333333
        0.3333333333333333 0.6666666666666666 0.9270666666666667
        0.3333333333333333 0.6666666666666666 0.4062666666666667
        """;

    [Fact]
    public void LabelsARhombohedralCrystalWithTheSigmaOfItsLattice()
    {
        string dir = TestPaths.NewTempDir();
        string cell = Path.Combine(dir, "LiCoO2.vasp");
        File.WriteAllText(cell, LayeredOxide);
        string output = Path.Combine(dir, "lco");

        // 21.79° is Σ7 of the hexagonal net but Σ21 of the rhombohedral lattice.
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", cell, "--charges", "Li=1,Co=3,O=-2", "--axis", "0001", "--angle", "21.79",
            "--translation", "0,0", "--no-preview", "--output", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("Σ21", stdout);
        Assert.Contains("lattice: rhombohedral (hexagonal setting), Σ21 of the rhombohedral lattice (Σ7 of the hexagonal net alone)", stdout);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "build.json")));
        JsonElement root = json.RootElement;
        Assert.Equal("rhombohedral (hexagonal setting)", root.GetProperty("lattice").GetProperty("system").GetString());
        Assert.Equal(7, root.GetProperty("lattice").GetProperty("sigma_hexagonal_net").GetInt32());
        Assert.Equal(21, root.GetProperty("sigma").GetInt32());
        Assert.Equal(21.787, root.GetProperty("angle_degrees").GetDouble(), 0.01);
        Assert.Equal(98.213, root.GetProperty("equivalent_angle_degrees").GetDouble(), 0.01);
        string name = root.GetProperty("members")[0].GetProperty("name").GetString()!;
        Assert.Contains("-S21-", name);
        using JsonDocument gb = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, name + ".gb.json")));
        Assert.Equal(21, gb.RootElement.GetProperty("sigma").GetInt32());
        Assert.Equal("rhombohedral (hexagonal setting)", gb.RootElement.GetProperty("lattice").GetString());
    }

    [Fact]
    public void ReportsTheStrainOfAnApproximatedOrthorhombicRatio()
    {
        string dir = TestPaths.NewTempDir();
        string cell = Path.Combine(dir, "NaCl-ortho.vasp");
        File.WriteAllText(cell, Orthorhombic);
        string output = Path.Combine(dir, "ortho");
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", cell, "--charges", "Na=1,Cl=-1", "--axis", "001", "--plane", "110",
            "--no-preview", "--output", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("strain of each grain: b -0.398 %", stdout);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "build.json")));
        JsonElement grain2 = json.RootElement.GetProperty("lattice").GetProperty("strain_per_grain")[1];
        Assert.Equal(2, grain2.GetProperty("grain").GetInt32());
        Assert.Equal(-0.398, grain2.GetProperty("strains")[0].GetProperty("strain_percent").GetDouble(), 0.001);

        var (refused, _, err) = Gbat.Run("build", "csl", "--structure", cell, "--axis", "001", "--plane", "110", "--max-strain", "0.001",
            "--output", Path.Combine(dir, "strict"));
        Assert.Equal(1, refused);
        Assert.Contains("--max-strain", err);
    }

    [Fact]
    public void BuildsBetaLi3PS4WithItsThiophosphateUnitsAndReportsTheStrain()
    {
        string dir = TestPaths.NewTempDir();
        string cell = Path.Combine(dir, "Li3PS4-beta.vasp");
        File.WriteAllText(cell, BetaLi3PS4);
        string output = Path.Combine(dir, "lps");
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", cell, "--charges", "Li=1,P=5,S=-2", "--axis", "001", "--sigma", "8",
            "--units", "P:S", "--no-preview", "--output", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("Σ8 (2-10)/(210)", stdout);
        Assert.Contains("net charge 0 e", stdout);
        Assert.Contains("strain of each grain: b +0.671 %", stdout);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "build.json")));
        JsonElement root = json.RootElement;
        Assert.Equal("orthorhombic", root.GetProperty("lattice").GetProperty("system").GetString());
        Assert.Equal(8, root.GetProperty("sigma").GetInt32());
        JsonElement strains = root.GetProperty("lattice").GetProperty("strain_per_grain");
        Assert.Equal(2, strains.GetArrayLength());
        foreach (JsonElement grain in strains.EnumerateArray())
        {
            Assert.Equal(0.671, grain.GetProperty("strains")[0].GetProperty("strain_percent").GetDouble(), 0.001);
        }
    }

    /// <summary>
    /// An orthorhombic rock salt (a = 5, b = 5.64, c = 5.64·√2·1.003 Å) about a: (c/b)² = 2.012 becomes 2 (c strained by
    /// −0.299 %), the plane (011) is Σ3 at 70.53°, and the output gives the axis, planes, strained edge and cell vectors
    /// in the file's own axes (a along x, unchanged; c built as 5.64·√2).
    /// </summary>
    [Fact]
    public void BuildsAnOrthorhombicTiltAboutAInTheCellsOwnAxes()
    {
        string dir = TestPaths.NewTempDir();
        string cell = Path.Combine(dir, "NaCl-ortho.vasp");
        File.WriteAllText(cell, """
            NaCl rock salt, orthorhombic
            1.0
            5 0 0
            0 5.64 0
            0 0 8.000092985259608
            Na Cl
            4 4
            Direct
            0 0 0
            0.5 0.5 0
            0.5 0 0.5
            0 0.5 0.5
            0.5 0 0
            0 0.5 0
            0 0 0.5
            0.5 0.5 0.5
            """);
        string output = Path.Combine(dir, "ortho-a");
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", cell, "--charges", "Na=1,Cl=-1", "--axis", "100", "--plane", "011",
            "--no-preview", "--output", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("Σ3 (01-1)/(011) about [100], 70.53°", stdout);
        Assert.Contains("net charge 0 e", stdout);
        Assert.Contains("strain of each grain: c -0.299 %", stdout);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "build.json")));
        JsonElement root = json.RootElement;
        Assert.Equal(3, root.GetProperty("sigma").GetInt32());
        Assert.Equal(70.529, root.GetProperty("angle_degrees").GetDouble(), 0.01);
        Assert.Equal([1, 0, 0], root.GetProperty("axis").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal("(01-1)", root.GetProperty("plane_lower").GetString());
        Assert.Equal("(011)", root.GetProperty("plane_upper").GetString());
        JsonElement lattice = root.GetProperty("lattice");
        Assert.Equal("orthorhombic", lattice.GetProperty("system").GetString());
        double[][] vectors = lattice.GetProperty("cell_vectors_angstrom").EnumerateArray().Select(v => v.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        Assert.Equal(5, vectors[0][0], 1e-9);
        Assert.Equal(5.64, vectors[1][1], 1e-9);
        Assert.Equal(5.64 * Math.Sqrt(2), vectors[2][2], 1e-9);
        foreach (JsonElement grain in lattice.GetProperty("strain_per_grain").EnumerateArray())
        {
            JsonElement strain = Assert.Single(grain.GetProperty("strains").EnumerateArray());
            Assert.Equal("c", strain.GetProperty("parameter").GetString());
            Assert.Equal(100 * ((1 / 1.003) - 1), strain.GetProperty("strain_percent").GetDouble(), 1e-6);
        }

        // The box: x along a (period 5 Å).
        JsonElement member = Assert.Single(root.GetProperty("members").EnumerateArray());
        Assert.Equal(5, member.GetProperty("box_angstrom")[0].GetDouble(), 1e-9);
        using JsonDocument gb = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, member.GetProperty("metadata").GetString()!)));
        Assert.Equal([1, 0, 0], gb.RootElement.GetProperty("axis").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal([0, 1, 1], gb.RootElement.GetProperty("plane_upper").EnumerateArray().Select(x => x.GetInt32()));
    }

    [Fact]
    public void OtherAxesOfNonCubicCellsAreRefusedInOneLine()
    {
        string dir = TestPaths.NewTempDir();
        string cell = Path.Combine(dir, "ZnO.vasp");
        File.WriteAllText(cell, Wurtzite);
        var (code, _, stderr) = Gbat.Run("build", "csl", "--structure", cell, "--axis", "10-11", "--sigma", "7", "--output", Path.Combine(dir, "x"));
        Assert.Equal(1, code);
        Assert.Contains("tilts are built about [001] (c) of tetragonal, orthorhombic and hexagonal cells ([0001]), about [100] and [010] (a, b) of tetragonal and orthorhombic cells, and about [100] = [2-1-10] and [120] = [01-10] of hexagonal cells", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void WurtziteAboutTwoMinusOneMinusOneZeroReportsTheHexagonalSigmaAndTheStrainOfC()
    {
        string dir = TestPaths.NewTempDir();
        string cell = Path.Combine(dir, "ZnO.vasp");
        File.WriteAllText(cell, Wurtzite);
        string output = Path.Combine(dir, "zno");
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", cell, "--charges", "Zn=2,O=-2", "--axis", "2-1-10", "--sigma", "28", "--output", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("Σ28 (01-2)/(012) about [100]", stdout);
        Assert.Contains("strain of each grain: c +0.643 %", stdout);
        using JsonDocument build = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "build.json")));
        Assert.Equal([1, 0, 0], build.RootElement.GetProperty("axis").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal(28, build.RootElement.GetProperty("sigma").GetInt32());
        Assert.Equal("hexagonal", build.RootElement.GetProperty("lattice").GetProperty("system").GetString());
    }
}
