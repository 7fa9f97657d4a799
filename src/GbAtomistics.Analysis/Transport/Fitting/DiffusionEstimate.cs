namespace GbAtomistics.Analysis.Transport.Fitting;

/// <summary>
/// A diffusion coefficient from a straight-line fit MSD(t) = a + 2·d·D·t over a lag window, in Å²/ps
/// (1 Å²/ps = 10⁻⁴ cm²/s).
/// </summary>
/// <remarks>
/// <see cref="D"/> and <see cref="StandardError"/> come from generalised least squares with the model covariance of
/// free diffusion (<see cref="DiffusionFitter"/>); <see cref="OlsD"/> and <see cref="OlsStandardError"/> are ordinary
/// least squares over the same points, whose error ignores the strong correlation between MSD points and is usually
/// far too small. Shown for comparison only.
/// </remarks>
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
    double ReducedChiSquare)
{
    /// <summary>Å²/ps → cm²/s.</summary>
    public const double CmSquaredPerSecond = 1e-4;

    /// <summary>The fitted slope 2·d·D in Å²/ps.</summary>
    public double Slope => 2 * Dimensions * D;

    /// <summary>An estimate that could not be made (too few points, no walkers), all values NaN.</summary>
    public static DiffusionEstimate Missing(int dimensions) =>
        new(dimensions, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0, double.NaN);
}
