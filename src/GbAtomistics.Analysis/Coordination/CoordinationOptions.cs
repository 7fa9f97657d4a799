using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Coordination;

/// <summary>
/// Options of the per-atom coordination analysis, validated once and shared by the CLI and pipelines. Every cut-off
/// is a concrete distance here; <see cref="CutoffSpec"/> and <see cref="FirstMinimum"/> turn "auto" into one.
/// </summary>
public sealed record CoordinationOptions
{
    /// <summary>Largest coordination number kept in the distributions; a larger count is an error naming the pair.</summary>
    public const int MaxCoordination = 1000;

    public CoordinationOptions(
        IReadOnlyList<SpeciesPair> pairs,
        IReadOnlyList<double> cutoffs,
        SlabRegion? region = null,
        int normalAxis = 2,
        int profileBins = 50,
        long? snapshotStep = null)
    {
        if (pairs.Count == 0)
        {
            throw new InputException("--species: expected at least one pair such as Li-O");
        }

        if (cutoffs.Count != pairs.Count)
        {
            throw new InputException($"--cutoff: expected one cut-off per pair ({pairs.Count}), found {cutoffs.Count}");
        }

        for (int p = 0; p < pairs.Count; p++)
        {
            if (!(cutoffs[p] > 0) || !double.IsFinite(cutoffs[p]))
            {
                throw new InputException($"--cutoff {pairs[p]}={cutoffs[p]}: expected a positive distance in Å");
            }
        }

        if (normalAxis is < 0 or > 2)
        {
            throw new InputException($"--normal axis {normalAxis}: expected x, y or z (0, 1 or 2)");
        }

        if (profileBins is < 1 or > 100_000)
        {
            throw new InputException($"--profile-bins {profileBins}: expected a number of slabs between 1 and 100000");
        }

        Pairs = pairs.ToArray();
        Cutoffs = cutoffs.ToArray();
        Region = region;
        NormalAxis = region?.Axis ?? normalAxis;
        ProfileBins = profileBins;
        SnapshotStep = snapshotStep;
    }

    /// <summary>Ordered pairs A-B: the coordination of each A atom by B atoms.</summary>
    public IReadOnlyList<SpeciesPair> Pairs { get; }

    /// <summary>Cut-off of each pair in Å: a B atom closer than this to an A atom is a neighbour.</summary>
    public IReadOnlyList<double> Cutoffs { get; }

    /// <summary>Grain-boundary slabs: distributions are given for all atoms, the slabs (gb) and the rest (bulk).</summary>
    public SlabRegion? Region { get; }

    /// <summary>The cell vector (0 = a, 1 = b, 2 = c) the profile runs along; the region's axis when a region is set.</summary>
    public int NormalAxis { get; }

    /// <summary>Number of slabs of equal fractional width along <see cref="NormalAxis"/> for the profile.</summary>
    public int ProfileBins { get; }

    /// <summary>The step whose per-atom values are kept for writing with the structure; null for the last frame (largest step).</summary>
    public long? SnapshotStep { get; }
}
