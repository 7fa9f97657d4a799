namespace GbAtomistics.Core.Neighbors;

/// <summary>
/// Receives the pairs found by <see cref="CellList.VisitPairs{TVisitor}"/>. Implement it on a struct so the pair
/// loop is specialised and inlined for each analysis.
/// </summary>
public interface IPairVisitor
{
    /// <summary>
    /// One unordered pair within the cut-off: atoms <paramref name="i"/> and <paramref name="j"/> (indices into the
    /// frame) at squared distance <paramref name="distanceSquared"/> (Å²). <paramref name="i"/> may equal
    /// <paramref name="j"/> when the cut-off reaches an atom's own periodic image; each image pair (±) is visited once.
    /// </summary>
    void Visit(int i, int j, double distanceSquared);
}
