using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Analysis.Transport.Polycrystal;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat polycrystal</c>: brick-layer σ_poly against grain size.</summary>
internal static class PolycrystalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var bulk = new Option<string>("--sigma-bulk") { Description = "Bulk conductivity in S/cm, or an arrhenius.json (its value at the extrapolation temperature)", HelpName = "S/cm|FILE", Required = true };
        var parallel = new Option<string>("--sigma-gb-parallel") { Description = "Boundary conductivity along the plane in S/cm, or an arrhenius.json", HelpName = "S/cm|FILE", Required = true };
        var perpendicular = new Option<string>("--sigma-gb-perpendicular") { Description = "Boundary conductivity across the plane in S/cm, or an arrhenius.json", HelpName = "S/cm|FILE", Required = true };
        var bulkError = new Option<double?>("--sigma-bulk-error") { Description = "Standard error of --sigma-bulk in S/cm", HelpName = "S/cm" };
        var parallelError = new Option<double?>("--sigma-gb-parallel-error") { Description = "Standard error of --sigma-gb-parallel in S/cm", HelpName = "S/cm" };
        var perpendicularError = new Option<double?>("--sigma-gb-perpendicular-error") { Description = "Standard error of --sigma-gb-perpendicular in S/cm", HelpName = "S/cm" };
        var width = new Option<double>("--width") { Description = "Boundary width δ in nm", HelpName = "nm", DefaultValueFactory = _ => 1.0 };
        var min = new Option<double>("--min-size") { Description = "Smallest grain size in nm", HelpName = "nm", DefaultValueFactory = _ => 1.0 };
        var max = new Option<double>("--max-size") { Description = "Largest grain size in nm", HelpName = "nm", DefaultValueFactory = _ => 1e5 };
        Option<string> output = CommonOptions.Output("gbat-polycrystal");
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "polycrystal",
            "Brick-layer polycrystal conductivity σ_poly(d) = (d/L)² L/(d/σ_bulk + δ/σ_GB⊥) + (1 − (d/L)²) σ_GB∥, L = d + δ\n" +
            "(cubic grains of size d, boundaries of width δ), with the 68 % interval from the inputs' errors. An input not more\n" +
            "than twice its error is refused; one extrapolated by an Arrhenius fit, or from an inconsistent fit, is flagged.\n" +
            "Writes polycrystal.csv, polycrystal.json and polycrystal.png (σ_poly against d, log–log).\n\n" +
            "Examples:\n  gbat polycrystal --sigma-bulk 1e-4 --sigma-bulk-error 1e-5 --sigma-gb-parallel 3e-5 --sigma-gb-perpendicular 1e-7 --width 1\n" +
            "  gbat polycrystal --sigma-bulk bulk/arrhenius.json --sigma-gb-parallel gb-par/arrhenius.json --sigma-gb-perpendicular gb-perp/arrhenius.json")
        {
            bulk, bulkError, parallel, parallelError, perpendicular, perpendicularError, width, min, max, output, quiet, json,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            var model = new BrickLayerModel(
                PolycrystalStep.ReadInput("--sigma-bulk", parse.GetValue(bulk)!, parse.GetValue(bulkError)),
                PolycrystalStep.ReadInput("--sigma-gb-parallel", parse.GetValue(parallel)!, parse.GetValue(parallelError)),
                PolycrystalStep.ReadInput("--sigma-gb-perpendicular", parse.GetValue(perpendicular)!, parse.GetValue(perpendicularError)),
                parse.GetValue(width));
            string[] files = model.Inputs.Select(i => i.Source).Where(File.Exists).ToArray();
            var folder = new OutputFolder(parse.GetValue(output)!, files, stderr);
            object summary = PolycrystalStep.Write(model, parse.GetValue(min), parse.GetValue(max), folder);
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                foreach (string caveat in model.Caveats)
                {
                    stdout.WriteLine($"  caution: {caveat}");
                }

                foreach (double d in new[] { 10.0, 100.0, 1000.0 })
                {
                    var (lo, hi) = model.ConductivityInterval(d);
                    var (rlo, rhi) = model.RatioInterval(d);
                    string interval = model.Inputs.Any(i => i.HasError)
                        ? FormattableString.Invariant($" [{lo:G3}, {hi:G3}] S/cm (68 %)")
                        : " (inputs without errors)";
                    stdout.WriteLine(FormattableString.Invariant(
                        $"  d = {d,6:G4} nm: σ_poly = {model.Conductivity(d):G4} S/cm{interval}, {model.Ratio(d):G3} × bulk [{rlo:G3}, {rhi:G3}]"));
                }

                stdout.WriteLine($"wrote {string.Join(", ", folder.Written)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
