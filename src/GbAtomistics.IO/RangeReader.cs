namespace GbAtomistics.IO;

/// <summary>
/// A reader of one byte range of a dump whose errors name the line and frame in the whole file: the range's own
/// line numbers are shifted by the lines before its start (counted only when an error occurs) and its frame indices
/// by the frames before it.
/// </summary>
internal sealed class RangeReader(ITrajectoryReader inner, string path, long start, int firstFrame) : ITrajectoryReader
{
    public string Path => inner.Path;

    public string FormatName => inner.FormatName;

    public int FrameIndex => inner.FrameIndex;

    public long BytesRead => inner.BytesRead;

    public bool Read(Core.Frame frame) => Located(() => inner.Read(frame));

    public bool Skip() => Located(inner.Skip);

    public void Dispose() => inner.Dispose();

    private bool Located(Func<bool> step)
    {
        try
        {
            return step();
        }
        catch (InputFormatException e)
        {
            long line = e.Line > 0 ? e.Line + TrajectoryRanges.LinesBefore(path, start) : 0;
            throw new InputFormatException(path, line, e.FrameIndex is { } f ? f + firstFrame : null, e.Detail, e.CompleteFrames is { } c ? c + firstFrame : null);
        }
    }
}
