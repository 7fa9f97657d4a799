using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Analysis.Transport.Polycrystal;
using GbAtomistics.Pipelines;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat polycrystal</c>: brick-layer σ_poly against grain size.</summary>
internal static class PolycrystalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var bulk = new Option<double>("--sigma-bulk") { Description = "Bulk conductivity in S/cm", HelpName = "S/cm", Required = true };
        var parallel = new Option<double>("--sigma-gb-parallel") { Description = "Boundary conductivity along the plane in S/cm", HelpName = "S/cm", Required = true };
        var perpendicular = new Option<double>("--sigma-gb-perpendicular") { Description = "Boundary conductivity across the plane in S/cm", HelpName = "S/cm", Required = true };
        var width = new Option<double>("--width") { Description = "Boundary width δ in nm", HelpName = "nm", DefaultValueFactory = _ => 1.0 };
        var min = new Option<double>("--min-size") { Description = "Smallest grain size in nm", HelpName = "nm", DefaultValueFactory = _ => 1.0 };
        var max = new Option<double>("--max-size") { Description = "Largest grain size in nm", HelpName = "nm", DefaultValueFactory = _ => 1e5 };
        Option<string> output = CommonOptions.Output("gbat-polycrystal");
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "polycrystal",
            "Brick-layer polycrystal conductivity σ_poly(d) = (d/L)² L/(d/σ_bulk + δ/σ_GB⊥) + (1 − (d/L)²) σ_GB∥, L = d + δ\n" +
            "(cubic grains of size d, boundaries of width δ). Writes polycrystal.csv, polycrystal.json and polycrystal.png.\n\n" +
            "Example:\n  gbat polycrystal --sigma-bulk 1e-4 --sigma-gb-parallel 3e-5 --sigma-gb-perpendicular 1e-7 --width 1")
        {
            bulk, parallel, perpendicular, width, min, max, output, quiet, json,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            var model = new BrickLayerModel(parse.GetValue(bulk), parse.GetValue(parallel), parse.GetValue(perpendicular), parse.GetValue(width));
            var folder = new OutputFolder(parse.GetValue(output)!, []);
            object summary = PolycrystalStep.Write(model, parse.GetValue(min), parse.GetValue(max), folder);
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                foreach (double d in new[] { 10.0, 100.0, 1000.0 })
                {
                    stdout.WriteLine(FormattableString.Invariant($"  d = {d,6:G4} nm: σ_poly = {model.Conductivity(d):G4} S/cm ({model.Conductivity(d) / model.SigmaBulk:G3} × bulk)"));
                }

                stdout.WriteLine($"wrote {string.Join(", ", folder.Written)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
