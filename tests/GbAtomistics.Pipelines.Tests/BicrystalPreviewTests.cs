using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Plotting;
using GbAtomistics.Tests;
using SkiaSharp;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>The preview `gbat build csl` writes: shaped like the cell, every species visible, PNG or SVG.</summary>
public sealed class BicrystalPreviewTests
{
    private static (string Dir, Frame Frame, BicrystalMetadata Metadata) Build(string name, params string[] args)
    {
        string dir = TestPaths.NewTempDir();
        // The exact mirror bicrystal at zero translation, nothing removed: its columns coincide by construction.
        var (code, _, err) = Gbat.Run(["build", "csl", .. args, "--translation", "0,0", "--overlap", "refuse", "--min-ratio", "0.4",
            "--to", "lammps", "--name", name, "--output", dir, "--quiet"]);
        Assert.True(code == 0, err);
        var frame = new Frame();
        using (ITrajectoryReader reader = FormatRegistry.OpenReader(Path.Combine(dir, name + ".data")))
        {
            Assert.True(reader.Read(frame));
        }

        return (dir, frame, BicrystalMetadataFile.Read(Path.Combine(dir, name + ".gb.json")));
    }

    private static bool Near(SKColor p, ScottPlot.Color colour, int tolerance = 6) =>
        Math.Abs(p.Red - colour.R) <= tolerance && Math.Abs(p.Green - colour.G) <= tolerance && Math.Abs(p.Blue - colour.B) <= tolerance;

    private static int CountColour(SKBitmap image, ScottPlot.Color colour, int tolerance = 6)
    {
        int count = 0;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                if (Near(image.GetPixel(x, y), colour, tolerance))
                {
                    count++;
                }
            }
        }

        return count;
    }

    [Fact]
    public void Li3OClPreviewIsShapedLikeTheCellAndShowsEverySpeciesWhereTheyCoincide()
    {
        var (dir, frame, metadata) = Build(
            "s3", "--structure", "antiperovskite", "--a", "3.91", "--species", "Li,O,Cl", "--axis", "110", "--sigma", "3", "--plane", "111");
        double ly = frame.Box.H.Column(1)[1], lz = frame.Box.H.Column(2)[2];

        // Along [110] every Cl column is also a Li column: drawn naively, Cl would vanish under Li.
        var li = Enumerable.Range(0, frame.Count).Where(i => frame.SpeciesName(i) == "Li").Select(i => frame.Positions[i]).ToList();
        foreach (int i in Enumerable.Range(0, frame.Count).Where(i => frame.SpeciesName(i) == "Cl"))
        {
            Vec3 r = frame.Positions[i];
            Assert.Contains(li, q => Math.Abs(q.Y - r.Y) < 0.05 && Math.Abs(q.Z - r.Z) < 0.05);
        }

        var preview = BicrystalPlot.Create(frame, metadata);
        Assert.True(preview.NormalHorizontal); // about 41 Å along the normal, 9.6 Å across: a wide picture
        Assert.Equal(["Cl (36)", "O (36)", "Li (108)"], preview.Legend);

        // The data area has the cell's aspect ratio (plus an equal margin on every side) and equal scale on both axes.
        ScottPlot.AxisLimits limits = preview.Plot.Axes.GetLimits();
        double margin = -limits.Left;
        Assert.True(margin > 0 && margin < 1.5, $"margin {margin} Å");
        Assert.Equal(lz + margin, limits.Right, 6);
        Assert.Equal(-margin, limits.Bottom, 6);
        Assert.Equal(ly + margin, limits.Top, 6);
        double scaleX = preview.DataRect.Width / limits.HorizontalSpan, scaleY = preview.DataRect.Height / limits.VerticalSpan;
        Assert.True(Math.Abs(scaleX - scaleY) / scaleX < 0.01, $"{scaleX} vs {scaleY} px/Å");

        // The PNG has the planned size, the renderer kept the data area, and the atoms fill most of the picture.
        string png = Path.Combine(dir, "s3.png");
        using SKBitmap image = SKBitmap.Decode(png);
        Assert.Equal(preview.Width, image.Width);
        Assert.Equal(preview.Height, image.Height);
        Assert.InRange(image.Width, 600, 1700);
        Assert.InRange(image.Height, 300, 1700);
        Assert.True(preview.DataRect.Width * preview.DataRect.Height > 0.55 * image.Width * image.Height);
        preview.Plot.GetImage(preview.Width, preview.Height).Dispose();
        ScottPlot.PixelRect rendered = preview.Plot.RenderManager.LastRender.DataRect;
        Assert.Equal(preview.DataRect.Width, rendered.Width, 0.5);
        Assert.Equal(preview.DataRect.Height, rendered.Height, 0.5);

        // Every species' colour is on the picture, Cl included (as rings around the Li drawn on top of it).
        for (int t = 0; t < 3; t++)
        {
            int pixels = CountColour(image, BicrystalPlot.Palette[t]);
            Assert.True(pixels > 36 * 20, $"species {metadata.Species[t]}: {pixels} pixels of its colour");
        }

        // At every Cl column: Li's colour at the centre, Cl's in the ring between the two marker radii.
        var markers = preview.Plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToDictionary(s => s.LegendText.Split(' ')[0], s => s.MarkerSize);
        float ring = (markers["Cl"] + markers["Li"]) / 4;
        foreach (int i in Enumerable.Range(0, frame.Count).Where(i => frame.SpeciesName(i) == "Cl"))
        {
            Vec3 r = frame.Positions[i] - frame.Box.Origin;
            int px = (int)Math.Round(preview.DataRect.Left + ((r.Z - limits.Left) * scaleX));
            int py = (int)Math.Round(preview.DataRect.Bottom - ((r.Y - limits.Bottom) * scaleY));
            Assert.True(Near(image.GetPixel(px, py), BicrystalPlot.Palette[0]), $"Li at the centre of the Cl column at ({r.Y:F2}, {r.Z:F2})");
            Assert.True(Near(image.GetPixel(px, (int)Math.Round(py - ring)), BicrystalPlot.Palette[2]), $"Cl ring at ({r.Y:F2}, {r.Z:F2})");
        }
    }

    [Fact]
    public void RockSaltPreviewWithVacuumShowsBothSpeciesAndOneBoundaryAndWritesSvg()
    {
        var (dir, frame, metadata) = Build(
            "nacl", "--structure", "rock-salt", "--axis", "001", "--sigma", "5", "--plane", "310", "--vacuum", "15");
        Assert.Single(metadata.Planes);
        var preview = BicrystalPlot.Create(frame, metadata, structure: "NaCl (rock-salt)");
        Assert.Equal(["Cl (60)", "Na (60)"], preview.Legend);
        Assert.StartsWith("NaCl (rock-salt): Σ5", preview.Plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        var lines = preview.Plot.GetPlottables().OfType<ScottPlot.Plottables.VerticalLine>().ToList();
        Assert.Equal(["GB"], lines.Select(l => l.LabelText));

        using SKBitmap image = SKBitmap.Decode(Path.Combine(dir, "nacl.png"));
        Assert.True(image.Width > 2 * image.Height, $"{image.Width} x {image.Height}: a cell long along the normal gives a wide picture");
        for (int t = 0; t < 2; t++)
        {
            Assert.True(CountColour(image, BicrystalPlot.Palette[t]) > 60 * 20, metadata.Species[t]);
        }

        string svg = Path.Combine(dir, "nacl.svg");
        BicrystalPlot.Save(frame, metadata, svg);
        string text = File.ReadAllText(svg);
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"width=\"{preview.Width}\""), text, StringComparison.Ordinal);
    }
}
