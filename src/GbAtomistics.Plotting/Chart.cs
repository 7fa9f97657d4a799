using GbAtomistics.Core;
using ScottPlot;

namespace GbAtomistics.Plotting;

/// <summary>
/// The one style of every figure: size and fonts, a colour-blind-safe palette (Okabe and Ito, "Color Universal
/// Design", 2002) with line patterns so that curves differ by more than colour, the legend outside the data on the
/// right, boundary planes and GB slabs drawn the same way on every profile, integer ticks for counts, and PNG or SVG
/// chosen by the file extension.
/// </summary>
internal static class Chart
{
    public const int Width = 1100;
    public const int Height = 560;

    /// <summary>Okabe–Ito colours in the order they are used: blue, vermillion, bluish green, reddish purple, orange, sky blue, black.</summary>
    private static readonly Color[] Colours =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"),
    ];

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>The <paramref name="index"/>-th colour of the palette (cycling).</summary>
    public static Color Colour(int index) => Colours[index % Colours.Length];

    /// <summary>
    /// The look of the <paramref name="index"/>-th of several curves: colours first, then, once they are used up, the
    /// same colours with the next line pattern, so no two of 28 curves look alike.
    /// </summary>
    public static void Style(ScottPlot.Plottables.Scatter line, int index) =>
        Style(line, index % Colours.Length, index / Colours.Length);

    /// <summary>A curve with colour <paramref name="colour"/> and line pattern <paramref name="pattern"/> (both cycling), 2 px wide.</summary>
    public static void Style(ScottPlot.Plottables.Scatter line, int colour, int pattern)
    {
        line.Color = Colour(colour);
        line.LinePattern = Patterns[pattern % Patterns.Length];
        line.LineWidth = 2;
        line.MarkerSize = 0;
    }

    /// <summary>The legend, outside the data area on the right, so that it never covers a curve.</summary>
    public static void Legend(Plot plot) => plot.ShowLegend(Edge.Right);

    /// <summary>
    /// Shades each GB slab (plane ± half-width, wrapped across the periodic boundary) and draws the boundary planes as
    /// dashed black lines, on a profile whose x axis is the position along the normal in Å over a cell of
    /// <paramref name="width"/> Å; nothing when <paramref name="region"/> is null.
    /// </summary>
    public static void Boundaries(Plot plot, SlabRegion? region, double width)
    {
        if (region is null || region.Planes.Count == 0)
        {
            return;
        }

        bool first = true;
        foreach (double plane in region.Planes)
        {
            double centre = plane * width;
            double lo = centre - region.HalfWidth, hi = centre + region.HalfWidth;
            foreach (var (a, b) in new[] { (lo, hi), (lo + width, hi + width), (lo - width, hi - width) })
            {
                double x0 = Math.Max(a, 0), x1 = Math.Min(b, width);
                if (x1 > x0)
                {
                    var span = plot.Add.HorizontalSpan(x0, x1);
                    span.FillStyle.Color = Colors.Gray.WithAlpha(0.15);
                    span.LineStyle.Width = 0;
                    span.LegendText = first ? FormattableString.Invariant($"GB slab (plane ± {region.HalfWidth:G3} Å)") : string.Empty;
                    first = false;
                }
            }
        }

        for (int i = 0; i < region.Planes.Count; i++)
        {
            var v = plot.Add.VerticalLine(region.Planes[i] * width);
            v.LinePattern = LinePattern.Dashed;
            v.Color = Colors.Black;
            v.LineWidth = 1;
            v.LegendText = i == 0 ? "boundary planes" : string.Empty;
        }
    }

    /// <summary>The x axis of a profile: exactly the cell along the normal, 0 to <paramref name="width"/> Å.</summary>
    public static void AlongNormal(Plot plot, double width)
    {
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(0, width);
    }

    /// <summary>Ticks at whole numbers only (counts such as coordination numbers).</summary>
    public static void IntegerTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>
    /// Slabs whose atoms per frame are below a quarter of the median over the occupied slabs: their mean coordination or
    /// composition rests on a handful of atoms that vibrate into a thin slab and is left out of the line (the CSV keeps
    /// the values and the atom counts).
    /// </summary>
    public static bool[] NearlyEmpty(IReadOnlyList<double> atomsPerFrame)
    {
        double[] occupied = atomsPerFrame.Where(a => a > 0).Order().ToArray();
        double median = occupied.Length == 0 ? 0 : occupied[occupied.Length / 2];
        return atomsPerFrame.Select(a => a < 0.25 * median).ToArray();
    }

    /// <summary>The points of (x, y) where y is finite and the slab is not masked.</summary>
    public static (double[] X, double[] Y) Kept(IReadOnlyList<double> x, IReadOnlyList<double> y, bool[]? masked = null)
    {
        int[] keep = Enumerable.Range(0, Math.Min(x.Count, y.Count)).Where(k => double.IsFinite(y[k]) && !(masked?[k] ?? false)).ToArray();
        return (keep.Select(k => x[k]).ToArray(), keep.Select(k => y[k]).ToArray());
    }

    /// <summary>
    /// A profile curve drawn as separate pieces between slabs that are masked or have no value, so that the line does
    /// not bridge a gap; styled as the <paramref name="colour"/>-th colour and <paramref name="pattern"/>-th pattern, with
    /// markers at the slab centres and one legend entry.
    /// </summary>
    public static void Pieces(Plot plot, IReadOnlyList<double> x, IReadOnlyList<double> y, bool[]? masked, int colour, int pattern, string legend)
    {
        bool first = true;
        int k = 0;
        int n = Math.Min(x.Count, y.Count);
        while (k < n)
        {
            if (!double.IsFinite(y[k]) || (masked?[k] ?? false))
            {
                k++;
                continue;
            }

            int start = k;
            while (k < n && double.IsFinite(y[k]) && !(masked?[k] ?? false))
            {
                k++;
            }

            var line = plot.Add.ScatterLine(Enumerable.Range(start, k - start).Select(i => x[i]).ToArray(), Enumerable.Range(start, k - start).Select(i => y[i]).ToArray());
            Style(line, colour, pattern);
            line.MarkerSize = 4;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.LegendText = first ? legend : string.Empty;
            first = false;
        }
    }

    /// <summary>Writes the figure to <paramref name="path"/>, PNG or SVG by its extension (callers that need it whole or not at all write a temporary name and move it).</summary>
    public static void Save(Plot plot, string path) => Save(plot, path, Width, Height);

    /// <summary>Writes the figure at <paramref name="width"/> × <paramref name="height"/> pixels, PNG or SVG by the extension of <paramref name="path"/>.</summary>
    public static void Save(Plot plot, string path, int width, int height)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".png":
                plot.SavePng(path, width, height);
                break;
            case ".svg":
                File.WriteAllText(path, Svg(plot, width, height));
                break;
            default:
                throw new ArgumentException($"{path}: plots are written as .png or .svg", nameof(path));
        }
    }

    /// <summary>
    /// The figure as SVG with its dashed and dotted lines. The SVG canvas of the graphics library draws every line
    /// solid (it has no dash support): each patterned line is drawn solid in a unique marker colour, and the marker
    /// colour is then replaced in the SVG text by the line's colour with a <c>stroke-dasharray</c> of its pattern.
    /// Clip-path ids are renumbered from 1, so a figure's bytes do not depend on what the process drew before.
    /// </summary>
    private static string Svg(Plot plot, int width, int height)
    {
        var patterned = new List<(IHasLine Line, LineStyle Original, string Tag, string Colour, string Dash)>();
        foreach (IHasLine line in plot.GetPlottables().OfType<IHasLine>())
        {
            LineStyle style = line.LineStyle;
            if (style.Pattern.Intervals is not { Length: > 0 } intervals || style.Pattern.Name == LinePattern.Solid.Name)
            {
                continue;
            }

            // Marker colours #FE00nn are not in the palette; alpha is carried by stroke-opacity separately.
            string tag = $"#FE{patterned.Count / 256:X2}{patterned.Count % 256:X2}";
            string dash = string.Join(" ", intervals.Select(v => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)));
            patterned.Add((line, style, tag, "#" + style.Color.ToHex()[1..7], dash));
            LineStyle solid = style.Clone();
            solid.Pattern = LinePattern.Solid;
            solid.Color = Color.FromHex(tag).WithAlpha(style.Color.A);
            line.LineStyle = solid;
        }

        try
        {
            string svg = plot.GetSvgXml(width, height);
            foreach (var (_, _, tag, colour, dash) in patterned)
            {
                svg = svg.Replace($"stroke=\"{tag}\"", $"stroke=\"{colour}\" stroke-dasharray=\"{dash}\"", StringComparison.OrdinalIgnoreCase);
            }

            // The canvas numbers clip paths from a counter that runs over the whole process: number them from 1 in
            // each file, so the same figure gives the same bytes however many figures were drawn before it.
            var ids = new Dictionary<string, string>();
            return System.Text.RegularExpressions.Regex.Replace(svg, @"\bcl_[0-9a-fA-F]+\b", m =>
            {
                if (!ids.TryGetValue(m.Value, out string? id))
                {
                    ids[m.Value] = id = $"clip{ids.Count + 1}";
                }

                return id;
            });
        }
        finally
        {
            foreach (var (line, original, _, _, _) in patterned)
            {
                line.LineStyle = original;
            }
        }
    }
}
