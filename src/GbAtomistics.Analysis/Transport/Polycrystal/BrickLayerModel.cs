using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Polycrystal;

/// <summary>
/// Brick-layer model of a polycrystal: cubic grains of edge d (the grain size) separated by grain-boundary layers of
/// width δ, so the repeat length is L = d + δ. Current through a cross-section takes two paths in parallel:
/// <list type="bullet">
/// <item>through the grains (area fraction (d/L)²), each period crossing a grain (length d, σ_bulk) in series with one
/// boundary crossed perpendicularly (length δ, σ_GB⊥): σ_series = L / (d/σ_bulk + δ/σ_GB⊥);</item>
/// <item>along the boundary walls that run parallel to the field (area fraction 1 − (d/L)²), with σ_GB∥.</item>
/// </list>
/// σ_poly(d) = (d/L)² · L / (d/σ_bulk + δ/σ_GB⊥) + (1 − (d/L)²) · σ_GB∥.
/// Limits: δ → 0 and d → ∞ give σ_bulk; σ_GB∥ = σ_GB⊥ = σ_bulk gives σ_bulk at every d. This is the series–parallel
/// brick-layer model (van Dijk and Burggraaf, Phys. Status Solidi A 63, 229 (1981); Näfe, Solid State Ionics 13, 255
/// (1984); Haile, West and Campbell, J. Mater. Res. 13, 1576 (1998)), used with MD boundary conductivities in the
/// grain-size study of Li3OCl by Dawson, Canepa, Famprikis, Masquelier and Islam, J. Am. Chem. Soc. 140, 362 (2018).
/// <para>
/// Uncertainty: each input carries a 68 % interval (<see cref="BrickLayerInput"/>). σ_poly increases with each of the
/// three conductivities, so its interval is the model evaluated with all inputs at their lower ends and at their upper
/// ends (the inputs' errors treated as fully correlated: a conservative bound). σ_poly/σ_bulk falls with σ_bulk and
/// rises with the boundary conductivities, so its ends pair σ_bulk's upper end with the boundary lower ends and vice
/// versa. An input whose value is not more than twice its standard error is refused.
/// </para>
/// </summary>
public sealed record BrickLayerModel
{
    /// <summary>A model of exact conductivities (S/cm, no errors) and boundary width δ.</summary>
    public BrickLayerModel(double sigmaBulk, double sigmaGbParallel, double sigmaGbPerpendicular, double width)
        : this(
            BrickLayerInput.Given("--sigma-bulk", sigmaBulk),
            BrickLayerInput.Given("--sigma-gb-parallel", sigmaGbParallel),
            BrickLayerInput.Given("--sigma-gb-perpendicular", sigmaGbPerpendicular),
            width)
    {
    }

    /// <summary>A model of conductivities with uncertainties; throws <see cref="InputException"/> naming an input that is not significant.</summary>
    public BrickLayerModel(BrickLayerInput bulk, BrickLayerInput gbParallel, BrickLayerInput gbPerpendicular, double width)
    {
        Check(bulk);
        Check(gbParallel);
        Check(gbPerpendicular);
        if (!(width >= 0) || !double.IsFinite(width))
        {
            throw new InputException($"--width {width}: expected a boundary width ≥ 0 in nm");
        }

        Bulk = bulk;
        GbParallel = gbParallel;
        GbPerpendicular = gbPerpendicular;
        Width = width;
    }

    /// <summary>The bulk (grain interior) input.</summary>
    public BrickLayerInput Bulk { get; }

    /// <summary>The boundary input along the boundary plane.</summary>
    public BrickLayerInput GbParallel { get; }

    /// <summary>The boundary input across the boundary plane.</summary>
    public BrickLayerInput GbPerpendicular { get; }

    /// <summary>Bulk (grain interior) conductivity, S/cm.</summary>
    public double SigmaBulk => Bulk.Value;

    /// <summary>Boundary conductivity along the boundary plane, S/cm.</summary>
    public double SigmaGbParallel => GbParallel.Value;

    /// <summary>Boundary conductivity across the boundary plane, S/cm.</summary>
    public double SigmaGbPerpendicular => GbPerpendicular.Value;

    /// <summary>Boundary width δ, in the same length unit as the grain size (nm in the CLI).</summary>
    public double Width { get; }

