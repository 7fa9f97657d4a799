using System.Globalization;
using GbAtomistics.Core;
using YamlDotNet.RepresentationModel;

namespace GbAtomistics.Pipelines.Yaml;

/// <summary>
/// One node of a pipeline file with its key path, read with located errors: every conversion failure names the file,
/// line, column, key path and what was expected.
/// </summary>
public sealed class YamlValue
{
    internal YamlValue(string file, YamlNode node, string path)
    {
        File = file;
        Node = node;
        Path = path;
    }

    public string File { get; }

    public YamlNode Node { get; }

    public string Path { get; }

    public long Line => Node.Start.Line;

    public long Column => Node.Start.Column;

    public bool IsMapping => Node is YamlMappingNode;

    public bool IsSequence => Node is YamlSequenceNode;

    public bool IsScalar => Node is YamlScalarNode;

    /// <summary>True for an empty scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Node is YamlScalarNode { Value: null or "" or "~" or "null" or "Null" or "NULL" } s && s.Style == YamlDotNet.Core.ScalarStyle.Plain;

    /// <summary>An error located at this node.</summary>
    public PipelineException Error(string message) => new(File, Line, Column, Path, message);

    /// <summary>"expected X, found Y" at this node.</summary>
    public PipelineException Expected(string what) => Error($"expected {what}, found {Describe()}");

    /// <summary>Runs <paramref name="build"/>; an <see cref="InputException"/> it throws is re-thrown located at this node.</summary>
    public T At<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (PipelineException)
        {
            throw;
        }
        catch (InputException e)
        {
            throw Error(e.Message);
        }
    }

    public YamlMap Map() => Node is YamlMappingNode m ? new YamlMap(File, m, Path) : throw Expected("a mapping of keys to values");

    public IReadOnlyList<YamlValue> Items()
    {
        if (Node is not YamlSequenceNode seq)
        {
            throw Expected("a list");
        }

        return seq.Children.Select((c, i) => new YamlValue(File, c, $"{Path}[{i}]")).ToArray();
    }

    public string Text()
    {
        if (Node is YamlScalarNode { Value: { } v } && !IsNull)
        {
            return v;
        }

        throw Expected("a text value");
    }

    public double Number()
    {
        if (Node is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
        {
            return d;
        }

        throw Expected("a number");
    }

    public int Integer()
    {
        if (Node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i))
        {
            return i;
        }

        throw Expected("an integer");
    }

    public bool Boolean() => Node is YamlScalarNode { Value: { } v } && bool.TryParse(v, out bool b) ? b : throw Expected("true or false");

    /// <summary>A list of texts, written as a YAML list or as one comma-separated text.</summary>
    public IReadOnlyList<string> TextList()
    {
        if (Node is YamlSequenceNode)
        {
            return Items().Select(i => i.Text()).ToArray();
        }

        string text = Text();
        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A list of numbers, written as a YAML list or as one comma-separated text.</summary>
    public IReadOnlyList<double> NumberList()
    {
        if (Node is YamlSequenceNode)
        {
            return Items().Select(i => i.Number()).ToArray();
        }

        var values = new List<double>();
        foreach (string item in Text().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d))
            {
                throw Expected("a list of numbers");
            }

            values.Add(d);
        }

        return values;
    }

    /// <summary>A text that must be one of <paramref name="choices"/> (case-insensitive); returned in lower case.</summary>
    public string Choice(params string[] choices)
    {
        string text = Node is YamlScalarNode ? Text() : throw Expected($"one of {string.Join(", ", choices)}");
        return choices.FirstOrDefault(c => c.Equals(text, StringComparison.OrdinalIgnoreCase))
            ?? throw Expected($"one of {string.Join(", ", choices)}");
    }

    /// <summary>A short description of the node for "found ..." messages.</summary>
    public string Describe() => Node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode when IsNull => "nothing",
        YamlScalarNode s => $"'{Shorten(s.Value ?? string.Empty)}'",
        _ => "an alias",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
