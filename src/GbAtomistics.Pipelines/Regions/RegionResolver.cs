using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Pipelines.Regions;

/// <summary>
/// The one path from a <see cref="RegionRequest"/> to grain-boundary slabs for every command and pipeline input:
/// explicit planes, a metadata file, <c>none</c>, the metadata found beside the input
/// (<see cref="RegionSource.FindBeside"/>), or automatic detection from coordination defects (as
/// <c>gbat coordination --boundaries auto</c>: automatic cut-offs from g(r), then one coordination pass).
/// </summary>
public static class RegionResolver
{
    /// <summary>The slabs of <paramref name="request"/> for <paramref name="input"/> and the passes over the trajectory detection took (0 without detection).</summary>
    /// <param name="input">The trajectory (metadata is looked for beside it; detection reads it).</param>
    /// <param name="request">What the user asked for.</param>
    /// <param name="threads">Worker threads of the detection passes.</param>
    /// <param name="detection">Pairs, cut-offs and g(r) range for detection; null for every pair of different species with automatic cut-offs.</param>
    public static (ResolvedRegion Region, int Passes) Resolve(TrajectoryInput input, RegionRequest request, int threads, CoordinationRequest? detection = null)
    {
        ResolvedRegion region = request.ResolveWithoutDetection(input.Path);
        return region.Source == "auto" ? Detect(input, request, detection ?? new CoordinationRequest(), threads) : (region, 0);
    }

    /// <summary>Detects the boundaries from coordination defects with the pairs and cut-offs of <paramref name="detection"/>.</summary>
    public static (ResolvedRegion Region, int Passes) Detect(TrajectoryInput input, RegionRequest request, CoordinationRequest detection, int threads)
    {
        IReadOnlyList<SpeciesPair> pairs = detection.Pairs ?? FirstFrame.DefaultPairs(FirstFrame.Species(input));
        var (cutoffs, _, rdf) = CutoffResolver.Resolve(input, pairs, detection.CutoffSpec, detection.RdfRMax, detection.RdfBins, threads);
        CoordinationResult plain = CoordinationStep.Run(input, new CoordinationOptions(pairs, cutoffs, null, request.NormalAxis, detection.ProfileBins, null), threads);
        return (CoordinationStep.Detect(plain, request), rdf is null ? 1 : 2);
    }

    /// <summary>The slabs (<c>gb</c>) or the rest (<c>bulk</c>) of <paramref name="region"/>, named so.</summary>
    public static SlabRegion Part(SlabRegion region, string part) => part.ToLowerInvariant() switch
    {
        "gb" => new SlabRegion(region.Axis, region.Planes, region.HalfWidth, complement: false, name: "gb"),
        "bulk" => new SlabRegion(region.Axis, region.Planes, region.HalfWidth, complement: true, name: "bulk"),
        _ => throw new InputException($"--region {part}: expected gb or bulk"),
    };
}
