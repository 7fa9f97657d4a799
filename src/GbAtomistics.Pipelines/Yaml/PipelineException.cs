using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Yaml;

/// <summary>
/// A mistake in a pipeline file, located compiler-style: <c>pipeline.yaml:12:5: analyses.rdf.bins: expected an integer,
/// found 'many'</c>. Line and column are 1-based; <see cref="KeyPath"/> is the dotted path of the key (list items as
/// <c>[i]</c>).
/// </summary>
public sealed class PipelineException : InputException
{
    public PipelineException(string file, long line, long column, string keyPath, string message)
        : base($"{file}:{line}:{column}: {(keyPath.Length > 0 ? keyPath + ": " : string.Empty)}{message}")
    {
        File = file;
        Line = line;
        Column = column;
        KeyPath = keyPath;
        Detail = message;
    }

    /// <summary>The pipeline file.</summary>
    public string File { get; }

    /// <summary>1-based line of the offending node.</summary>
    public long Line { get; }

    /// <summary>1-based column of the offending node.</summary>
    public long Column { get; }

    /// <summary>Dotted key path, e.g. <c>inputs.bulk.file</c>.</summary>
    public string KeyPath { get; }

    /// <summary>The message without the location.</summary>
    public string Detail { get; }
}
