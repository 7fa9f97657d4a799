using System.Text;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Lammps;

public sealed class LammpsLogReaderTests
{
    private static readonly string[] ElevenColumns =
        ["Step", "Temp", "PotEng", "TotEng", "Pxx", "Pxy", "Pxz", "Pyy", "Pyz", "Pzz", "Volume"];

    private static LammpsLog ReadText(string text) =>
        LammpsLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "log.lammps");

    [SkippableFact]
    public void PyironRealUnitsTriclinicLog()
    {
        LammpsLog log = LammpsLogReader.Read(TestPaths.Corpus("lammps/log/pyiron_log.lammps"));
        Assert.Equal("5 Jun 2019", log.Version);
        Assert.Equal("real", log.Units);
        ThermoBlock block = Assert.Single(log.Blocks);
        Assert.Equal(ElevenColumns, block.Columns);
        Assert.Equal(6, block.RowCount);
        Assert.Equal(0, block.FirstStep);
        Assert.Equal(1000, block.LastStep);
        Assert.Equal([0.0, 200, 400, 600, 800, 1000], block.Column("Step"));
        Assert.Equal(-5745.2195617995, block.Rows[0][2], 1e-10);
        Assert.Equal(807.694491958975, block.Column("volume")[5], 1e-10);
        Assert.True(block.IsComplete);
        Assert.Equal(0.65363, block.LoopTimeSeconds!.Value, 1e-12);
        Assert.Equal("real", block.Units);
        Assert.Equal(1.0, block.Timestep);

        LammpsLogCommand dt = Assert.Single(log.Timesteps);
        Assert.Equal([1.0], dt.Values);
        Assert.Equal("timestep 1", dt.Text);
        Assert.Equal(2, log.Temperatures.Count);
        Assert.Equal("fix ensemble all nvt temp 350 350 100.0", log.Temperatures[0].Text);
        Assert.Equal([350.0, 350.0], log.Temperatures[0].Values);
        Assert.Equal([350.0], log.Temperatures[1].Values);
        Assert.All(log.Temperatures, t => Assert.Equal(0, t.BlocksBefore));
    }

    [SkippableFact]
    public void PyironTwoRunsWithPaddedHeaders()
    {
        LammpsLog log = LammpsLogReader.Read(TestPaths.Corpus("lammps/log/pyiron_multi_log_step_test.lammps"));
        Assert.Equal("27 Jun 2024", log.Version);
        Assert.Equal("metal", log.Units);
        Assert.Equal(2, log.Blocks.Count);
        Assert.Equal(ElevenColumns, log.Blocks[0].Columns);
        Assert.Equal(ElevenColumns, log.Blocks[1].Columns);
        Assert.Equal(6, log.Blocks[0].RowCount);
        Assert.Equal(6, log.Blocks[1].RowCount);
        Assert.Equal((0L, 5L), (log.Blocks[0].FirstStep!.Value, log.Blocks[0].LastStep!.Value));
        Assert.Equal((5L, 10L), (log.Blocks[1].FirstStep!.Value, log.Blocks[1].LastStep!.Value));
        Assert.All(log.Blocks, b => Assert.True(b.IsComplete));
        Assert.Equal(300, log.Blocks[0].Rows[0][1]);
        Assert.Equal(10487.74647738, log.Blocks[1].Rows[5][9], 1e-8);
        Assert.Equal(0.001, log.Blocks[1].Timestep);

        Assert.Equal([0.001], Assert.Single(log.Timesteps).Values);
        Assert.Equal(2, log.Temperatures.Count);
        Assert.Equal("velocity all create 300 40857 dist gaussian", log.Temperatures[0].Text);
        Assert.Equal([300.0], log.Temperatures[0].Values);
        Assert.Equal([300.0, 300.0], log.Temperatures[1].Values);
    }

    [SkippableFact]
    public void MeltExampleInLjUnits()
    {
        LammpsLog log = LammpsLogReader.Read(TestPaths.Corpus("lammps/log/lammps_log.8Apr21.melt.g++.1"));
        Assert.Equal("8 Apr 2021", log.Version);
        Assert.Equal("lj", log.Units);
        ThermoBlock block = Assert.Single(log.Blocks);
        Assert.Equal(["Step", "Temp", "E_pair", "E_mol", "TotEng", "Press"], block.Columns);
        Assert.Equal(6, block.RowCount);
        Assert.Equal((0L, 250L), (block.FirstStep!.Value, block.LastStep!.Value));
        Assert.Equal(-2.2812174, block.Column("TotEng")[5], 1e-12);
        Assert.True(block.IsComplete);
        Assert.Null(block.Timestep);
        Assert.Empty(log.Timesteps);
        LammpsLogCommand t = Assert.Single(log.Temperatures);
        Assert.Equal([3.0], t.Values);
    }

    [Fact]
    public void KilledRunKeepsRowsAndIsIncomplete()
    {
        LammpsLog log = ReadText("""
            LAMMPS (2 Aug 2023 - Update 3)
            units metal
            timestep 0.002
            fix 1 all langevin 600 700 0.1 48279
            fix 2 all temp/rescale 10 300.0 310.0 1.0 0.5
            run 1000
               Step          Temp          PotEng
                     0   600            -1.5
                   100   nan            -1.4
            WARNING: Lost atoms? (src/thermo.cpp:1)
                   200   -inf            -1.3
                   300   612.5
            """);
        Assert.Equal("2 Aug 2023 - Update 3", log.Version);
        ThermoBlock block = Assert.Single(log.Blocks);
        Assert.False(block.IsComplete);
        Assert.Null(block.LoopTimeSeconds);
        Assert.Equal(3, block.RowCount);
        Assert.True(double.IsNaN(block.Rows[1][1]));
        Assert.Equal(double.NegativeInfinity, block.Rows[2][1]);
        Assert.Equal(7, block.HeaderLine);
        Assert.Equal(0.002, block.Timestep);
        Assert.Equal([600.0, 700.0], log.Temperatures[0].Values);
        Assert.Equal([300.0, 310.0], log.Temperatures[1].Values);
    }

    [Fact]
    public void ErrorLineEndsBlockAndLaterRunsAreRead()
    {
        LammpsLog log = ReadText("""
            LAMMPS (29 Aug 2024)
            units real
            variable T equal 300
            fix 1 all nvt temp ${T} ${T} 100
            fix 1 all nvt temp 300 300 100
            Step Temp
            0 300
            10 310
            ERROR: Lost atoms: original 10 current 9 (src/thermo.cpp:494)
            units metal
            thermo_style multi
            ------------ Step              0 ----- CPU =            0 (sec) -------------
            TotEng   =        -1.0 KinEng   =         0.1 Temp     =       300.0
            Step Temp
            0 1
            Loop time of 2.5 on 1 procs for 0 steps with 10 atoms
            """);
        Assert.Equal(2, log.Blocks.Count);
        Assert.False(log.Blocks[0].IsComplete);
        Assert.Equal(2, log.Blocks[0].RowCount);
        Assert.Equal("real", log.Blocks[0].Units);
        Assert.True(log.Blocks[1].IsComplete);
        Assert.Equal(2.5, log.Blocks[1].LoopTimeSeconds);
        Assert.Equal("metal", log.Blocks[1].Units);
        Assert.Equal("metal", log.Units);
        Assert.Equal(2, log.UnitsCommands.Count);

        // The line with unsubstituted variables is passed over; the echoed substitution is kept.
        LammpsLogCommand nvt = Assert.Single(log.Temperatures);
        Assert.Equal(5, nvt.Line);
    }

    [Fact]
    public void MalformedNumberInRowIsAnError()
    {
        var e = Assert.Throws<InputFormatException>(() => ReadText("LAMMPS (1 Jan 2020)\nStep Temp Press\n0 300 1.0\n10 3x0 1.0\nLoop time of 1 on 1 procs\n"));
        Assert.Equal(4, e.Line);
        Assert.Contains("'Temp'", e.Message);
        Assert.Contains("'3x0'", e.Message);
    }

    [Fact]
    public void MalformedNumberInLastColumnIsAnError()
    {
        var e = Assert.Throws<InputFormatException>(() => ReadText("Step Temp Press\n0 300 1.0\n10 300 1.0.0\n"));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void LogWithoutThermoOutput()
    {
        LammpsLog log = ReadText("LAMMPS (1 Jan 2020)\nunits si\n");
        Assert.Empty(log.Blocks);
        Assert.Equal("si", log.Units);
    }

    [Fact]
    public void MissingFileIsAnInputException()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "none.log");
        Assert.Throws<GbAtomistics.Core.InputException>(() => LammpsLogReader.Read(path));
    }
}
