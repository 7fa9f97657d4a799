using System.Globalization;
using System.Text.Json;
using GbAtomistics.Analysis.Transport.Arrhenius;
using GbAtomistics.Core;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines;

/// <summary>
/// The <c>arrhenius</c> step: reads runs at several temperatures and fits them (see <see cref="ArrheniusFit"/>).
/// Inputs are any mix of: <c>conductivity.json</c> files written by <c>gbat conductivity</c> (one point each, the entry
/// chosen by kind, region and direction); CSV tables with a header and columns temperature (K), value, error (σ in
/// S/cm or D in Å²/ps); JSON arrays of objects with <c>temperature_K</c>, <c>value</c> and <c>error</c>.
/// Writes <c>arrhenius.json</c>, <c>arrhenius.csv</c> (the points) and <c>arrhenius.png</c>.
/// </summary>
public static class ArrheniusStep
{
    public static IReadOnlyList<ArrheniusPoint> Load(IReadOnlyList<string> paths, string kind = "tracer", string region = "all", string direction = "total")
    {
        var points = new List<ArrheniusPoint>();
        foreach (string path in paths)
        {
            if (!File.Exists(path))
            {
                throw new InputException($"{path}: no such file");
            }

            string text = File.ReadAllText(path);
            if (text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('['))
            {
                points.AddRange(FromJson(path, text, kind, region, direction));
            }
            else
            {
                points.AddRange(FromCsv(path, text));
            }
        }

        return points;
    }

    private static IEnumerable<ArrheniusPoint> FromJson(string path, string text, string kind, string region, string direction)
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
                    yield return new ArrheniusPoint(
                        Number(row, "temperature_K", path), Number(row, "value", path), Number(row, "error", path), $"{path}[{i++}]");
                }

                yield break;
            }

            double t = Number(root, "temperature_K", path);
            if (!root.TryGetProperty("entries", out JsonElement entries))
            {
                throw new InputException($"{path}: expected a conductivity.json from 'gbat conductivity' (no \"entries\")");
            }

            foreach (JsonElement e in entries.EnumerateArray())
            {
                if (e.GetProperty("kind").GetString() == kind && e.GetProperty("region").GetString() == region && e.GetProperty("direction").GetString() == direction)
                {
                    yield return new ArrheniusPoint(t, Number(e, "sigma_S_per_cm", path), Number(e, "sigma_error_S_per_cm", path), path);
                    yield break;
                }
            }

            throw new InputException($"{path}: no {kind} conductivity for region {region}, direction {direction}");
        }
    }

    private static double Number(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble()
            : throw new InputException($"{path}: expected a number \"{name}\"");

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

    public static object Write(ArrheniusFit fit, OutputFolder output, double extrapolateTo = 300)
    {
        var (v300, e300) = fit.At(extrapolateTo);
        bool sigma = fit.Quantity == ArrheniusQuantity.Conductivity;
        var csv = new System.Text.StringBuilder(sigma ? "temperature_K,sigma_S_per_cm,error_S_per_cm,inverse_T_1000_per_K,ln_sigmaT\n" : "temperature_K,D_A2_per_ps,error_A2_per_ps,inverse_T_1000_per_K,ln_D\n");
        foreach (ArrheniusPoint p in fit.Points.OrderBy(p => p.Temperature))
        {
            csv.Append(FormattableString.Invariant($"{p.Temperature:G9},{p.Value:G9},{p.Error:G9},{1000 / p.Temperature:G9},{fit.Y(p):G9}\n"));
        }

        output.WriteText("arrhenius.csv", csv.ToString());
        output.WritePlot("arrhenius.png", path => ArrheniusPlot.Save(fit, path));
        object summary = new
        {
            analysis = "arrhenius",
            quantity = sigma ? "conductivity: ln(sigma T) = ln A - Ea/(kB T)" : "diffusion: ln D = ln D0 - Ea/(kB T)",
            points = fit.Points.Select(p => new { temperature_K = p.Temperature, value = p.Value, error = p.Error, source = p.Label }),
            activation_energy_eV = fit.ActivationEnergy,
            activation_energy_error_eV = fit.ActivationEnergyError,
            ln_prefactor = fit.LnPrefactor,
            ln_prefactor_error = fit.LnPrefactorError,
            prefactor = fit.Prefactor,
            prefactor_unit = sigma ? "S·K/cm" : "Å²/ps",
            reduced_chi_square = double.IsNaN(fit.ReducedChiSquare) ? (double?)null : fit.ReducedChiSquare,
            extrapolated = new { temperature_K = extrapolateTo, value = v300, error = e300, unit = sigma ? "S/cm" : "Å²/ps" },
            weighting = "weights 1/var(ln value) = (value/error)^2; errors from the weights (not rescaled by chi-square)",
        };
        output.WriteText("arrhenius.json", JsonSerializer.Serialize(summary, Json.Options));
        return summary;
    }
}
