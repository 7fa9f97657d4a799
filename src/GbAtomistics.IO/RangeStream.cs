namespace GbAtomistics.IO;

/// <summary>
/// A read-only view of bytes [start, end) of a file stream, which it owns, preceded by <c>prefix</c> (a header the
/// range's frames need, read from the top of the file).
/// </summary>
internal sealed class RangeStream : Stream
{
    private readonly FileStream _file;
    private readonly long _end;
    private readonly byte[] _prefix;
    private int _prefixRead;

    public RangeStream(FileStream file, long start, long end, byte[]? prefix = null)
    {
        _file = file;
        _end = Math.Min(end, file.Length);
        _file.Position = start;
        _prefix = prefix ?? [];
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _file.Position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefixRead < _prefix.Length)
        {
            int n = Math.Min(buffer.Length, _prefix.Length - _prefixRead);
            _prefix.AsSpan(_prefixRead, n).CopyTo(buffer);
            _prefixRead += n;
            return n;
        }

        long left = _end - _file.Position;
        return left <= 0 ? 0 : _file.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
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
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
