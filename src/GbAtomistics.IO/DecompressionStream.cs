namespace GbAtomistics.IO;

/// <summary>
/// Wraps a decompressing stream so that corrupt or cut compressed data always surfaces as one exception type,
/// <see cref="InvalidDataException"/> (SharpZipLib has its own), which readers and <see cref="StreamGuard"/> turn
/// into a located <see cref="InputFormatException"/>.
/// </summary>
internal sealed class DecompressionStream : Stream
{
    private readonly Stream _inner;
    private readonly string _path;
    private long _position;

    public DecompressionStream(Stream inner, string path)
    {
        _inner = inner;
        _path = path;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            int n = _inner.Read(buffer);
            _position += n;
            return n;
        }
        catch (Exception e) when (e is ICSharpCode.SharpZipLib.SharpZipBaseException or EndOfStreamException)
        {
            throw new InvalidDataException($"{_path}: corrupt or cut compressed data after {_position} uncompressed bytes ({e.Message})", e);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
