using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Analysis.Transport.Conductivity;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat conductivity INPUT</c>: Nernst–Einstein and collective conductivity, Haven ratio, regions.</summary>
internal static class ConductivityCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var o = new TransportOptions();
        var charges = new Option<string?>("--charges")
        {
            Description = "Charges in e per species, e.g. Li=1,O=-2,Cl=-1 (only charged species enter the collective MSD), or 'file' for the q column",
            HelpName = "MAP|file",
        };
        var temperature = new Option<double?>("--temperature")
        {
            Description = "Temperature in K (default: mean Temp of the thermo rows of log.lammps beside the input within the analysed frames, or TEBEG of OUTCAR)",
            HelpName = "K",
        };
        Option<string> output = CommonOptions.Output("gbat-conductivity");
        var command = new Command(
            "conductivity",
            "Ionic conductivity from the MSD: Nernst–Einstein σ = N q² e² D / (V k_B T) per direction and region, collective σ\n" +
            "from the charge-displacement MSD, and the Haven ratio H = σ_tracer/σ_collective, in S/cm and mS/cm.\n" +
            "Writes conductivity.csv, conductivity.json and the msd.* files into --output.\n\n" +
            "Examples:\n  gbat conductivity dump.lammpstrj --type-map 1=Li,2=O,3=Cl --timestep 2fs --charges Li=1 --temperature 600\n" +
            "  gbat conductivity gb.lammpstrj --type-map 1=Li,2=O --charges Li=1,O=-2 --planes 0.25,0.75 --normal z");
        o.AddTo(command);
        command.Add(charges);
        command.Add(temperature);
        command.Add(output);
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            TrajectoryInput input = TimestepSource.Resolve(o.Trajectory(parse));
            ResolvedRegion region = o.Region(parse, input);
            MsdOptions options = o.Msd(parse, region, parse.GetValue(charges));
            var (msd, result, kelvin) = TerminalProgress.During(stderr, parse.GetValue(o.Quiet) || parse.GetValue(o.Json), () => ConductivityStep.Compute(input, options, parse.GetValue(temperature), parse.GetValue(o.Threads)));
            var folder = new OutputFolder(parse.GetValue(output)!, [input.Path], stderr);
            object summary = ConductivityStep.Write(msd, result, kelvin, input, folder);
            if (msd.UnwrapWarning is { } warning)
            {
                stderr.WriteLine($"gbat: warning: {warning}");
            }

            if (parse.GetValue(o.Json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(o.Quiet))
            {
                stdout.WriteLine(FormattableString.Invariant($"conductivity of {msd.Options.Species} (q = {result.Charge:G4} e) at {kelvin.Text()} ({kelvin.Source})"));
                stdout.WriteLine($"  timestep: {MsdCommand.Timestep(input)}");
                stdout.WriteLine($"  region: {MsdCommand.RegionText(region)}");
                foreach (ConductivityEntry e in result.Entries.Where(e => e.Component is MsdComponent.Total or MsdComponent.Parallel or MsdComponent.Perpendicular))
                {
                    string haven = double.IsNaN(e.Haven) ? string.Empty : FormattableString.Invariant($"  Haven {e.Haven:G3} ± {e.HavenError:G2}");
                    string value = e.Measurable
                        ? FormattableString.Invariant($"σ = {e.SigmaMilli:G4} ± {e.SigmaErrorMilli:G2} mS/cm")
                        : FormattableString.Invariant($"not measurable: σ < {e.SigmaUpper * 1000:G2} mS/cm (95 %; {e.Note})");
                    stdout.WriteLine(FormattableString.Invariant(
                        $"  {e.Kind,-10} {e.Region,-4} {e.Component.ToString().ToLowerInvariant(),-13} {value}{haven}"));
                }

                stdout.WriteLine($"wrote {string.Join(", ", folder.Written)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
