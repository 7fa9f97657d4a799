namespace GbAtomistics.Pipelines.Execution;

/// <summary>Receives progress of a pipeline run (frames and bytes read per pass); implementations must be thread-safe.</summary>
public interface IPipelineProgress
{
    /// <summary>A pass over <paramref name="path"/> starts; <paramref name="bytes"/> is the file size.</summary>
    void PassStarted(string label, string path, long bytes);

    /// <summary>Called from the reading thread after each selected frame.</summary>
    void FrameRead(string label, int frames, long bytesRead);

    void PassFinished(string label);

    /// <summary>A step finished or failed (one line, for a log).</summary>
    void Step(string text);
}
