using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>
/// Σ enumeration for cubic lattices about any rotation axis [uvw]: for N = u² + v² + w² and coprime
/// m ≥ 0, n ≥ 1, θ = 2·atan(n√N/m) and Σ = m² + N·n² with the factors of 2 removed. Rotations giving the same
/// misorientation (θ and 360°/k − θ about a k-fold axis) are one entry.
/// </summary>
/// <remarks>
/// Symmetric tilt planes: for a reference direction p ⊥ o the lower grain's plane is m·p − n·(o×p) and the upper's
/// m·p + n·(o×p). The references are p₀ (the first cubic mirror normal perpendicular to the axis in the order
/// [100], [010], [001], [1-10], [10-1], [01-1], [110], [101], [011], or for an axis with none, the shortest integer
/// vector perpendicular to it) and p₀⊥ = o × p₀ reduced; each rotation of the entry is combined with both, and the
/// distinct plane families are kept. For [001] Σ5 this gives (310) and (210); for [110] Σ3, (112) and (111).
/// </remarks>
public static class SigmaTable
{
    private static readonly Int3[] MirrorNormals =
    [
        new(1, 0, 0), new(0, 1, 0), new(0, 0, 1), new(1, -1, 0), new(1, 0, -1), new(0, 1, -1), new(1, 1, 0), new(1, 0, 1), new(0, 1, 1),
    ];

    /// <summary>Largest Σ accepted by <see cref="Enumerate"/>.</summary>
    public const int MaxSigmaLimit = 10000;

    /// <summary>Every misorientation about <paramref name="axis"/> with 1 &lt; Σ ≤ <paramref name="maxSigma"/>, by Σ then angle.</summary>
    public static IReadOnlyList<SigmaEntry> Enumerate(Int3 axis, int maxSigma)
    {
        if (axis == Int3.Zero)
        {
            throw new InputException("--axis: expected a non-zero direction such as 110");
        }

        if (maxSigma < 3 || maxSigma > MaxSigmaLimit)
        {
            throw new InputException(FormattableString.Invariant($"--max-sigma {maxSigma}: expected a number from 3 to {MaxSigmaLimit}"));
        }

        axis = Miller.Reduce(axis);
        long norm = Miller.NormSquared(axis);
        int k = AxisOrder(axis);
        double period = 360.0 / k;

        // m² + N n² is at most 4·Σ (the factor removed is 1, 2 or 4 for a primitive axis).
        int mMax = (int)Math.Ceiling(2 * Math.Sqrt(maxSigma)) + 1;
        int nMax = (int)Math.Ceiling(2 * Math.Sqrt(maxSigma / (double)norm)) + 1;
        var groups = new Dictionary<(int Sigma, long AngleKey), List<CslRotation>>();
        for (int m = 0; m <= mMax; m++)
        {
            for (int n = 1; n <= nMax; n++)
            {
                if (Miller.Gcd(m, n) != 1)
                {
                    continue;
                }

                CslRotation r = CslRotation.Create(axis, m, n);
                if (r.Sigma <= 1 || r.Sigma > maxSigma)
                {
                    continue;
                }

                double conventional = Conventional(r.AngleDegrees, period);
                var key = (r.Sigma, (long)Math.Round(conventional * 1e6));
                if (!groups.TryGetValue(key, out List<CslRotation>? list))
                {
                    groups[key] = list = [];
                }

                list.Add(r);
            }
        }

        (Int3 p0, Int3 p1) = References(axis);
        var entries = new List<SigmaEntry>();
        foreach (var ((sigma, _), rotations) in groups)
        {
            rotations.Sort((a, b) => a.AngleDegrees.CompareTo(b.AngleDegrees));
            double angle = Conventional(rotations[0].AngleDegrees, period);
            var planes = new List<TiltPlanePair>();
            var seen = new HashSet<(int, int, int)>();

            // First the rotation at the conventional angle (reference p0, then p0⊥), then the others.
            IEnumerable<CslRotation> ordered = rotations.OrderBy(r => Math.Abs(r.AngleDegrees - angle) < 1e-6 ? 0 : 1).ThenBy(r => r.AngleDegrees);
            foreach (CslRotation r in ordered)
            {
                foreach (Int3 p in new[] { p0, p1 })
                {
                    TiltPlanePair pair = r.PlanesFor(p);
                    if (seen.Add(Miller.Family(pair.Lower)))
                    {
                        planes.Add(pair);
                    }
                }
            }

            entries.Add(new SigmaEntry(sigma, axis, angle, period - angle, rotations, planes));
        }

        entries.Sort((a, b) => a.Sigma != b.Sigma ? a.Sigma.CompareTo(b.Sigma) : a.AngleDegrees.CompareTo(b.AngleDegrees));
        return entries;
    }

    /// <summary>The order k of the rotation axis in the cubic point group: 4 for ⟨100⟩, 3 for ⟨111⟩, 2 for ⟨110⟩, else 1.</summary>
    public static int AxisOrder(Int3 axis)
    {
        int[] a = [Math.Abs(axis.X), Math.Abs(axis.Y), Math.Abs(axis.Z)];
        Array.Sort(a);
        return (a[0], a[1], a[2]) switch
        {
            (0, 0, > 0) => 4,
            (var x, var y, var z) when x > 0 && x == y && y == z => 3,
            (0, var y, var z) when y > 0 && y == z => 2,
            _ => 1,
        };
    }

