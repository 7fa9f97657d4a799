using ScottPlot;

namespace GbAtomistics.Plotting;

/// <summary>Shared look and output of every figure: size, fonts, and PNG or SVG chosen by the file extension.</summary>
internal static class Chart
{
    public const int Width = 900;
    public const int Height = 560;

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Writes the figure to <paramref name="path"/> (.png or .svg) through a temporary file, whole or not at all.</summary>
    public static void Save(Plot plot, string path) => Save(plot, path, Width, Height);

    /// <summary>Writes the figure at <paramref name="width"/> × <paramref name="height"/> pixels (.png or .svg), whole or not at all.</summary>
    public static void Save(Plot plot, string path, int width, int height)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp{ext}");
        try
        {
            switch (ext)
            {
                case ".png":
                    plot.SavePng(temp, width, height);
                    break;
                case ".svg":
                    plot.SaveSvg(temp, width, height);
                    break;
                default:
                    throw new ArgumentException($"{path}: plots are written as .png or .svg", nameof(path));
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
