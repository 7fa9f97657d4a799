using System.Globalization;
using System.Text.Json;
using GbAtomistics.Analysis.Transport.Arrhenius;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>arrhenius</c> step: reads runs at several temperatures and fits them (see <see cref="ArrheniusFit"/>).
/// Inputs are any mix of: <c>conductivity.json</c> files written by <c>gbat conductivity</c> (one point each, the entry
/// chosen by kind, region and direction; σ for <see cref="ArrheniusQuantity.Conductivity"/>, D for
/// <see cref="ArrheniusQuantity.Diffusion"/>); CSV tables with a header and columns temperature (K), value, error (σ in
/// S/cm or D in Å²/ps); JSON arrays of objects with <c>temperature_K</c>, <c>value</c> and <c>error</c>.
/// An entry with <c>"measurable": false</c>, or whose value or error is null (gbat writes null for an undefined
/// number), is left out with a note; the fit refuses when fewer than two temperatures remain.
/// Writes <c>arrhenius.json</c>, <c>arrhenius.csv</c> (the points) and <c>arrhenius.png</c>.
/// </summary>
public static class ArrheniusStep
{
    public static ArrheniusInputs Load(
        IReadOnlyList<string> paths, string kind = "tracer", string region = "all", string direction = "total", ArrheniusQuantity quantity = ArrheniusQuantity.Conductivity)
    {
        var points = new List<ArrheniusPoint>();
        var leftOut = new List<string>();
        foreach (string path in paths)
        {
            if (!File.Exists(path))
            {
                throw new InputException($"{path}: no such file");
            }

            string text = File.ReadAllText(path);
            if (text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('['))
            {
                FromJson(path, text, kind, region, direction, quantity, points, leftOut);
            }
            else
            {
                points.AddRange(FromCsv(path, text));
            }
        }

        return new ArrheniusInputs(points, leftOut);
    }

