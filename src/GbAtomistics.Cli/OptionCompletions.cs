using System.CommandLine;
using System.CommandLine.Completions;

namespace GbAtomistics.Cli;

/// <summary>Fixed values an option offers to shell completion (<c>gbat completion bash</c>).</summary>
internal static class OptionCompletions
{
    /// <summary>Adds <paramref name="values"/> as the completions of <paramref name="option"/>; returns it.</summary>
    public static Option<T> Completing<T>(this Option<T> option, params string[] values)
    {
        option.CompletionSources.Add(_ => values.Select(v => new CompletionItem(v)));
        return option;
    }
}
