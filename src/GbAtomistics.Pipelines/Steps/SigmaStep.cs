using System.Globalization;
using System.Text.Json;
using System.Text;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>sigma</c> step: the CSL misorientations about one axis up to a largest Σ, as a text table, <c>sigma.csv</c>
/// and <c>sigma.json</c>. Angles in degrees; the conventional angle is the smallest rotation about the axis, the
/// equivalent angle 360°/k − θ for a k-fold axis; planes are the symmetric tilt planes (lower grain)/(upper grain).
/// </summary>
public static class SigmaStep
{
    public static IReadOnlyList<SigmaEntry> Compute(Int3 axis, int maxSigma) => SigmaTable.Enumerate(axis, maxSigma);

    /// <summary>An aligned table for the terminal.</summary>
    public static string ToText(IReadOnlyList<SigmaEntry> entries, Int3 axis)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"CSL tilt boundaries about {Miller.Direction(Miller.Reduce(axis))} (angles in degrees; planes lower/upper grain)");
        text.AppendLine("  Σ   angle  equivalent   m  n  symmetric tilt planes");
        foreach (SigmaEntry e in entries)
        {
            CslRotation r = e.Rotations.First(x => Math.Abs(SigmaTable.Conventional(x.AngleDegrees, 360.0 / SigmaTable.AxisOrder(e.Axis)) - e.AngleDegrees) < 1e-6);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{e.Sigma,3} {e.AngleDegrees,7:F2} {e.EquivalentAngleDegrees,11:F2} {r.M,3} {r.N,2}  {string.Join("  ", e.Planes.Select(p => p.ToString()))}");
        }

        return text.ToString();
    }

    /// <summary>CSV with one row per misorientation.</summary>
    public static string ToCsv(IReadOnlyList<SigmaEntry> entries)
    {
        var text = new StringBuilder("sigma,angle_deg,equivalent_angle_deg,axis,m,n,planes_lower_upper\n");
        foreach (SigmaEntry e in entries)
        {
            CslRotation r = e.Rotations[0];
            text.Append(CultureInfo.InvariantCulture,
                $"{e.Sigma},{e.AngleDegrees:F4},{e.EquivalentAngleDegrees:F4},{Miller.Direction(e.Axis)},{r.M},{r.N},\"{string.Join(" ", e.Planes.Select(p => p.ToString()))}\"\n");
        }

        return text.ToString();
    }

    public static object Summary(IReadOnlyList<SigmaEntry> entries, Int3 axis, int maxSigma) => new
    {
        analysis = "sigma",
        axis = new[] { Miller.Reduce(axis).X, Miller.Reduce(axis).Y, Miller.Reduce(axis).Z },
        max_sigma = maxSigma,
        definitions = "N = u^2+v^2+w^2; coprime m,n: theta = 2 atan(n sqrt(N)/m), Sigma = m^2 + N n^2 with factors of 2 removed; " +
            "angle = smallest rotation about the axis giving the misorientation, equivalent = 360/k - angle for a k-fold axis; " +
            "planes: lower = m p - n (o x p), upper = m p + n (o x p) for reference directions p perpendicular to the axis",
        units = new { angle = "degrees" },
        entries = entries.Select(e => new
        {
            sigma = e.Sigma,
            angle_degrees = Math.Round(e.AngleDegrees, 6),
            equivalent_angle_degrees = Math.Round(e.EquivalentAngleDegrees, 6),
            rotations = e.Rotations.Select(r => new { m = r.M, n = r.N, angle_degrees = Math.Round(r.AngleDegrees, 6) }),
            planes = e.Planes.Select(p => new
            {
                lower = new[] { p.Lower.X, p.Lower.Y, p.Lower.Z },
                upper = new[] { p.Upper.X, p.Upper.Y, p.Upper.Z },
                reference = new[] { p.Reference.X, p.Reference.Y, p.Reference.Z },
                rotation_angle_degrees = Math.Round(p.Rotation.AngleDegrees, 6),
            }),
        }),
    };

    /// <summary>Writes <c>sigma.csv</c> and <c>sigma.json</c>; returns the summary.</summary>
    public static object Write(IReadOnlyList<SigmaEntry> entries, Int3 axis, int maxSigma, OutputFolder output)
    {
        output.WriteText("sigma.csv", ToCsv(entries));
        object summary = Summary(entries, axis, maxSigma);
        output.WriteText("sigma.json", JsonSerializer.Serialize(summary, Json.Options));
        return summary;
    }
}
