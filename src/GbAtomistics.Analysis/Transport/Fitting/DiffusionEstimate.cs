namespace GbAtomistics.Analysis.Transport.Fitting;

/// <summary>
/// A diffusion coefficient from a straight-line fit MSD(t) = a + 2·d·D·t over a lag window, in Å²/ps
/// (1 Å²/ps = 10⁻⁴ cm²/s), with the checks that decide whether it may be reported (<see cref="Status"/>).
/// </summary>
/// <remarks>
/// <see cref="D"/> and <see cref="StandardError"/> come from generalised least squares with the covariance of the MSD
/// points (<see cref="DiffusionFitter"/>); the standard error already includes the widening by √(χ²/dof) when the
/// straight line is rejected (<see cref="Widening"/> &gt; 1). <see cref="OlsD"/> and <see cref="OlsStandardError"/> are
/// ordinary least squares over the same points, whose error ignores the correlation between MSD points and is
/// usually far too small: shown for comparison only.
/// </remarks>
/// <param name="Dimensions">Number of Cartesian components d of the curve.</param>
/// <param name="D">GLS estimate (Å²/ps), reported only when <see cref="Status"/> is diffusive.</param>
/// <param name="StandardError">Its standard error (Å²/ps), widened when the model is rejected.</param>
/// <param name="Intercept">Fitted MSD at t = 0 (Å²): the vibrational plateau.</param>
/// <param name="OlsD">Ordinary least-squares D (Å²/ps).</param>
/// <param name="OlsStandardError">Ordinary least-squares standard error (Å²/ps).</param>
/// <param name="StartPs">First lag of the window (ps).</param>
/// <param name="EndPs">Last lag of the window (ps).</param>
/// <param name="Points">Lags in the fit.</param>
/// <param name="Walkers">Independent walkers averaged (atoms; 1 for the collective displacement).</param>
/// <param name="ReducedChiSquare">χ²/dof of the straight line against the covariance, dof = points − 2.</param>
/// <param name="PValue">Probability of a χ² at least this large if the straight line were right.</param>
/// <param name="Widening">Factor applied to the GLS error: √(χ²/dof) when p &lt; 0.01, else 1.</param>
/// <param name="LocalExponent">d ln MSD / d ln t over the window (least squares of ln MSD on ln t); 1 for diffusion.</param>
/// <param name="Status">Diffusive, not diffusive, or undetermined.</param>
/// <param name="UpperBound">One-sided 95 % upper bound on D (Å²/ps): max(D, 0) + 1.645 × standard error.</param>
/// <param name="CovarianceSource"><c>data</c> (spread of the per-atom curves) or <c>model</c> (free-diffusion covariance).</param>
/// <param name="SuggestedStartPs">For a window that is not diffusive, a later start whose local exponent is near 1, or null.</param>
public sealed record DiffusionEstimate(
    int Dimensions,
    double D,
    double StandardError,
    double Intercept,
    double OlsD,
    double OlsStandardError,
    double StartPs,
    double EndPs,
    int Points,
    double Walkers,
    double ReducedChiSquare,
    double PValue,
    double Widening,
    double LocalExponent,
    DiffusionStatus Status,
    double UpperBound,
    string CovarianceSource,
    double? SuggestedStartPs)
{
    /// <summary>Å²/ps → cm²/s.</summary>
    public const double CmSquaredPerSecond = 1e-4;

    /// <summary>The fitted slope 2·d·D in Å²/ps.</summary>
    public double Slope => 2 * Dimensions * D;

    /// <summary>True when D may be reported with its error.</summary>
    public bool IsMeasurable => Status == DiffusionStatus.Diffusive;

    /// <summary>One line for people: <c>D = 1.2e-3 ± 1e-4 Å²/ps</c> or <c>no measurable diffusion (D &lt; 3e-5 Å²/ps, 95 %)</c>.</summary>
    public string Summary(string unit = "Å²/ps", double factor = 1) => Status switch
    {
        DiffusionStatus.Diffusive => FormattableString.Invariant($"D = {D * factor:G3} ± {StandardError * factor:G2} {unit}") +
            (Widening > 1 ? FormattableString.Invariant($" (error ×{Widening:F1}: straight line rejected, χ²/dof = {ReducedChiSquare:G3})") : string.Empty),
        DiffusionStatus.NotDiffusive => FormattableString.Invariant($"no measurable diffusion (D < {UpperBound * factor:G2} {unit}, 95 %; {Reason})") +
            (SuggestedStartPs is { } s ? FormattableString.Invariant($"; try --fit-start {s:G3}") : string.Empty),
        _ => "undetermined (too few points or walkers)",
    };

    /// <summary>Why a window is not diffusive: the slope or the local exponent.</summary>
    public string Reason =>
        !(StandardError > 0) || D < DiffusionFitter.Significance * StandardError
            ? FormattableString.Invariant($"slope {D / StandardError:F1} standard errors from zero")
            : FormattableString.Invariant($"local exponent {LocalExponent:F2}, not near 1");

    /// <summary>An estimate that could not be made (too few points, no walkers), all values NaN.</summary>
    public static DiffusionEstimate Missing(int dimensions) =>
        new(dimensions, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0, double.NaN, double.NaN, 1,
            double.NaN, DiffusionStatus.Undetermined, double.NaN, "none", null);
}
