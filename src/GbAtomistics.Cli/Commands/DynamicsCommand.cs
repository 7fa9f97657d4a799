using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GbAtomistics.Analysis.Transport.Dynamics;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat dynamics INPUT</c>: van Hove functions, non-Gaussian parameter and hops of a mobile species, per region.</summary>
internal static class DynamicsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var o = new TransportOptions();
        Option<string> output = CommonOptions.Output("gbat-dynamics");
        var lags = new Option<string?>("--lags")
        {
            Description = "Lag times of the van Hove functions in ps, comma-separated, rounded to whole frames (default: --lag-count log-spaced lags from one frame to half the run)",
            HelpName = "ps,ps,...",
        };
        var lagCount = new Option<int>("--lag-count")
        {
            Description = "Number of log-spaced lags when --lags is not given",
            HelpName = "N",
            DefaultValueFactory = _ => DynamicsOptions.DefaultLagCount,
        };
        var rMax = new Option<double?>("--r-max")
        {
            Description = "Largest displacement of the self van Hove histograms in Å (default: the largest seen, so every displacement is counted)",
            HelpName = "Å",
        };
        var distinctRMax = new Option<double?>("--distinct-r-max")
        {
            Description = "Largest distance of the distinct van Hove histograms in Å (default and maximum: half the smallest cell width)",
            HelpName = "Å",
        };
        var bins = new Option<int>("--bins")
        {
            Description = "Histogram bins from 0 to the largest distance",
            HelpName = "N",
            DefaultValueFactory = _ => DynamicsOptions.DefaultBins,
        };
        var hopDistance = new Option<double?>("--hop-distance")
        {
            Description = "A hop is a move of the window-averaged position by more than this many Å from the last site (default: half the median nearest-neighbour distance between the mobile ions in the first frame)",
            HelpName = "Å",
        };
        var hopWindow = new Option<double>("--hop-window")
        {
            Description = "Positions are averaged over this many ps (rounded to whole frames, at least one) before the hop criterion, to remove vibration",
            HelpName = "ps",
            DefaultValueFactory = _ => DynamicsOptions.DefaultHopWindowPs,
        };
        var command = new Command(
            "dynamics",
            "Ion dynamics near grain boundaries: self and distinct van Hove functions, the non-Gaussian parameter α₂(t) and hops\n\n" +
            "G_s(r,t) at a few lags (total, in-plane ∥ and signed normal ⊥ displacements), G_d(r,t) normalised to 1 for an ideal gas,\n" +
            "α₂(t) at every lag, and hop events, rates per ion per ps with Poisson errors, hop lengths, residence times and the fraction\n" +
            "of hops that cross a boundary plane. With boundaries (--boundaries, --planes, or NAME.gb.json beside the input), also for\n" +
            "the grain-boundary slabs (gb) and the rest (bulk), an ion counted where it is at the time origin (or where its site is).\n" +
            "Writes vanhove-self.csv, vanhove-distinct.csv, alpha2.csv, hops.csv, hop-summary.csv, hop-lengths.csv, dynamics.json and\n" +
            "PNG/SVG plots into --output.\n\n" +
            "Examples:\n  gbat dynamics run/dump.lammpstrj.gz --type-map 1=Li,2=O --boundaries run/structure.gb.json\n" +
            "  gbat dynamics dump.lammpstrj --type-map 1=Li,2=O,3=Cl --timestep 2fs --lags 0.4,1,2 --hop-distance 1.2 --hop-window 0.4");
        o.Trajectories.AddTo(command);
        foreach (Option option in new Option[] { o.Species, o.Unwrap, o.Drift, lags, lagCount, rMax, distinctRMax, bins, hopDistance, hopWindow, o.Threads, o.Quiet, o.Json })
        {
            command.Add(option);
        }

        o.Regions.AddTo(command);
        command.Add(output);
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            TrajectoryInput input = TimestepSource.Resolve(o.Trajectory(parse));
            ResolvedRegion region = o.Region(parse, input);
            SlabRegion? slabs = region.Region is { } r ? RegionResolver.Part(r, "gb") : null;
            string drift = parse.GetValue(o.Drift)!;
            var transport = new MsdOptions(
                parse.GetValue(o.Species)!,
                slabs?.Axis ?? RegionSpec.ParseNormal(parse.GetValue(o.Regions.Normal)!),
                slabs,
                RegionMembership.Start,
                parse.GetValue(o.Unwrap)!.ToLowerInvariant() switch
                {
                    "auto" => UnwrapMode.Auto,
                    "columns" => UnwrapMode.Columns,
                    "images" => UnwrapMode.Images,
                    "displacements" => UnwrapMode.Displacements,
                    string u => throw new InputException($"--unwrap {u}: expected auto, columns, images or displacements"),
                },
                string.Equals(drift, "none", StringComparison.OrdinalIgnoreCase) ? null : drift);
            var options = new DynamicsOptions(
                transport,
                ParseLags(parse.GetValue(lags)),
                parse.GetValue(lagCount),
                parse.GetValue(rMax),
                parse.GetValue(distinctRMax),
                parse.GetValue(bins),
                parse.GetValue(hopDistance),
                parse.GetValue(hopWindow));
            bool quiet = parse.GetValue(o.Quiet) || parse.GetValue(o.Json);
            DynamicsResult result = TerminalProgress.During(stderr, quiet, () => DynamicsStep.Compute(input, options, parse.GetValue(o.Threads)));
            var folder = new OutputFolder(parse.GetValue(output)!, [input.Path], stderr);
            object summary = DynamicsStep.Write(result, input, folder);
            if (result.UnwrapWarning is { } warning)
            {
                stderr.WriteLine($"gbat: warning: {warning}");
            }

            if (DynamicsStep.HopWindowWarning(result) is { } window && !parse.GetValue(o.Quiet))
            {
                stderr.WriteLine($"gbat: warning: {window}");
            }

            if (parse.GetValue(o.Json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(o.Quiet))
            {
                Print(stdout, result, input, region, folder);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(TextWriter stdout, DynamicsResult result, TrajectoryInput input, ResolvedRegion region, OutputFolder folder)
    {
        string species = result.Options.Transport.Species;
        stdout.WriteLine(FormattableString.Invariant(
            $"dynamics: {result.Atoms} {species} ions, {result.Frames} frames {result.TimestepPs:G4} ps apart, unwrap {result.Unwrap.ToString().ToLowerInvariant()}, {result.MemoryBytes / 1e6:F1} MB of positions held"));
        stdout.WriteLine($"  timestep: {MsdCommand.Timestep(input)}");
        stdout.WriteLine($"  region: {MsdCommand.RegionText(region)}");
        string distinct = result.Distinct.Count > 0
            ? FormattableString.Invariant($"up to {result.DistinctRMax:G4} Å, origins every {result.DistinctOriginStride} frames")
            : result.DistinctNote ?? "not computed";
        stdout.WriteLine(FormattableString.Invariant(
            $"  van Hove: self at {string.Join(", ", result.Lags.Select(k => (k * result.TimestepPs).ToString("G4", CultureInfo.InvariantCulture)))} ps up to {result.SelfRMax:G4} Å; distinct {distinct}"));
        foreach (Alpha2Curve c in result.Alpha2.Where(c => c.Direction == DynamicsDirection.Total))
        {
            (double peak, int lag) = c.Peak(result.PeakLagLimit);
            stdout.WriteLine(lag > 0
                ? FormattableString.Invariant($"  α₂ {c.Region,-4} peak {peak:G3} at {lag * result.TimestepPs:G4} ps")
                : $"  α₂ {c.Region,-4} undefined (no samples)");
        }

        HopAnalysis hops = result.Hops;
        stdout.WriteLine(FormattableString.Invariant(
            $"  hops: d_hop = {hops.Distance:G4} Å ({hops.DistanceSource}), window {hops.WindowFrames} frames ({hops.WindowPs:G3} ps)"));
        foreach (HopRegionSummary s in hops.Summaries)
        {
            string rate = s.Hops > 0
                ? FormattableString.Invariant($"{s.Rate:G3} ± {s.RateError:G2} per ion per ps, mean length {s.MeanLength:F2} Å, residence {s.ResidenceMlePs:G3} ps")
                : FormattableString.Invariant($"rate < {s.RateUpper95:G2} per ion per ps (95 %)");
            string crossing = s.CrossingFraction is { } f ? FormattableString.Invariant($", {f:P0} cross a plane") : string.Empty;
            stdout.WriteLine(FormattableString.Invariant($"  {s.Region,-4} {s.Hops} hops: {rate}{crossing}"));
        }

        stdout.WriteLine($"wrote {string.Join(", ", folder.Written)}");
    }

    private static double[]? ParseLags(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
            double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v)
                ? v
                : throw new InputException($"--lags: '{part}' is not a positive number of ps; expected e.g. 0.5,2,10")).ToArray();
    }
}
