using System.CommandLine;
using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Requests;

namespace GbAtomistics.Cli.Commands;

/// <summary>
/// The options shared by <c>coordination</c>, <c>profile</c> and <c>compare</c>: pairs and cut-offs, the RDF range
/// for automatic cut-offs, slabs along the normal, and where the grain-boundary slabs come from.
/// </summary>
internal sealed class StructureOptions
{
    public Option<string?> Species { get; } = new("--species")
    {
        Description = "Pairs A-B: coordination of A by B, e.g. Li-O,Li-Cl (default: every ordered pair of different species)",
        HelpName = "PAIRS",
    };

    public Option<string?> Cutoff { get; } = new("--cutoff")
    {
        Description = "Cut-offs in Å: auto (first minimum of g_AB, the default), one value for all pairs, or Li-O=2.6,Li-Cl=auto",
        HelpName = "SPEC",
    };

    public Option<double> RMax { get; } = new("--r-max")
    {
        Description = "Range of the g(r) from which automatic cut-offs are found (Å)",
        HelpName = "Å",
        DefaultValueFactory = _ => 6.0,
    };

    public Option<int> Bins { get; } = new("--bins")
    {
        Description = "Bins of that g(r)",
        HelpName = "N",
        DefaultValueFactory = _ => 300,
    };

    public Option<int> ProfileBins { get; } = new("--profile-bins")
    {
        Description = "Slabs of equal fractional width along the normal",
        HelpName = "N",
        DefaultValueFactory = _ => 50,
    };

    /// <summary>The region options, shared with rdf, msd and conductivity.</summary>
    public RegionOptions Regions { get; } = new();

    public IEnumerable<Option> All => [Species, Cutoff, RMax, Bins, ProfileBins, .. Regions.All];

    public RegionRequest Region(ParseResult parse) => Regions.Request(parse);

    public CoordinationRequest Request(ParseResult parse, long? snapshotStep = null, IReadOnlyList<string>? atoms = null)
    {
        string? species = parse.GetValue(Species);
        int bins = parse.GetValue(Bins);
        double rMax = parse.GetValue(RMax);
        if (!(rMax > 0) || !double.IsFinite(rMax))
        {
            throw new InputException($"--r-max {rMax}: expected a positive distance in Å");
        }

        if (bins < 3)
        {
            throw new InputException($"--bins {bins}: expected at least 3 bins");
        }

        return new CoordinationRequest(
            species is null ? null : SpeciesPair.ParseList(species),
            CutoffSpec.Parse(parse.GetValue(Cutoff)),
            rMax,
            bins,
            parse.GetValue(ProfileBins),
            Region(parse),
            snapshotStep,
            atoms ?? []);
    }
}
