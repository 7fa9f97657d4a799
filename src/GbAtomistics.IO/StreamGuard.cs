using System.Xml;

namespace GbAtomistics.IO;

/// <summary>
/// Wraps every reader the registry opens so that bad content never leaves it as anything but an
/// <see cref="InputFormatException"/>: a stream that fails underneath it (corrupt or cut compressed data, a disk
/// error) is reported for the frame being read, counting the whole frames before it, like any other file that ends
/// inside a frame; a number-format, overflow, XML or argument error raised by damaged content is reported at the
/// line (or byte offset) where the reader stood. Other exceptions are bugs and pass through.
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

    /// <inheritdoc/>
    public bool ReadOnAllCores => _inner.ReadOnAllCores;

    /// <summary>True for the exceptions that damaged content (rather than a bug) can raise inside a reader.</summary>
    public static bool IsContentError(Exception e) =>
        e is IOException or InvalidDataException or FormatException or OverflowException or XmlException
            or ArgumentException or System.Text.DecoderFallbackException;

    /// <summary>
    /// The located error for <paramref name="e"/>, caught while reading <paramref name="path"/> at
    /// <paramref name="line"/> (0 when unknown; then <paramref name="offset"/> bytes in) in frame
    /// <paramref name="frame"/>.
    /// </summary>
    public static InputFormatException Locate(Exception e, string path, long line, long offset, int? frame)
    {
        if (e is IOException or InvalidDataException)
        {
            return new InputFormatException(path, line, frame, $"expected more readable data, found a damaged or unreadable stream ({e.Message})", frame);
        }

        if (e is XmlException xml)
        {
            return new InputFormatException(path, xml.LineNumber > 0 ? xml.LineNumber : line, frame, $"expected well-formed XML, found {xml.Message}");
        }

        string what = e switch
        {
            OverflowException => "a number that fits",
            FormatException => "a well-formed number or field",
            _ => "consistent content",
        };
        string where = line > 0 ? string.Empty : $" (near byte {offset})";
        return new InputFormatException(path, line, frame, $"expected {what}, found content that fails with: {e.Message}{where}");
    }

    public bool Read(Core.Frame frame)
    {
        try
        {
            return NotEmpty(_inner.Read(frame));
        }
        catch (Exception e) when (IsContentError(e))
        {
            throw Damaged(e);
        }
    }

    public bool Skip()
    {
        try
        {
            return NotEmpty(_inner.Skip());
        }
        catch (Exception e) when (IsContentError(e))
        {
            throw Damaged(e);
        }
    }

    public void Dispose() => _inner.Dispose();

    /// <summary>A file that ends before its first frame holds nothing to analyse: that is bad input, not zero frames.</summary>
    private bool NotEmpty(bool more)
    {
        if (!more && _inner.FrameIndex == 0)
        {
            throw new InputFormatException(Path, 0, null, $"expected at least one frame, found none ({(_inner.BytesRead == 0 ? "an empty file" : "only blank lines")})");
        }

        return more;
    }

    private InputFormatException Damaged(Exception e) =>
        Locate(e, Path, (_inner as ILocatedReader)?.LineNumber ?? 0, BytesRead, FrameIndex);
}
