namespace GbAtomistics.IO;

/// <summary>A read-only view of bytes [start, end) of a file stream, which it owns.</summary>
internal sealed class RangeStream : Stream
{
    private readonly FileStream _file;
    private readonly long _end;

    public RangeStream(FileStream file, long start, long end)
    {
        _file = file;
        _end = Math.Min(end, file.Length);
        _file.Position = start;
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
