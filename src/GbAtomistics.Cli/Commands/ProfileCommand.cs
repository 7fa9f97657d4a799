using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat profile INPUT</c>: density, composition and mean coordination in slabs along the boundary normal.</summary>
internal static class ProfileCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var trajectoryOptions = new TrajectoryOptions();
        var structure = new StructureOptions();
        var charges = new Option<string?>("--charges") { Description = "Charge of every species in e, e.g. Li=0.6,O=-1.2: adds the charge density and the electrostatic potential (potential.csv, potential.png)", HelpName = "MAP" };
        var average = new Option<double?>("--average") { Description = "Macroscopic average of the potential over this window in Å (one repeat of the layer stacking along the normal flattens a perfect crystal)", HelpName = "Å" };
        var bulkReference = new Option<string?>("--bulk-reference")
        {
            Description = "A bulk run of the same material and conditions (read with the same type map and frame options) whose mean N/V gives the volume per atom for the boundary excess volume (default: the grain interiors)",
            HelpName = "FILE",
        };
        Option<string> output = CommonOptions.Output("gbat-profile");
        Option<int> threads = CommonOptions.Threads();
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "profile",
            "Profiles along the boundary normal: number density of each species (atoms/Å³), composition and mean " +
            "coordination in slabs of equal fractional width, averaged over frames (--species none leaves coordination out)\n\n" +
            "Writes profile.csv (position in Å), profile.json and density, composition and coordination plots into --output; " +
            "with --boundaries auto the planes found are reported. With boundaries, the excess volume per boundary area " +
            "(V − N·v_bulk)/(n·A) in Å is printed and written to profile.json (v_bulk from --bulk-reference or the grain interiors).\n\n" +
            "Examples:\n  gbat profile gb.lammpstrj --type-map 1=Li,2=O,3=Cl --normal z --profile-bins 100\n" +
            "  gbat profile gb.lammpstrj --type-map 1=Li,2=O,3=Cl --species Li-O,O-Li --boundaries auto\n" +
            "  gbat profile gb.lammpstrj --type-map 1=Li,2=O --charges Li=0.6,O=-1.2 --boundaries gb.gb.json --profile-bins 400 --average 3.3\n" +
            "  gbat profile gb/dump.lammpstrj.gz --type-map 1=Li,2=O --bulk-reference bulk/dump.lammpstrj.gz")
        {
            charges, average, bulkReference, output, threads, quiet, json,
        };
        foreach (Option option in structure.All)
        {
            command.Options.Add(option);
        }

        trajectoryOptions.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            TrajectoryInput trajectory = trajectoryOptions.ToInput(parse);
            bool coordination = !string.Equals(parse.GetValue(structure.Species), "none", StringComparison.OrdinalIgnoreCase);
            CoordinationRequest request = coordination
                ? structure.Request(parse)
                : new CoordinationRequest(ProfileBins: parse.GetValue(structure.ProfileBins), Region: structure.Region(parse));
            var folder = new OutputFolder(parse.GetValue(output)!, parse.GetValue(bulkReference) is { } r ? [trajectory.Path, r] : [trajectory.Path], stderr);
            ProfileRun run = TerminalProgress.During(stderr, parse.GetValue(quiet) || parse.GetValue(json), () => ProfileStep.Compute(trajectory, request, coordination, parse.GetValue(threads)));
            string? chargeText = parse.GetValue(charges);
            if (parse.GetValue(average) is not null && chargeText is null)
            {
                throw new InputException("--average smooths the electrostatic potential: give --charges too");
            }

            double? referenceDensity = parse.GetValue(bulkReference) is { } referencePath
                ? ProfileStep.ReferenceDensity(trajectory with { Path = referencePath }, parse.GetValue(threads))
                : null;
            object summary = ProfileStep.Write(
                run, trajectory, folder, charges: chargeText is null ? null : ChargeMap.Parse(chargeText), averageAngstrom: parse.GetValue(average), bulkReferenceDensity: referenceDensity);
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                stdout.WriteLine(
                    $"profile: {run.Profile.Frames} frames, {run.Profile.Options.Bins} slabs along {"abc"[run.Profile.Options.NormalAxis]} " +
                    $"({run.Profile.MeanWidth / run.Profile.Options.Bins:F3} Å each), mean density {run.Profile.MeanDensity:F5} atoms/Å³");
                if (run.Region.Region is { } g)
                {
                    stdout.WriteLine($"  boundaries ({run.Region.Source}): planes {string.Join(", ", g.Planes.Select(p => $"{p:F4} ({p * run.Profile.MeanWidth:F2} Å)"))}, half-width {g.HalfWidth:F2} Å");
                    if (ProfileStep.Excess(run, referenceDensity) is { } excess)
                    {
                        stdout.WriteLine(excess.ExcessPerArea is { } dv
                            ? $"  excess volume per boundary area: {dv:F3} Å (bulk volume per atom {1 / excess.BulkDensity!.Value:F4} Å³ from the {excess.BulkSource}; boundary width 2 × {excess.HalfWidth:F2} Å" +
                              (excess.ReferenceDensity is not null && excess.InteriorExcessPerArea is { } i ? $"; grain interiors give {i:F3} Å)" : ")")
                            : "  excess volume: no profile slab lies outside the GB slabs; give --bulk-reference");
                    }
                }

                stdout.WriteLine($"wrote {string.Join(", ", folder.Written)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
