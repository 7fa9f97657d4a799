using System.Globalization;
using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary>Grain-boundary slabs from detection, from metadata beside the structure, and the metadata reader.</summary>
public sealed class BoundaryCommandTests
{
    [Fact]
    public void AutomaticBoundariesOfABuiltBicrystalAreWithinOneAngstrom()
    {
        string dir = TestPaths.NewTempDir();
        string data = BicrystalFiles.WriteData(dir, 8);
        var (code, stdout, stderr) = Gbat.Run(
            "coordination", data, "--species", "Na-Cl,Cl-Na", "--cutoff", (1.1 * BicrystalFiles.D).ToString(CultureInfo.InvariantCulture),
            "--boundaries", "auto", "--profile-bins", "96", "-o", Path.Combine(dir, "out"), "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement region = doc.RootElement.GetProperty("region");
        Assert.Equal("auto", region.GetProperty("source").GetString());
        double lz = 16 * BicrystalFiles.D;
        double[] planes = region.GetProperty("planes_fractional").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(2, planes.Length);
        foreach (double expected in (double[])[0, 0.5])
        {
            double error = planes.Min(p => Math.Abs(p - expected - Math.Round(p - expected))) * lz;
            Assert.True(error < 1.0, $"plane {expected}: found {string.Join(", ", planes)}, error {error:F2} Å");
        }

        // The bulk outside the detected slabs is the perfect crystal; the boundary layers are under-coordinated.
        JsonElement regions = doc.RootElement.GetProperty("pairs")[0].GetProperty("regions");
        Assert.Equal("bulk", regions[2].GetProperty("region").GetString());
        Assert.Equal(6.0, regions[2].GetProperty("mean_cn").GetDouble(), 12);
        Assert.True(regions[1].GetProperty("mean_cn").GetDouble() < 6);
        Assert.Equal(2, doc.RootElement.GetProperty("passes_over_trajectory").GetInt32()); // given cut-off: detection, then the final pass
    }

    [Fact]
    public void MetadataBesideTheStructureIsUsedWithoutAnyOption()
    {
        string dir = TestPaths.NewTempDir();
        string data = BicrystalFiles.WriteData(dir, 8);
        File.WriteAllText(Path.Combine(dir, "bicrystal.gb.json"), """
            { "sigma": 5, "axis": [0, 0, 1], "angleDegrees": 36.87, "planeUpper": [0, 0, 1], "planeLower": [0, 0, 1],
              "normalAxis": 2, "planes": [0.0, 0.5], "suggestedHalfWidth": 2.0, "periodic": true,
              "species": ["Na", "Cl"], "atomsPerGrain": [160, 160], "grainOfAtom": [], "structure": "bicrystal.data" }
            """);
        var (code, stdout, stderr) = Gbat.Run("coordination", data, "--species", "Na-Cl", "--cutoff", "3.1", "-o", Path.Combine(dir, "out"), "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement region = doc.RootElement.GetProperty("region");
        Assert.StartsWith("metadata ", region.GetProperty("source").GetString());
        Assert.Equal(5, region.GetProperty("sigma").GetInt32());
        Assert.Equal(2.0, region.GetProperty("half_width_angstrom").GetDouble());
        JsonElement regions = doc.RootElement.GetProperty("pairs")[0].GetProperty("regions");
        Assert.Equal(6.0, regions[2].GetProperty("mean_cn").GetDouble(), 12);
        Assert.Equal(40, regions[1].GetProperty("atoms_per_frame").GetDouble()); // 4 boundary layers of 10 Na

        // The per-atom file marks the slab atoms for OVITO: the 4 boundary layers of 20 ions.
        var frame = new Frame();
        using (var reader = new GbAtomistics.IO.Lammps.LammpsDumpReader(Path.Combine(dir, "out", "coordination-atoms.dump")))
        {
            Assert.True(reader.Read(frame));
        }

        Assert.Equal(80, frame.Extra("in_gb")!.Count(v => v == 1));

        var none = Gbat.Run("coordination", data, "--species", "Na-Cl", "--cutoff", "3.1", "--boundaries", "none", "-o", Path.Combine(dir, "out2"), "--json");
        Assert.Equal(0, none.Code);
        Assert.Equal("none", JsonDocument.Parse(none.Out).RootElement.GetProperty("region").GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("""{ "NormalAxis": 2, "Planes": [0.25, 0.75], "SuggestedHalfWidth": 3.5, "Sigma": 3 }""")]
    [InlineData("""{ "normal_axis": "z", "planes": [0.25, 0.75], "suggested_half_width": 3.5 }""")]
    [InlineData("""{ "normal_axis": 2, "planes": [0.25, 0.75], "suggested_half_width_angstrom": 3.5 }""")]
    [InlineData("""{ "normalAxis": "c", "planes": [0.25, 0.75], "suggestedHalfWidth": 3.5, "extra": {"ignored": true} }""")]
    public void MetadataIsReadInAnyCaseConvention(string json)
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "x.gb.json");
        File.WriteAllText(path, json);
        BicrystalMetadata m = RegionSource.ReadMetadata(path);
        SlabRegion region = RegionSource.RegionFromMetadata(m, path, null);
        Assert.Equal(2, region.Axis);
        Assert.Equal([0.25, 0.75], region.Planes);
        Assert.Equal(3.5, region.HalfWidth);
        Assert.Equal(1.0, RegionSource.RegionFromMetadata(m, path, 1.0).HalfWidth);
    }

    [Theory]
    [InlineData("""{ "normalAxis": 2 }""", "planes")]
    [InlineData("""{ "planes": [0.5] }""", "normalAxis")]
    [InlineData("""{ "normalAxis": 7, "planes": [0.5] }""", "normalAxis")]
    [InlineData("""{ "normalAxis": 2, "planes": "0.5" }""", "planes")]
    [InlineData("""{ "normalAxis": 2, """, "JSON")]
    public void BadMetadataIsAnInputErrorNamingTheProperty(string json, string named)
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "x.gb.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<InputException>(() => RegionSource.ReadMetadata(path));
        Assert.Contains(named, e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void TheMetadataNameFollowsTheStructureName()
    {
        Assert.Equal(Path.Combine("runs", "gb.gb.json"), RegionSource.MetadataPathFor(Path.Combine("runs", "gb.data")));
        Assert.Equal(Path.Combine("runs", "gb.gb.json"), RegionSource.MetadataPathFor(Path.Combine("runs", "gb.lammpstrj.gz")));
    }

    [Fact]
    public void PlanesAndBoundariesTogetherAreRefused()
    {
        string dir = TestPaths.NewTempDir();
        string data = BicrystalFiles.WriteData(dir, 4);
        var (code, _, stderr) = Gbat.Run("coordination", data, "--cutoff", "3", "--planes", "0.5", "--boundaries", "auto", "-o", Path.Combine(dir, "o"));
        Assert.Equal(1, code);
        Assert.Contains("--planes", stderr);
    }
}
