using System.Text.Json;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests.Transport;

/// <summary>The timestep and temperature taken from the <c>log.lammps</c> beside a dump when the user gives none.</summary>
public sealed class RunLogMetadataTests
{
    private static string Run(string name) => Path.Combine(TestPaths.TestData, "example", name, "dump.lammpstrj.gz");

    [Fact]
    public void MsdTakesTheTimestepFromTheLogAndSaysSo()
    {
        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run("msd", Run("li2o-bulk-1000K"), "--type-map", "1=Li,2=O", "--output", dir, "--threads", "2");
        Assert.True(code == 0, stderr);
        Assert.Contains("timestep: 1 fs from ", stdout);
        Assert.Contains("log.lammps:", stdout);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "msd.json")));
        JsonElement root = doc.RootElement;
        Assert.Equal(0.4, root.GetProperty("frame_interval_ps").GetDouble(), 12); // dumped every 400 steps of 1 fs
        Assert.Equal(0.001, root.GetProperty("timestep_ps").GetDouble(), 15);
        string source = root.GetProperty("timestep_source").GetString()!;
        Assert.Contains("log.lammps", source);
        Assert.Contains("timestep 0.001", source);
        Assert.Contains("units metal", source);

        // Given on the command line, it wins and the JSON says so.
        string given = TestPaths.NewTempDir();
        Assert.Equal(0, Gbat.Run("msd", Run("li2o-bulk-1000K"), "--type-map", "1=Li,2=O", "--timestep", "2fs", "--output", given, "--quiet").Code);
        using JsonDocument g = JsonDocument.Parse(File.ReadAllText(Path.Combine(given, "msd.json")));
        Assert.Equal(0.8, g.RootElement.GetProperty("frame_interval_ps").GetDouble(), 12);
        Assert.StartsWith("given", g.RootElement.GetProperty("timestep_source").GetString());
    }

    [Fact]
    public void RealUnitsTimestepsAreFemtoseconds()
    {
        string dir = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(dir, "log.lammps"), "LAMMPS (29 Sep 2021)\nunits real\ntimestep 2.0\n");
        var (ps, source) = TimestepSource.FromLog(Path.Combine(dir, "log.lammps"))!.Value;
        Assert.Equal(0.002, ps, 15);
        Assert.Contains("units real", source);
    }

    [Fact]
    public void ConductivityAveragesTheThermoRowsOfTheAnalysedFrames()
    {
        string dump = Run("li2o-s5-310-1000K");
        string log = Path.Combine(Path.GetDirectoryName(dump)!, "log.lammps");
        // The production block is the last one; the NPT block before it repeats steps 0-4000 (reset_timestep).
        ThermoBlock production = LammpsLogReader.Read(log).Blocks[^1];
        int temp = production.ColumnIndex("Temp");
        double[] rows = production.Rows.Where(r => r[0] >= 4000 && r[0] <= 20000).Select(r => r[temp]).ToArray();
        double mean = rows.Average();
        double sd = Math.Sqrt(rows.Sum(v => (v - mean) * (v - mean)) / (rows.Length - 1));

        string dir = TestPaths.NewTempDir();
        var (code, stdout, stderr) = Gbat.Run(
            "conductivity", dump, "--type-map", "1=Li,2=O", "--charges", "Li=0.6", "--first-frame", "10", "--output", dir, "--threads", "2");
        Assert.True(code == 0, stderr);
        Assert.Contains(FormattableString.Invariant($"at {mean:F1} ± {sd:F1} K"), stdout);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "conductivity.json")));
        JsonElement root = doc.RootElement;
        Assert.Equal(mean, root.GetProperty("temperature_K").GetDouble(), 9);
        Assert.Equal(sd, root.GetProperty("temperature_sd_K").GetDouble(), 9);
        Assert.Equal(rows.Length, root.GetProperty("temperature_thermo_rows").GetInt32());
        Assert.Contains("steps 4000–20000", root.GetProperty("temperature_source").GetString());
        Assert.Contains("log.lammps", root.GetProperty("timestep_source").GetString());
    }

    [Fact]
    public void TheStartUpTransientBeforeTheAnalysedFramesIsLeftOut()
    {
        // li2o-bulk: one 2 ps NVT block from velocities at 1000 K; the thermostat needs about 0.5 ps to settle.
        string dump = Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj");
        TemperatureEstimate whole = TemperatureSource.Estimate(null, dump);
        Assert.Equal(943.8, whole.Kelvin, 1);
        TemperatureEstimate production = TemperatureSource.Estimate(null, dump, 500, 2000);
        Assert.Equal(16, production.Rows);
        Assert.InRange(production.Kelvin, 990, 1010);
        Assert.InRange(production.StandardDeviation!.Value, 10, 60);
        Assert.Equal(450.0, TemperatureSource.Estimate(450, dump, 500, 2000).Kelvin);
    }
}
