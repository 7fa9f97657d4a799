using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace GbAtomistics.Analysis.Transport.Arrhenius;

/// <summary>
/// A weighted straight-line fit y = ln A − (E_a/k_B)·(1/T), with y = ln(σT) for conductivity or ln D for diffusion,
/// each point weighted by 1/var(y) = (value/error)².
/// <para>
/// Error rule: the covariance of the weighted least-squares estimate, (XᵀWX)⁻¹, is multiplied by max(1, χ²/dof)
/// (the Birge ratio squared; Birge, Phys. Rev. 40, 207 (1932); Bevington and Robinson, <i>Data Reduction and Error
/// Analysis for the Physical Sciences</i>, 3rd ed., §6.5 and §11), so points that scatter more than their errors say
/// widen the errors; then intervals use Student-t quantiles with dof = n − 2. With two points there is no dof and the
/// errors come from the input errors only (<see cref="ErrorBasis"/>). The p-value of χ² with n − 2 dof tells whether
/// one Arrhenius law describes the points; p &lt; <see cref="InconsistencyThreshold"/> flags the fit
/// (<see cref="Inconsistent"/>).
/// </para>
/// </summary>
public sealed class ArrheniusFit
{
    /// <summary>p-value below which the fit is flagged as inconsistent with a single Arrhenius law.</summary>
    public const double InconsistencyThreshold = 0.01;

    /// <summary>Two-sided level of a ±1σ normal interval, used for every interval unless another level is asked.</summary>
    public const double OneSigma = 0.682689492137086;

    private readonly Matrix<double> _covariance;   // scaled covariance of (ln A, slope)

    internal ArrheniusFit(ArrheniusQuantity quantity, IReadOnlyList<ArrheniusPoint> points, double lnA, double slope, Matrix<double> weightCovariance, double chiSquare, IReadOnlyList<string> leftOut)
    {
        Quantity = quantity;
        Points = points;
        LeftOut = leftOut;
        LnPrefactor = lnA;
        Slope = slope;
        ChiSquare = chiSquare;
        DegreesOfFreedom = points.Count - 2;
        ReducedChiSquare = DegreesOfFreedom > 0 ? chiSquare / DegreesOfFreedom : double.NaN;
        // survival function of χ²_dof; the regularized upper incomplete gamma keeps tiny p-values that 1 − CDF rounds to 0
        PValue = DegreesOfFreedom > 0
            ? (ChiSquared.CDF(DegreesOfFreedom, chiSquare) < 0.5 ? 1 - ChiSquared.CDF(DegreesOfFreedom, chiSquare) : SpecialFunctions.GammaUpperRegularized(DegreesOfFreedom / 2.0, chiSquare / 2))
            : double.NaN;
        ErrorBasis = DegreesOfFreedom == 0 ? ArrheniusErrorBasis.InputErrorsOnly
            : ReducedChiSquare > 1 ? ArrheniusErrorBasis.ScaledByScatter
            : ArrheniusErrorBasis.InputErrors;
        _covariance = weightCovariance * ErrorScale;
        double[] x = points.Select(p => 1 / p.Temperature).ToArray();
        MinInverseTemperature = x.Min();
        MaxInverseTemperature = x.Max();
    }

    public ArrheniusQuantity Quantity { get; }

    /// <summary>The points fitted.</summary>
    public IReadOnlyList<ArrheniusPoint> Points { get; }

    /// <summary>Inputs left out before the fit, each with the reason (non-measurable or missing values).</summary>
    public IReadOnlyList<string> LeftOut { get; }

    /// <summary>ln A (A in S·K/cm for conductivity, Å²/ps for diffusion).</summary>
    public double LnPrefactor { get; }

    /// <summary>Standard error of ln A (scaled by the Birge ratio when χ²/dof &gt; 1).</summary>
    public double LnPrefactorError => Math.Sqrt(_covariance[0, 0]);

    /// <summary>The prefactor A (S·K/cm or Å²/ps).</summary>
    public double Prefactor => Math.Exp(LnPrefactor);

    /// <summary>d y / d(1/T) in K.</summary>
    public double Slope { get; }

    /// <summary>Standard error of the slope in K (scaled by the Birge ratio when χ²/dof &gt; 1).</summary>
    public double SlopeError => Math.Sqrt(_covariance[1, 1]);

    /// <summary>Activation energy E_a = −slope·k_B in eV.</summary>
    public double ActivationEnergy => -Slope * Conductivity.PhysicalConstants.BoltzmannEv;

