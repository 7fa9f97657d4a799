using YamlDotNet.RepresentationModel;

namespace GbAtomistics.Pipelines.Yaml;

/// <summary>
/// A YAML mapping of a pipeline file. <see cref="Check"/> rejects keys that are not in the schema, listing the valid
/// ones; the getters return null for absent keys. Keys are matched exactly (lower case with hyphens, as the CLI
/// options without their dashes).
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;

    internal YamlMap(string file, YamlMappingNode node, string path)
    {
        File = file;
        _node = node;
        Path = path;
        Self = new YamlValue(file, node, path);
    }

    public string File { get; }

    public string Path { get; }

    /// <summary>The mapping itself as a value (for errors located at the mapping).</summary>
    public YamlValue Self { get; }

    /// <summary>Keys in file order with their values.</summary>
    public IEnumerable<(YamlValue Key, YamlValue Value)> Entries => _node.Children.Select(kv =>
    {
        var key = new YamlValue(File, kv.Key, Child(KeyText(kv.Key)));
        return (key, new YamlValue(File, kv.Value, Child(KeyText(kv.Key))));
    });

    /// <summary>Refuses any key outside <paramref name="allowed"/>, listing the valid keys.</summary>
    public YamlMap Check(params string[] allowed)
    {
        foreach (var (key, _) in Entries)
        {
            string name = KeyText(key.Node);
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                string? near = allowed.FirstOrDefault(a => a.Equals(name, StringComparison.OrdinalIgnoreCase) ||
                    a.Replace("-", "", StringComparison.Ordinal).Equals(name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                throw key.Error($"unknown key '{name}'{(near is null ? "" : $" (did you mean '{near}'?)")}; valid keys here: {string.Join(", ", allowed)}");
            }
        }

        return this;
    }

    public bool Has(string key) => Find(key) is not null;

    /// <summary>The value of <paramref name="key"/>, or null when absent or written as null.</summary>
    public YamlValue? Get(string key)
    {
        YamlValue? v = Find(key);
        return v is null || v.IsNull ? null : v;
    }

    /// <summary>The value of a required key; its absence is an error at the mapping.</summary>
    public YamlValue Require(string key, string what) =>
        Get(key) ?? throw Self.Error($"expected key '{key}' ({what}), found none");

    public string? Text(string key) => Get(key)?.Text();

    public double? Number(string key) => Get(key)?.Number();

    public int? Integer(string key) => Get(key)?.Integer();

    public bool? Boolean(string key) => Get(key)?.Boolean();

    private YamlValue? Find(string key)
    {
        foreach (var kv in _node.Children)
        {
            if (KeyText(kv.Key) == key)
            {
                return new YamlValue(File, kv.Value, Child(key));
            }
        }

        return null;
    }

    private string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private static string KeyText(YamlNode key) => key is YamlScalarNode s ? s.Value ?? string.Empty : key.ToString();
}
