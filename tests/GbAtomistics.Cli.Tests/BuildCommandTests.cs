using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;
using GbAtomistics.IO.Vasp;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

public class BuildCommandTests
{
    [Fact]
    public void BuildsLi3OClSigma3WithAllOutputs()
    {
        string dir = Path.Combine(TestPaths.NewTempDir(), "li3ocl");
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", "antiperovskite", "--a", "3.91", "--species", "Li,O,Cl",
            "--axis", "110", "--sigma", "3", "--plane", "111", "--repeat", "1x1", "--thickness", "15", "--output", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("Li3OCl-S3-111: Σ3", stdout);
        Assert.Contains("net charge 0 e", stdout);
        foreach (string file in new[] { "Li3OCl-S3-111.data", "Li3OCl-S3-111.vasp", "Li3OCl-S3-111.gb.json", "Li3OCl-S3-111.png", "build.json" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        }

        BicrystalMetadata meta = BicrystalMetadataFile.Read(Path.Combine(dir, "Li3OCl-S3-111.gb.json"));
        Assert.Equal("Li3OCl-S3-111.data", meta.Structure);

        // LAMMPS data (charge style, formal charges) and POSCAR hold the same structure, atoms in id order.
        var data = new Frame();
        using (var reader = new LammpsDataReader(Path.Combine(dir, meta.Structure)))
        {
            Assert.True(reader.Read(data));
        }

        var poscar = new Frame();
        using (var reader = new PoscarReader(Path.Combine(dir, "Li3OCl-S3-111.vasp")))
        {
            Assert.True(reader.Read(poscar));
        }

        Assert.Equal(meta.GrainOfAtom.Length, data.Count);
        Assert.Equal(data.Count, poscar.Count);
        Assert.Equal(0, data.Charges!.Sum(), 9);
        Assert.Equal(3.0 * data.Types.Count(t => t == 2), data.Types.Count(t => t == 1));
        for (int i = 0; i < data.Count; i++)
        {
            Assert.Equal(data.SpeciesName(i), poscar.SpeciesName(i));
            Assert.True(data.Box.MinimumImage(data.Positions[i] - poscar.Positions[i]).Length < 1e-6);
        }

        Assert.Equal(["Li", "O", "Cl"], meta.Species);
        Assert.Equal(3, meta.Sigma);
        Assert.Equal(70.53, meta.AngleDegrees, 0.01);
    }

    [Fact]
    public void TranslationGridWritesANumberedFamily()
    {
        string dir = Path.Combine(TestPaths.NewTempDir(), "family");
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", "rock-salt", "--axis", "001", "--sigma", "5", "--plane", "310",
            "--translations", "2x2", "--thickness", "10", "--to", "lammps", "--no-preview", "--output", dir, "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement members = doc.RootElement.GetProperty("members");
        Assert.Equal(4, members.GetArrayLength());
        for (int k = 0; k < 4; k++)
        {
            Assert.True(File.Exists(Path.Combine(dir, $"NaCl-S5-310-t{k:D3}.data")));
            Assert.True(File.Exists(Path.Combine(dir, $"NaCl-S5-310-t{k:D3}.gb.json")));
        }

        // The whole 2x2 grid, ranked by model energy (t000 the lowest), each member with its rank and score.
        var translations = members.EnumerateArray()
            .Select(m => (m.GetProperty("translation_fraction")[0].GetDouble(), m.GetProperty("translation_fraction")[1].GetDouble()))
            .Order().ToArray();
        Assert.Equal([(0.0, 0.0), (0.0, 0.5), (0.5, 0.0), (0.5, 0.5)], translations);
        double[] energies = members.EnumerateArray().Select(m => m.GetProperty("model_energy_j_m2").GetDouble()).ToArray();
        Assert.Equal(energies.Order(), energies);
        Assert.Equal([0, 1, 2, 3], members.EnumerateArray().Select(m => m.GetProperty("rank").GetInt32()));
        Assert.All(members.EnumerateArray(), m => Assert.All(m.GetProperty("pair_distances").EnumerateArray(),
            p => Assert.True(p.GetProperty("ratio").GetDouble() >= p.GetProperty("min_ratio").GetDouble() - 1e-9)));
        Assert.False(File.Exists(Path.Combine(dir, "NaCl-S5-310-t000.vasp")));
    }

    [Fact]
    public void RefusedCandidateSaysWhichPairBreaksTheCriterion()
    {
        // Zero translation, termination 0: Li pairs at 1.24 Å across the boundary (0.45 of Li-Li in bulk).
        string dir = Path.Combine(TestPaths.NewTempDir(), "refused");
        var (code, _, stderr) = Gbat.Run("build", "csl", "--structure", "antiperovskite", "--axis", "001", "--sigma", "5", "--plane", "310",
            "--translation", "0,0", "--termination", "0", "--overlap", "refuse", "--output", dir);
        Assert.Equal(1, code);
        Assert.Contains("termination 0 (through LiOCl): ", stderr);
        Assert.Contains("below the distance criterion, the worst Li-Li", stderr);
        Assert.Contains("--overlap formula-units", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void DefaultBuildSaysWhichCandidateWasChosenAndWritesThePairTable()
    {
        string dir = Path.Combine(TestPaths.NewTempDir(), "default");
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", "antiperovskite", "--axis", "001", "--sigma", "5", "--plane", "310",
            "--min-ratio", "0.8,Li-Li=0.85", "--no-preview", "--output", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("chosen: translation (", stdout);
        Assert.Contains("lowest model energy", stdout);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "build.json")));
        JsonElement member = Assert.Single(doc.RootElement.GetProperty("members").EnumerateArray());
        var pairs = member.GetProperty("pair_distances").EnumerateArray().ToDictionary(p => p.GetProperty("pair").GetString()!);
        Assert.Equal(6, pairs.Count); // Li-Li, Li-O, Li-Cl, O-O, O-Cl, Cl-Cl
        Assert.Equal(3.91 / Math.Sqrt(2), pairs["Li-Li"].GetProperty("bulk_angstrom").GetDouble(), 9);
        Assert.Equal(0.85, pairs["Li-Li"].GetProperty("min_ratio").GetDouble());
        Assert.Equal(0.8, pairs["O-Cl"].GetProperty("min_ratio").GetDouble());
        Assert.All(pairs.Values, p => Assert.True(p.GetProperty("ratio").GetDouble() >= p.GetProperty("min_ratio").GetDouble() - 1e-9));
        Assert.All(pairs.Values, p => Assert.Equal(
            p.GetProperty("shortest_angstrom").GetDouble() / p.GetProperty("bulk_angstrom").GetDouble(), p.GetProperty("ratio").GetDouble(), 12));
        Assert.Contains("lowest model energy", member.GetProperty("selection").GetString());
        Assert.True(member.GetProperty("model_energy_j_m2").GetDouble() > 0);
    }

