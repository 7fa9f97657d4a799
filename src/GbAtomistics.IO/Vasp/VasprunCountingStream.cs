namespace GbAtomistics.IO.Vasp;

/// <summary>
/// A read-only pass-through stream that counts the bytes and newlines it hands on, and notes when the inner
/// stream has ended, so the vasprun.xml reader can report progress and tell a cut file from bad markup.
/// </summary>
internal sealed class VasprunCountingStream : Stream
{
    private readonly Stream _inner;
    private long _newlines;
    private byte _last = (byte)'\n';

    public VasprunCountingStream(Stream inner)
    {
        _inner = inner;
    }

    /// <summary>Bytes handed on so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>True once the inner stream has reported its end.</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>Lines handed on so far (a last line without a newline counts).</summary>
    public long Lines => _newlines + (_last == (byte)'\n' ? 0 : 1);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = _inner.Read(buffer);
        if (n == 0)
        {
            ReachedEnd = buffer.Length > 0 || ReachedEnd;
            return 0;
        }

        ReadOnlySpan<byte> got = buffer[..n];
        _newlines += got.Count((byte)'\n');
        _last = got[^1];
        BytesRead += n;
        return n;
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
