using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

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
        var noTotal = new Option<bool>("--no-total") { Description = "Leave out g_total of all atoms: only the pairs asked for are visited (faster when they are a few of many)" };
        Option<string?> region = CommonOptions.Region();
        var regions = new RegionOptions();
        Option<string> output = CommonOptions.Output("gbat-rdf");
        Option<int> threads = CommonOptions.Threads();
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "rdf",
            "Partial radial distribution functions g_AB(r) and cumulative coordination n_AB(r)\n\n" +
            "Writes rdf.csv (r in Å), rdf.json (options, first peaks and minima) and rdf.png into --output.\n\n" +
            "Examples:\n  gbat rdf dump.lammpstrj --type-map 1=Li,2=O --species Li-O,O-O --r-max 10\n" +
            "  gbat rdf dump.lammpstrj --type-map 1=Li,2=O --species Li-O --r-max 3 --no-total\n" +
            "  gbat rdf gb.lammpstrj --type-map 1=Li,2=O --region gb --normal z --planes 0.25,0.75 --half-width 4\n" +
            "  gbat rdf run/dump.lammpstrj.gz --type-map 1=Li,2=O --region bulk --boundaries run/structure.gb.json")
        {
            rMax, bins, species, noTotal, region, output, threads, quiet, json,
        };
        regions.AddTo(command);
        trajectoryOptions.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            TrajectoryInput trajectory = trajectoryOptions.ToInput(parse);
            string? pairs = parse.GetValue(species);
            var options = new RdfOptions(
                parse.GetValue(rMax),
                parse.GetValue(bins),
                pairs is null ? null : SpeciesPair.ParseList(pairs),
                RegionOption(parse.GetValue(region), regions, parse, trajectory, parse.GetValue(threads))) { Total = !parse.GetValue(noTotal) };
            RdfResult result = TerminalProgress.During(stderr, parse.GetValue(quiet) || parse.GetValue(json), () => RdfStep.Compute(trajectory, options, parse.GetValue(threads)));
            var folder = new OutputFolder(parse.GetValue(output)!, [trajectory.Path], stderr);
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

    /// <summary>
    /// The central-atom region of <c>--region gb|bulk</c> with the slabs of the region options (resolved as in every
    /// other command), or null for the whole box.
    /// </summary>
    internal static SlabRegion? RegionOption(string? part, RegionOptions regions, ParseResult parse, TrajectoryInput trajectory, int threads)
    {
        if (part is null)
        {
            return regions.Given(parse)
                ? throw new InputException("--planes or --boundaries given without --region gb|bulk (the part whose atoms are the centres)")
                : null;
        }

        if (!part.Equals("gb", StringComparison.OrdinalIgnoreCase) && !part.Equals("bulk", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"--region {part}: expected gb or bulk");
        }

        ResolvedRegion resolved = RegionResolver.Resolve(trajectory, regions.Request(parse), threads).Region;
        return resolved.Region is { } slabs
            ? RegionResolver.Part(slabs, part)
            : throw new InputException(
                $"--region {part}: {trajectory.Path} has no boundaries ({resolved.Source}); give --boundaries FILE.gb.json|auto, or --planes with --normal and --half-width");
    }
}
