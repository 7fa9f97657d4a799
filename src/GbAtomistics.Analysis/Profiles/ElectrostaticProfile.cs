using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Profiles;

/// <summary>
/// Charge density, electric field and electrostatic potential along the boundary normal of a periodic cell, from the
/// time-averaged number densities of a <see cref="ProfileResult"/> and a charge per species.
/// </summary>
/// <remarks>
/// <para>
/// ρ_q(slab) = Σ_s q_s n_s(slab) in e/Å³ (the planar average over the slab, constant within it). The potential
/// solves the one-dimensional Poisson equation d²φ/dz² = −ρ_q/ε₀ exactly for that piecewise-constant density:
/// E(z) = E₀ + (1/ε₀) ∫₀^z ρ_q, φ(z) = −∫₀^z E, with 1/ε₀ = 4π·14.399645 = 180.951 V·Å per e/Å³·Å. In a periodic
/// cell the total charge must be zero (refused otherwise: the planar average of a charged periodic cell has no
/// periodic potential), and E₀ is fixed by a zero mean field (no external field; the cell's potential is periodic).
/// φ is given in V with its mean over the cell set to zero; φ at slab centres is exact for the slab densities.
/// </para>
/// <para>
/// The planar average of point charges oscillates with the atomic layers, often by volts, and thin slabs resolve
/// every layer. What a boundary changes is read from the macroscopic average (Baldereschi, Baroni and Resta, Phys.
/// Rev. Lett. 61, 734 (1988)): the running mean of the planar average over a window of one repeat of the layer
/// stacking, which is flat in a perfect crystal. With a window, <see cref="MacroscopicPotential"/> holds it, and
/// the steps at the boundaries are read from it; without one, the steps are read from the planar average and
/// <see cref="InteriorRipple"/> says how large the layer oscillation of the grain interiors is compared with them.
/// </para>
/// </remarks>
public sealed class ElectrostaticProfile
{
    /// <summary>1/ε₀ in V·Å for a charge in e: 4π × 14.399645 V·Å.</summary>
    public const double InverseEpsilon0 = 4 * Math.PI * 14.399645;

    private ElectrostaticProfile(double slabWidth, double[] density, double[] field, double[] potential, double[]? macroscopic, double? window)
    {
        SlabWidth = slabWidth;
        ChargeDensity = density;
        Field = field;
        Potential = potential;
        MacroscopicPotential = macroscopic;
        WindowAngstrom = window;
    }

    /// <summary>Slab width along the normal (Å).</summary>
    public double SlabWidth { get; }

    /// <summary>ρ_q per slab (e/Å³).</summary>
    public IReadOnlyList<double> ChargeDensity { get; }

    /// <summary>E_z at slab centres (V/Å).</summary>
    public IReadOnlyList<double> Field { get; }

    /// <summary>Planar-average potential φ at slab centres (V), mean zero.</summary>
    public IReadOnlyList<double> Potential { get; }

    /// <summary>Macroscopic average of <see cref="Potential"/> over <see cref="WindowAngstrom"/>, or null.</summary>
    public IReadOnlyList<double>? MacroscopicPotential { get; }

    /// <summary>The averaging window (Å), or null.</summary>
    public double? WindowAngstrom { get; }

