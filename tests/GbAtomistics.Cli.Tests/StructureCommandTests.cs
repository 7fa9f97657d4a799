using System.Globalization;
using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.IO.Lammps;
using GbAtomistics.IO.Xyz;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary>End-to-end runs of <c>gbat coordination</c>, <c>profile</c> and <c>compare</c> on files they can be checked against.</summary>
public sealed class StructureCommandTests
{
    private static string Dump => Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj");

    private static string[] CsvLines(string path) => File.ReadAllText(path).TrimEnd('\n').Split('\n');

    private static double[] Column(string path, string name)
    {
        string[] lines = CsvLines(path);
        int c = Array.IndexOf(lines[0].Split(','), name);
        Assert.True(c >= 0, $"{name} not in {lines[0]}");
        return lines.Skip(1).Select(l => double.Parse(l.Split(',')[c], CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public void AntifluoriteLi2OHasFourOxygenAroundLithiumAndEightLithiumAroundOxygen()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("coordination", Dump, "--type-map", "1=Li,2=O", "-o", dir, "--json", "--threads", "2");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal(21, root.GetProperty("frames_used").GetInt32());
        Assert.Equal(2, root.GetProperty("passes_over_trajectory").GetInt32());
        JsonElement[] pairs = root.GetProperty("pairs").EnumerateArray().ToArray();
        Assert.Equal("Li-O", pairs[0].GetProperty("pair").GetString());
        Assert.Equal("first minimum of g(r)", pairs[0].GetProperty("cutoff_source").GetString());
        Assert.InRange(pairs[0].GetProperty("cutoff_angstrom").GetDouble(), 2.5, 3.2); // between 2.0 Å (Li-O) and 3.5 Å (2nd shell)
        double liO = pairs[0].GetProperty("regions")[0].GetProperty("mean_cn").GetDouble();
        double oLi = pairs[1].GetProperty("regions")[0].GetProperty("mean_cn").GetDouble();
        Assert.Equal(4.0, liO, 0.05);
        Assert.Equal(8.0, oLi, 0.1);
        Assert.Equal(216 * liO, 108 * oLi, 6); // every Li–O bond is counted once from each end

        // The files parse, carry units in their headers, and agree with the summary.
        Assert.Equal("pair,region,cutoff_angstrom,cn_atoms,count_samples,fraction", CsvLines(Path.Combine(dir, "coordination.csv"))[0]);
        Assert.Equal(liO, Column(Path.Combine(dir, "coordination-summary.csv"), "mean_cn_atoms")[0], 6);
        double[] profile = Column(Path.Combine(dir, "coordination-profile.csv"), "position_angstrom");
        Assert.Equal(50, profile.Length);
        Assert.Equal(13.83 / 100, profile[0], 3);
        foreach (string png in (string[])["coordination.png", "coordination-profile.png"])
        {
            byte[] head = File.ReadAllBytes(Path.Combine(dir, png)).Take(4).ToArray();
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, head);
        }

        using JsonDocument file = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "coordination.json")));
        Assert.Equal("Å", file.RootElement.GetProperty("units").GetProperty("cutoff").GetString());
    }

    [Fact]
    public void PerAtomValuesAreWrittenWithTheLastFrameForOvito()
    {
        string dir = TestPaths.NewTempDir();
        var (code, _, stderr) = Gbat.Run("coordination", Dump, "--type-map", "1=Li,2=O", "--cutoff", "2.6", "-o", dir, "-q");
        Assert.True(code == 0, stderr);
        var frame = new Frame();
        using (var reader = new LammpsDumpReader(Path.Combine(dir, "coordination-atoms.dump")))
        {
            Assert.True(reader.Read(frame));
            Assert.False(reader.Read(new Frame()));
        }

        Assert.Equal(2000, frame.Step);
        Assert.Equal(324, frame.Count);
        double[] liO = frame.Extra("cn_Li-O")!;
        double[] oLi = frame.Extra("cn_O-Li")!;
        Assert.NotNull(liO);
        for (int i = 0; i < frame.Count; i++)
        {
            bool lithium = frame.Types[i] == 1;
            Assert.Equal(-1, lithium ? oLi[i] : liO[i]);
            Assert.InRange(lithium ? liO[i] : oLi[i], 2, 10);
        }

        Assert.Equal(4.0, Enumerable.Range(0, frame.Count).Where(i => frame.Types[i] == 1).Average(i => liO[i]), 0.1);

        var xyz = new Frame();
        using (var reader = new ExtxyzReader(Path.Combine(dir, "coordination-atoms.extxyz")))
        {
            Assert.True(reader.Read(xyz));
        }

        Assert.Equal(liO, xyz.Extra("cn_Li_O"));
        Assert.Equal(frame.Positions[10].X, xyz.Positions[10].X, 9);
    }

    [Fact]
    public void GivenCutOffsAndBadOnesAreReported()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("coordination", Dump, "--type-map", "1=Li,2=O", "--species", "Li-O", "--cutoff", "Li-O=2.6", "-o", dir, "--atoms", "none");
        Assert.True(code == 0, stderr);
        Assert.Contains("Li-O: cut-off 2.600 Å (given)", stdout);
        Assert.False(File.Exists(Path.Combine(dir, "coordination-atoms.dump")));

        var bad = Gbat.Run("coordination", Dump, "--type-map", "1=Li,2=O", "--cutoff", "Li-O=short", "-o", dir);
        Assert.Equal(1, bad.Code);
        Assert.Contains("--cutoff", bad.Err);
        var unknown = Gbat.Run("coordination", Dump, "--type-map", "1=Li,2=O", "--species", "Li-O", "--cutoff", "Li-S=2", "-o", dir);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("Li-S", unknown.Err);
        var missing = Gbat.Run("coordination", Dump, "--type-map", "1=Li,2=O", "--boundaries", Path.Combine(dir, "none.gb.json"), "-o", dir);
        Assert.Equal(1, missing.Code);
        Assert.Contains("none.gb.json", missing.Err);
    }

    [Fact]
    public void ProfileOfTheBulkCrystalIsUniformAtNOverV()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("profile", Dump, "--type-map", "1=Li,2=O", "--profile-bins", "6", "--cutoff", "2.6", "-o", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("6 slabs along c", stdout);
        string csv = Path.Combine(dir, "profile.csv");
        Assert.StartsWith("s_fractional_c,position_angstrom,density_Li_per_angstrom3,density_O_per_angstrom3,density_total_per_angstrom3", CsvLines(csv)[0]);
        double nOverV = 324 / Math.Pow(13.83, 3);
        double[] total = Column(csv, "density_total_per_angstrom3");
        Assert.Equal(nOverV, total.Average(), 9); // equal-volume slabs: the mean of the profile is N/V exactly
        // 54 atoms per slab and frame, 21 correlated frames: a 1000 K crystal keeps every slab within 10 % of N/V.
        Assert.All(total, d => Assert.Equal(nOverV, d, 0.1 * nOverV));
        Assert.All(Column(csv, "fraction_Li"), x => Assert.Equal(2.0 / 3.0, x, 0.05));
        Assert.All(Column(csv, "mean_cn_Li-O_atoms"), x => Assert.Equal(4.0, x, 0.1));
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "profile.json")));
        Assert.Equal(nOverV, doc.RootElement.GetProperty("mean_density_per_angstrom3").GetDouble(), 9);
        Assert.True(File.Exists(Path.Combine(dir, "profile-density.png")));
    }

    [Fact]
    public void CompareOfBulkAndSlabsOfACrystalShowsNoChange()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(
            "compare", Dump, "--type-map", "1=Li,2=O", "--species", "Li-O", "--cutoff", "2.6", "--planes", "0.25,0.75", "--half-width", "2", "-o", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("| bulk | Li-O |", stdout);
        Assert.Contains("| gb | Li-O |", stdout);
        string[] lines = CsvLines(Path.Combine(dir, "compare.csv"));
        Assert.Equal(3, lines.Length);
        Assert.Contains("first_peak_r_angstrom", lines[0]);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "compare.json")));
        JsonElement gb = doc.RootElement.GetProperty("rows")[1];
        Assert.Equal("gb", gb.GetProperty("region").GetString());
        Assert.Equal(1.97, gb.GetProperty("first_peak_r_angstrom").GetDouble(), 0.1);
        Assert.InRange(gb.GetProperty("mean_cn_change_vs_bulk_relative").GetDouble(), -0.01, 0.01);
        Assert.True(File.Exists(Path.Combine(dir, "compare-rdf-Li-O.png")));
        Assert.True(File.Exists(Path.Combine(dir, "compare-cn-Li-O.png")));

        var nothing = Gbat.Run("compare", Dump, "--type-map", "1=Li,2=O", "-o", dir);
        Assert.Equal(1, nothing.Code);
        Assert.Contains("nothing to compare", nothing.Err);
    }

    [Fact]
    public void TwoSystemsWithDifferentSpeciesAreComparedPairByPair()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(
            "compare", Dump, Dump, "--labels", "oxide,relabelled", "--type-map", "1=Li,2=O", "--type-map", "1=Li,2=S",
            "--species", "Li-O,Li-S", "--cutoff", "2.6", "-o", dir, "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement[] rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(["oxide Li-O", "relabelled Li-S"], rows.Select(r => $"{r.GetProperty("system").GetString()} {r.GetProperty("pair").GetString()}"));
        Assert.Equal(rows[0].GetProperty("mean_cn").GetDouble(), rows[1].GetProperty("mean_cn").GetDouble(), 12);
    }

    [Fact]
    public void OneThreadAndSeveralGiveTheSameTables()
    {
        string one = TestPaths.NewTempDir(), three = TestPaths.NewTempDir();
        Assert.Equal(0, Gbat.Run("coordination", Dump, "--type-map", "1=Li,2=O", "--threads", "1", "-o", one, "-q").Code);
        Assert.Equal(0, Gbat.Run("coordination", Dump, "--type-map", "1=Li,2=O", "--threads", "3", "-o", three, "-q").Code);
        foreach (string name in (string[])["coordination.csv", "coordination-profile.csv", "coordination-atoms.dump"])
        {
            Assert.Equal(File.ReadAllText(Path.Combine(one, name)), File.ReadAllText(Path.Combine(three, name)));
        }
    }

    [Theory]
    [InlineData("coordination")]
    [InlineData("profile")]
    [InlineData("compare")]
    public void HelpShowsAnExample(string command)
    {
        var (code, stdout, _) = Gbat.Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Examples:", stdout);
        Assert.Contains("--boundaries", stdout);
    }
}
