using System.Text.Json;
using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Regions;

/// <summary>
/// Where the grain-boundary slabs of a run come from, and reading the <c>NAME.gb.json</c> metadata a CSL build writes
/// beside its structure (<see cref="BicrystalMetadata"/>). Property names are matched ignoring case, <c>_</c> and
/// <c>-</c>, so camelCase, PascalCase and snake_case files all read; the normal axis may be 0/1/2 or x/y/z (a/b/c).
/// </summary>
public static class RegionSource
{
    /// <summary>The metadata file name for a structure: <c>dir/NAME.gb.json</c> for <c>dir/NAME.ext[.gz]</c>.</summary>
    public static string MetadataPathFor(string structurePath)
    {
        string name = Path.GetFileName(structurePath);
        foreach (string compressed in (string[])[".gz", ".bz2"])
        {
            if (name.EndsWith(compressed, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^compressed.Length];
            }
        }

        string stem = Path.GetFileNameWithoutExtension(name);
        return Path.Combine(Path.GetDirectoryName(structurePath) ?? "", stem + ".gb.json");
    }

    /// <summary>
    /// The metadata file beside <paramref name="structurePath"/>, or null when there is none: <c>NAME.gb.json</c> for
    /// <c>NAME.ext</c> (the builder writes <c>NAME.data</c>, <c>NAME.vasp</c> and <c>NAME.gb.json</c> together), else,
    /// for a run folder such as <c>testdata/example/*</c> (<c>dump.lammpstrj.gz</c> beside <c>structure.data</c> and
    /// <c>structure.gb.json</c>), the one <c>*.gb.json</c> in the folder whose <c>structure</c> names a file in that
    /// folder. Several such files are an error that asks for <c>--boundaries</c>.
    /// </summary>
    public static string? FindBeside(string structurePath)
    {
        string path = MetadataPathFor(structurePath);
        if (File.Exists(path))
        {
            return path;
        }

        string dir = Path.GetDirectoryName(Path.GetFullPath(structurePath))!;
        if (!Directory.Exists(dir))
        {
            return null;
        }

        var matches = new List<string>();
        foreach (string candidate in Directory.EnumerateFiles(dir, "*.gb.json").Order(StringComparer.Ordinal))
        {
            string structure;
            try
            {
                structure = ReadMetadata(candidate).Structure;
            }
            catch (InputException)
            {
                continue; // not bicrystal metadata
            }

            if (structure.Length > 0 && Path.GetFileName(structure) == structure && File.Exists(Path.Combine(dir, structure)))
            {
                matches.Add(candidate);
            }
        }

        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new InputException(
                $"{structurePath}: several boundary metadata files beside it ({string.Join(", ", matches.Select(Path.GetFileName))}); " +
                "choose one with --boundaries FILE.gb.json (or --boundaries none)"),
        };
    }

    /// <summary>Reads bicrystal metadata; a missing file or a missing/invalid required property is an <see cref="InputException"/>.</summary>
    public static BicrystalMetadata ReadMetadata(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such metadata file (expected NAME.gb.json written by a CSL build)");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}:{(e.LineNumber ?? 0) + 1}: expected JSON bicrystal metadata, found invalid JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{path}: expected a JSON object of bicrystal metadata, found {document.RootElement.ValueKind}");
            }

            var properties = new Dictionary<string, JsonElement>();
            foreach (JsonProperty p in document.RootElement.EnumerateObject())
            {
                properties[Normalise(p.Name)] = p.Value.Clone();
            }

            double[] planes = Numbers(path, properties, "planes") ?? throw Missing(path, "planes", "fractional plane positions such as [0.25, 0.75]");
            if (planes.Length == 0 || planes.Any(p => !double.IsFinite(p)))
            {
                throw new InputException($"{path}: expected 'planes' to hold at least one finite fractional position");
            }

            int normal = NormalAxis(path, properties);
            // gbat build csl writes suggested_half_width_angstrom; the shorter name is accepted too.
            double halfWidth = Number(path, properties, "suggestedhalfwidthangstrom")
                ?? Number(path, properties, "suggestedhalfwidth") ?? double.NaN;
            return new BicrystalMetadata(
                (int)(Number(path, properties, "sigma") ?? 0),
                Integers(path, properties, "axis"),
                Number(path, properties, "angledegrees") ?? double.NaN,
                Integers(path, properties, "planeupper"),
                Integers(path, properties, "planelower"),
                normal,
                planes,
                halfWidth,
                !properties.TryGetValue("periodic", out JsonElement periodic) || periodic.ValueKind != JsonValueKind.False,
                properties.TryGetValue("species", out JsonElement species) && species.ValueKind == JsonValueKind.Array
                    ? species.EnumerateArray().Select(e => e.ToString()).ToArray()
                    : [],
                Integers(path, properties, "atomspergrain"),
                Integers(path, properties, "grainofatom"),
                properties.TryGetValue("structure", out JsonElement structure) ? structure.ToString() : "");
        }
    }

    /// <summary>The slabs of a metadata file; <paramref name="halfWidth"/> overrides the suggested half-width.</summary>
    public static SlabRegion RegionFromMetadata(BicrystalMetadata metadata, string path, double? halfWidth)
    {
        double width = halfWidth ?? metadata.SuggestedHalfWidth;
        if (!(width > 0) || !double.IsFinite(width))
        {
            throw new InputException($"{path}: no usable 'suggestedHalfWidth'; give --half-width");
        }

        return metadata.Region(width);
    }

    private static string Normalise(string name) => name.Replace("_", "").Replace("-", "").ToLowerInvariant();

    private static InputException Missing(string path, string name, string what) =>
        new($"{path}: expected property '{name}' ({what}), found none");

    private static int NormalAxis(string path, Dictionary<string, JsonElement> properties)
    {
        if (!properties.TryGetValue("normalaxis", out JsonElement e) && !properties.TryGetValue("normal", out e))
        {
            throw Missing(path, "normalAxis", "the cell vector the planes cut: 0, 1, 2 or x, y, z");
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int axis) && axis is >= 0 and <= 2)
        {
            return axis;
        }

        if (e.ValueKind == JsonValueKind.String)
        {
            return RegionSpec.ParseNormal(e.GetString()!);
        }

        throw new InputException($"{path}: expected 'normalAxis' to be 0, 1, 2 or x, y, z, found {e}");
    }

    private static double? Number(string path, Dictionary<string, JsonElement> properties, string key)
    {
        if (!properties.TryGetValue(key, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return e.ValueKind == JsonValueKind.Number
            ? e.GetDouble()
            : throw new InputException($"{path}: expected '{key}' to be a number, found {e.ValueKind}");
    }

    private static double[]? Numbers(string path, Dictionary<string, JsonElement> properties, string key)
    {
        if (!properties.TryGetValue(key, out JsonElement e))
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number))
        {
            throw new InputException($"{path}: expected '{key}' to be an array of numbers, found {e}");
        }

        return e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
    }

    private static int[] Integers(string path, Dictionary<string, JsonElement> properties, string key) =>
        properties.TryGetValue(key, out JsonElement e) && e.ValueKind == JsonValueKind.Array &&
        e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number && x.TryGetInt32(out _))
            ? e.EnumerateArray().Select(x => x.GetInt32()).ToArray()
            : [];
}