    /// <summary>
    /// The profile from <paramref name="profile"/> with <paramref name="charges"/> (e) for each of its species in
    /// <see cref="ProfileResult.Species"/> order, and an optional macroscopic averaging window (Å).
    /// </summary>
    public static ElectrostaticProfile Compute(ProfileResult profile, IReadOnlyList<double> charges, double? windowAngstrom = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(charges);
        int bins = profile.Options.Bins;
        double h = profile.MeanWidth / bins;
        if (!(h > 0) || !double.IsFinite(h))
        {
            throw new InputException("electrostatic profile: the cell has no finite width along the normal");
        }

        var rho = new double[bins];
        double absolute = 0;
        for (int s = 0; s < profile.Species.Count; s++)
        {
            IReadOnlyList<double> n = profile.Density(s);
            for (int b = 0; b < bins; b++)
            {
                rho[b] += charges[s] * n[b];
                absolute += Math.Abs(charges[s] * n[b]);
            }
        }

        double net = rho.Sum();
        if (Math.Abs(net) > 1e-6 * Math.Max(absolute, 1e-300))
        {
            throw new InputException(FormattableString.Invariant(
                $"electrostatic profile: the cell carries a net charge of {net * h:G4} e per Å² of boundary area; the periodic potential needs a neutral cell (check --charges)"));
        }

        // Field at slab edges from E(0) = 0, then shifted so that its mean over the cell vanishes.
        var edge = new double[bins + 1];
        for (int b = 0; b < bins; b++)
        {
            edge[b + 1] = edge[b] + (InverseEpsilon0 * rho[b] * h);
        }

        double mean = 0;
        for (int b = 0; b < bins; b++)
        {
            mean += (edge[b] + edge[b + 1]) / 2;
        }

        mean /= bins;
        var field = new double[bins];
        var potential = new double[bins];
        double phiEdge = 0;
        for (int b = 0; b < bins; b++)
        {
            double e0 = edge[b] - mean;
            double c = InverseEpsilon0 * rho[b];
            field[b] = e0 + (c * h / 2);
            potential[b] = phiEdge - (e0 * h / 2) - (c * h * h / 8);
            phiEdge -= (e0 * h) + (c * h * h / 2);
        }

        double average = potential.Average();
        for (int b = 0; b < bins; b++)
        {
            potential[b] -= average;
        }

        double[]? macroscopic = null;
        if (windowAngstrom is { } w)
        {
            if (!(w > 0) || !double.IsFinite(w) || w >= profile.MeanWidth)
            {
                throw new InputException(FormattableString.Invariant(
                    $"--average {w} Å: expected a positive window shorter than the cell along the normal ({profile.MeanWidth:F2} Å)"));
            }

            macroscopic = RunningMean(potential, w / h);
        }

        return new ElectrostaticProfile(h, rho, field, potential, macroscopic, windowAngstrom);
    }

    /// <summary>
    /// Potential step at each boundary plane of <paramref name="region"/> (V): the potential (macroscopic when a window
    /// was given) at the plane minus its mean over the slabs outside the boundary slabs (the grain interiors).
    /// </summary>
    public IReadOnlyList<double> Steps(SlabRegion region, double meanWidth)
    {
        ArgumentNullException.ThrowIfNull(region);
        IReadOnlyList<double> phi = MacroscopicPotential ?? Potential;
        int bins = phi.Count;
        double interior = Interior(region, meanWidth).Select(b => phi[b]).DefaultIfEmpty(double.NaN).Average();
        return region.Planes.Select(p => Interpolate(phi, p * bins) - interior).ToArray();
    }

    /// <summary>
    /// Peak-to-peak oscillation (V) of the potential in the grain interiors (slabs outside the boundary slabs): the
    /// layer ripple a boundary step must be read against.
    /// </summary>
    public double InteriorRipple(SlabRegion region, double meanWidth)
    {
        ArgumentNullException.ThrowIfNull(region);
        IReadOnlyList<double> phi = MacroscopicPotential ?? Potential;
        double[] values = Interior(region, meanWidth).Select(b => phi[b]).ToArray();
        return values.Length == 0 ? double.NaN : values.Max() - values.Min();
    }

    private IEnumerable<int> Interior(SlabRegion region, double meanWidth)
    {
        int bins = Potential.Count;
        for (int b = 0; b < bins; b++)
        {
            double s = (b + 0.5) / bins;
            double distance = region.Planes.Min(p =>
            {
                double d = s - p;
                return Math.Abs(d - Math.Round(d)) * meanWidth;
            });
            if (distance > region.HalfWidth)
            {
                yield return b;
            }
        }
    }

    /// <summary>Linear interpolation of slab-centre values at fractional slab coordinate <paramref name="x"/> (periodic).</summary>
    private static double Interpolate(IReadOnlyList<double> values, double x)
    {
        int n = values.Count;
        double u = x - 0.5;
        int i = (int)Math.Floor(u);
        double f = u - i;
        double a = values[((i % n) + n) % n], b = values[(((i + 1) % n) + n) % n];
        return a + (f * (b - a));
    }

    /// <summary>Periodic running mean over a window of <paramref name="slabs"/> slab widths (fractional ends weighted).</summary>
    private static double[] RunningMean(double[] values, double slabs)
    {
        int n = values.Length;
        var result = new double[n];
        double half = slabs / 2;
        int reach = (int)Math.Ceiling(half);
        for (int b = 0; b < n; b++)
        {
            double sum = 0, weight = 0;
            for (int k = -reach; k <= reach; k++)
            {
                // overlap of slab b + k, [k − ½, k + ½], with the window [−half, half]
                double w = Math.Max(0, Math.Min(k + 0.5, half) - Math.Max(k - 0.5, -half));
                sum += w * values[(((b + k) % n) + n) % n];
                weight += w;
            }

            result[b] = sum / weight;
        }

        return result;
    }
}
