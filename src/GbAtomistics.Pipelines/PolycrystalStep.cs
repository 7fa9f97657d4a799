using System.Globalization;
using System.Text;
using System.Text.Json;
using GbAtomistics.Analysis.Transport.Polycrystal;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines;

/// <summary>
/// The <c>polycrystal</c> step: σ_poly(d) of the brick-layer model over grain sizes (nm), written as
/// <c>polycrystal.csv</c>, <c>polycrystal.json</c> and <c>polycrystal.png</c> (σ_poly/σ_bulk against d, log axis).
/// </summary>
public static class PolycrystalStep
{
    public static object Write(BrickLayerModel model, double dMinNm, double dMaxNm, OutputFolder output, int points = 200)
    {
        var (sizes, sigma) = model.Curve(dMinNm, dMaxNm, points);
        var csv = new StringBuilder("grain_size_nm,sigma_poly_S_per_cm,sigma_poly_over_bulk\n");
        for (int i = 0; i < sizes.Length; i++)
        {
            csv.Append(string.Create(CultureInfo.InvariantCulture, $"{sizes[i]:G9},{sigma[i]:G9},{sigma[i] / model.SigmaBulk:G9}\n"));
        }

        output.WriteText("polycrystal.csv", csv.ToString());
        output.WritePlot("polycrystal.png", path => PolycrystalPlot.Save(model, sizes, sigma, "nm", path));
        int half = Array.FindIndex(sigma, s => Math.Abs((s / model.SigmaBulk) - 1) < 0.5);
        object summary = new
        {
            analysis = "polycrystal",
            model = "brick layer: sigma_poly = (d/L)^2 L/(d/sigma_bulk + delta/sigma_gb_perp) + (1 - (d/L)^2) sigma_gb_par, L = d + delta",
            sources = "van Dijk & Burggraaf, Phys. Status Solidi A 63, 229 (1981); Näfe, Solid State Ionics 13, 255 (1984); Haile, West & Campbell, J. Mater. Res. 13, 1576 (1998); applied to Li3OCl by Dawson et al., J. Am. Chem. Soc. 140, 362 (2018)",
            sigma_bulk_S_per_cm = model.SigmaBulk,
            sigma_gb_parallel_S_per_cm = model.SigmaGbParallel,
            sigma_gb_perpendicular_S_per_cm = model.SigmaGbPerpendicular,
            width_nm = model.Width,
            grain_sizes_nm = new[] { dMinNm, dMaxNm },
            smallest_size_within_50_percent_of_bulk_nm = half >= 0 ? sizes[half] : (double?)null,
            at = new[] { 10.0, 100.0, 1000.0 }.Where(d => d >= dMinNm && d <= dMaxNm)
                .Select(d => new { grain_size_nm = d, sigma_S_per_cm = model.Conductivity(d), ratio_to_bulk = model.Conductivity(d) / model.SigmaBulk }),
        };
        output.WriteText("polycrystal.json", JsonSerializer.Serialize(summary, Json.Options));
        return summary;
    }
}
