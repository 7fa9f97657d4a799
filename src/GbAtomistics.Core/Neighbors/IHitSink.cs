namespace GbAtomistics.Core.Neighbors;

/// <summary>
/// What a pair loop of <see cref="CellList"/> does with the neighbours it found for one central atom: hand each pair
/// to an <see cref="IPairVisitor"/> (<see cref="PairHits{TVisitor}"/>) or the distances alone to an
/// <see cref="IDistanceVisitor"/> (<see cref="DistanceHits{TVisitor}"/>). Both loops share the scan; only this differs.
/// </summary>
internal interface IHitSink
{
    /// <summary>
    /// The neighbours of central atom <paramref name="i"/> (an index into the frame) found by one scan: their slots in
    /// the list (bin order) and squared distances (Å²), both of the same length and free to be reordered. With
    /// <paramref name="self"/> the scan covered the central atom's own bin at zero shift, so the central atom itself,
    /// when it is in the list, is among them and is not its own neighbour.
    /// </summary>
    void Take(int i, Span<int> slots, Span<double> distancesSquared, bool self);
}
