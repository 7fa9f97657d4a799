using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>
/// Refuses cells that no simulation writes and that would make later arithmetic overflow or underflow: every
/// component finite, every cell vector between <see cref="MinLength"/> and <see cref="MaxLength"/> Å long, and the
/// three vectors independent (volume above 1e-12 of the product of their lengths).
/// </summary>
internal static class CellCheck
{
    /// <summary>The shortest cell vector accepted, in Å.</summary>
    public const double MinLength = 1e-6;

    /// <summary>The longest cell vector accepted, in Å.</summary>
    public const double MaxLength = 1e15;

    /// <summary>What is wrong with the cell spanned by <paramref name="a"/>, <paramref name="b"/>, <paramref name="c"/> (in Å), or null.</summary>
    public static string? Problem(Vec3 a, Vec3 b, Vec3 c)
    {
        if (!a.IsFinite || !b.IsFinite || !c.IsFinite)
        {
            return "expected finite cell vectors, found NaN or infinity after scaling";
        }

        ReadOnlySpan<double> lengths = [a.Length, b.Length, c.Length];
        for (int i = 0; i < 3; i++)
        {
            if (!(lengths[i] >= MinLength && lengths[i] <= MaxLength))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"expected cell vectors between {MinLength:G} and {MaxLength:G} Å long, found |{"abc"[i]}| = {lengths[i]:G6} Å");
            }
        }

        double det = Vec3.Dot(a, Vec3.Cross(b, c));
        if (!(Math.Abs(det) > 1e-12 * lengths[0] * lengths[1] * lengths[2]))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"expected three independent cell vectors, found a cell of {(det == 0 ? "zero volume" : $"nearly zero volume ({det:G6} Å³)")} (a={a}, b={b}, c={c})");
        }

        return null;
    }

    /// <summary>The problem of a cell in the LAMMPS convention, or null.</summary>
    public static string? Problem(LammpsBoxParameters p) => Problem(
        new Vec3(p.Xhi - p.Xlo, 0, 0), new Vec3(p.Xy, p.Yhi - p.Ylo, 0), new Vec3(p.Xz, p.Yz, p.Zhi - p.Zlo));

    /// <summary>The problem of the cell whose columns are <paramref name="h"/>, or null.</summary>
    public static string? Problem(Mat3 h) => Problem(h.C0, h.C1, h.C2);
}