    [Fact]
    public void ListTerminations()
    {
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", "antiperovskite", "--axis", "110", "--sigma", "3", "--plane", "111", "--list-terminations");
        Assert.True(code == 0, stderr);
        Assert.Contains("0  through Li3Cl", stdout.Replace("Li6Cl2", "Li3Cl"));
        Assert.Contains("through O", stdout);
    }

    [Theory]
    [InlineData("--repeat", "2by3", "--repeat '2by3'")]
    [InlineData("--overlap", "squash", "--overlap 'squash'")]
    [InlineData("--structure", "diamond", "--structure 'diamond'")]
    [InlineData("--plane", "310", "no plane of this family contains the tilt axis")]
    public void BadOptionsAreOneLineErrors(string option, string value, string message)
    {
        string[] args = ["build", "csl", "--structure", "fcc", "--axis", "110", "--sigma", "3", "--output", TestPaths.NewTempDir()];
        int i = Array.IndexOf(args, option);
        args = i >= 0 ? args.Select((a, k) => k == i + 1 ? value : a).ToArray() : [.. args, option, value];
        var (code, _, stderr) = Gbat.Run(args);
        Assert.Equal(1, code);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void BuildsFromALammpsDataUnitCellWithItsCharges()
    {
        string dir = TestPaths.NewTempDir();
        string cellPath = Path.Combine(dir, "li2o.data");
        var cell = GbAtomistics.Builders.Crystals.Prototypes.Create("antifluorite");
        var frame = new Frame { Box = Box.Orthogonal(cell.A, cell.A, cell.A), Species = SpeciesMap.FromOrderedNames(cell.Species.ToArray()) };
        frame.Resize(cell.Sites.Count);
        double[] q = frame.EnsureCharges();
        for (int i = 0; i < cell.Sites.Count; i++)
        {
            frame.Ids[i] = i + 1;
            frame.Types[i] = cell.Sites[i].Species + 1;
            frame.Positions[i] = cell.A * cell.Sites[i].Position;
            q[i] = cell.Charges[cell.Sites[i].Species];
        }

        using (var writer = new LammpsDataWriter(cellPath, new GbAtomistics.IO.WriteOptions { AtomStyle = "charge" }))
        {
            writer.Write(frame);
            writer.Complete();
        }

        string output = Path.Combine(dir, "out");
        var (code, stdout, stderr) = Gbat.Run("build", "csl", "--structure", cellPath, "--axis", "001", "--angle", "36.87", "--plane", "310",
            "--thickness", "10", "--output", output, "--name", "li2o-s5");
        Assert.True(code == 0, stderr);
        Assert.Contains("li2o-s5: Σ5 (3-10)/(310)", stdout);
        Assert.Contains("net charge 0 e", stdout);
        var data = new Frame();
        using (var reader = new LammpsDataReader(Path.Combine(output, "li2o-s5.data")))
        {
            Assert.True(reader.Read(data));
        }

        Assert.Equal(0, data.Charges!.Sum(), 9);
        Assert.Equal(2 * data.Types.Count(t => t == 2), data.Types.Count(t => t == 1));
        Assert.True(File.Exists(cellPath));
    }

    [Fact]
    public void HelpHasAnExample()
    {
        var (code, stdout, _) = Gbat.Run("build", "csl", "--help");
        Assert.Equal(0, code);
        Assert.Contains("gbat build csl --structure antiperovskite --a 3.91 --species Li,O,Cl --axis 110 --sigma 3 --plane 111", stdout);
    }
}
