using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Builders.Scoring;

/// <summary>
/// Accumulates the screened real-space Ewald term Σ q_i q_j erfc(α r)/r (e²/Å) over the pairs of a
/// <see cref="CellList"/> whose cut-off is the real-space cut-off.
/// </summary>
/// <remarks>
/// The cell list visits each unordered pair (i, j, image) once, and each ± pair of images of an atom with itself
/// once, so every visit adds the full term: ½ Σ_i Σ_j Σ_n′ counts each unordered image pair once, and the ± images
/// of an atom with itself are one unordered pair.
/// </remarks>
internal struct EwaldRealSpaceVisitor : IPairVisitor
{
    private readonly double[] _charges;
    private readonly double _alpha;

    /// <param name="charges">Charges in e, indexed like the cell list's atoms.</param>
    /// <param name="alpha">The splitting parameter α in 1/Å.</param>
    public EwaldRealSpaceVisitor(double[] charges, double alpha)
    {
        _charges = charges;
        _alpha = alpha;
        Sum = 0;
    }

    /// <summary>The accumulated sum in e²/Å.</summary>
    public double Sum { get; private set; }

    public void Visit(int i, int j, double distanceSquared)
    {
        double qq = _charges[i] * _charges[j];
        if (qq == 0)
        {
            return;
        }

        double r = Math.Sqrt(distanceSquared);
        Sum += qq * ErrorFunction.Erfc(_alpha * r) / r;
    }
}
