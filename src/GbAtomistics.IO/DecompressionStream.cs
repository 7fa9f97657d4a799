namespace GbAtomistics.IO;

/// <summary>
/// Wraps a decompressing stream so that corrupt or cut compressed data always surfaces as one exception type,
/// <see cref="InvalidDataException"/> (SharpZipLib has its own), which readers and <see cref="StreamGuard"/> turn
/// into a located <see cref="InputFormatException"/>.
/// </summary>
internal sealed class DecompressionStream : Stream
{
    private const int ChunkSize = 1 << 16;

    private readonly Stream _inner;
    private readonly string _path;
    private long _position;

    public DecompressionStream(Stream inner, string path, long maxLength = long.MaxValue)
    {
        _inner = inner;
        _path = path;
        MaxLength = maxLength;
    }

    /// <summary>
    /// The most uncompressed bytes the compressed file can expand to (its size times the largest expansion ratio of
    /// the codec: 1032 for deflate); <see cref="long.MaxValue"/> when the codec has no useful bound (bzip2).
    /// </summary>
    public long MaxLength { get; }

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
            // At most 64 KiB a call, so that damage is reported near where it is, not a megabyte ahead of the reader.
            int n = _inner.Read(buffer.Length > ChunkSize ? buffer[..ChunkSize] : buffer);
            _position += n;
            return n;
        }
        catch (Exception e) when (e is not (InvalidDataException or OutOfMemoryException or OperationCanceledException))
        {
            // Any failure inside the decompressor (SharpZipLib also throws IndexOutOfRange and friends on some
            // corrupt blocks) means the compressed data is damaged.
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
