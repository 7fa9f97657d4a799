using System.Globalization;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.IO.Lammps;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// Finds the MD timestep of a LAMMPS dump when the user gives none: the <c>timestep</c> in force for the last run of
/// the <c>log.lammps</c> beside the dump, converted from the log's <c>units</c> style to ps (metal: ps, real: fs,
/// …). Reduced (<c>lj</c>) time has no conversion and is not taken.
/// </summary>
public static class TimestepSource
{
    /// <summary>The log file a run writes beside its dump: <c>log.lammps</c> in the trajectory's folder, or null.</summary>
    public static string? LogBeside(string trajectoryPath)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(trajectoryPath))!;
        string log = Path.Combine(dir, "log.lammps");
        return File.Exists(log) ? log : null;
    }

    /// <summary>
    /// <paramref name="input"/> with its timestep (ps) filled in from the log beside it when the user gave none, and
    /// <see cref="TrajectoryInput.TimestepSource"/> saying where the timestep came from (<c>--timestep</c>, the log's
    /// line, or the trajectory itself).
    /// </summary>
    public static TrajectoryInput Resolve(TrajectoryInput input)
    {
        if (input.TimestepSource is not null)
        {
            return input;
        }

        if (input.ReadOptions.TimestepPs is not null)
        {
            return input with { TimestepSource = "given (--timestep or timestep:)" };
        }

        string? log = LogBeside(input.Path);
        (double Ps, string Source)? found;
        try
        {
            // Only a LAMMPS dump counts MD steps of the log's timestep (VASP files carry their own POTIM).
            found = log is null || FormatRegistry.DetectForReading(input.Path, input.Format).Name != "lammps-dump" ? null : FromLog(log);
        }
        catch (InputException e)
        {
            // A log that cannot be read gives no timestep; the MSD then asks for --timestep as without a log.
            return input with { TimestepSource = $"the trajectory file ({log} beside it could not be read: {e.Message})" };
        }

        if (found is null)
        {
            return input with { TimestepSource = "the trajectory file (frame times as it gives them)" };
        }

        var read = input.ReadOptions with { TimestepPs = found.Value.Ps };
        return input with { ReadOptions = read, TimestepSource = found.Value.Source };
    }

    /// <summary>The timestep (ps) of the last run in <paramref name="logPath"/> and its source, or null when the log sets none usable.</summary>
    public static (double Ps, string Source)? FromLog(string logPath)
    {
        LammpsLog log = LammpsLogReader.Read(logPath);
        LammpsLogCommand? command = log.Timesteps.LastOrDefault(c => c.Values.Count > 0 && c.BlocksBefore < Math.Max(1, log.Blocks.Count))
            ?? log.Timesteps.LastOrDefault(c => c.Values.Count > 0);
        if (command is null)
        {
            return null;
        }

        string units = UnitsAt(log, command) ?? "metal";
        UnitStyle style;
        try
        {
            style = UnitConversion.ParseStyle(units);
        }
        catch (InputException)
        {
            return null;
        }

        if (style == UnitStyle.Lj)
        {
            return null;
        }

        double ps = command.Values[0] * UnitConversion.For(style).Time;
        if (!(ps > 0) || !double.IsFinite(ps))
        {
            return null;
        }

        string unitNote = UnitsAt(log, command) is null ? "units metal (LAMMPS default)" : $"units {units}";
        return (ps, string.Create(CultureInfo.InvariantCulture, $"{logPath}:{command.Line}: {command.Text} ({unitNote}: {ps:G6} ps)"));
    }

    /// <summary>The units style set before <paramref name="command"/>, or null when the log shows none.</summary>
    private static string? UnitsAt(LammpsLog log, LammpsLogCommand command)
    {
        LammpsLogCommand? units = log.UnitsCommands.LastOrDefault(u => u.Line < command.Line);
        string? text = units?.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return text ?? log.Units;
    }
}
