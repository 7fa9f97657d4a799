using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The map of a built non-cubic bicrystal onto the relaxed lattice, one deformation gradient per grain. Box frame: x the
/// tilt axis, y in the boundary plane, z the boundary normal.
/// </summary>
/// <remarks>
/// <para>
/// Grain g was built with cell vectors B_g (columns, box frame). The relaxed crystal has the metric G0 (the built cell
/// metric with each vector rescaled to its relaxed length, angles kept). A grain maps onto it by any F with
/// (F B_g)ᵀ(F B_g) = G0, that is FᵀF = S_g = B_g⁻ᵀ G0 B_g⁻¹; the one that keeps x along x and the boundary plane z = const
/// is upper triangular, the Cholesky factor of S_g, and it is unique. For a tilt about c of a tetragonal, orthorhombic or
/// hexagonal cell F_xy = F_xz = 0, and both grains share F_xx (relaxed over built period along the axis) and F_yy
/// (relaxed over built length of the in-plane period, which is a lattice translation of both grains). F_yz is the
/// shear that turns the built normal period into the relaxed one; it vanishes when the in-plane net scales
/// isotropically and has opposite signs in mirror-related grains.
/// </para>
/// <para>
/// Positions are mapped piecewise: the in-plane part by the common (F_xx, F_yy), the height u above the lower boundary
/// plane by ∫₀ᵘ F_g e_z, with F_1 between the boundary planes and F_2 outside, so the map is continuous at both
/// boundaries and each grain is exactly the relaxed crystal. The box stays orthogonal when the two shears cancel over a
/// period (F_yz,1·h_1 + F_yz,2·h_2 = 0 with h_g the zone heights, true for the mirror and two-fold constructions, whose
/// grains are equally thick); otherwise the map is refused.
/// </para>
/// </remarks>
public sealed class GrainDeformation
{
    private const double Tolerance = 1e-9;

