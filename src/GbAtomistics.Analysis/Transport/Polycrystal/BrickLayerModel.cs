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
/// </summary>
public sealed record BrickLayerModel
{
    public BrickLayerModel(double sigmaBulk, double sigmaGbParallel, double sigmaGbPerpendicular, double width)
    {
        Check(sigmaBulk, "--sigma-bulk");
        Check(sigmaGbParallel, "--sigma-gb-parallel");
        Check(sigmaGbPerpendicular, "--sigma-gb-perpendicular");
        if (!(width >= 0) || !double.IsFinite(width))
        {
            throw new InputException($"--width {width}: expected a boundary width ≥ 0 in nm");
        }

        SigmaBulk = sigmaBulk;
        SigmaGbParallel = sigmaGbParallel;
        SigmaGbPerpendicular = sigmaGbPerpendicular;
        Width = width;
    }

    /// <summary>Bulk (grain interior) conductivity, S/cm.</summary>
    public double SigmaBulk { get; }

    /// <summary>Boundary conductivity along the boundary plane, S/cm.</summary>
    public double SigmaGbParallel { get; }

    /// <summary>Boundary conductivity across the boundary plane, S/cm.</summary>
    public double SigmaGbPerpendicular { get; }

    /// <summary>Boundary width δ, in the same length unit as the grain size (nm in the CLI).</summary>
    public double Width { get; }

    /// <summary>σ_poly in S/cm for grain size <paramref name="d"/> (same unit as <see cref="Width"/>).</summary>
    public double Conductivity(double d)
    {
        if (!(d > 0))
        {
            throw new InputException($"grain size {d}: expected a positive size");
        }

        double l = d + Width;
        double f = (d / l) * (d / l);
        double series = l / ((d / SigmaBulk) + (Width / SigmaGbPerpendicular));
        return (f * series) + ((1 - f) * SigmaGbParallel);
    }

    /// <summary>σ_poly at logarithmically spaced grain sizes from <paramref name="dMin"/> to <paramref name="dMax"/>.</summary>
    public (double[] Sizes, double[] Sigma) Curve(double dMin, double dMax, int points = 200)
    {
        if (!(dMin > 0) || !(dMax > dMin) || points < 2)
        {
            throw new InputException($"grain sizes {dMin}–{dMax}: expected 0 < min < max");
        }

        var sizes = Enumerable.Range(0, points).Select(i => dMin * Math.Pow(dMax / dMin, (double)i / (points - 1))).ToArray();
        return (sizes, sizes.Select(Conductivity).ToArray());
    }

    private static void Check(double sigma, string option)
    {
        if (!(sigma > 0) || !double.IsFinite(sigma))
        {
            throw new InputException($"{option} {sigma}: expected a positive conductivity in S/cm");
        }
    }
}