    /// <summary>Standard error of E_a in eV (scaled by the Birge ratio when χ²/dof &gt; 1).</summary>
    public double ActivationEnergyError => SlopeError * Conductivity.PhysicalConstants.BoltzmannEv;

    /// <summary>χ² of the weighted residuals.</summary>
    public double ChiSquare { get; }

    /// <summary>Residual degrees of freedom, n − 2.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>χ² per degree of freedom (NaN for two points).</summary>
    public double ReducedChiSquare { get; }

    /// <summary>P(χ²_dof ≥ χ²): the probability of this much scatter or more if one Arrhenius law and the input errors are right (NaN for two points).</summary>
    public double PValue { get; }

    /// <summary>True when p &lt; <see cref="InconsistencyThreshold"/>: the points are inconsistent with a single Arrhenius law (or their errors are too small).</summary>
    public bool Inconsistent => PValue < InconsistencyThreshold;

    /// <summary>Where the errors come from.</summary>
    public ArrheniusErrorBasis ErrorBasis { get; }

    /// <summary>The factor applied to the weighted covariance, max(1, χ²/dof) (1 for two points).</summary>
    public double ErrorScale => ErrorBasis == ArrheniusErrorBasis.ScaledByScatter ? ReducedChiSquare : 1;

    /// <summary>Smallest fitted 1/T in 1/K.</summary>
    public double MinInverseTemperature { get; }

    /// <summary>Largest fitted 1/T in 1/K.</summary>
    public double MaxInverseTemperature { get; }

    /// <summary>
    /// The two-sided quantile for an interval of <paramref name="level"/>: the normal quantile, or the Student-t
    /// quantile with n − 2 dof when the errors are scaled from the scatter.
    /// </summary>
    public double Quantile(double level = OneSigma)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "expected a level between 0 and 1");
        }

        double p = 0.5 + (level / 2);
        return ErrorBasis == ArrheniusErrorBasis.ScaledByScatter
            ? StudentT.InvCDF(0, 1, DegreesOfFreedom, p)
            : Normal.InvCDF(0, 1, p);
    }

    /// <summary>The interval of E_a in eV at <paramref name="level"/> (see <see cref="Quantile"/>).</summary>
    public (double Lower, double Upper) ActivationEnergyInterval(double level = OneSigma)
    {
        double h = Quantile(level) * ActivationEnergyError;
        return (ActivationEnergy - h, ActivationEnergy + h);
    }

    /// <summary>
    /// The fitted quantity at <paramref name="temperature"/> (K): σ in S/cm or D in Å²/ps, with its log-normal
    /// interval from the full covariance of ln A and slope, and how far the temperature lies outside the data.
    /// </summary>
    public ArrheniusValue At(double temperature, double level = OneSigma)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            throw new Core.InputException(FormattableString.Invariant($"temperature {temperature}: expected a positive temperature in K"));
        }

        double x = 1 / temperature;
        double y = LnPrefactor + (Slope * x);
        double var = _covariance[0, 0] + (x * x * _covariance[1, 1]) + (2 * x * _covariance[0, 1]);
        double sd = Math.Sqrt(Math.Max(0, var));
        double h = Quantile(level) * sd;
        double unit = Quantity == ArrheniusQuantity.Conductivity ? 1 / temperature : 1;
        double width = MaxInverseTemperature - MinInverseTemperature;
        double beyond = x > MaxInverseTemperature ? x - MaxInverseTemperature : x < MinInverseTemperature ? MinInverseTemperature - x : 0;
        return new ArrheniusValue(temperature, Math.Exp(y) * unit, Math.Exp(y - h) * unit, Math.Exp(y + h) * unit, level, sd, beyond / width);
    }

    /// <summary>The y value of a point: ln(σT) or ln D.</summary>
    public double Y(ArrheniusPoint p) => Quantity == ArrheniusQuantity.Conductivity ? Math.Log(p.Value * p.Temperature) : Math.Log(p.Value);

    /// <summary>A short statement of the error rule that applied, for reports and JSON.</summary>
    public string ErrorRule => ErrorBasis switch
    {
        ArrheniusErrorBasis.InputErrorsOnly => "2 temperatures: no degrees of freedom, errors from the input errors only",
        ArrheniusErrorBasis.InputErrors => "chi2/dof <= 1: errors from the input errors (weighted least-squares covariance), normal quantiles",
        _ => "chi2/dof > 1: weighted least-squares covariance scaled by chi2/dof (Birge ratio squared), Student-t quantiles with n - 2 dof",
    };
}
