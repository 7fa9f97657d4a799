using GbAtomistics.Analysis.Profiles;
using GbAtomistics.Core;

namespace GbAtomistics.Plotting;

/// <summary>
/// Figures of <see cref="ProfileResult"/> along the boundary normal (Å): number density, composition and the
/// electrostatic potential, each with the GB slabs and boundary planes drawn when they are known.
/// </summary>
public static class ProfilePlot
{
    /// <summary>Number density (atoms/Å³) of each species and in total against the slab position (Å).</summary>
    public static void SaveDensity(ProfileResult result, string path, string? title = null, SlabRegion? region = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = Chart.Create(
            title ?? "Number density along the boundary normal", $"position along {"abc"[result.Options.NormalAxis]} (Å)", "number density (atoms/Å³)");
        Chart.Boundaries(plot, region, result.MeanWidth);
        double[] x = result.SlabCentresAngstrom.ToArray();
        for (int s = 0; s < result.Species.Count; s++)
        {
            var line = plot.Add.ScatterLine(x, result.Density(s).ToArray());
            Chart.Style(line, s, s);
            line.LegendText = result.Species[s];
        }

        var total = plot.Add.ScatterLine(x, result.TotalDensity().ToArray());
        Chart.Style(total, 6, 0);
        total.LineWidth = 1;
        total.LegendText = "total";
        Chart.AlongNormal(plot, result.MeanWidth);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }

    /// <summary>
    /// Composition (fraction of each species) against the slab position (Å); slabs holding fewer than a quarter of the
    /// median atoms per frame are left out of the lines (the CSV keeps them).
    /// </summary>
    public static void SaveComposition(ProfileResult result, string path, string? title = null, SlabRegion? region = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = Chart.Create(
            title ?? "Composition along the boundary normal", $"position along {"abc"[result.Options.NormalAxis]} (Å)", "fraction of atoms");
        Chart.Boundaries(plot, region, result.MeanWidth);
        double[] x = result.SlabCentresAngstrom.ToArray();
        bool[] masked = Chart.NearlyEmpty(result.TotalDensity());
        for (int s = 0; s < result.Species.Count; s++)
        {
            Chart.Pieces(plot, x, result.Composition(s), masked, s, s, result.Species[s]);
        }

        Chart.AlongNormal(plot, result.MeanWidth);
        Chart.Legend(plot);
        Chart.Save(plot, path);
    }

    /// <summary>
    /// The electrostatic potential along the normal (V): planar average, macroscopic average when computed, and the
    /// GB slabs and boundary planes of <paramref name="region"/> when known.
    /// </summary>
    public static void SavePotential(ElectrostaticProfile potential, ProfileResult profile, SlabRegion? region, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentNullException.ThrowIfNull(profile);
        var plot = Chart.Create(
            title ?? "Electrostatic potential along the boundary normal", $"position along {"abc"[profile.Options.NormalAxis]} (Å)", "potential φ (V)");
        Chart.Boundaries(plot, region, profile.MeanWidth);
        double[] x = profile.SlabCentresAngstrom.ToArray();
        var planar = plot.Add.ScatterLine(x, potential.Potential.ToArray());
        Chart.Style(planar, 0, 0);
        planar.LineWidth = 1;
        planar.LegendText = "planar average";
        if (potential.MacroscopicPotential is { } macro)
        {
            var line = plot.Add.ScatterLine(x, macro.ToArray());
            Chart.Style(line, 1, 0);
            line.LineWidth = 3;
            line.LegendText = FormattableString.Invariant($"macroscopic average ({potential.WindowAngstrom:G3} Å window)");
        }

        Chart.AlongNormal(plot, profile.MeanWidth);
        Chart.Legend(plot);
        Chart.Save(plot, path, 1200, 560);
    }
}
