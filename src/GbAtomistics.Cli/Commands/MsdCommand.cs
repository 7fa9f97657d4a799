using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat msd INPUT</c>: mean-squared displacement, components, ∥/⊥, regions, diffusion coefficients.</summary>
internal static class MsdCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var o = new TransportOptions();
        Option<string> output = CommonOptions.Output("gbat-msd");
        var command = new Command(
            "msd",
            "Mean-squared displacement over all time origins (FFT) and diffusion coefficients D = slope/(2d)\n\n" +
            "Components x, y, z, and parallel/perpendicular to the boundary plane (--normal). With boundaries (--boundaries,\n" +
            "--planes, or NAME.gb.json beside the input), also for the grain-boundary slabs (gb) and the rest (bulk). D carries a generalised-least-squares error that accounts for the\n" +
            "correlation between MSD points; the ordinary least-squares error is listed beside it for comparison.\n" +
            "Writes msd.csv (lag in ps, MSD in Å²), msd.json and msd.png into --output.\n\n" +
            "Examples:\n  gbat msd dump.lammpstrj --type-map 1=Li,2=O,3=Cl --timestep 2fs\n" +
            "  gbat msd gb.lammpstrj --type-map 1=Li,2=O,3=Cl --normal z --planes 0.25,0.75 --half-width 4 --fit-start 6 --fit-end 10\n" +
            "  gbat msd run/dump.lammpstrj.gz --type-map 1=Li,2=O --boundaries run/structure.gb.json");
        o.AddTo(command);
        command.Add(output);
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            TrajectoryInput input = TimestepSource.Resolve(o.Trajectory(parse));
            ResolvedRegion region = o.Region(parse, input);
            MsdOptions options = o.Msd(parse, region);
            MsdResult result = TerminalProgress.During(stderr, parse.GetValue(o.Quiet) || parse.GetValue(o.Json), () => MsdStep.Compute(input, options, parse.GetValue(o.Threads)));
            var folder = new OutputFolder(parse.GetValue(output)!, [input.Path], stderr);
            object summary = MsdStep.Write(result, input, folder);
            if (result.UnwrapWarning is { } warning)
            {
                stderr.WriteLine($"gbat: warning: {warning}");
            }

            if (parse.GetValue(o.Json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(o.Quiet))
            {
                stdout.WriteLine($"msd: {result.Atoms} {result.Options.Species} atoms, {result.Frames} frames {result.TimestepPs:G4} ps apart, unwrap {result.Unwrap.ToString().ToLowerInvariant()}");
                stdout.WriteLine($"  timestep: {Timestep(input)}");
                stdout.WriteLine($"  region: {RegionText(region)}");
                foreach (MsdCurve c in result.Curves.Where(c => c.Component is MsdComponent.Total or MsdComponent.Parallel or MsdComponent.Perpendicular))
                {
                    stdout.WriteLine(FormattableString.Invariant(
                        $"  {c.Region,-4} {c.Component.ToString().ToLowerInvariant(),-13} {c.Fit.Summary()}; fit {c.Fit.StartPs:G4}–{c.Fit.EndPs:G4} ps, α = {c.Fit.LocalExponent:F2}, χ²/dof = {c.Fit.ReducedChiSquare:G3}"));
                }

                stdout.WriteLine($"wrote {string.Join(", ", folder.Written)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The slabs and where they came from, for the text output.</summary>
    internal static string RegionText(ResolvedRegion region) => region.Region is { } g
        ? FormattableString.Invariant($"{region.Source} (planes {string.Join(", ", g.Planes.Select(p => p.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))} along {"abc"[g.Axis]}, half-width {g.HalfWidth:F2} Å)")
        : region.Source;

    /// <summary>The MD timestep and where it came from, for the text output.</summary>
    internal static string Timestep(TrajectoryInput input) => input.ReadOptions.TimestepPs is { } ps
        ? FormattableString.Invariant($"{ps * 1000:G6} fs from {input.TimestepSource}")
        : $"none given; {input.TimestepSource}";
}
