using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Execution;

/// <summary>
/// Progress for the passes of single commands: inside <see cref="Run{T}"/>, every pass of <see cref="FrameRunner"/> and
/// <see cref="OrderedFrameReader"/> made without an explicit progress callback reports to the given receiver.
/// </summary>
public static class ProgressScope
{
    private static readonly AsyncLocal<IPipelineProgress?> s_current = new();
    private static int s_passes;

    /// <summary>The receiver of the current scope, or null.</summary>
    public static IPipelineProgress? Current => s_current.Value;

    public static T Run<T>(IPipelineProgress progress, Func<T> body)
    {
        IPipelineProgress? previous = s_current.Value;
        s_current.Value = progress;
        try
        {
            return body();
        }
        finally
        {
            s_current.Value = previous;
        }
    }

    /// <summary>A label for a new pass over <paramref name="path"/>.</summary>
    internal static string Label(string path) => $"{Path.GetFileName(path)} pass {Interlocked.Increment(ref s_passes)}";

    internal static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : IO.TrajectoryFiles.IsMulti(path) ? IO.TrajectoryFiles.TotalBytes(path) : -1;
}
