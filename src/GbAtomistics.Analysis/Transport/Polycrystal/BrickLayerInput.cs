using GbAtomistics.Analysis.Transport.Arrhenius;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Polycrystal;

/// <summary>
/// One conductivity fed to the <see cref="BrickLayerModel"/>: its value, standard error and 68 % interval (all S/cm),
/// where it came from, and a caveat when it comes from an extrapolated or inconsistent Arrhenius fit.
/// </summary>
/// <param name="Name">The input's name as the user gave it (an option or pipeline key, e.g. <c>--sigma-bulk</c>).</param>
/// <param name="Value">Conductivity in S/cm.</param>
/// <param name="Error">Standard error in S/cm; NaN when none was given.</param>
/// <param name="Lower">Lower end of the 68 % interval in S/cm (the value itself when no error was given).</param>
/// <param name="Upper">Upper end of the 68 % interval in S/cm.</param>
/// <param name="Source">Where the value came from, for reports.</param>
/// <param name="Caveat">Why the value should be read with care (extrapolated, inconsistent fit), or null.</param>
public sealed record BrickLayerInput(string Name, double Value, double Error, double Lower, double Upper, string Source, string? Caveat = null)
{
    /// <summary>True when a standard error is known.</summary>
    public bool HasError => double.IsFinite(Error);

    /// <summary>A value given directly, with an optional standard error (S/cm); the interval is value ± error.</summary>
    public static BrickLayerInput Given(string name, double value, double? error = null, string? source = null)
    {
        double e = error ?? double.NaN;
        if (error is { } x && (!(x > 0) || !double.IsFinite(x)))
        {
            throw new InputException(FormattableString.Invariant($"{name} error {x}: expected a positive standard error in S/cm"));
        }

        return new BrickLayerInput(name, value, e, error is null ? value : value - e, error is null ? value : value + e,
            source ?? (error is null ? "given, no error" : "given"));
    }

    /// <summary>
    /// A value from an Arrhenius fit at one temperature: the log-normal interval of <paramref name="value"/>, its
    /// delta-method error, and a caveat when the temperature lies outside the data or the fit is inconsistent.
    /// </summary>
    public static BrickLayerInput FromArrhenius(string name, ArrheniusFit fit, ArrheniusValue value, string source)
    {
        if (fit.Quantity != ArrheniusQuantity.Conductivity)
        {
            throw new InputException($"{name}: {source} fits D; the polycrystal model needs a conductivity");
        }

        var caveats = new List<string>();
        if (value.Extrapolated)
        {
            caveats.Add(FormattableString.Invariant($"extrapolated ×{value.OutsideFactor:G2} beyond the data (in widths of the fitted 1/T range)"));
        }

        if (fit.Inconsistent)
        {
            string p = fit.PValue > 0 ? FormattableString.Invariant($"= {fit.PValue:G2}") : "< 1e-300";
            caveats.Add(FormattableString.Invariant($"fit inconsistent (χ²/dof = {fit.ReducedChiSquare:G3}, p {p})"));
        }

        return new BrickLayerInput(name, value.Value, value.Error, value.Lower, value.Upper, source, caveats.Count > 0 ? string.Join("; ", caveats) : null);
    }
}
