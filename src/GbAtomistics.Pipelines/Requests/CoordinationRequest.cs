using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Pipelines.Regions;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>
/// What a coordination run is asked for, before anything is resolved: pairs (null for every ordered pair of different
/// species), cut-offs (<see cref="CutoffSpec"/>), the RDF range used to find automatic cut-offs, slabs along the normal,
/// the region request, the step whose per-atom values are written (null: last frame) and the per-atom file formats
/// (<c>dump</c>, <c>extxyz</c>).
/// </summary>
public sealed record CoordinationRequest(
    IReadOnlyList<SpeciesPair>? Pairs = null,
    CutoffSpec? Cutoffs = null,
    double RdfRMax = 6.0,
    int RdfBins = 300,
    int ProfileBins = 50,
    RegionRequest? Region = null,
    long? SnapshotStep = null,
    IReadOnlyList<string>? AtomFormats = null)
{
    public CutoffSpec CutoffSpec => Cutoffs ?? CutoffSpec.Auto;

    public RegionRequest RegionRequest => Region ?? new RegionRequest();

    public IReadOnlyList<string> Formats => AtomFormats ?? ["dump", "extxyz"];
}
