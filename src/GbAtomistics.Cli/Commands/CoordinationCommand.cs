using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat coordination INPUT</c>: per-atom coordination, distributions per region, profile along the normal.</summary>
internal static class CoordinationCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var trajectoryOptions = new TrajectoryOptions();
        var structure = new StructureOptions();
        var snapshot = new Option<long?>("--snapshot-step")
        {
            Description = "MD step whose per-atom coordination is written with the structure (default: the last frame)",
            HelpName = "STEP",
        };
        var atoms = new Option<string>("--atoms")
        {
            Description = "Per-atom output for OVITO: dump, extxyz, dump,extxyz or none",
            HelpName = "FORMATS",
            DefaultValueFactory = _ => "dump,extxyz",
        };
        Option<string> output = CommonOptions.Output("gbat-coordination");
        Option<int> threads = CommonOptions.Threads();
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "coordination",
            "Per-atom coordination numbers of A by B within a cut-off (given, or the first minimum of g_AB), as " +
            "distributions over all atoms, the grain-boundary slabs and the bulk, and as the mean along the boundary normal\n\n" +
            "Writes coordination.csv (CN distributions), coordination-summary.csv, coordination-profile.csv (position in Å), " +
            "coordination.json (options, cut-offs, region), PNG plots, and coordination-atoms.dump/.extxyz (per-atom cn_A-B " +
            "columns of the last frame, for colouring in OVITO) into --output.\n\n" +
            "Examples:\n  gbat coordination dump.lammpstrj --type-map 1=Li,2=O --species Li-O,O-Li\n" +
            "  gbat coordination gb.lammpstrj --type-map 1=Li,2=O --species Li-O,O-Li --cutoff Li-O=2.6 --boundaries auto\n" +
            "  gbat coordination gb.lammpstrj --type-map 1=Li,2=O,3=Cl --normal z --planes 0.25,0.75 --half-width 4")
        {
            snapshot, atoms, output, threads, quiet, json,
        };
        foreach (Option option in structure.All)
        {
            command.Options.Add(option);
        }

        trajectoryOptions.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            TrajectoryInput trajectory = trajectoryOptions.ToInput(parse);
            string[] formats = parse.GetValue(atoms)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (formats.Any(f => f.Equals("none", StringComparison.OrdinalIgnoreCase)))
            {
                formats = [];
            }

            CoordinationRequest request = structure.Request(parse, parse.GetValue(snapshot), formats);
            var folder = new OutputFolder(parse.GetValue(output)!, [trajectory.Path], stderr);
            CoordinationRun run = TerminalProgress.During(stderr, parse.GetValue(quiet) || parse.GetValue(json), () => CoordinationStep.Compute(trajectory, request, parse.GetValue(threads)));
            object summary = CoordinationStep.Write(run, trajectory, request, folder);
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                CoordinationResult r = run.Result;
                stdout.WriteLine($"coordination: {r.Frames} frames; region: {run.Region.Source}" +
                    (run.Region.Region is { } g ? $" (planes {string.Join(", ", g.Planes.Select(p => p.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))} along {"abc"[g.Axis]}, half-width {g.HalfWidth:F2} Å)" : ""));
                for (int p = 0; p < r.Pairs.Count; p++)
                {
                    string means = string.Join(", ", r.Regions.Select(region => $"{region} {r.Distribution(p, region).Mean:F3}"));
                    stdout.WriteLine($"  {r.Pairs[p]}: cut-off {r.Options.Cutoffs[p]:F3} Å ({run.CutoffSources[p]}); mean CN {means}");
                }

                stdout.WriteLine($"wrote {string.Join(", ", folder.Written)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
