using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Tests;

namespace GbAtomistics.Builders.Tests;

public class BicrystalMetadataFileTests
{
    private static BicrystalMetadata Sample()
    {
        var options = new CslBuildOptions(Prototypes.Create("antiperovskite"), new Int3(1, 1, 0)) { Sigma = 3, Plane = new Int3(1, 1, 1), Thickness = 8 };
        return CslBuilder.Build(options).Metadata with { Structure = "gb.data" };
    }

    [Fact]
    public void RoundTripKeepsEveryField()
    {
        BicrystalMetadata m = Sample();
        string path = Path.Combine(TestPaths.NewTempDir(), "gb.gb.json");
        BicrystalMetadataFile.Write(path, m);
        BicrystalMetadata r = BicrystalMetadataFile.Read(path);
        Assert.Equal(m.Sigma, r.Sigma);
        Assert.Equal(m.Axis, r.Axis);
        Assert.Equal(m.AngleDegrees, r.AngleDegrees, 12);
        Assert.Equal(m.PlaneUpper, r.PlaneUpper);
        Assert.Equal(m.PlaneLower, r.PlaneLower);
        Assert.Equal(m.NormalAxis, r.NormalAxis);
        Assert.Equal(m.Planes, r.Planes);
        Assert.Equal(m.SuggestedHalfWidth, r.SuggestedHalfWidth);
        Assert.Equal(m.Periodic, r.Periodic);
        Assert.Equal(m.Species, r.Species);
        Assert.Equal(m.AtomsPerGrain, r.AtomsPerGrain);
        Assert.Equal(m.GrainOfAtom, r.GrainOfAtom);
        Assert.Equal("gb.data", r.Structure);
        Assert.Equal("gb.gb.json", Path.GetFileName(BicrystalMetadataFile.PathFor("/x/gb.data")));
    }

    private const string Valid = """
        {
          "sigma": 5,
          "axis": [0, 0, 1],
          "angle_degrees": 36.87,
          "plane_upper": [3, 1, 0],
          "plane_lower": [3, -1, 0],
          "normal_axis": 2,
          "planes": [0, 0.5],
          "suggested_half_width_angstrom": 4,
          "periodic": true,
          "species": ["Na", "Cl"],
          "atoms_per_grain": [2, 1],
          "grain_of_atom": [1, 2, 1],
          "structure": "gb.data"
        }
        """;

    [Fact]
    public void ValidTextParses()
    {
        BicrystalMetadata m = BicrystalMetadataFile.Parse(System.Text.Encoding.UTF8.GetBytes(Valid), "gb.gb.json");
        Assert.Equal(5, m.Sigma);
        Assert.Equal([1, 2, 1], m.GrainOfAtom);
        Assert.Equal(0.5, m.Region().Planes[1]);
    }

    [Theory]
    [InlineData("\"sigma\": 5,", "\"sigma\": \"five\",", 2, "sigma: expected an integer")]
    [InlineData("\"axis\": [0, 0, 1],", "\"axis\": [0, 1],", 3, "axis: expected 3 values, found 2")]
    [InlineData("\"normal_axis\": 2,", "\"normal_axis\": 3,", 7, "normal_axis: expected an integer from 0 to 2")]
    [InlineData("\"periodic\": true,", "\"periodic\": 1,", 10, "periodic: expected true or false")]
    [InlineData("\"grain_of_atom\": [1, 2, 1],", "\"grain_of_atom\": [1, 2, 2],", 13, "expected 2 atoms of grain 1")]
    [InlineData("\"grain_of_atom\": [1, 2, 1],", "\"grain_of_atom\": [1, 3, 1],", 13, "expected grain labels 1 or 2")]
    [InlineData("\"planes\": [0, 0.5],", "\"planes\": [0, 0.5,, ],", 8, "expected valid JSON")]
    [InlineData("  \"structure\": \"gb.data\"\n", "", 14, "expected the key \"structure\"")]
    [InlineData("\"suggested_half_width_angstrom\": 4,", "\"suggested_half_width_angstrom\": -4,", 9, "expected a positive number")]
    public void MalformedFilesGiveLocatedErrors(string from, string to, int line, string message)
    {
        string text = Valid.Replace(from, to, StringComparison.Ordinal);
        if (to.Length == 0)
        {
            text = text.Replace("\"gb.data\"", string.Empty).Replace("\"grain_of_atom\": [1, 2, 1],", "\"grain_of_atom\": [1, 2, 1]");
        }

        string path = Path.Combine(TestPaths.NewTempDir(), "bad.gb.json");
        File.WriteAllText(path, text);
        var e = Assert.Throws<InputFormatException>(() => BicrystalMetadataFile.Read(path));
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message);
        Assert.StartsWith(path + ":" + line + ":", e.Message);
    }

    [Fact]
    public void NotAnObjectAndMissingFileAreInputErrors()
    {
        var e = Assert.Throws<InputFormatException>(() => BicrystalMetadataFile.Parse("[1, 2]"u8, "x.gb.json"));
        Assert.Equal(1, e.Line);
        Assert.Throws<InputException>(() => BicrystalMetadataFile.Read(Path.Combine(TestPaths.NewTempDir(), "none.gb.json")));
    }
}
