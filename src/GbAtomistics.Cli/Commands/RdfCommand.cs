using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;
using GbAtomistics.Pipelines;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat rdf INPUT</c>: partial RDFs and cumulative coordination, whole box or one region.</summary>
internal static class RdfCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var trajectoryOptions = new TrajectoryOptions();
        var rMax = new Option<double>("--r-max") { Description = "Largest distance in Å (may exceed half the cell)", HelpName = "Å", DefaultValueFactory = _ => 8.0 };
        var bins = new Option<int>("--bins") { Description = "Number of bins from 0 to r-max", HelpName = "N", DefaultValueFactory = _ => 400 };
        var species = new Option<string?>("--species") { Description = "Pairs A-B such as Li-O,O-O (default: every pair)", HelpName = "PAIRS" };
        Option<string?> region = CommonOptions.Region();
        Option<string> normal = CommonOptions.Normal();
        Option<string?> planes = CommonOptions.Planes();
        Option<double> halfWidth = CommonOptions.HalfWidth();
        Option<string> output = CommonOptions.Output("gbat-rdf");
        Option<int> threads = CommonOptions.Threads();
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "rdf",
            "Partial radial distribution functions g_AB(r) and cumulative coordination n_AB(r)\n\n" +
            "Writes rdf.csv (r in Å), rdf.json (options, first peaks and minima) and rdf.png into --output.\n\n" +
            "Examples:\n  gbat rdf dump.lammpstrj --type-map 1=Li,2=O --species Li-O,O-O --r-max 10\n" +
            "  gbat rdf gb.lammpstrj --type-map 1=Li,2=O --region gb --normal z --planes 0.25,0.75 --half-width 4")
        {
            rMax, bins, species, region, normal, planes, halfWidth, output, threads, quiet, json,
        };
        trajectoryOptions.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            TrajectoryInput trajectory = trajectoryOptions.ToInput(parse);
            string? pairs = parse.GetValue(species);
            var options = new RdfOptions(
                parse.GetValue(rMax),
                parse.GetValue(bins),
                pairs is null ? null : SpeciesPair.ParseList(pairs),
                RegionOption(parse.GetValue(region), parse.GetValue(normal)!, parse.GetValue(planes), parse.GetValue(halfWidth)));
            RdfResult result = TerminalProgress.During(stderr, parse.GetValue(quiet) || parse.GetValue(json), () => RdfStep.Compute(trajectory, options, parse.GetValue(threads)));
            var folder = new OutputFolder(parse.GetValue(output)!, [trajectory.Path]);
            object summary = RdfStep.Write(result, trajectory, folder);
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                stdout.WriteLine($"rdf: {result.Frames} frames, pairs {string.Join(", ", result.Pairs)}; wrote {string.Join(", ", folder.Written)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The region of --region/--normal/--planes/--half-width, or null for the whole box.</summary>
    internal static SlabRegion? RegionOption(string? part, string normal, string? planes, double halfWidth)
    {
        if (part is null)
        {
            return planes is null ? null : throw new InputException("--planes given without --region gb|bulk");
        }

        if (planes is null)
        {
            throw new InputException($"--region {part}: expected --planes with the boundary positions, e.g. --planes 0.25,0.75");
        }

        return new RegionSpec(part, normal, RegionSpec.ParsePlanes(planes), halfWidth).ToRegion();
    }
}
