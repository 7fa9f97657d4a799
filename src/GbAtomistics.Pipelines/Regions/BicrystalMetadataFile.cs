using System.Globalization;
using System.Text;
using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Regions;

/// <summary>
/// Reads and writes <see cref="BicrystalMetadata"/> as the JSON file <c>NAME.gb.json</c> written beside a built
/// structure. Keys are the record's fields in snake case: <c>sigma</c>, <c>axis</c> [u, v, w], <c>angle_degrees</c>,
/// <c>plane_upper</c>, <c>plane_lower</c> [h, k, l], <c>normal_axis</c> (0 = a/x, 1 = b/y, 2 = c/z), <c>planes</c>
/// (fractional positions along the normal), <c>suggested_half_width_angstrom</c>, <c>periodic</c>, <c>species</c>
/// (element of each type, in type order), <c>atoms_per_grain</c>, <c>grain_of_atom</c> (1 or 2 for each atom in id
/// order) and <c>structure</c> (file name of the structure, relative to the JSON file). Unknown keys are ignored.
/// </summary>
public static class BicrystalMetadataFile
{
    private static readonly JsonSerializerOptions Compact = new(Json.Options) { WriteIndented = false };

    /// <summary>The metadata file name for a structure file: <c>gb.data</c> → <c>gb.gb.json</c>.</summary>
    public static string PathFor(string structurePath)
    {
        string dir = Path.GetDirectoryName(structurePath) ?? string.Empty;
        return Path.Combine(dir, Path.GetFileNameWithoutExtension(structurePath) + ".gb.json");
    }

    /// <summary>The JSON text of <paramref name="metadata"/>, followed by the keys of <paramref name="extra"/> (which readers ignore).</summary>
    public static string ToJson(BicrystalMetadata metadata, IReadOnlyDictionary<string, object?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var content = new Dictionary<string, object?>
        {
            ["sigma"] = metadata.Sigma,
            ["axis"] = metadata.Axis,
            ["angle_degrees"] = metadata.AngleDegrees,
            ["plane_upper"] = metadata.PlaneUpper,
            ["plane_lower"] = metadata.PlaneLower,
            ["normal_axis"] = metadata.NormalAxis,
            ["planes"] = metadata.Planes,
            ["suggested_half_width_angstrom"] = metadata.SuggestedHalfWidth,
            ["periodic"] = metadata.Periodic,
            ["species"] = metadata.Species,
            ["atoms_per_grain"] = metadata.AtomsPerGrain,
            ["grain_of_atom"] = metadata.GrainOfAtom,
            ["structure"] = metadata.Structure,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            content.TryAdd(key, value);
        }

        // One key per line with its value on that line (lists inline), so a reader's error names the key's line.
        var text = new StringBuilder("{\n");
        int i = 0;
        foreach (var (key, value) in content)
        {
            text.Append("  \"").Append(key).Append("\": ").Append(JsonSerializer.Serialize(value, Compact));
            text.Append(++i < content.Count ? ",\n" : "\n");
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>Writes the metadata to <paramref name="path"/> (whole or not at all).</summary>
    public static void Write(string path, BicrystalMetadata metadata, bool overwrite = true, IEnumerable<string>? inputs = null)
    {
        using OutputFile file = OutputFile.Create(path, overwrite, inputs);
        file.Writer.Write(ToJson(metadata));
        file.Commit();
    }

    /// <summary>
    /// Reads a metadata file. Malformed JSON, a missing key or a value of the wrong kind is an
    /// <see cref="InputFormatException"/> with the line of the offending key (or of the JSON error).
    /// </summary>
    public static BicrystalMetadata Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the file ({e.Message})");
        }

        return Parse(bytes, path);
    }

    /// <summary>Parses metadata from JSON bytes; <paramref name="path"/> names the source in errors.</summary>
    public static BicrystalMetadata Parse(ReadOnlySpan<byte> json, string path)
    {
        var fields = new Dictionary<string, (JsonElement Value, long Line)>(StringComparer.Ordinal);
        long endLine = 1;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InputFormatException(path, LineOf(json, reader.TokenStartIndex), null,
                    $"expected a JSON object, found {Found(json, reader)}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                long line = LineOf(json, reader.TokenStartIndex);
                reader.Read();
                fields[name] = (JsonElement.ParseValue(ref reader), line);
            }

            endLine = LineOf(json, reader.TokenStartIndex);
        }
        catch (JsonException e)
        {
            throw new InputFormatException(path, (e.LineNumber ?? 0) + 1, null, $"expected valid JSON, found a syntax error ({FirstSentence(e.Message)})");
        }

        var parser = new FieldParser(fields, path, endLine);
        int sigma = parser.Int("sigma", min: 1);
        int[] axis = parser.Ints("axis", 3);
        double angle = parser.Number("angle_degrees");
        int[] upper = parser.Ints("plane_upper", 3);
        int[] lower = parser.Ints("plane_lower", 3);
        int normal = parser.Int("normal_axis", min: 0, max: 2);
        double[] planes = parser.Numbers("planes");
        double halfWidth = parser.Number("suggested_half_width_angstrom", positive: true);
        bool periodic = parser.Bool("periodic");
        string[] species = parser.Strings("species");
        int[] perGrain = parser.Ints("atoms_per_grain", 2);
        int[] grainOf = parser.Ints("grain_of_atom", null);
        string structure = parser.String("structure");
        if (planes.Length == 0)
        {
            parser.Fail("planes", "expected at least one plane position, found an empty list");
        }

