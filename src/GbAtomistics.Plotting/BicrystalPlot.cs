using System.Globalization;
using GbAtomistics.Core;
using ScottPlot;

namespace GbAtomistics.Plotting;

/// <summary>
/// Preview of a built bicrystal: every atom projected along the tilt axis (box x) onto the plane of the in-plane
/// direction y and the boundary normal z, one colour per species, with the cell outline and the boundary planes.
/// </summary>
/// <remarks>
/// The data area has exactly the shape of the projected cell (equal scale on both axes, so angles are true) and the
/// picture is sized from it; a cell longer along the normal than across is drawn with z horizontal. Atoms of several
/// species often project onto one point (Li on Cl in Li3OCl along [110], Na on Cl in NaCl along [001]): species are
/// drawn heaviest first with the largest marker, lighter ones smaller and on top, so each shows as a ring or a disc.
/// </remarks>
public static class BicrystalPlot
{
    /// <summary>Okabe–Ito colours (safe for colour-blind readers), one per species in type order.</summary>
    internal static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#E69F00"),
        Color.FromHex("#CC79A7"), Color.FromHex("#56B4E9"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    private const float MaxDataLong = 1350;   // px, the data area's long side at most
    private const float MaxDataShort = 950;   // px, its short side at most
    private const float MaxMarker = 24;       // px, the largest marker's diameter at most
    private const float MinMarker = 8;        // px, the largest marker's diameter at least
    private const float PadLeft = 78, PadBottom = 62, PadTop = 66;
    private const float PadRightLegend = 150;
    private const float TagHeight = 26;       // px, the boundary labels on the edge of the data area

    /// <summary>Writes the preview of <paramref name="frame"/> described by <paramref name="metadata"/> to a .png or .svg file.</summary>
    /// <param name="frame">The bicrystal.</param>
    /// <param name="metadata">Its boundary planes (fractions along <see cref="BicrystalMetadata.NormalAxis"/>) and orientation.</param>
    /// <param name="path">A .png or .svg file.</param>
    /// <param name="title">The whole title; default Σ, planes, misorientation and axis, after <paramref name="structure"/>.</param>
    /// <param name="structure">Name of the crystal for the title, e.g. "Li3OCl (antiperovskite)".</param>
    public static void Save(Frame frame, BicrystalMetadata metadata, string path, string? title = null, string? structure = null)
    {
        Preview preview = Create(frame, metadata, title, structure);
        Chart.Save(preview.Plot, path, preview.Width, preview.Height);
    }

    /// <summary>The figure and the size it is drawn at (data area in pixels: <see cref="Preview.DataRect"/>).</summary>
    internal sealed record Preview(Plot Plot, int Width, int Height, PixelRect DataRect, bool NormalHorizontal, IReadOnlyList<string> Legend);

    internal static Preview Create(Frame frame, BicrystalMetadata metadata, string? title = null, string? structure = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(metadata);
        int normal = metadata.NormalAxis;
        int across = normal == 1 ? 2 : 1;
        GbAtomistics.Core.Box box = frame.Box;
        double lengthAcross = box.H.Column(across)[across];
        double lengthNormal = box.H.Column(normal)[normal];

        // A cell much longer along the normal than across reads better as a wide picture than a very tall one.
        bool normalHorizontal = lengthNormal > 1.5 * lengthAcross;
        double lengthX = normalHorizontal ? lengthNormal : lengthAcross;
        double lengthY = normalHorizontal ? lengthAcross : lengthNormal;

        int n = frame.Count;
        var px = new double[n];
        var py = new double[n];
        for (int i = 0; i < n; i++)
        {
            Vec3 r = frame.Positions[i] - box.Origin;
            px[i] = normalHorizontal ? r[normal] : r[across];
            py[i] = normalHorizontal ? r[across] : r[normal];
        }

        // Scale (px per Å) so the longer side, or the shorter, reaches its limit; then markers and margin from it.
        double scale = Math.Min(MaxDataLong / Math.Max(lengthX, lengthY), MaxDataShort / Math.Max(1e-9, Math.Min(lengthX, lengthY)));
        double spacing = ClosestDistinctProjection(px, py);
        float marker = (float)Math.Clamp(0.85 * spacing * scale, MinMarker, MaxMarker);
        double margin = (marker / 2 + 8) / scale;
        scale = Math.Min(MaxDataLong / (Math.Max(lengthX, lengthY) + 2 * margin), MaxDataShort / (Math.Min(lengthX, lengthY) + 2 * margin));
        margin = (marker / 2 + 8) / scale;
        int dataWidth = (int)Math.Round((lengthX + 2 * margin) * scale);
        int dataHeight = (int)Math.Round((lengthY + 2 * margin) * scale);

        // The label along a short side is shortened so it does not run past the data area.
        string normalLabel = (normalHorizontal ? dataWidth : dataHeight) < 320 ? "z, normal (Å)" : "z, along the boundary normal (Å)";
        string acrossLabel = (normalHorizontal ? dataHeight : dataWidth) < 320 ? $"{"xyz"[across]}, in plane (Å)" : $"{"xyz"[across]}, in the boundary plane (Å)";
        var plot = Chart.Create(
            title ?? Title(metadata, structure),
            normalHorizontal ? normalLabel : acrossLabel,
            normalHorizontal ? acrossLabel : normalLabel);
        plot.Axes.Title.Label.FontSize = 16;
        if (normalHorizontal)
        {
            plot.Axes.Title.Label.OffsetY = -TagHeight; // above the boundary tags on the top edge
        }

        // Species: colours by type number, drawn heaviest first (largest marker), lightest last and smallest.
        int[] types = frame.Types.Take(n).Distinct().Order().ToArray();
        var names = new Dictionary<int, string>();
        var counts = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int t = frame.Types[i];
            names.TryAdd(t, frame.SpeciesName(i));
            counts[t] = counts.GetValueOrDefault(t) + 1;
        }

        int[] drawOrder = types
            .OrderByDescending(t => Elements.Mass(names[t]) ?? 0)
            .ThenBy(t => t)
            .ToArray();
        double span = Math.Min(0.6, 0.3 * (types.Length - 1));
        var legend = new List<string>();
        for (int k = 0; k < drawOrder.Length; k++)
        {
            int type = drawOrder[k];
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < n; i++)
            {
                if (frame.Types[i] == type)
                {
                    xs.Add(px[i]);
                    ys.Add(py[i]);
                }
            }

            var points = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray());
            points.MarkerShape = MarkerShape.FilledCircle;
            points.MarkerSize = drawOrder.Length == 1 ? marker : (float)(marker * (1 - span * k / (drawOrder.Length - 1)));
            points.MarkerFillColor = Palette[Array.IndexOf(types, type) % Palette.Length];
            points.MarkerLineColor = Colors.Black.WithAlpha(0.75);
            points.MarkerLineWidth = 1;
            points.LegendText = string.Create(CultureInfo.InvariantCulture, $"{names[type]} ({counts[type]})");
            legend.Add(points.LegendText);
        }

        var outline = normalHorizontal
            ? plot.Add.Rectangle(0, lengthNormal, 0, lengthAcross)
            : plot.Add.Rectangle(0, lengthAcross, 0, lengthNormal);
        outline.FillStyle.Color = Colors.Transparent;
        outline.LineStyle.Color = Colors.Gray;
        outline.LineStyle.Width = 1.5f;

        // Boundary planes; a periodic boundary at z = 0 is drawn again at its image z = Lz.
        var planes = new List<(double Z, string Label)>();
        for (int b = 0; b < metadata.Planes.Length; b++)
        {
            double z = metadata.Planes[b] * lengthNormal;
            string label = metadata.Planes.Length == 1 ? "GB" : $"GB {b + 1}";
            planes.Add((z, label));
            if (metadata.Periodic && Math.Abs(metadata.Planes[b]) < 1e-9)
            {
                planes.Add((lengthNormal, label));
            }
        }

        foreach (var (z, label) in planes)
        {
            ScottPlot.Plottables.AxisLine line = normalHorizontal ? plot.Add.VerticalLine(z) : plot.Add.HorizontalLine(z);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 2;
            line.Color = Colors.Black;
            line.LabelText = label;
            line.LabelOppositeAxis = true;
            line.LabelFontSize = 13;
            line.LabelBackgroundColor = Colors.Black;
            line.LabelFontColor = Colors.White;
            line.ExcludeFromLegend = true;
            plot.MoveToBack(line); // under the atoms, which stay whole where a boundary passes through them
        }

        plot.MoveToBack(outline);

        if (normalHorizontal)
        {
            plot.Axes.SetLimits(-margin, lengthNormal + margin, -margin, lengthAcross + margin);
        }
        else
        {
            plot.Axes.SetLimits(-margin, lengthAcross + margin, -margin, lengthNormal + margin);
        }

        // Fixed data area of the cell's shape; the legend (drawing order: largest marker first) sits to its right,
        // outside the atoms; boundary labels on the top (or right) edge.
        float padRight = PadRightLegend + (normalHorizontal ? 0 : 40);
        float padTop = PadTop + (normalHorizontal ? TagHeight : 0);
        var dataRect = new PixelRect(PadLeft, PadLeft + dataWidth, padTop + dataHeight, padTop);
        plot.Layout.Fixed(dataRect);
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 14;
        int width = (int)Math.Ceiling(PadLeft + dataWidth + padRight);
        int height = (int)Math.Ceiling(padTop + dataHeight + PadBottom);
        return new Preview(plot, width, height, dataRect, normalHorizontal, legend);
    }

    private static string Title(BicrystalMetadata metadata, string? structure)
    {
        string planes = $"({string.Join(" ", metadata.PlaneLower)})/({string.Join(" ", metadata.PlaneUpper)})";
        string text = string.Create(
            CultureInfo.InvariantCulture,
            $"Σ{metadata.Sigma} {planes}, {metadata.AngleDegrees:0.##}° tilt about [{string.Join(" ", metadata.Axis)}]");
        if (!metadata.Periodic)
        {
            text += ", free surfaces";
        }

        return string.IsNullOrWhiteSpace(structure) ? text : $"{structure}: {text}";
    }

    /// <summary>
    /// The shortest distance (Å) between two projected points that do not coincide (0.1 Å apart or more); atoms of
    /// one column along the tilt axis, or of different species on one column, count as one point.
    /// </summary>
    internal static double ClosestDistinctProjection(double[] x, double[] y)
    {
        const double coincident = 0.1;
        var points = new HashSet<(long, long)>();
        for (int i = 0; i < x.Length; i++)
        {
            points.Add(((long)Math.Round(x[i] / 0.02), (long)Math.Round(y[i] / 0.02)));
        }

        (double X, double Y)[] p = points.Select(q => (q.Item1 * 0.02, q.Item2 * 0.02)).OrderBy(q => q.Item1).ToArray();
        double best = double.PositiveInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            for (int j = i + 1; j < p.Length && p[j].X - p[i].X < best; j++)
            {
                double d = Math.Sqrt(((p[j].X - p[i].X) * (p[j].X - p[i].X)) + ((p[j].Y - p[i].Y) * (p[j].Y - p[i].Y)));
                if (d >= coincident && d < best)
                {
                    best = d;
                }
            }
        }

        return double.IsPositiveInfinity(best) ? 2.0 : best;
    }
}
