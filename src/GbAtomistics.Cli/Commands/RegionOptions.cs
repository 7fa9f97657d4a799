using System.CommandLine;
using GbAtomistics.Pipelines.Regions;

namespace GbAtomistics.Cli.Commands;

/// <summary>
/// Where the grain-boundary slabs come from, spelled the same in every command that takes them (<c>rdf</c>,
/// <c>coordination</c>, <c>profile</c>, <c>compare</c>, <c>msd</c>, <c>conductivity</c>): <c>--boundaries
/// auto|none|FILE.gb.json</c> or <c>--normal --planes --half-width</c>, resolved by <see cref="RegionRequest"/> and
/// <see cref="RegionResolver"/>. Without either, the metadata beside the input is used when there is one.
/// </summary>
internal sealed class RegionOptions
{
    public Option<string?> Boundaries { get; } = new Option<string?>("--boundaries")
    {
        Description = "Grain-boundary slabs: auto (detected from coordination defects), none, or a NAME.gb.json file " +
            "(default: NAME.gb.json beside the input, or the one *.gb.json beside it that names a structure there)",
        HelpName = "auto|none|FILE",
    }.Completing("auto", "none");

    public Option<string> Normal { get; } = CommonOptions.Normal();

    public Option<string?> Planes { get; } = CommonOptions.Planes();

    public Option<double?> HalfWidth { get; } = new("--half-width")
    {
        Description = "Half-width of each boundary slab in Å (default: from the metadata, the detection, or 3 Å with --planes)",
        HelpName = "Å",
    };

    public Option<double> Smoothing { get; } = new("--smoothing")
    {
        Description = "Width (Å) of the moving average of the defect profile used by --boundaries auto (≥ one interlayer spacing)",
        HelpName = "Å",
        DefaultValueFactory = _ => 4.0,
    };

    public IEnumerable<Option> All => [Boundaries, Normal, Planes, HalfWidth, Smoothing];

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True when the user named the slabs (<c>--boundaries</c> other than none, or <c>--planes</c>).</summary>
    public bool Given(ParseResult parse) =>
        parse.GetValue(Planes) is not null ||
        parse.GetValue(Boundaries) is { } b && !b.Equals("none", StringComparison.OrdinalIgnoreCase);

    public RegionRequest Request(ParseResult parse)
    {
        string? planes = parse.GetValue(Planes);
        return new RegionRequest(
            parse.GetValue(Boundaries),
            parse.GetValue(Normal)!,
            planes is null ? null : RegionSpec.ParsePlanes(planes),
            parse.GetValue(HalfWidth),
            Smoothing: parse.GetValue(Smoothing));
    }
}
