using GbAtomistics.Core.Mpi;

namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// Raw sums of squared displacements over (atom, origin) pairs at each lag, for the curves of one block of atoms:
/// <c>Sum[region][component][lag]</c> with regions all, gb, bulk and components x, y, z, ⊥ (the total and ∥ follow),
/// and the number of pairs <c>Pairs[region][lag]</c>. Blocks of disjoint atoms merge by addition.
/// </summary>
internal sealed class MsdSums
{
    public const int ComponentCount = 4; // x, y, z, perpendicular

    public MsdSums(int regions, int frames)
    {
        Sum = new double[regions][][];
        Pairs = new double[regions][];
        for (int r = 0; r < regions; r++)
        {
            Sum[r] = new double[ComponentCount][];
            for (int c = 0; c < ComponentCount; c++)
            {
                Sum[r][c] = new double[frames];
            }

            Pairs[r] = new double[frames];
        }
    }

    public double[][][] Sum { get; }

    public double[][] Pairs { get; }

    /// <summary>Registers every sum in <paramref name="buffer"/> (to add them over MPI ranks).</summary>
    public void Register(SumBuffer buffer)
    {
        for (int r = 0; r < Sum.Length; r++)
        {
            foreach (double[] component in Sum[r])
            {
                buffer.Add(component);
            }

            buffer.Add(Pairs[r]);
        }
    }

    public void Merge(MsdSums other)
    {
        for (int r = 0; r < Sum.Length; r++)
        {
            for (int c = 0; c < ComponentCount; c++)
            {
                Add(Sum[r][c], other.Sum[r][c]);
            }

            Add(Pairs[r], other.Pairs[r]);
        }
    }

    private static void Add(double[] target, double[] source)
    {
        for (int k = 0; k < target.Length; k++)
        {
            target[k] += source[k];
        }
    }
}
