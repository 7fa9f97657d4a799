using GbAtomistics.Core;
using ScottPlot;

namespace GbAtomistics.Plotting;

/// <summary>
/// Preview of a built bicrystal: every atom projected along the tilt axis (box x) onto the y–z plane, coloured by
/// species, with the boundary planes drawn as dashed lines across the cell (z along the boundary normal).
/// </summary>
public static class BicrystalPlot
{
    /// <summary>Writes the preview of <paramref name="frame"/> described by <paramref name="metadata"/> to a .png or .svg file.</summary>
    public static void Save(Frame frame, BicrystalMetadata metadata, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(metadata);
        var plot = Chart.Create(
            title ?? $"Σ{metadata.Sigma} ({string.Join(" ", metadata.PlaneLower)})/({string.Join(" ", metadata.PlaneUpper)}) tilt about [{string.Join(" ", metadata.Axis)}]",
            "y, in the boundary plane (Å)",
            "z, along the boundary normal (Å)");
        int normal = metadata.NormalAxis;
        int across = normal == 1 ? 2 : 1;
        GbAtomistics.Core.Box box = frame.Box;
        int[] types = frame.Types.Take(frame.Count).Distinct().Order().ToArray();
        for (int t = 0; t < types.Length; t++)
        {
            int type = types[t];
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < frame.Count; i++)
            {
                if (frame.Types[i] == type)
                {
                    Vec3 r = frame.Positions[i] - box.Origin;
                    xs.Add(r[across]);
                    ys.Add(r[normal]);
                }
            }

            var points = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray());
            // Atoms of different species often share a column along the tilt axis (rock salt along [001]):
            // earlier species are drawn larger so every species stays visible in the projection.
            points.MarkerSize = 12 - (10.0f * t / Math.Max(1, types.Length));
            points.LegendText = frame.SpeciesName(frame.Types.Take(frame.Count).ToList().IndexOf(type));
        }

        double length = box.H.Column(normal)[normal];
        foreach (double plane in metadata.Planes)
        {
            var line = plot.Add.HorizontalLine(plane * length);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 1.5f;
            line.Color = Colors.Black;
        }

        plot.Axes.SquareUnits();
        plot.ShowLegend();
        Chart.Save(plot, path);
    }
}