    /// <summary>The three inputs in the order bulk, GB∥, GB⊥.</summary>
    public IReadOnlyList<BrickLayerInput> Inputs => [Bulk, GbParallel, GbPerpendicular];

    /// <summary>Caveats of the inputs (extrapolated or inconsistent Arrhenius values), each prefixed by the input's name.</summary>
    public IReadOnlyList<string> Caveats => Inputs.Where(i => i.Caveat is not null).Select(i => $"{i.Name}: {i.Caveat}").ToArray();

    /// <summary>True when any input carries a caveat.</summary>
    public bool Flagged => Inputs.Any(i => i.Caveat is not null);

    /// <summary>σ_poly in S/cm for grain size <paramref name="d"/> (same unit as <see cref="Width"/>).</summary>
    public double Conductivity(double d) => Evaluate(d, SigmaBulk, SigmaGbParallel, SigmaGbPerpendicular);

    /// <summary>The 68 % interval of σ_poly (S/cm) at grain size <paramref name="d"/>, from the inputs' intervals.</summary>
    public (double Lower, double Upper) ConductivityInterval(double d) =>
        (Evaluate(d, Bulk.Lower, GbParallel.Lower, GbPerpendicular.Lower), Evaluate(d, Bulk.Upper, GbParallel.Upper, GbPerpendicular.Upper));

    /// <summary>σ_poly/σ_bulk (dimensionless) at grain size <paramref name="d"/>.</summary>
    public double Ratio(double d) => Conductivity(d) / SigmaBulk;

    /// <summary>The 68 % interval of σ_poly/σ_bulk at grain size <paramref name="d"/>, from the inputs' intervals.</summary>
    public (double Lower, double Upper) RatioInterval(double d) =>
        (Evaluate(d, Bulk.Upper, GbParallel.Lower, GbPerpendicular.Lower) / Bulk.Upper,
         Evaluate(d, Bulk.Lower, GbParallel.Upper, GbPerpendicular.Upper) / Bulk.Lower);

    /// <summary>σ_poly at logarithmically spaced grain sizes from <paramref name="dMin"/> to <paramref name="dMax"/>.</summary>
    public (double[] Sizes, double[] Sigma) Curve(double dMin, double dMax, int points = 200)
    {
        double[] sizes = Sizes(dMin, dMax, points);
        return (sizes, sizes.Select(Conductivity).ToArray());
    }

    /// <summary>The 68 % band of σ_poly (S/cm) at the sizes of <see cref="Curve"/>.</summary>
    public (double[] Lower, double[] Upper) Band(IReadOnlyList<double> sizes)
    {
        var bounds = sizes.Select(ConductivityInterval).ToArray();
        return (bounds.Select(b => b.Lower).ToArray(), bounds.Select(b => b.Upper).ToArray());
    }

    private static double[] Sizes(double dMin, double dMax, int points)
    {
        if (!(dMin > 0) || !(dMax > dMin) || points < 2)
        {
            throw new InputException($"grain sizes {dMin}–{dMax}: expected 0 < min < max");
        }

        return Enumerable.Range(0, points).Select(i => dMin * Math.Pow(dMax / dMin, (double)i / (points - 1))).ToArray();
    }

    private double Evaluate(double d, double bulk, double parallel, double perpendicular)
    {
        if (!(d > 0))
        {
            throw new InputException($"grain size {d}: expected a positive size");
        }

        double l = d + Width;
        double f = (d / l) * (d / l);
        double series = l / ((d / bulk) + (Width / perpendicular));
        return (f * series) + ((1 - f) * parallel);
    }

    private static void Check(BrickLayerInput input)
    {
        if (!(input.Value > 0) || !double.IsFinite(input.Value))
        {
            throw new InputException(FormattableString.Invariant($"{input.Name} {input.Value}: expected a positive conductivity in S/cm"));
        }

        if (input.HasError && !(input.Value > 2 * input.Error))
        {
            throw new InputException(FormattableString.Invariant(
                $"{input.Name} = {input.Value:G3} ± {input.Error:G2} S/cm ({input.Source}{(input.Caveat is null ? "" : "; " + input.Caveat)}) is not significant: ") +
                "the value is not more than twice its standard error, so the model would only restate the uncertainty; give a measured value or narrow its error");
        }
    }
}