    private GrainDeformation(Mat3 lower, Mat3 upper)
    {
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Deformation gradient of grain 1 (lower), upper triangular in the box frame (dimensionless).</summary>
    public Mat3 Lower { get; }

    /// <summary>Deformation gradient of grain 2 (upper).</summary>
    public Mat3 Upper { get; }

    /// <summary>Whether both grains deform alike without shear (F diagonal and equal): the map is then three box scalings.</summary>
    public bool IsDiagonal => Math.Abs(Lower[1, 2]) < Tolerance && Math.Abs(Upper[1, 2]) < Tolerance && Math.Abs(Lower[2, 2] - Upper[2, 2]) < Tolerance;

    /// <summary>
    /// The deformation of grains built with cell vectors <paramref name="lower"/> and <paramref name="upper"/> (columns, Å,
    /// box frame) onto cell vectors of lengths <paramref name="relaxedLengths"/> (Å, a, b, c) with the built angles.
    /// An input error when the grains do not share the boundary plane after the map.
    /// </summary>
    public static GrainDeformation For(Mat3 lower, Mat3 upper, Vec3 relaxedLengths)
    {
        Mat3 f1 = Factor(lower, relaxedLengths), f2 = Factor(upper, relaxedLengths);
        double Rel(double x, double y) => Math.Abs(x - y) / Math.Max(1, Math.Abs(x));
        if (Math.Abs(f1[0, 1]) > 1e-7 || Math.Abs(f1[0, 2]) > 1e-7 || Math.Abs(f2[0, 1]) > 1e-7 || Math.Abs(f2[0, 2]) > 1e-7
            || Rel(f1[0, 0], f2[0, 0]) > 1e-7 || Rel(f1[1, 1], f2[1, 1]) > 1e-7)
        {
            throw new InputException(FormattableString.Invariant(
                $"the relaxed lattice cannot be reached by one in-plane box for both grains (F_xx {f1[0, 0]:G9}/{f2[0, 0]:G9}, F_yy {f1[1, 1]:G9}/{f2[1, 1]:G9}, F_xy {f1[0, 1]:G3}, F_xz {f1[0, 2]:G3}): only tilts about c (or a, b) of tetragonal, orthorhombic and hexagonal cells are mapped"));
        }

        return new GrainDeformation(f1, f2);
    }

    /// <summary>
    /// The built bicrystal <paramref name="built"/> (orthogonal box, Cartesian positions) mapped onto the relaxed lattice;
    /// <paramref name="lowerPlane"/> and <paramref name="upperPlane"/> are the boundary positions as fractions of Lz
    /// (grain 1 from the lower upwards to the upper, wrapping). For a build of <c>gbat build csl</c> these are 0 and ½,
    /// where the construction puts the boundaries (the middle of the gaps between the grains' lattices); the
    /// <c>planes</c> of the metadata are re-centred on the atoms after removals and are not used. Returns a new frame with the same ids, types, charges and species.
    /// </summary>
    public Frame Apply(Frame built, double lowerPlane, double upperPlane)
    {
        ArgumentNullException.ThrowIfNull(built);
        Box box = built.Box;
        if (Math.Abs(box.B.X) > 1e-9 || Math.Abs(box.C.X) > 1e-9 || Math.Abs(box.C.Y) > 1e-9)
        {
            throw new InputException("the built bicrystal has a tilted box; expected the orthogonal box of 'gbat build csl'");
        }

        double lx = box.A.X, ly = box.B.Y, lz = box.C.Z;
        double h1 = Wrap(upperPlane - lowerPlane, 1) * lz, h2 = lz - h1;
        Vec3 top1 = Lower * new Vec3(0, 0, h1);
        Vec3 period = top1 + (Upper * new Vec3(0, 0, h2));
        if (Math.Abs(period.X) > 1e-6 || Math.Abs(period.Y) > 1e-6)
        {
            throw new InputException(FormattableString.Invariant(
                $"the grains' shears do not cancel over the box (offset {period.X:G3}, {period.Y:G3} Å along x, y after one period along z): the grains are not mirror or two-fold related, not mapped"));
        }

        double lx2 = Lower[0, 0] * lx, ly2 = Lower[1, 1] * ly, lz2 = period.Z;
        var mapped = new Frame();
        mapped.Resize(built.Count);
        Array.Copy(built.Ids, mapped.Ids, built.Count);
        Array.Copy(built.Types, mapped.Types, built.Count);
        mapped.Charges = built.Charges is null ? null : (double[])built.Charges.Clone();
        mapped.Species = built.Species;
        mapped.Step = built.Step;
        mapped.Box = Box.Orthogonal(lx2, ly2, lz2, box.Origin, box.Periodic);
        for (int i = 0; i < built.Count; i++)
        {
            Vec3 r = built.Positions[i] - box.Origin;
            double u = Wrap(r.Z - (lowerPlane * lz), lz);
            Vec3 d = u < h1 ? Lower * new Vec3(0, 0, u) : top1 + (Upper * new Vec3(0, 0, u - h1));
            var p = new Vec3((Lower[0, 0] * r.X) + d.X, (Lower[1, 1] * r.Y) + d.Y, (lowerPlane * lz2) + d.Z);
            mapped.Positions[i] = box.Origin + new Vec3(Wrap(p.X, lx2), Wrap(p.Y, ly2), Wrap(p.Z, lz2));
        }

        return mapped;
    }

    // The upper-triangular F with FᵀF = B⁻ᵀ G0 B⁻¹ (Cholesky: S = L Lᵀ, F = Lᵀ).
    private static Mat3 Factor(Mat3 built, Vec3 relaxedLengths)
    {
        Vec3[] v = [built.C0, built.C1, built.C2];
        double[] s = [relaxedLengths.X / v[0].Length, relaxedLengths.Y / v[1].Length, relaxedLengths.Z / v[2].Length];
        var g0 = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                g0[i, j] = Vec3.Dot(v[i], v[j]) * s[i] * s[j];
            }
        }

        Mat3 inv = built.Inverse();
        var m = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                double sum = 0;
                for (int k = 0; k < 3; k++)
                {
                    for (int l = 0; l < 3; l++)
                    {
                        sum += inv[k, i] * g0[k, l] * inv[l, j];
                    }
                }

                m[i, j] = sum;
            }
        }

        var lower = new double[3, 3];
        for (int j = 0; j < 3; j++)
        {
            double diagonal = m[j, j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= lower[j, k] * lower[j, k];
            }

            if (!(diagonal > 0))
            {
                throw new InputException("the relaxed cell metric is not positive definite");
            }

            lower[j, j] = Math.Sqrt(diagonal);
            for (int i = j + 1; i < 3; i++)
            {
                double sum = m[i, j];
                for (int k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                lower[i, j] = sum / lower[j, j];
            }
        }

        // F = Lᵀ: row i of F is column i of L.
        return Mat3.FromRows(new Vec3(lower[0, 0], lower[1, 0], lower[2, 0]), new Vec3(0, lower[1, 1], lower[2, 1]), new Vec3(0, 0, lower[2, 2]));
    }

    private static double Wrap(double x, double l)
    {
        double w = x - (l * Math.Floor(x / l));
        return w >= l ? w - l : w;
    }
}
