using System.Globalization;
using GbAtomistics.Analysis.Transport.Arrhenius;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// How Arrhenius results are written for people (terminal and report): every number with its 68 % interval, and the
/// flags "extrapolated ×N beyond the data" and "fit inconsistent (χ²/dof = …, p = …)" where they apply.
/// </summary>
internal static class ArrheniusText
{
    /// <summary>E_a with its interval and where the error comes from, e.g. "0.452 eV, 68 % [0.431, 0.473] (input errors)".</summary>
    public static string ActivationEnergy(ArrheniusFit fit)
    {
        var (lo, hi) = fit.ActivationEnergyInterval();
        return Invariant($"{fit.ActivationEnergy:F3} eV, 68 % [{lo:F3}, {hi:F3}] ({Basis(fit)})");
    }

    /// <summary>Where the errors come from, in words.</summary>
    public static string Basis(ArrheniusFit fit) => fit.ErrorBasis switch
    {
        ArrheniusErrorBasis.InputErrorsOnly => "2 temperatures: from the input errors only",
        ArrheniusErrorBasis.InputErrors => "from the input errors, χ²/dof ≤ 1",
        _ => Invariant($"scaled by χ²/dof = {fit.ReducedChiSquare:G3}, Student t with {fit.DegreesOfFreedom} dof"),
    };

    /// <summary>χ²/dof with its p-value, flagged when inconsistent; "— (2 points)" without dof.</summary>
    public static string Consistency(ArrheniusFit fit) => fit.DegreesOfFreedom == 0
        ? "— (2 points, no dof)"
        : fit.Inconsistent
            ? Invariant($"fit inconsistent (χ²/dof = {fit.ReducedChiSquare:G3}, p {P(fit.PValue)}): not a single Arrhenius law")
            : Invariant($"χ²/dof = {fit.ReducedChiSquare:G3}, p {P(fit.PValue)}");

    /// <summary>A fitted value with its log-normal interval and the extrapolation flag.</summary>
    public static string Value(ArrheniusValue v, string unit)
    {
        string text = Invariant($"{v.Value:G3} {unit}, 68 % [{v.Lower:G3}, {v.Upper:G3}] {unit}");
        return v.Extrapolated ? text + Invariant($", extrapolated ×{v.OutsideFactor:G2} beyond the data") : text;
    }

    /// <summary>A p-value with its relation: "= 0.68", "= 1.2E-5", or "&lt; 1e-300" when it underflows.</summary>
    public static string P(double p) => p > 0 ? "= " + p.ToString(p < 1e-3 ? "0.0E+0" : "G2", CultureInfo.InvariantCulture) : "< 1e-300";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
