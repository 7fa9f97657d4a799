namespace GbAtomistics.Analysis;

/// <summary>
/// Receives the pairs of a <see cref="SpeciesPairLoop"/> as squared distances by species pair, several at a time
/// (see <see cref="SpeciesPairLoop.TryVisitDistances{TVisitor}"/>). Implement it on a struct so the loop is
/// specialised and inlined for each analysis.
/// </summary>
internal interface ISpeciesDistanceVisitor
{
    /// <summary>
    /// Squared distances (Å²) of pairs between a central atom of species <paramref name="central"/> and a neighbour
    /// of species <paramref name="neighbour"/> (species indices of the loop), in no particular order. Each pair the
    /// loop's <see cref="SpeciesPairLoop.TryVisit{TVisitor}"/> would visit as (i, j) is in exactly one call, with the
    /// species of i first; a pair within one species (central = neighbour) once. A call may be empty.
    /// </summary>
    void Visit(int central, int neighbour, ReadOnlySpan<double> distancesSquared);
}