    private static void FromJson(
        string path, string text, string kind, string region, string direction, ArrheniusQuantity quantity, List<ArrheniusPoint> points, List<string> leftOut)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}:{e.LineNumber + 1}: expected JSON, {e.Message}");
        }

        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (JsonElement row in root.EnumerateArray())
                {
                    string label = $"{path}[{i++}]";
                    double t = Number(row, "temperature_K", path);
                    if (Usable(row, "value", "error", path, label, leftOut) is { } ve)
                    {
                        points.Add(new ArrheniusPoint(t, ve.Value, ve.Error, label));
                    }
                }

                return;
            }

            if (root.TryGetProperty("analysis", out JsonElement analysis) && analysis.ValueKind == JsonValueKind.String && analysis.GetString() == "msd")
            {
                throw new InputException($"{path}: an msd.json carries no temperature; give the conductivity.json of the same run (it holds D and T), or a table of temperature_K,value,error");
            }

            if (!root.TryGetProperty("entries", out JsonElement entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new InputException($"{path}: expected a conductivity.json from 'gbat conductivity' (no \"entries\")");
            }

            double temperature = Number(root, "temperature_K", path);
            foreach (JsonElement e in entries.EnumerateArray())
            {
                if (Text(e, "kind") == kind && Text(e, "region") == region && Text(e, "direction") == direction)
                {
                    string label = FormattableString.Invariant($"{path} ({kind} {region} {direction}, {temperature:G4} K)");
                    if (e.TryGetProperty("measurable", out JsonElement m) && m.ValueKind == JsonValueKind.False)
                    {
                        string bound = e.TryGetProperty("sigma_upper_S_per_cm", out JsonElement u) && u.ValueKind == JsonValueKind.Number
                            ? FormattableString.Invariant($"; one-sided 95 % upper bound σ < {u.GetDouble():G3} S/cm")
                            : string.Empty;
                        leftOut.Add($"{label}: not measurable{bound}");
                        return;
                    }

                    var (value, error) = quantity == ArrheniusQuantity.Conductivity
                        ? ("sigma_S_per_cm", "sigma_error_S_per_cm")
                        : ("D_A2_per_ps", "D_error_A2_per_ps");
                    if (Usable(e, value, error, path, label, leftOut) is { } ve)
                    {
                        points.Add(new ArrheniusPoint(temperature, ve.Value, ve.Error, path));
                    }

                    return;
                }
            }

            throw new InputException($"{path}: no {kind} conductivity for region {region}, direction {direction}");
        }
    }

    /// <summary>The value and error of <paramref name="row"/>, or null (with a note in <paramref name="leftOut"/>) when either is null or not positive.</summary>
    private static (double Value, double Error)? Usable(JsonElement row, string valueName, string errorName, string path, string label, List<string> leftOut)
    {
        double? value = NullableNumber(row, valueName, path);
        double? error = NullableNumber(row, errorName, path);
        if (value is null || error is null)
        {
            leftOut.Add($"{label}: {(value is null ? valueName : errorName)} is null (undefined)");
            return null;
        }

        if (!(value > 0))
        {
            leftOut.Add(FormattableString.Invariant($"{label}: {valueName} = {value:G3} is not positive (no measurable transport)"));
            return null;
        }

        return (value.Value, error.Value);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double Number(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble()
            : throw new InputException($"{path}: expected a number \"{name}\"");

    /// <summary>A number, or null when the property is JSON null (or an old named literal such as "NaN").</summary>
    private static double? NullableNumber(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out JsonElement v))
        {
            throw new InputException($"{path}: expected a number or null \"{name}\"");
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.Null => null,
            JsonValueKind.String when v.GetString() is "NaN" or "Infinity" or "-Infinity" => null,
            _ => throw new InputException($"{path}: expected a number or null \"{name}\", found {v.ValueKind.ToString().ToLowerInvariant()}"),
        };
    }

    private static IEnumerable<ArrheniusPoint> FromCsv(string path, string text)
    {
        string[] lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] cells = line.Split(',', StringSplitOptions.TrimEntries);
            var values = new double[3];
            for (int c = 0; c < 3; c++)
            {
                if (cells.Length < 3 || !double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out values[c]))
                {
                    throw new InputException($"{path}:{i + 1}: expected temperature_K,value,error, found '{line}'");
                }
            }

            yield return new ArrheniusPoint(values[0], values[1], values[2], $"{path}:{i + 1}");
        }
    }

    public static object Write(ArrheniusFit fit, OutputFolder output, double extrapolateTo = 300, string? label = null)
    {
        ArrheniusValue at = fit.At(extrapolateTo);
        var (eaLow, eaHigh) = fit.ActivationEnergyInterval();
        bool sigma = fit.Quantity == ArrheniusQuantity.Conductivity;
        var csv = new System.Text.StringBuilder(sigma ? "temperature_K,sigma_S_per_cm,error_S_per_cm,inverse_T_1000_per_K,ln_sigmaT\n" : "temperature_K,D_A2_per_ps,error_A2_per_ps,inverse_T_1000_per_K,ln_D\n");
        foreach (ArrheniusPoint p in fit.Points.OrderBy(p => p.Temperature))
        {
            csv.Append(string.Join(',', new[] { p.Temperature, p.Value, p.Error, 1000 / p.Temperature, fit.Y(p) }.Select(CsvNumber.Format))).Append('\n');
        }

        output.WriteTable("arrhenius.csv", csv.ToString(), "a value or error that was not finite in its input");
        output.WritePlot("arrhenius.png", path => ArrheniusPlot.Save(fit, path, extrapolateTo, label: label));
        object summary = new
        {
            analysis = "arrhenius",
            quantity = sigma ? "conductivity: ln(sigma T) = ln A - Ea/(kB T)" : "diffusion: ln D = ln D0 - Ea/(kB T)",
            points = fit.Points.Select(p => new { temperature_K = p.Temperature, value = p.Value, error = p.Error, source = p.Label }),
            left_out = fit.LeftOut,
            activation_energy_eV = fit.ActivationEnergy,
            activation_energy_error_eV = fit.ActivationEnergyError,
            activation_energy_interval_eV = new[] { eaLow, eaHigh },
            interval_level = ArrheniusFit.OneSigma,
            interval_quantile = fit.Quantile(),
            ln_prefactor = fit.LnPrefactor,
            ln_prefactor_error = fit.LnPrefactorError,
            prefactor = fit.Prefactor,
            prefactor_unit = PrefactorUnit(fit.Quantity),
            chi_square = fit.ChiSquare,
            degrees_of_freedom = fit.DegreesOfFreedom,
            reduced_chi_square = fit.ReducedChiSquare,
            p_value = fit.PValue,
            inconsistent_with_single_arrhenius_law = fit.Inconsistent,
            error_basis = fit.ErrorBasis.ToString(),
            error_scale = fit.ErrorScale,
            extrapolated = new
            {
                temperature_K = at.Temperature,
                value = at.Value,
                lower = at.Lower,
                upper = at.Upper,
                interval = "log-normal: exp(ln value ± q·sd), sd from the full covariance of ln A and slope",
                ln_value_error = at.LogError,
                extrapolated = at.Extrapolated,
                outside_factor = at.OutsideFactor,
                outside_factor_definition = "distance of 1/T beyond the nearest fitted 1/T, in widths of the fitted 1/T range (0 inside the data)",
                unit = sigma ? "S/cm" : "Å²/ps",
            },
            weighting = "weights 1/var(ln value) = (value/error)^2",
            error_rule = fit.ErrorRule,
        };
        output.WriteText("arrhenius.json", JsonSerializer.Serialize(summary, Json.Options));
        return summary;
    }

    /// <summary>The fit in a few lines for the terminal: E_a with its interval, consistency, the extrapolated value, inputs left out.</summary>
    /// <summary>The unit of the prefactor A: S·K/cm for σ (the fit is of ln σT), Å²/ps for D.</summary>
    public static string PrefactorUnit(ArrheniusQuantity quantity) => quantity == ArrheniusQuantity.Conductivity ? "S·K/cm" : "Å²/ps";

    public static IReadOnlyList<string> Describe(ArrheniusFit fit, double extrapolateTo)
    {
        string unit = fit.Quantity == ArrheniusQuantity.Conductivity ? "S/cm" : "Å²/ps";
        string symbol = fit.Quantity == ArrheniusQuantity.Conductivity ? "σ" : "D";
        string left = fit.LeftOut.Count > 0 ? $" ({fit.LeftOut.Count} left out)" : string.Empty;
        return
        [
            FormattableString.Invariant($"arrhenius: {fit.Points.Count} runs{left}, Ea = {ArrheniusText.ActivationEnergy(fit)}, A = {fit.Prefactor:G3} {PrefactorUnit(fit.Quantity)} (ln A = {fit.LnPrefactor:F2} ± {fit.LnPrefactorError:F2} with A in {PrefactorUnit(fit.Quantity)})"),
            $"  {ArrheniusText.Consistency(fit)}",
            FormattableString.Invariant($"  {symbol}({extrapolateTo:G4} K) = {ArrheniusText.Value(fit.At(extrapolateTo), unit)}"),
        ];
    }
}
