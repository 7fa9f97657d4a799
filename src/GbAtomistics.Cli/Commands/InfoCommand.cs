using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Cli.Commands;

/// <summary>
/// <c>gbat info FILE</c>: format, frames, atoms, species, step and time ranges, first and last box, and the
/// per-atom data present; for a LAMMPS log, its runs and thermo columns.
/// </summary>
internal static class InfoCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "Structure, trajectory or LAMMPS log" };
        Option<string?> format = CommonOptions.Format();
        Option<string?> typeMap = CommonOptions.TypeMap();
        Option<string?> timestep = CommonOptions.Timestep();
        Option<string?> units = CommonOptions.Units();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "info",
            "Describe a file: format, frames, atoms, species, boxes, steps and the columns present\n\n" +
            "Examples:\n  gbat info dump.lammpstrj --type-map 1=Li,2=O\n  gbat info XDATCAR --json")
        {
            file, format, typeMap, timestep, units, json,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            string path = parse.GetValue(file)!;
            FileFormat detected = FormatRegistry.DetectForReading(path, parse.GetValue(format));
            if (detected.Kind == FormatKind.Log)
            {
                return DescribeLog(stdout, path, parse.GetValue(json));
            }

            ReadOptions options = CommonOptions.ReadOptions(parse.GetValue(typeMap), parse.GetValue(timestep), parse.GetValue(units));
            TrajectorySummary summary;
            using (ITrajectoryReader reader = FormatRegistry.OpenReader(path, options, detected.Name))
            {
                summary = TrajectorySummary.Scan(reader, keepWholeFrames: true);
            }

            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(Json(summary, path), GbAtomistics.Pipelines.Running.Json.Options));
            }
            else
            {
                WriteText(stdout, summary, path);
            }

            if (summary.Truncation is { } truncation)
            {
                stderr.WriteLine($"gbat: {truncation.Message}");
                return ExitCodes.InputError;
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteText(TextWriter o, TrajectorySummary s, string path)
    {
        o.WriteLine($"file:      {path}");
        o.WriteLine($"format:    {s.Format}");
        o.WriteLine($"frames:    {s.Frames}{(s.Truncation is null ? "" : " whole frames (the file ends inside the next)")}");
        if (s.First is not { } first || s.Last is not { } last)
        {
            return;
        }

        o.WriteLine(s.FirstAtomCountChange is { } change
            ? $"atoms:     {first.Count} in frame 0; from {s.AtomCount.Min} to {s.AtomCount.Max} (first change at frame {change})"
            : $"atoms:     {first.Count}");
        o.WriteLine($"species:   {string.Join(", ", s.SpeciesCounts.Select(p => $"{p.Species} {p.Count}"))}" +
            (first.Species is null ? "  (type numbers; name them with --type-map)" : ""));
        o.WriteLine($"steps:     {first.Step} … {last.Step}");
        if (first.Time is { } t0 && last.Time is { } t1)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time:      {t0:G8} … {t1:G8} ps"));
        }

        o.WriteLine($"columns:   {string.Join(", ", Columns(first))}");
        o.WriteLine($"box first: {BoxText.Describe(first.Box)}");
        if (s.Frames > 1)
        {
            o.WriteLine($"box last:  {BoxText.Describe(last.Box)}");
        }
    }

    private static object Json(TrajectorySummary s, string path) => new
    {
        file = path,
        format = s.Format,
        frames = s.Frames,
        truncated = s.Truncation?.Message,
        atoms = s.First?.Count,
        atoms_min = s.First is null ? (int?)null : s.AtomCount.Min,
        atoms_max = s.First is null ? (int?)null : s.AtomCount.Max,
        first_atom_count_change = s.FirstAtomCountChange,
        species = s.SpeciesCounts.ToDictionary(p => p.Species, p => p.Count),
        species_named = s.First?.Species is not null,
        steps = s.First is null ? null : new[] { s.First.Step, s.Last!.Step },
        time_ps = s.First?.Time is { } t0 && s.Last?.Time is { } t1 ? new[] { t0, t1 } : null,
        columns = s.First is null ? [] : Columns(s.First),
        box_first = s.First is null ? null : BoxText.Json(s.First.Box),
        box_last = s.Last is null ? null : BoxText.Json(s.Last.Box),
        units = new { length = "Å", time = "ps", velocity = "Å/ps", force = "eV/Å", energy = "eV", charge = "e" },
    };

    private static List<string> Columns(Frame f)
    {
        var columns = new List<string> { "id", "type", f.Coordinates == CoordinateKind.Unwrapped ? "positions (unwrapped)" : "positions" };
        if (f.Images is not null) columns.Add("image flags");
        if (f.Velocities is not null) columns.Add("velocities");
        if (f.Forces is not null) columns.Add("forces");
        if (f.Charges is not null) columns.Add("charges");
        if (f.PotentialEnergy is not null) columns.Add("energy");
        columns.AddRange(f.ExtraNames);
        return columns;
    }

    private static int DescribeLog(TextWriter o, string path, bool json)
    {
        LammpsLog log = LammpsLogReader.Read(path);
        if (json)
        {
            o.WriteLine(JsonSerializer.Serialize(LogJson(log, path), GbAtomistics.Pipelines.Running.Json.Options));
            return ExitCodes.Success;
        }

        o.WriteLine($"file:      {path}");
        o.WriteLine("format:    lammps-log");
        o.WriteLine($"version:   {log.Version ?? "unknown"}");
        o.WriteLine($"units:     {log.Units ?? "not set (LAMMPS default lj)"}");
        o.WriteLine($"timesteps: {(log.Timesteps.Count == 0 ? "not set" : string.Join(", ", log.Timesteps.Select(t => t.Text)))}");
        if (log.Temperatures.Count > 0)
        {
            o.WriteLine($"temperatures: {string.Join("; ", log.Temperatures.Select(t => t.Text))}");
        }

        o.WriteLine($"runs:      {log.Blocks.Count} thermo blocks");
        for (int i = 0; i < log.Blocks.Count; i++)
        {
            ThermoBlock b = log.Blocks[i];
            string steps = b.RowCount == 0 ? "no rows" : $"{b.RowCount} rows, steps {b.FirstStep} … {b.LastStep}";
            o.WriteLine($"  block {i + 1}: {steps}{(b.IsComplete ? "" : " (incomplete: the log ends inside it)")}; columns {string.Join(" ", b.Columns)}");
        }

        return ExitCodes.Success;
    }

    private static object LogJson(LammpsLog log, string path) => new
    {
        file = path,
        format = "lammps-log",
        version = log.Version,
        units = log.Units,
        timesteps = log.Timesteps.Select(t => t.Text),
        temperature_commands = log.Temperatures.Select(t => t.Text),
        blocks = log.Blocks.Select(b => new
        {
            columns = b.Columns,
            rows = b.RowCount,
            first_step = b.FirstStep,
            last_step = b.LastStep,
            complete = b.IsComplete,
            units = b.Units,
            timestep = b.Timestep,
        }),
    };
}
