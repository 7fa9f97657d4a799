namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// The displacement a dynamics quantity is built from, relative to the boundary normal n (the MSD's ∥/⊥): the full
/// 3-D displacement Δr, its in-plane part Δr∥ = Δr − (Δr·n)n (2-D), or its normal part Δr⊥ = Δr·n (1-D, signed).
/// </summary>
public enum DynamicsDirection
{
    /// <summary>|Δr|, three dimensions.</summary>
    Total,

    /// <summary>|Δr − (Δr·n)n|, the two dimensions in the boundary plane.</summary>
    Parallel,

    /// <summary>Δr·n, one dimension along the boundary normal (signed).</summary>
    Perpendicular,
}
