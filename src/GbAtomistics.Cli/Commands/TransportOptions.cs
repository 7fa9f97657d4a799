using System.CommandLine;
using System.Globalization;
using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Cli.Commands;

/// <summary>The options <c>msd</c> and <c>conductivity</c> share, and their conversion to <see cref="MsdOptions"/>.</summary>
internal sealed class TransportOptions
{
    public TrajectoryOptions Trajectories { get; } = new("Trajectory (frames evenly spaced in time)");

    public Option<string> Species { get; } = new("--species") { Description = "Mobile species", HelpName = "NAME", DefaultValueFactory = _ => "Li" };

    /// <summary>The grain-boundary slabs, spelled as in the structure commands.</summary>
    public RegionOptions Regions { get; } = new();

    public Option<string> Membership { get; } = new("--membership")
    {
        Description = "Region MSD counts an atom when it is in the region at the time origin (start) or throughout the lag (stay)",
        HelpName = "start|stay",
        DefaultValueFactory = _ => "start",
    };

    public Option<string> Unwrap { get; } = new("--unwrap")
    {
        Description = "Unwrapped positions from: auto (columns, else image flags, else displacements), columns, images, displacements",
        HelpName = "MODE",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string> Drift { get; } = new("--drift")
    {
        Description = "Subtract the centre-of-mass motion of all atoms (all) or of a framework species (e.g. Cl); none to keep it",
        HelpName = "none|all|SPECIES",
        DefaultValueFactory = _ => "none",
    };

    public Option<double?> FitStart { get; } = new("--fit-start")
    {
        Description = "Start of the diffusion fit window in ps (default 10 % of the trajectory length)",
        HelpName = "ps",
    };

    public Option<double?> FitEnd { get; } = new("--fit-end")
    {
        Description = "End of the diffusion fit window in ps (default 50 % of the trajectory length)",
        HelpName = "ps",
    };

    public Option<int> Threads { get; } = CommonOptions.Threads();

    public Option<bool> Quiet { get; } = CommonOptions.Quiet();

    public Option<bool> Json { get; } = CommonOptions.Json();

    public void AddTo(Command command)
    {
        Trajectories.AddTo(command);
        foreach (Option o in new Option[] { Species, Membership, Unwrap, Drift, FitStart, FitEnd, Threads, Quiet, Json })
        {
            command.Add(o);
        }

        Regions.AddTo(command);
    }

    /// <summary>
    /// The slabs of the region options for <paramref name="input"/> (planes, metadata given or found beside it, or
    /// detection, which reads the trajectory), or <see cref="ResolvedRegion.Region"/> null for none.
    /// </summary>
    public ResolvedRegion Region(ParseResult parse, TrajectoryInput input) =>
        RegionResolver.Resolve(input, Regions.Request(parse), parse.GetValue(Threads)).Region;

    public TrajectoryInput Trajectory(ParseResult parse) => Trajectories.ToInput(parse);

    /// <summary>The MSD options, with the gb slabs of <paramref name="region"/> (from <see cref="Region"/>).</summary>
    public MsdOptions Msd(ParseResult parse, ResolvedRegion region, string? charges = null)
    {
        SlabRegion? slabs = region.Region is { } r ? RegionResolver.Part(r, "gb") : null;
        string drift = parse.GetValue(Drift)!;
        bool fromFile = string.Equals(charges, "file", StringComparison.OrdinalIgnoreCase);
        return new MsdOptions(
            parse.GetValue(Species)!,
            slabs?.Axis ?? RegionSpec.ParseNormal(parse.GetValue(Regions.Normal)!),
            slabs,
            parse.GetValue(Membership)!.ToLowerInvariant() switch
            {
                "start" => RegionMembership.Start,
                "stay" => RegionMembership.Stay,
                string m => throw new InputException($"--membership {m}: expected start or stay"),
            },
            parse.GetValue(Unwrap)!.ToLowerInvariant() switch
            {
                "auto" => UnwrapMode.Auto,
                "columns" => UnwrapMode.Columns,
                "images" => UnwrapMode.Images,
                "displacements" => UnwrapMode.Displacements,
                string u => throw new InputException($"--unwrap {u}: expected auto, columns, images or displacements"),
            },
            string.Equals(drift, "none", StringComparison.OrdinalIgnoreCase) ? null : drift,
            new FitWindow(parse.GetValue(FitStart), parse.GetValue(FitEnd)),
            charges is null || fromFile ? null : ChargeMap.Parse(charges),
            fromFile);
    }
}
