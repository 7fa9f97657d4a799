using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Profiles;

/// <summary>
/// Boundary excess volume from the number-density profile along the normal. The profile's slabs have equal volumes
/// V/bins, so V − N·v_bulk = Σ_slabs (V/bins)(1 − ρ(slab)/ρ_bulk), and with A = V/L
/// δV/A = (L/n)(1 − ρ̄/ρ_bulk), ρ̄ = N/V. ρ_bulk is the mean N/V of a bulk reference when one is given, else the
/// density of the grain interiors: the slabs lying entirely outside every GB slab (plane ± h). The interior estimate
/// is exact when the interior windows hold whole repeats of the layer stacking; for a strongly layered profile with few
/// slabs it carries an error of up to one layer's atoms per window, so a bulk reference is preferred.
/// </summary>
public static class ExcessVolume
{
    /// <summary>The excess volume of the boundaries of <paramref name="region"/> from <paramref name="profile"/>.</summary>
    /// <param name="profile">Density profile along the region's normal.</param>
    /// <param name="region">The GB slabs (planes and half-width).</param>
    /// <param name="referenceDensity">Mean N/V (atoms/Å³) of a bulk reference of the same material and conditions, or null.</param>
    public static ExcessVolumeResult Compute(ProfileResult profile, SlabRegion region, double? referenceDensity = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(region);
        if (region.Axis != profile.Options.NormalAxis)
        {
            throw new InputException($"excess volume: the boundaries cut {"abc"[region.Axis]} but the profile runs along {"abc"[profile.Options.NormalAxis]}");
        }

        if (referenceDensity is { } r && !(r > 0 && double.IsFinite(r)))
        {
            throw new InputException($"bulk reference density {r}: expected a positive number of atoms per Å³");
        }

        int bins = profile.Options.Bins;
        double length = profile.MeanWidth;
        IReadOnlyList<double> total = profile.TotalDensity();
        double sum = 0;
        int interior = 0;
        for (int b = 0; b < bins; b++)
        {
            if (OutsideSlabs(region, (double)b / bins, (double)(b + 1) / bins, length))
            {
                sum += total[b];
                interior++;
            }
        }

        double? interiorDensity = interior > 0 && sum > 0 ? sum / interior : null;
        int n = region.Planes.Count;
        double? interiorExcess = Excess(length, n, profile.MeanDensity, interiorDensity);
        double? bulk = referenceDensity ?? interiorDensity;
        return new ExcessVolumeResult(
            Excess(length, n, profile.MeanDensity, bulk),
            referenceDensity is null ? "grain interiors" : "bulk reference",
            bulk,
            interiorExcess,
            interiorDensity,
            referenceDensity,
            profile.MeanDensity,
            n,
            region.HalfWidth,
            interior,
            length);
    }

    private static double? Excess(double length, int boundaries, double meanDensity, double? bulk) =>
        bulk is { } rho && boundaries > 0 && double.IsFinite(meanDensity) ? length / boundaries * (1 - (meanDensity / rho)) : null;

    /// <summary>True when the slab [lo, hi] (fractions of the cell) is farther than the half-width from every plane.</summary>
    private static bool OutsideSlabs(SlabRegion region, double lo, double hi, double length)
    {
        foreach (double plane in region.Planes)
        {
            double p = plane - Math.Floor(plane);
            // The nearest distance from the plane (and its periodic images) to any point of [lo, hi].
            foreach (double image in (double[])[p - 1, p, p + 1])
            {
                double d = image < lo ? lo - image : image > hi ? image - hi : 0;
                if (d * length < region.HalfWidth - 1e-9) // a slab that only touches a GB slab is outside it
                {
                    return false;
                }
            }
        }

        return true;
    }
}
