namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>A projection of the displacement whose mean square an <see cref="MsdCurve"/> holds.</summary>
public enum MsdComponent
{
    /// <summary>|Δr|², three dimensions.</summary>
    Total,

    /// <summary>Δx², one dimension.</summary>
    X,

    /// <summary>Δy², one dimension.</summary>
    Y,

    /// <summary>Δz², one dimension.</summary>
    Z,

    /// <summary>In the boundary plane: |Δr|² − (Δr·n)², two dimensions.</summary>
    Parallel,

    /// <summary>Along the boundary normal n: (Δr·n)², one dimension.</summary>
    Perpendicular,
}