    /// <summary>The reference directions p₀ and p₀⊥ = o × p₀ (reduced) used for the tilt planes of <paramref name="axis"/>.</summary>
    public static (Int3 P0, Int3 P1) References(Int3 axis)
    {
        axis = Miller.Reduce(axis);
        Int3? p0 = null;
        foreach (Int3 m in MirrorNormals)
        {
            if (Miller.Dot(m, axis) == 0)
            {
                p0 = m;
                break;
            }
        }

        if (p0 is null)
        {
            // Shortest integer vector perpendicular to the axis, from small trial vectors.
            long best = long.MaxValue;
            for (int x = -3; x <= 3; x++)
            {
                for (int y = -3; y <= 3; y++)
                {
                    for (int z = -3; z <= 3; z++)
                    {
                        var c = Miller.Reduce(Miller.Cross(axis, new Int3(x, y, z)));
                        long len = Miller.NormSquared(c);
                        if (len > 0 && len < best)
                        {
                            best = len;
                            p0 = c;
                        }
                    }
                }
            }
        }

        Int3 p = p0!.Value;
        return (p, Miller.Reduce(Miller.Cross(axis, p)));
    }

    /// <summary>
    /// The misorientation and tilt plane pair to build: by Σ (the smallest angle when Σ has several), or by angle
    /// (conventional or equivalent, within 0.05°), optionally narrowed by the plane family (hkl), or by the plane
    /// alone (searched up to Σ 1000).
    /// </summary>
    public static (SigmaEntry Entry, TiltPlanePair Planes) Select(Int3 axis, int? sigma, double? angleDegrees, Int3? plane)
    {
        axis = Miller.Reduce(axis);
        if (sigma is null && angleDegrees is null && plane is null)
        {
            throw new InputException("choose the boundary with --sigma, --angle or --plane");
        }

        if (plane is { } pl && Miller.Dot(pl, axis) != 0 && !FamilyHasPerpendicular(pl, axis))
        {
            throw new InputException($"--plane {Miller.Plane(pl)}: no plane of this family contains the tilt axis {Miller.Direction(axis)}");
        }

        int max = sigma ?? 1000;
        if (sigma is < 3)
        {
            throw new InputException(FormattableString.Invariant($"--sigma {sigma}: expected an odd number of at least 3"));
        }

        IEnumerable<SigmaEntry> candidates = Enumerate(axis, Math.Max(3, Math.Min(max, MaxSigmaLimit)));
        if (sigma is { } s)
        {
            candidates = candidates.Where(e => e.Sigma == s);
        }

        if (angleDegrees is { } angle)
        {
            candidates = candidates.Where(e => Math.Abs(e.AngleDegrees - angle) < 0.05 || Math.Abs(e.EquivalentAngleDegrees - angle) < 0.05 ||
                e.Rotations.Any(r => Math.Abs(r.AngleDegrees - angle) < 0.05));
        }

        foreach (SigmaEntry entry in candidates)
        {
            if (plane is null)
            {
                return (entry, entry.Planes[0]);
            }

            TiltPlanePair? match = entry.Planes.FirstOrDefault(p => Miller.SameFamily(p.Lower, plane.Value));
            if (match is not null)
            {
                return (entry, match);
            }
        }

        string what = string.Join(", ", new[]
        {
            sigma is null ? null : $"Σ{sigma}",
            angleDegrees is null ? null : FormattableString.Invariant($"angle {angleDegrees}°"),
            plane is null ? null : $"plane {Miller.Plane(plane.Value)}",
        }.Where(x => x is not null));
        string hint = sigma is { } sg
            ? " (available: " + string.Join("; ", Enumerate(axis, Math.Max(3, sg)).Where(e => e.Sigma == sg)
                .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.AngleDegrees:F2}° {string.Join(" ", e.Planes.Select(p => Miller.Plane(p.Lower)))}"))) + ")"
            : string.Empty;
        throw new InputException($"no CSL tilt boundary about {Miller.Direction(axis)} with {what}{(hint == " (available: )" ? "; Σ must be odd and allowed for this axis (see 'gbat sigma')" : hint)}");
    }

    /// <summary>θ reduced to the conventional range [0, 180°/k] for the period 360°/k.</summary>
    public static double Conventional(double angle, double period)
    {
        double t = angle % period;
        if (t < 0)
        {
            t += period;
        }

        return Math.Min(t, period - t);
    }

    private static bool FamilyHasPerpendicular(Int3 plane, Int3 axis)
    {
        int[] v = [plane.X, plane.Y, plane.Z];
        foreach (int[] perm in new[] { new[] { 0, 1, 2 }, [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0] })
        {
            for (int signs = 0; signs < 8; signs++)
            {
                var c = new Int3(
                    ((signs & 1) == 0 ? 1 : -1) * v[perm[0]],
                    ((signs & 2) == 0 ? 1 : -1) * v[perm[1]],
                    ((signs & 4) == 0 ? 1 : -1) * v[perm[2]]);
                if (Miller.Dot(c, axis) == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
