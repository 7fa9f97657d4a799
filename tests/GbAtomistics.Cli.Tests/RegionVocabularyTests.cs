using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary>One region vocabulary: every command that takes boundary slabs spells and resolves them the same way.</summary>
public sealed class RegionVocabularyTests
{
    private static string Folder => Path.Combine(TestPaths.TestData, "example", "li2o-s5-310-1000K");

    private static string Dump => Path.Combine(Folder, "dump.lammpstrj.gz");

    private static string Metadata => Path.Combine(Folder, "structure.gb.json");

    [Theory]
    [InlineData("rdf")]
    [InlineData("coordination")]
    [InlineData("profile")]
    [InlineData("compare")]
    [InlineData("msd")]
    [InlineData("conductivity")]
    [InlineData("dynamics")]
    public void EveryRegionCommandHasTheSameOptions(string name)
    {
        RootCommand root = GbatCommand.Create(TextWriter.Null, TextWriter.Null);
        Command reference = root.Subcommands.Single(c => c.Name == "coordination");
        Command command = root.Subcommands.Single(c => c.Name == name);
        foreach (string option in new[] { "--boundaries", "--normal", "--planes", "--half-width", "--smoothing" })
        {
            Option expected = reference.Options.Single(o => o.Name == option);
            Option actual = command.Options.Single(o => o.Name == option);
            Assert.Equal(expected.Description, actual.Description);
            Assert.Equal(expected.HelpName, actual.HelpName);
            Assert.Equal(expected.ValueType, actual.ValueType);
        }
    }

    [Fact]
    public void MsdFindsTheBuilderMetadataBesideADump()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("msd", Dump, "--type-map", "1=Li,2=O", "--output", dir, "--threads", "2");
        Assert.True(code == 0, stderr);
        Assert.Contains("region: metadata ", stdout);
        Assert.Contains("structure.gb.json", stdout);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "msd.json")));
        JsonElement region = doc.RootElement.GetProperty("options").GetProperty("region");
        BicrystalMetadata m = RegionSource.ReadMetadata(Metadata);
        Assert.Equal(m.Planes, region.GetProperty("planes_fractional").EnumerateArray().Select(e => e.GetDouble()).ToArray());
        Assert.Equal(4.0, region.GetProperty("half_width_angstrom").GetDouble());

        string none = TestPaths.NewTempDir();
        var (c2, s2, e2) = Gbat.Run("msd", Dump, "--type-map", "1=Li,2=O", "--output", none, "--boundaries", "none");
        Assert.True(c2 == 0, e2);
        Assert.Contains("region: none", s2);
        using JsonDocument plain = JsonDocument.Parse(File.ReadAllText(Path.Combine(none, "msd.json")));
        Assert.Equal(JsonValueKind.Null, plain.RootElement.GetProperty("options").GetProperty("region").ValueKind);
    }

    [Fact]
    public void ConductivityTakesBoundariesFromAFileAndHalfWidthOverrides()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(
            "conductivity", Dump, "--type-map", "1=Li,2=O", "--charges", "Li=0.6", "--boundaries", Metadata, "--half-width", "3",
            "--output", dir, "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Equal(3.0, doc.RootElement.GetProperty("options").GetProperty("region").GetProperty("half_width_angstrom").GetDouble());
        Assert.Contains(doc.RootElement.GetProperty("entries").EnumerateArray(), e => e.GetProperty("region").GetString() == "gb");
    }

    [Fact]
    public void RdfRegionsComeFromMetadataPlanesOrDetection()
    {
        string beside = TestPaths.NewTempDir(), given = TestPaths.NewTempDir(), planes = TestPaths.NewTempDir();
        string[] common = ["--type-map", "1=Li,2=O", "--last-frame", "4", "--r-max", "6", "--bins", "120", "--quiet"];
        Assert.Equal(0, Gbat.Run(["rdf", Dump, .. common, "--region", "gb", "--output", beside]).Code);
        Assert.Equal(0, Gbat.Run(["rdf", Dump, .. common, "--region", "gb", "--boundaries", Metadata, "--output", given]).Code);
        BicrystalMetadata m = RegionSource.ReadMetadata(Metadata);
        string list = string.Join(",", m.Planes.Select(p => p.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, Gbat.Run(["rdf", Dump, .. common, "--region", "gb", "--planes", list, "--half-width", "4", "--output", planes]).Code);
        string csv = File.ReadAllText(Path.Combine(beside, "rdf.csv"));
        Assert.Equal(csv, File.ReadAllText(Path.Combine(given, "rdf.csv")));
        Assert.Equal(csv, File.ReadAllText(Path.Combine(planes, "rdf.csv")));
        Assert.NotEqual(csv, File.ReadAllText(Path.Combine(Rdf(common, "--region", "bulk"), "rdf.csv")));

        string auto = Rdf(common, "--region", "gb", "--boundaries", "auto");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(auto, "rdf.json")));
        Assert.Equal(2, doc.RootElement.GetProperty("options").GetProperty("region").GetProperty("planes_fractional").GetArrayLength());
    }

    [Fact]
    public void RdfRegionMistakesAreOneLineErrors()
    {
        var (code, _, stderr) = Gbat.Run("rdf", Dump, "--type-map", "1=Li,2=O", "--planes", "0,0.5", "--output", TestPaths.NewTempDir());
        Assert.Equal(1, code);
        Assert.Contains("without --region", stderr);

        var (c2, _, e2) = Gbat.Run("rdf", Dump, "--type-map", "1=Li,2=O", "--region", "gb", "--boundaries", "none", "--output", TestPaths.NewTempDir());
        Assert.Equal(1, c2);
        Assert.Contains("--boundaries FILE.gb.json|auto", e2);
        Assert.Single(e2.Trim().Split('\n'));
    }

    [Fact]
    public void MetadataIsFoundUnderTheNamesTheBuilderWrites()
    {
        string dir = TestPaths.NewTempDir();
        File.Copy(Path.Combine(Folder, "structure.data"), Path.Combine(dir, "s5.data"));
        File.Copy(Metadata, Path.Combine(dir, "s5.gb.json"));
        Assert.Equal(Path.Combine(dir, "s5.gb.json"), RegionSource.FindBeside(Path.Combine(dir, "s5.data")));

        // A dump in a run folder: the one *.gb.json that names a structure file in the folder.
        string run = TestPaths.NewTempDir();
        File.Copy(Dump, Path.Combine(run, "dump.lammpstrj.gz"));
        Assert.Null(RegionSource.FindBeside(Path.Combine(run, "dump.lammpstrj.gz")));
        File.Copy(Metadata, Path.Combine(run, "structure.gb.json"));
        Assert.Null(RegionSource.FindBeside(Path.Combine(run, "dump.lammpstrj.gz"))); // structure.data is not there
        File.Copy(Path.Combine(Folder, "structure.data"), Path.Combine(run, "structure.data"));
        Assert.Equal(Path.Combine(run, "structure.gb.json"), RegionSource.FindBeside(Path.Combine(run, "dump.lammpstrj.gz")));

        File.Copy(Metadata, Path.Combine(run, "other.gb.json"));
        var e = Assert.Throws<InputException>(() => RegionSource.FindBeside(Path.Combine(run, "dump.lammpstrj.gz")));
        Assert.Contains("--boundaries", e.Message);
    }

    private static string Rdf(string[] common, params string[] extra)
    {
        string dir = TestPaths.NewTempDir();
        var (code, _, stderr) = Gbat.Run(["rdf", Dump, .. common, .. extra, "--output", dir]);
        Assert.True(code == 0, stderr);
        return dir;
    }
}
