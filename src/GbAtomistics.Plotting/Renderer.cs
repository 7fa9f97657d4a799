namespace GbAtomistics.Plotting;

/// <summary>
/// The plotting renderer's one-time start-up (native graphics library, fonts): about 0.2 s in a fresh process.
/// <see cref="Prepare"/> pays it on a background thread while an analysis is still reading frames, so the first plot
/// of a short command does not wait for it.
/// </summary>
public static class Renderer
{
    private static readonly Lazy<Task> Started = new(() => Task.Run(() =>
    {
        var plot = new ScottPlot.Plot();
        plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 0, 1 });
        plot.XLabel("r (Å)");
        plot.GetImageBytes(64, 48, ScottPlot.ImageFormat.Png);
    }));

    /// <summary>Starts the renderer's start-up in the background (once per process); returns at once.</summary>
    public static void Prepare() => _ = Started.Value;
}
