using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat sigma --axis 110 --max-sigma 50</c>: the CSL misorientations about an axis of a cubic lattice.</summary>
internal static class SigmaCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var axis = new Option<string>("--axis") { Description = "Rotation (tilt) axis [uvw], e.g. 001, 110, 111, 1-12 or 1,1,2", HelpName = "UVW", Required = true };
        var maxSigma = new Option<int>("--max-sigma") { Description = "Largest Σ to list", HelpName = "N", DefaultValueFactory = _ => 50 };
        var output = new Option<string?>("--output", "-o") { Description = "Also write sigma.csv and sigma.json into this folder", HelpName = "DIR" };
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "sigma",
            "CSL misorientations of a cubic lattice about one axis: Σ, the conventional (smallest) angle, the symmetry-equivalent\n" +
            "angle and the symmetric tilt planes (lower grain)/(upper grain). θ = 2·atan(n√N/m), Σ = m² + N·n² without factors of 2.\n" +
            "[110] Σ3 is listed as 70.53° (equivalent 109.47°, the value pymatgen quotes).\n\n" +
            "Examples:\n  gbat sigma --axis 110 --max-sigma 50\n  gbat sigma --axis 001 --max-sigma 100 --output sigma-001 --json")
        {
            axis, maxSigma, output, quiet, json,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            Int3 o = Miller.Parse(parse.GetValue(axis)!, "--axis");
            int max = parse.GetValue(maxSigma);
            IReadOnlyList<SigmaEntry> entries = SigmaStep.Compute(o, max);
            object summary = SigmaStep.Summary(entries, o, max);
            if (parse.GetValue(output) is { } dir)
            {
                summary = SigmaStep.Write(entries, o, max, new OutputFolder(dir, []));
            }

            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                stdout.Write(SigmaStep.ToText(entries, o));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
