using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Analysis.Transport.Arrhenius;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat arrhenius FILE...</c>: weighted Arrhenius fit of runs at several temperatures.</summary>
internal static class ArrheniusCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "conductivity.json files, or CSV/JSON tables of temperature_K,value,error", Arity = ArgumentArity.OneOrMore };
        var kind = new Option<string>("--kind") { Description = "From conductivity.json: tracer or collective", HelpName = "KIND", DefaultValueFactory = _ => "tracer" };
        var region = new Option<string>("--region") { Description = "From conductivity.json: all, gb or bulk", HelpName = "REGION", DefaultValueFactory = _ => "all" };
        var direction = new Option<string>("--direction") { Description = "From conductivity.json: total, x, y, z, parallel, perpendicular", HelpName = "DIR", DefaultValueFactory = _ => "total" };
        var quantity = new Option<string>("--quantity") { Description = "sigma (fit ln σT) or D (fit ln D) for tables", HelpName = "sigma|D", DefaultValueFactory = _ => "sigma" };
        var at = new Option<double>("--extrapolate-to") { Description = "Temperature of the extrapolated value in K", HelpName = "K", DefaultValueFactory = _ => 300 };
        Option<string> output = CommonOptions.Output("gbat-arrhenius");
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "arrhenius",
            "Weighted Arrhenius fit ln(σT) = ln A − Ea/(k_B T) over runs at several temperatures: Ea with its 68 % interval (eV),\n" +
            "prefactor, χ²/dof and its p-value (errors scaled by χ²/dof when the points scatter more than their errors), and\n" +
            "σ(300 K) with a log-normal 68 % interval, flagged when extrapolated. Entries marked not measurable, or with null\n" +
            "values, are left out with a note. Writes arrhenius.json, arrhenius.csv and arrhenius.png (σT against 1000/T, log axis).\n\n" +
            "Examples:\n  gbat arrhenius T500/conductivity.json T600/conductivity.json T700/conductivity.json --region gb --direction parallel\n" +
            "  gbat arrhenius runs.csv   (header, then temperature_K,sigma_S_per_cm,error_S_per_cm)")
        {
            inputs, kind, region, direction, quantity, at, output, quiet, json,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            string[] files = parse.GetValue(inputs)!;
            ArrheniusQuantity q = parse.GetValue(quantity)!.ToLowerInvariant() switch
            {
                "sigma" => ArrheniusQuantity.Conductivity,
                "d" => ArrheniusQuantity.Diffusion,
                string s => throw new Core.InputException($"--quantity {s}: expected sigma or D"),
            };
            ArrheniusInputs read = ArrheniusStep.Load(files, parse.GetValue(kind)!, parse.GetValue(region)!, parse.GetValue(direction)!, q);
            foreach (string note in read.LeftOut)
            {
                stderr.WriteLine($"gbat: arrhenius: left out {note}");
            }

            ArrheniusFit fit = ArrheniusFitter.Fit(read.Points, q, read.LeftOut);
            var folder = new OutputFolder(parse.GetValue(output)!, files, stderr);
            object summary = ArrheniusStep.Write(fit, folder, parse.GetValue(at));
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                foreach (string line in ArrheniusStep.Describe(fit, parse.GetValue(at)))
                {
                    stdout.WriteLine(line);
                }

                stdout.WriteLine($"wrote {string.Join(", ", folder.Written)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
