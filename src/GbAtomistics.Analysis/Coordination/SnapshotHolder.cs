using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Coordination;

/// <summary>
/// The per-atom snapshot frame of one coordination run, shared by the accumulators of its lanes so that a run holds
/// one copy of a frame, not one per lane. Accumulators change it only while holding its lock. Between frames of equal
/// standing (the same step) the lane begun first wins, and within a lane the frame seen first, so the choice does not
/// depend on which thread got there first.
/// </summary>
internal sealed class SnapshotHolder
{
    /// <summary>The kept frame with its coordination columns, or null.</summary>
    public Frame? Frame { get; set; }

    /// <summary>The lane whose frame is kept.</summary>
    public int Lane { get; set; }

    /// <summary>Lanes begun so far (the next lane's number).</summary>
    public int Lanes { get; set; }
}
