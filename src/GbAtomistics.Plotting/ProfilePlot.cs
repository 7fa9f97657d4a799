using GbAtomistics.Analysis.Profiles;

namespace GbAtomistics.Plotting;

/// <summary>Figures of <see cref="ProfileResult"/>: number density of each species along the boundary normal.</summary>
public static class ProfilePlot
{
    /// <summary>Number density (atoms/Å³) of each species and in total against the slab position (Å).</summary>
    public static void SaveDensity(ProfileResult result, string path, string? title = null)
    {
        var plot = Chart.Create(
            title ?? "Number density along the boundary normal", $"position along {"abc"[result.Options.NormalAxis]} (Å)", "number density (atoms/Å³)");
        double[] x = result.SlabCentresAngstrom.ToArray();
        for (int s = 0; s < result.Species.Count; s++)
        {
            var line = plot.Add.ScatterLine(x, result.Density(s).ToArray());
            line.LegendText = result.Species[s];
        }

        var total = plot.Add.ScatterLine(x, result.TotalDensity().ToArray());
        total.LegendText = "total";
        plot.ShowLegend();
        Chart.Save(plot, path);
    }

    /// <summary>Composition (fraction of each species) against the slab position (Å).</summary>
    public static void SaveComposition(ProfileResult result, string path, string? title = null)
    {
        var plot = Chart.Create(
            title ?? "Composition along the boundary normal", $"position along {"abc"[result.Options.NormalAxis]} (Å)", "fraction of atoms");
        double[] x = result.SlabCentresAngstrom.ToArray();
        for (int s = 0; s < result.Species.Count; s++)
        {
            var (xs, ys) = Series.Finite(x, result.Composition(s));
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = result.Species[s];
        }

        plot.ShowLegend();
        Chart.Save(plot, path);
    }
}
