using System.Collections.Concurrent;
using GbAtomistics.Pipelines.Execution;
using Spectre.Console;

namespace GbAtomistics.Cli;

/// <summary>
/// Progress bars on stderr (Spectre.Console): one per pass over a trajectory, with frames read, bytes read against the
/// file size (compressed files: frames only) and the time remaining. Used only when stderr is a terminal.
/// </summary>
internal sealed class TerminalProgress(ProgressContext context) : IPipelineProgress
{
    private readonly ConcurrentDictionary<string, (ProgressTask Task, bool Bytes)> _tasks = new();

    /// <summary>True when progress should be drawn: stderr is the process's and a terminal.</summary>
    public static bool Wanted(TextWriter stderr, bool quiet) =>
        !quiet && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="body"/> with progress bars drawn on stderr.</summary>
    public static T Show<T>(Func<IPipelineProgress, T> body)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => body(new TerminalProgress(context)));
    }

    /// <summary>Runs <paramref name="body"/> (a command's computation) with progress bars when <see cref="Wanted"/>.</summary>
    public static T During<T>(TextWriter stderr, bool quiet, Func<T> body) =>
        Wanted(stderr, quiet) ? Show(p => ProgressScope.Run(p, body)) : body();

    public void PassStarted(string label, string path, long bytes)
    {
        bool compressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bz2", StringComparison.OrdinalIgnoreCase);
        ProgressTask task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(1, bytes));
        task.IsIndeterminate = compressed || bytes <= 0;
        _tasks[label] = (task, !compressed && bytes > 0);
    }

    public void FrameRead(string label, int frames, long bytesRead)
    {
        if (_tasks.TryGetValue(label, out var t))
        {
            t.Task.Description = Markup.Escape($"{label}: {frames} frames");
            if (t.Bytes)
            {
                t.Task.Value = Math.Min(bytesRead, t.Task.MaxValue);
            }
        }
    }

    public void PassFinished(string label)
    {
        if (_tasks.TryGetValue(label, out var t))
        {
            t.Task.IsIndeterminate = false;
            t.Task.Value = t.Task.MaxValue;
            t.Task.StopTask();
        }
    }

    public void Step(string text)
    {
    }
}
