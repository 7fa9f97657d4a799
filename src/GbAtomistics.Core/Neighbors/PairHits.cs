using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GbAtomistics.Core.Neighbors;

/// <summary>Hands each neighbour found by a <see cref="CellList"/> scan to an <see cref="IPairVisitor"/> as (i, j, r²).</summary>
/// <param name="visitor">The visitor, copied in; read it back from <see cref="Visitor"/> after the loop.</param>
/// <param name="atoms">The list's atom index of each slot.</param>
internal struct PairHits<TVisitor>(TVisitor visitor, int[] atoms) : IHitSink
    where TVisitor : struct, IPairVisitor
{
    public TVisitor Visitor = visitor;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per scan in the pair loop
    public void Take(int i, Span<int> slots, Span<double> distancesSquared, bool self)
    {
        ref int atom = ref MemoryMarshal.GetArrayDataReference(atoms);
        ref int slot = ref MemoryMarshal.GetReference(slots);
        ref double r2 = ref MemoryMarshal.GetReference(distancesSquared);
        for (int h = 0; h < slots.Length; h++)
        {
            int j = Unsafe.Add(ref atom, Unsafe.Add(ref slot, h));
            if (self && j == i)
            {
                continue;
            }

            Visitor.Visit(i, j, Unsafe.Add(ref r2, h));
        }
    }
}
