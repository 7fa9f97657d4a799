using System.Collections.Concurrent;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// Notes about how a run was carried out that the reading code makes before any output folder exists (under MPI: that
/// an input was read whole by every rank). The next <see cref="OutputFolder"/> created echoes them to its note
/// writer (a command's stderr) once.
/// </summary>
internal static class RunNotes
{
    private static readonly ConcurrentQueue<string> s_pending = new();

    public static void Add(string text) => s_pending.Enqueue(text);

    /// <summary>The notes made since the last call, in order.</summary>
    public static IEnumerable<string> Drain()
    {
        while (s_pending.TryDequeue(out string? text))
        {
            yield return text;
        }
    }
}
