namespace GbAtomistics.Analysis.Transport.Arrhenius;

/// <summary>Where the parameter errors of an <see cref="ArrheniusFit"/> come from.</summary>
public enum ArrheniusErrorBasis
{
    /// <summary>Two temperatures: no degrees of freedom are left to measure the scatter, so the errors come from the input errors only.</summary>
    InputErrorsOnly,

    /// <summary>χ²/dof ≤ 1: the points scatter no more than their errors say; the errors are those of the weights.</summary>
    InputErrors,

    /// <summary>χ²/dof &gt; 1: the weighted covariance is scaled by χ²/dof (Birge ratio squared) and intervals use Student-t quantiles with n − 2 dof.</summary>
    ScaledByScatter,
}
