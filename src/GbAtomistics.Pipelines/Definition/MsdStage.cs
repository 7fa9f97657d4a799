using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core.Unwrapping;

namespace GbAtomistics.Pipelines.Definition;

/// <summary>
/// The <c>msd</c> analysis (and, for the inputs of <c>conductivity</c>, the conductivity): the options of
/// <c>gbat msd</c> except the region and normal, which come from each input.
/// </summary>
public sealed record MsdStage(
    IReadOnlyList<string> Inputs,
    string Species,
    RegionMembership Membership,
    UnwrapMode Unwrap,
    string? Drift,
    FitWindow Fit);
