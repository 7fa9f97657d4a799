using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Regions;

/// <summary>
/// A grain-boundary region as the user gives it: the boundary normal (the cell vector a, b or c the planes cut,
/// written x, y or z), the plane positions as fractional coordinates along it, the half-width in Å, and which
/// part to use: <c>gb</c> (the slabs) or <c>bulk</c> (the rest).
/// </summary>
public sealed record RegionSpec(string Part, string Normal, IReadOnlyList<double> Planes, double HalfWidth)
{
    /// <summary>Builds the region; a bad value is an <see cref="InputException"/> naming the option.</summary>
    public SlabRegion ToRegion()
    {
        int axis = ParseNormal(Normal);
        return Part.ToLowerInvariant() switch
        {
            "gb" => new SlabRegion(axis, Planes, HalfWidth, complement: false, name: "gb"),
            "bulk" => new SlabRegion(axis, Planes, HalfWidth, complement: true, name: "bulk"),
            _ => throw new InputException($"--region {Part}: expected gb or bulk"),
        };
    }

    /// <summary>x, y, z (or a, b, c) → 0, 1, 2.</summary>
    public static int ParseNormal(string normal) => normal.Trim().ToLowerInvariant() switch
    {
        "x" or "a" => 0,
        "y" or "b" => 1,
        "z" or "c" => 2,
        _ => throw new InputException($"--normal {normal}: expected x, y or z"),
    };

    /// <summary>Parses <c>0.25,0.75</c>.</summary>
    public static IReadOnlyList<double> ParsePlanes(string text)
    {
        var planes = new List<double>();
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || !double.IsFinite(p))
            {
                throw new InputException($"--planes {text}: expected fractional positions such as 0.25,0.75, found '{item}'");
            }

            planes.Add(p);
        }

        return planes.Count > 0 ? planes : throw new InputException($"--planes {text}: expected at least one position");
    }
}
