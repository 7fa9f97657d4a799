namespace GbAtomistics.Analysis.Transport.Arrhenius;

/// <summary>
/// The fitted quantity at one temperature (σ in S/cm or D in Å²/ps) with a log-normal interval: the fitted line's
/// ln value ± q·sd, where sd comes from the full covariance of intercept and slope and q is the quantile of
/// <see cref="Level"/> (normal, or Student-t with n − 2 dof when the errors are scaled by the scatter).
/// </summary>
/// <param name="Temperature">Temperature in K.</param>
/// <param name="Value">The fitted value (S/cm or Å²/ps).</param>
/// <param name="Lower">Lower end of the interval (same unit), always positive.</param>
/// <param name="Upper">Upper end of the interval (same unit).</param>
/// <param name="Level">Two-sided confidence level of the interval (0.6827 for ±1σ).</param>
/// <param name="LogError">Standard error of ln value (dimensionless, scaled like the fit's errors).</param>
/// <param name="OutsideFactor">
/// How far 1/T lies outside the fitted range of 1/T, in units of that range's width: 0 inside the data, 2 when 1/T
/// is two widths beyond the nearest fitted point.
/// </param>
public sealed record ArrheniusValue(double Temperature, double Value, double Lower, double Upper, double Level, double LogError, double OutsideFactor)
{
    /// <summary>
    /// True when 1/T lies more than a tenth of the fitted range beyond the data (a run at 903.8 K evaluated at 900 K
    /// is not an extrapolation worth a caveat; 300 K from 800–1000 K, ×8.6, is).
    /// </summary>
    public bool Extrapolated => OutsideFactor > 0.1;

    /// <summary>Delta-method standard error of the value (value · sd of ln value), same unit as the value.</summary>
    public double Error => Value * LogError;
}
