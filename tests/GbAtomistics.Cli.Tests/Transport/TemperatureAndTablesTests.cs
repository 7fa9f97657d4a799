using GbAtomistics.Core;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests.Transport;

public sealed class TemperatureAndTablesTests
{
    [Fact]
    public void TemperatureComesFromTheOptionThenTheLogThenOutcar()
    {
        string dir = TestPaths.NewTempDir();
        string trajectory = Path.Combine(dir, "XDATCAR");
        Assert.Equal((450.0, "--temperature"), TemperatureSource.Resolve(450, trajectory));
        Assert.Contains("--temperature", Assert.Throws<InputException>(() => TemperatureSource.Resolve(null, trajectory)).Message);

        File.WriteAllText(Path.Combine(dir, "OUTCAR"), " POTIM  =   2.00    time-step for ionic-motion\n   TEBEG  =    650.0;   TEEND  =    650.0 temperature during run\n");
        var (k, source) = TemperatureSource.Resolve(null, trajectory);
        Assert.Equal(650.0, k);
        Assert.Contains("TEBEG", source);

        string log = Path.Combine(TestPaths.TestData, "li2o-bulk", "log.lammps");
        File.Copy(log, Path.Combine(dir, "log.lammps"));
        var (fromLog, logSource) = TemperatureSource.Resolve(null, trajectory);
        Assert.InRange(fromLog, 800, 1200);
        Assert.Contains("log.lammps", logSource);
    }

    [Fact]
    public void ArrheniusReadsJsonTablesAndReportsBadRows()
    {
        string dir = TestPaths.NewTempDir();
        string json = Path.Combine(dir, "runs.json");
        File.WriteAllText(json, """[{"temperature_K": 500, "value": 0.001, "error": 0.0001}, {"temperature_K": 800, "value": 0.01, "error": 0.001}]""");
        var points = ArrheniusStep.Load([json]).Points;
        Assert.Equal(2, points.Count);
        Assert.Equal(800, points[1].Temperature);

        string csv = Path.Combine(dir, "bad.csv");
        File.WriteAllText(csv, "temperature_K,sigma,error\n500,0.001,0.0001\n600,abc,0.1\n");
        var e = Assert.Throws<InputException>(() => ArrheniusStep.Load([csv]));
        Assert.Contains("bad.csv:3", e.Message);
    }
}
