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

    /// <summary>
    /// The electrostatic potential along the normal (V): planar average, macroscopic average when computed, and the
    /// boundary planes (fractional, may be empty) as dashed vertical lines; the charge density on the right axis.
    /// </summary>
    public static void SavePotential(ElectrostaticProfile potential, ProfileResult profile, IReadOnlyList<double> planes, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentNullException.ThrowIfNull(profile);
        var plot = Chart.Create(
            title ?? "Electrostatic potential along the boundary normal", $"position along {"abc"[profile.Options.NormalAxis]} (Å)", "potential φ (V)");
        double[] x = profile.SlabCentresAngstrom.ToArray();
        var planar = plot.Add.ScatterLine(x, potential.Potential.ToArray());
        planar.LegendText = "planar average";
        planar.LineWidth = 1;
        if (potential.MacroscopicPotential is { } macro)
        {
            var line = plot.Add.ScatterLine(x, macro.ToArray());
            line.LegendText = FormattableString.Invariant($"macroscopic average ({potential.WindowAngstrom:G3} Å window)");
            line.LineWidth = 3;
        }

        for (int i = 0; i < planes.Count; i++)
        {
            var v = plot.Add.VerticalLine(planes[i] * profile.MeanWidth);
            v.LinePattern = ScottPlot.LinePattern.Dashed;
            v.Color = ScottPlot.Colors.Black;
            v.LegendText = i == 0 ? "boundary planes" : string.Empty;
        }

        plot.ShowLegend(ScottPlot.Edge.Right);
        Chart.Save(plot, path, 1200, 560);
    }
}
