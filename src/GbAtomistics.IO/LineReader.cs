using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GbAtomistics.IO;

/// <summary>
/// Reads a byte stream line by line without allocating per line. Accepts LF and CRLF endings and a last line
/// without a newline. Lines are views into an internal buffer, valid until the next call.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _bufferOffset; // stream offset of _buffer[0]
    private int _lastLineStart = -1;
    private bool _keepBytes;

    public LineReader(Stream stream, string path, int bufferSize = 1 << 20)
    {
        _stream = stream;
        Path = path;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The file as the user named it, for messages.</summary>
    public string Path { get; }

    /// <summary>1-based number of the line last returned (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Offset, in the (decompressed) stream, of the start of the next line.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>
    /// Bytes left after <see cref="Position"/> when the stream knows its length (a plain file); null for a
    /// decompressing stream, the most it can still expand to, or null when the codec gives no bound.
    /// </summary>
    public long? RemainingBytes => _stream switch
    {
        { CanSeek: true } => Math.Max(0, _stream.Length - Position),
        DecompressionStream { MaxLength: < long.MaxValue } d => Math.Max(0, d.MaxLength - Position),
        _ => null,
    };

    /// <summary>
    /// The most items of at least <paramref name="minBytesPerItem"/> bytes each (a line ending included) that the
    /// rest of the input can hold: the remaining bytes divided by that size, plus one for a last line without an
    /// ending. <see cref="long.MaxValue"/> when the length is unknown (compressed input).
    /// </summary>
    public long MaxItemsLeft(int minBytesPerItem) =>
        RemainingBytes is { } left ? (left / minBytesPerItem) + 1 : long.MaxValue;

    /// <summary>Counts up to this many items are allocated whatever the input holds (a few MB at most).</summary>
    public const long FreeCount = 1 << 16;

    /// <summary>
    /// True when a header's <paramref name="count"/> of items of at least <paramref name="minBytesPerItem"/> bytes
    /// is more than <see cref="FreeCount"/> and more than the rest of the input can hold (<paramref name="room"/>):
    /// then the reader must refuse it before allocating anything for it.
    /// </summary>
    /// <remarks>
    /// A stream whose length is unknown (bzip2) is read ahead, the buffer growing only as data arrives, until it
    /// holds the smallest number of bytes the items need, the stream ends, or <see cref="MaxLookAhead"/> bytes are
    /// buffered (then the count is not refuted). Lines returned before the call are no longer valid after it.
    /// </remarks>
    public bool CannotHold(long count, int minBytesPerItem, out long room)
    {
        room = long.MaxValue;
        if (count <= FreeCount)
        {
            return false;
        }

        if (RemainingBytes is null)
        {
            long need = count > MaxLookAhead / minBytesPerItem ? MaxLookAhead : count * minBytesPerItem;
            while (_end - _start < need && !_eof)
            {
                Fill();
            }

            if (_end - _start < need)
            {
                room = ((_end - _start) / minBytesPerItem) + 1;
            }
        }
        else
        {
            room = MaxItemsLeft(minBytesPerItem);
        }

        return count > room;
    }

    /// <summary>What is left of the input, for messages: "the 120 bytes left", or the bound of a compressed stream.</summary>
    public string LeftDescription => _stream switch
    {
        { CanSeek: true } => $"the {RemainingBytes} bytes left",
        DecompressionStream { MaxLength: < long.MaxValue } => $"the at most {RemainingBytes} bytes the compressed file can expand to",
        _ => $"the {_end - _start} bytes left in the stream",
    };

    /// <summary>The most bytes <see cref="CannotHold"/> reads ahead of a stream of unknown length: 256 MiB.</summary>
    public const long MaxLookAhead = 256L << 20;

    /// <summary>Reads the next line without its ending. False at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _lastLineStart = _start;
                line = TrimCr(_buffer.AsSpan(_start, nl));
                _start += nl + 1;
                LineNumber++;
                line = SkipBom(line);
                return true;
            }

            if (_eof)
            {
                if (_start < _end)
                {
                    _lastLineStart = _start;
                    line = TrimCr(_buffer.AsSpan(_start, _end - _start));
                    _start = _end;
                    LineNumber++;
                    line = SkipBom(line);
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    /// <summary>
    /// Puts back the line last returned by <see cref="TryReadLine"/>, so the next call returns it again.
    /// Valid only directly after a successful <see cref="TryReadLine"/>.
    /// </summary>
    public void UnreadLine()
    {
        if (_lastLineStart < 0)
        {
            throw new InvalidOperationException("no line to put back");
        }

        _start = _lastLineStart;
        _lastLineStart = -1;
        LineNumber--;
    }

    /// <summary>
    /// Skips <paramref name="count"/> lines without looking inside them. Returns the number skipped, which is
    /// smaller only when the stream ends first.
    /// </summary>
    public long SkipLines(long count)
    {
        _lastLineStart = -1;
        long skipped = 0;
        while (skipped < count)
        {
            ReadOnlySpan<byte> span = _buffer.AsSpan(_start, _end - _start);
            int pos = 0;
            while (skipped < count)
            {
                int nl = span[pos..].IndexOf((byte)'\n');
                if (nl < 0)
                {
                    break;
                }

                pos += nl + 1;
                skipped++;
            }

            _start += pos;
            if (skipped == count)
            {
                break;
            }

            if (_eof)
            {
                if (_start < _end)
                {
                    _start = _end;
                    skipped++;
                }

                break;
            }

            Fill();
        }

        LineNumber += skipped;
        return skipped;
    }

    /// <summary>
    /// While true, bytes already in the buffer stay where they are: reading more goes into the free space after
    /// them, or into a larger copy of the buffer, so the lines of earlier <see cref="ReadLineBlock"/> calls stay valid
    /// at their offsets in the arrays those calls returned (for threads still parsing them). While false (the
    /// default), reading more first moves the unread bytes to the front of the buffer. Turning it on moves them
    /// there first (lines returned before are no longer valid), so the buffer grows only when one stretch of
    /// kept lines outgrows it.
    /// </summary>
    public bool KeepBytes
    {
        get => _keepBytes;
        set
        {
            if (value && !_keepBytes)
            {
                MoveToFront();
            }

            _keepBytes = value;
        }
    }

    /// <summary>
    /// Reads up to <paramref name="count"/> lines as one block: on return the bytes of line k are
    /// <paramref name="buffer"/>[<paramref name="starts"/>[k] .. <paramref name="ends"/>[k]) (line ending removed), valid
    /// until the next call (with <see cref="KeepBytes"/>, until it is turned off). Returns the number of lines read,
    /// smaller only at the end of the stream. The buffer grows to hold the block.
    /// </summary>
    public int ReadLineBlock(int count, out byte[] buffer, Span<int> starts, Span<int> ends)
    {
        _lastLineStart = -1;
        int found = 0;
        int scan = _start;   // start of the next line
        int search = _start; // where to look for its newline: scan … search − 1 holds none
        while (found < count)
        {
            found = SplitWholeVectors(ref scan, ref search, found, count, starts, ends);
            if (found == count)
            {
                break;
            }

            int nl = _buffer.AsSpan(search, _end - search).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                starts[found] = scan;
                ends[found] = WithoutCr(scan, search + nl);
                found++;
                scan = search = search + nl + 1;
                continue;
            }

            if (_eof)
            {
                if (scan < _end)
                {
                    starts[found] = scan;
                    ends[found] = WithoutCr(scan, _end);
                    found++;
                    scan = _end;
                }

                break;
            }

            // Keep the lines found so far: Fill may move the unread bytes (from _start) to the front of the buffer.
            search = _end;
            int shift = Fill();
            for (int k = 0; k < found; k++)
            {
                starts[k] -= shift;
                ends[k] -= shift;
            }

            scan -= shift;
            search -= shift;
        }

        _start = scan;
        LineNumber += found;
        buffer = _buffer;
        return found;
    }

    /// <summary>
    /// Cuts lines out of the buffer from <paramref name="search"/> on, one 32-byte vector at a time (the newlines of
    /// a vector as the bits of a mask, so a short line costs no call), until <paramref name="count"/> lines are found
    /// or fewer than 32 bytes are left; returns the number of lines found so far. Without 256-bit vectors it leaves
    /// everything to the caller's search.
    /// </summary>
    private int SplitWholeVectors(ref int scan, ref int search, int found, int count, Span<int> starts, Span<int> ends)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return found;
        }

        ref byte bytes = ref MemoryMarshal.GetArrayDataReference(_buffer);
        Vector256<byte> newline = Vector256.Create((byte)'\n');
        int p = search;
        for (; p + Vector256<byte>.Count <= _end; p += Vector256<byte>.Count)
        {
            uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref bytes, (nuint)p), newline).ExtractMostSignificantBits();
            while (mask != 0)
            {
                int end = p + BitOperations.TrailingZeroCount(mask);
                starts[found] = scan;
                ends[found] = WithoutCr(scan, end);
                found++;
                scan = end + 1;
                mask &= mask - 1;
                if (found == count)
                {
                    search = scan;
                    return found;
                }
            }
        }

        search = p;
        return found;
    }

    /// <summary>The end of the line scan … end − 1 without a carriage return before its newline.</summary>
    private int WithoutCr(int scan, int end) => end > scan && _buffer[end - 1] == (byte)'\r' ? end - 1 : end;

    public void Dispose() => _stream.Dispose();

    /// <summary>A UTF-8 byte-order mark at the start of the first line is not content.</summary>
    private ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> line) =>
        LineNumber == 1 && line.StartsWith("\uFEFF"u8) ? line[3..] : line;

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    /// <summary>
    /// Reads more of the stream after the buffered bytes; returns by how many bytes the buffered bytes moved towards
    /// the front (0 with <see cref="KeepBytes"/>).
    /// </summary>
    private int Fill()
    {
        _lastLineStart = -1;
        int shift = _keepBytes ? 0 : MoveToFront();

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
        return shift;
    }

    /// <summary>Moves the unread bytes to the front of the buffer; returns by how many bytes they moved.</summary>
    private int MoveToFront()
    {
        int shift = _start;
        if (shift > 0)
        {
            int remaining = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            _bufferOffset += _start;
            _start = 0;
            _end = remaining;
            _lastLineStart = -1;
        }

        return shift;
    }
}
