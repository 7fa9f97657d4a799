namespace GbAtomistics.IO;

/// <summary>
/// A reader of one byte range of a dump whose errors name the line and frame in the whole file: the range's own
/// line numbers are shifted by the lines before its start (counted only when an error occurs) and its frame indices
/// by the frames before it. A range read after the file's header (<paramref name="prefixLines"/> lines, XDATCAR and
/// OUTCAR) keeps the header's own line numbers. An empty range (more ranks than frames) has no frames.
/// </summary>
internal sealed class RangeReader(ITrajectoryReader inner, string path, long start, long end, int firstFrame, long prefixLines) : ITrajectoryReader
{
    public string Path => inner.Path;

    public string FormatName => inner.FormatName;

    public int FrameIndex => inner.FrameIndex;

    public long BytesRead => inner.BytesRead;

    public bool Read(Core.Frame frame) => end > start && Located(() => inner.Read(frame));

    public bool Skip() => end > start && Located(inner.Skip);

    public void Dispose() => inner.Dispose();

    private bool Located(Func<bool> step)
    {
        try
        {
            return step();
        }
        catch (InputFormatException e)
        {
            long line = e.Line <= prefixLines ? e.Line : e.Line - prefixLines + TrajectoryRanges.LinesBefore(path, start);
            throw new InputFormatException(path, line, e.FrameIndex is { } f ? f + firstFrame : null, e.Detail, e.CompleteFrames is { } c ? c + firstFrame : null);
        }
    }
}