        if (grainOf.Any(g => g is not (1 or 2)))
        {
            parser.Fail("grain_of_atom", $"expected grain labels 1 or 2, found {grainOf.First(g => g is not (1 or 2))}");
        }

        if (grainOf.Length != perGrain.Sum() || grainOf.Count(g => g == 1) != perGrain[0])
        {
            parser.Fail("grain_of_atom", string.Create(CultureInfo.InvariantCulture,
                $"expected {perGrain[0]} atoms of grain 1 and {perGrain[1]} of grain 2 (atoms_per_grain), found {grainOf.Count(g => g == 1)} and {grainOf.Count(g => g == 2)}"));
        }

        return new BicrystalMetadata(sigma, axis, angle, upper, lower, normal, planes, halfWidth, periodic, species, perGrain, grainOf, structure);
    }

    private static long LineOf(ReadOnlySpan<byte> json, long offset)
    {
        long line = 1;
        int end = (int)Math.Min(offset, json.Length);
        for (int i = 0; i < end; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }

    private static string Found(ReadOnlySpan<byte> json, Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.None ? "an empty file" : InputFormatException.Show(json.Slice((int)reader.TokenStartIndex, Math.Min(20, json.Length - (int)reader.TokenStartIndex)));

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(". ", StringComparison.Ordinal);
        return i < 0 ? message.TrimEnd('.') : message[..i];
    }

    private sealed class FieldParser(Dictionary<string, (JsonElement Value, long Line)> fields, string path, long endLine)
    {
        public void Fail(string key, string detail) =>
            throw new InputFormatException(path, fields.TryGetValue(key, out var f) ? f.Line : endLine, null, $"{key}: {detail}");

        private JsonElement Get(string key)
        {
            if (!fields.TryGetValue(key, out var f))
            {
                throw new InputFormatException(path, endLine, null, $"expected the key \"{key}\", found none");
            }

            return f.Value;
        }

        private static string Show(JsonElement e)
        {
            string raw = e.GetRawText();
            return raw.Length > 40 ? raw[..40] + "…" : raw;
        }

        public int Int(string key, int min = int.MinValue, int max = int.MaxValue)
        {
            JsonElement e = Get(key);
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int v) || v < min || v > max)
            {
                Fail(key, $"expected an integer{(min > int.MinValue ? $" from {min}" : string.Empty)}{(max < int.MaxValue ? $" to {max}" : string.Empty)}, found {Show(e)}");
            }

            return e.GetInt32();
        }

        public double Number(string key, bool positive = false)
        {
            JsonElement e = Get(key);
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double v) || !double.IsFinite(v) || (positive && !(v > 0)))
            {
                Fail(key, $"expected a {(positive ? "positive " : string.Empty)}number, found {Show(e)}");
            }

            return e.GetDouble();
        }

        public bool Bool(string key)
        {
            JsonElement e = Get(key);
            if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Fail(key, $"expected true or false, found {Show(e)}");
            }

            return e.GetBoolean();
        }

        public string String(string key)
        {
            JsonElement e = Get(key);
            if (e.ValueKind != JsonValueKind.String)
            {
                Fail(key, $"expected a string, found {Show(e)}");
            }

            return e.GetString()!;
        }

        private JsonElement Array(string key, int? count)
        {
            JsonElement e = Get(key);
            if (e.ValueKind != JsonValueKind.Array)
            {
                Fail(key, $"expected a list, found {Show(e)}");
            }

            if (count is { } n && e.GetArrayLength() != n)
            {
                Fail(key, $"expected {n} values, found {e.GetArrayLength()}");
            }

            return e;
        }

        public int[] Ints(string key, int? count)
        {
            JsonElement e = Array(key, count);
            var result = new int[e.GetArrayLength()];
            int i = 0;
            foreach (JsonElement item in e.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out result[i]))
                {
                    Fail(key, $"expected integers, found {Show(item)} at position {i + 1}");
                }

                i++;
            }

            return result;
        }

        public double[] Numbers(string key)
        {
            JsonElement e = Array(key, null);
            var result = new double[e.GetArrayLength()];
            int i = 0;
            foreach (JsonElement item in e.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out result[i]) || !double.IsFinite(result[i]))
                {
                    Fail(key, $"expected numbers, found {Show(item)} at position {i + 1}");
                }

                i++;
            }

            return result;
        }

        public string[] Strings(string key)
        {
            JsonElement e = Array(key, null);
            var result = new List<string>();
            foreach (JsonElement item in e.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    Fail(key, $"expected strings, found {Show(item)} at position {result.Count + 1}");
                }

                result.Add(item.GetString()!);
            }

            return result.ToArray();
        }
    }
}
