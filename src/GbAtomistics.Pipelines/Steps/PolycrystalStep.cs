using System.Globalization;
using System.Text;
using System.Text.Json;
using GbAtomistics.Analysis.Transport.Polycrystal;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>polycrystal</c> step: σ_poly(d) of the brick-layer model over grain sizes (nm) with its 68 % interval from
/// the inputs' intervals, written as <c>polycrystal.csv</c>, <c>polycrystal.json</c> and <c>polycrystal.png</c>
/// (σ_poly against d, log–log). Inputs are numbers (with optional errors) or the <c>arrhenius.json</c> of
/// <c>gbat arrhenius</c> (its value at the extrapolation temperature, interval and flags).
/// </summary>
public static class PolycrystalStep
{
    /// <summary>Grain sizes (nm) at which the summary and the report tabulate σ_poly.</summary>
    public static readonly double[] TabulatedSizes = [10.0, 100.0, 1000.0, 10000.0];

    /// <summary>
    /// One model input from the command line: a number in S/cm (with <paramref name="error"/>, S/cm, when given) or
    /// the path of an <c>arrhenius.json</c>.
    /// </summary>
    public static BrickLayerInput ReadInput(string name, string text, double? error)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return BrickLayerInput.Given(name, value, error);
        }

        if (!File.Exists(text))
        {
            throw new InputException($"{name} {text}: expected a conductivity in S/cm or the path of an arrhenius.json");
        }

        if (error is not null)
        {
            throw new InputException($"{name}: the error of a value from {text} comes from its fit; leave out {name}-error");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(text));
        }
        catch (JsonException e)
        {
            throw new InputException($"{text}:{e.LineNumber + 1}: expected JSON, {e.Message}");
        }

        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("extrapolated", out JsonElement x) || x.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{name} {text}: expected an arrhenius.json from 'gbat arrhenius' (no \"extrapolated\")");
            }

            if (root.TryGetProperty("quantity", out JsonElement q) && q.GetString() is { } quantity && !quantity.StartsWith("conductivity", StringComparison.Ordinal))
            {
                throw new InputException($"{name} {text}: the fit is of D; the polycrystal model needs a conductivity fit");
            }

            double? Get(JsonElement e, string key) => e.TryGetProperty(key, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            double t = Get(x, "temperature_K") ?? double.NaN;
            double v = Get(x, "value") ?? throw new InputException($"{name} {text}: the extrapolated value is null (not measurable)");
            double lower = Get(x, "lower") ?? throw new InputException($"{name} {text}: the interval of the extrapolated value is null");
            double upper = Get(x, "upper") ?? throw new InputException($"{name} {text}: the interval of the extrapolated value is null");
            double logError = Get(x, "ln_value_error") ?? double.NaN;
            double factor = Get(x, "outside_factor") ?? 0;
            var caveats = new List<string>();
            if (factor > 0)
            {
                caveats.Add(string.Create(CultureInfo.InvariantCulture, $"extrapolated ×{factor:G2} beyond the data (in widths of the fitted 1/T range)"));
            }

            if (root.TryGetProperty("inconsistent_with_single_arrhenius_law", out JsonElement bad) && bad.ValueKind == JsonValueKind.True)
            {
                double? p = Get(root, "p_value");
                caveats.Add(string.Create(CultureInfo.InvariantCulture, $"fit inconsistent (χ²/dof = {Get(root, "reduced_chi_square"):G3}, p {(p > 0 ? $"= {p:G2}" : "< 1e-300")})"));
            }

            return new BrickLayerInput(name, v, v * logError, lower, upper, string.Create(CultureInfo.InvariantCulture, $"{text} at {t:G4} K"),
                caveats.Count > 0 ? string.Join("; ", caveats) : null);
        }
    }

    /// <summary>An input in words: value with its 68 % interval (or "no error given"), source and caveat.</summary>
    public static string Describe(BrickLayerInput i)
    {
        string interval = i.HasError
            ? string.Create(CultureInfo.InvariantCulture, $"{i.Value:G3} S/cm, 68 % [{i.Lower:G3}, {i.Upper:G3}]")
            : string.Create(CultureInfo.InvariantCulture, $"{i.Value:G4} S/cm (no error given)");
        return $"{interval}: {i.Source}{(i.Caveat is null ? string.Empty : $"; caution: {i.Caveat}")}";
    }

    public static object Write(BrickLayerModel model, double dMinNm, double dMaxNm, OutputFolder output, int points = 200)
    {
        var (sizes, sigma) = model.Curve(dMinNm, dMaxNm, points);
        var (lower, upper) = model.Band(sizes);
        var csv = new StringBuilder("grain_size_nm,sigma_poly_S_per_cm,sigma_poly_over_bulk,sigma_poly_lower_S_per_cm,sigma_poly_upper_S_per_cm\n");
        for (int i = 0; i < sizes.Length; i++)
        {
            csv.Append(string.Join(',', new[] { sizes[i], sigma[i], sigma[i] / model.SigmaBulk, lower[i], upper[i] }.Select(CsvNumber.Format))).Append('\n');
        }

        output.WriteTable("polycrystal.csv", csv.ToString(), "an error band that could not be propagated (an input without an error)");
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
            inputs = model.Inputs.Select(i => new
            {
                name = i.Name,
                value_S_per_cm = i.Value,
                error_S_per_cm = i.HasError ? i.Error : (double?)null,
                interval_S_per_cm = new[] { i.Lower, i.Upper },
                source = i.Source,
                caveat = i.Caveat,
            }),
            flagged = model.Flagged,
            caveats = model.Caveats,
            uncertainty = "68 % intervals: the model at the inputs' interval ends (sigma_poly rises with each input; errors treated as fully correlated); an input not more than twice its error is refused",
            width_nm = model.Width,
            grain_sizes_nm = new[] { dMinNm, dMaxNm },
            smallest_size_within_50_percent_of_bulk_nm = half >= 0 ? sizes[half] : (double?)null,
            at = TabulatedSizes.Where(d => d >= dMinNm && d <= dMaxNm).Select(d => new
            {
                grain_size_nm = d,
                sigma_S_per_cm = model.Conductivity(d),
                sigma_interval_S_per_cm = new[] { model.ConductivityInterval(d).Lower, model.ConductivityInterval(d).Upper },
                ratio_to_bulk = model.Ratio(d),
                ratio_interval = new[] { model.RatioInterval(d).Lower, model.RatioInterval(d).Upper },
            }),
        };
        output.WriteText("polycrystal.json", JsonSerializer.Serialize(summary, Json.Options));
        return summary;
    }
}
