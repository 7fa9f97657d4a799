namespace GbAtomistics.IO;

/// <summary>
/// Wraps every reader the registry opens so that a stream that fails underneath it (corrupt or cut compressed
/// data, a disk error) is reported as an <see cref="InputFormatException"/> for the frame being read, counting the
/// whole frames before it, like any other file that ends inside a frame.
/// </summary>
internal sealed class StreamGuard : ITrajectoryReader
{
    private readonly ITrajectoryReader _inner;

    public StreamGuard(ITrajectoryReader inner)
    {
        _inner = inner;
    }

    public string Path => _inner.Path;

    public string FormatName => _inner.FormatName;

    public int FrameIndex => _inner.FrameIndex;

    public long BytesRead => _inner.BytesRead;

    public bool Read(Core.Frame frame)
    {
        try
        {
            return _inner.Read(frame);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw Damaged(e);
        }
    }

    public bool Skip()
    {
        try
        {
            return _inner.Skip();
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw Damaged(e);
        }
    }

    public void Dispose() => _inner.Dispose();

    private InputFormatException Damaged(Exception e) =>
        new(Path, 0, FrameIndex, $"expected more readable data, found a damaged or unreadable stream ({e.Message})", FrameIndex);
}
