using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Cli;

/// <summary>Human-readable and JSON descriptions of a cell.</summary>
internal static class BoxText
{
    /// <summary>Lengths |a|, |b|, |c| (Å) and angles α = ∠(b, c), β = ∠(a, c), γ = ∠(a, b) (degrees).</summary>
    public static (double A, double B, double C, double Alpha, double Beta, double Gamma) Parameters(Box box) =>
        (box.A.Length, box.B.Length, box.C.Length, Angle(box.B, box.C), Angle(box.A, box.C), Angle(box.A, box.B));

    public static string Describe(Box box)
    {
        var p = Parameters(box);
        string periodic = string.Concat(Enumerable.Range(0, 3).Select(i => box.Periodic[i] ? "p" : "f"));
        return string.Create(CultureInfo.InvariantCulture,
            $"a={p.A:F6} b={p.B:F6} c={p.C:F6} Å, α={p.Alpha:F4} β={p.Beta:F4} γ={p.Gamma:F4}°, volume={box.Volume:F4} Å³, " +
            $"origin=({box.Origin.X:G7}, {box.Origin.Y:G7}, {box.Origin.Z:G7}) Å, periodic={periodic}");
    }

    public static object Json(Box box)
    {
        var p = Parameters(box);
        return new
        {
            vectors_angstrom = new[] { Array(box.A), Array(box.B), Array(box.C) },
            origin_angstrom = Array(box.Origin),
            lengths_angstrom = new[] { p.A, p.B, p.C },
            angles_degrees = new[] { p.Alpha, p.Beta, p.Gamma },
            volume_angstrom3 = box.Volume,
            periodic = new[] { box.Periodic.A, box.Periodic.B, box.Periodic.C },
        };
    }

    private static double[] Array(Vec3 v) => [v.X, v.Y, v.Z];

    private static double Angle(Vec3 u, Vec3 v) =>
        Math.Acos(Math.Clamp(Vec3.Dot(u, v) / (u.Length * v.Length), -1, 1)) * 180 / Math.PI;
}
