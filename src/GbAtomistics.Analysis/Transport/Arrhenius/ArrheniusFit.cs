namespace GbAtomistics.Analysis.Transport.Arrhenius;

/// <summary>
/// A weighted straight-line fit y = ln A − (E_a/k_B)·(1/T), with y = ln(σT) for conductivity or ln D for diffusion,
/// each point weighted by 1/var(y) = (value/error)². Errors come from the weights as absolute uncertainties (not
/// rescaled by χ²; <see cref="ReducedChiSquare"/> tells whether the scatter agrees with them).
/// </summary>
public sealed class ArrheniusFit
{
    internal ArrheniusFit(ArrheniusQuantity quantity, IReadOnlyList<ArrheniusPoint> points, double lnA, double slope, double varLnA, double varSlope, double cov, double chi2)
    {
        Quantity = quantity;
        Points = points;
        LnPrefactor = lnA;
        Slope = slope;
        _varLnA = varLnA;
        _varSlope = varSlope;
        _cov = cov;
        ReducedChiSquare = chi2;
    }

    private readonly double _varLnA;
    private readonly double _varSlope;
    private readonly double _cov;

    public ArrheniusQuantity Quantity { get; }

    public IReadOnlyList<ArrheniusPoint> Points { get; }

    /// <summary>ln A (A in S·K/cm for conductivity, Å²/ps for diffusion).</summary>
    public double LnPrefactor { get; }

    public double LnPrefactorError => Math.Sqrt(_varLnA);

    /// <summary>The prefactor A.</summary>
    public double Prefactor => Math.Exp(LnPrefactor);

    /// <summary>d y / d(1/T) in K.</summary>
    public double Slope { get; }

    /// <summary>Activation energy E_a = −slope·k_B in eV.</summary>
    public double ActivationEnergy => -Slope * Conductivity.PhysicalConstants.BoltzmannEv;

    /// <summary>Standard error of E_a in eV.</summary>
    public double ActivationEnergyError => Math.Sqrt(_varSlope) * Conductivity.PhysicalConstants.BoltzmannEv;

    /// <summary>χ² per degree of freedom (NaN for two points).</summary>
    public double ReducedChiSquare { get; }

    /// <summary>
    /// The fitted quantity at <paramref name="temperature"/> (σ in S/cm or D in Å²/ps) and its standard error from the
    /// parameter covariance (delta method: error = value · sd of y).
    /// </summary>
    public (double Value, double Error) At(double temperature)
    {
        double x = 1 / temperature;
        double y = LnPrefactor + (Slope * x);
        double var = _varLnA + (x * x * _varSlope) + (2 * x * _cov);
        double value = Quantity == ArrheniusQuantity.Conductivity ? Math.Exp(y) / temperature : Math.Exp(y);
        return (value, value * Math.Sqrt(Math.Max(0, var)));
    }

    /// <summary>The y value of a point: ln(σT) or ln D.</summary>
    public double Y(ArrheniusPoint p) => Quantity == ArrheniusQuantity.Conductivity ? Math.Log(p.Value * p.Temperature) : Math.Log(p.Value);
}
