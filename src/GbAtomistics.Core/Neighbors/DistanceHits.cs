using System.Runtime.CompilerServices;

namespace GbAtomistics.Core.Neighbors;

/// <summary>Hands the distances found by a <see cref="CellList"/> scan to an <see cref="IDistanceVisitor"/>.</summary>
/// <param name="visitor">The visitor, copied in; read it back from <see cref="Visitor"/> after the loop.</param>
/// <param name="atoms">The list's atom index of each slot.</param>
internal struct DistanceHits<TVisitor>(TVisitor visitor, int[] atoms) : IHitSink
    where TVisitor : struct, IDistanceVisitor
{
    public TVisitor Visitor = visitor;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per scan in the pair loop
    public void Take(int i, Span<int> slots, Span<double> distancesSquared, bool self)
    {
        int hits = distancesSquared.Length;
        if (self)
        {
            // The central atom is in the list at most once: move it past the end (its slot decides, not its distance).
            for (int h = 0; h < hits; h++)
            {
                if (atoms[slots[h]] == i)
                {
                    hits--;
                    slots[h] = slots[hits];
                    distancesSquared[h] = distancesSquared[hits];
                    break;
                }
            }
        }

        Visitor.Visit(i, distancesSquared[..hits]);
    }
}
