namespace GbAtomistics.Core.Neighbors;

/// <summary>
/// Receives the pairs found by <see cref="CellList.VisitDistances{TVisitor}"/> and
/// <see cref="CellList.VisitDistancesFrom{TVisitor}"/> as squared distances only, several of one central atom at a
/// time: for analyses that need nothing of a pair but its distance (a partial radial distribution function between a
/// list of one species and central atoms of one species, say), which can then treat a whole vector of distances at
/// once, and the pair loop need not look up the atoms behind them. Implement it on a struct so the loop is
/// specialised and inlined for each analysis.
/// </summary>
public interface IDistanceVisitor
{
    /// <summary>
    /// Squared distances (Å²) from central atom <paramref name="i"/> (an index into the frame) to some of its
    /// neighbours within the cut-off, in no particular order. Every pair the matching <see cref="IPairVisitor"/> loop
    /// visits is in exactly one call; one central atom may get several calls, and a call may be empty.
    /// </summary>
    void Visit(int i, ReadOnlySpan<double> distancesSquared);
}
