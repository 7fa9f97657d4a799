using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// One hop of one ion (see <see cref="HopAnalysis"/> for the criterion): from the site it was last assigned to, to the
/// site where it settles, at the first frame whose window-averaged position is more than d_hop from the old site.
/// Positions are unwrapped Cartesian coordinates in Å.
/// </summary>
/// <param name="AtomId">The ion's id in the file.</param>
/// <param name="Frame">Index of the hop frame among the analysed frames.</param>
/// <param name="Step">The MD step of that frame.</param>
/// <param name="TimePs">Time of that frame since the first analysed frame, ps.</param>
/// <param name="From">The old site (Å).</param>
/// <param name="To">The new site (Å).</param>
/// <param name="FromRegion">gb, bulk, or all without boundaries: where the old site lies.</param>
/// <param name="ToRegion">Where the new site lies.</param>
/// <param name="CrossesPlane">Whether the straight path from old to new site crosses a boundary plane; null without planes.</param>
/// <param name="ResidencePs">Time since this ion's previous hop (a complete residence at the old site), or null for its first hop (censored by the start of the run).</param>
public sealed record HopEvent(
    long AtomId, int Frame, long Step, double TimePs, Vec3 From, Vec3 To, string FromRegion, string ToRegion, bool? CrossesPlane, double? ResidencePs)
{
    /// <summary>|To − From| in Å.</summary>
    public double Length => (To - From).Length;
}
