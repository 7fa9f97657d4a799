namespace GbAtomistics.IO;

/// <summary>
/// The atom lines of a large frame parsed by all cores: the next lines of a <see cref="LineReader"/> are cut out of its
/// buffer in blocks (a few MB of text, so a huge frame is never held whole as text), and each block in pieces that
/// are parsed concurrently while the reading thread goes on reading and cutting the next piece; once the block is
/// cut, the reading thread parses pieces too. Each line must be independent of the others. The error is the one of
/// the first bad line in file order, as a sequential read reports it.
/// </summary>
internal sealed class ParallelLines
{
    /// <summary>Lines handed to the threads at once.</summary>
    private const int BlockLines = 1 << 18;

    /// <summary>The fewest lines of a piece (a piece costs a work item and a wake-up).</summary>
    private const int MinPieceLines = 2048;

    private int[] _starts = [];
    private int[] _ends = [];

    /// <summary>
    /// Parses lines <paramref name="from"/> … <paramref name="to"/> − 1 of a block: line k is
    /// <c>buffer[starts[k] .. ends[k])</c>, atom <paramref name="firstAtom"/> + k at file line <paramref name="firstLine"/>
    /// + k. Returns null, or the index of the first bad line of the range with its error.
    /// </summary>
    public delegate (int Line, InputFormatException Error)? ChunkParser(
        byte[] buffer, int[] starts, int[] ends, int from, int to, int firstAtom, long firstLine);

    /// <summary>
    /// Called on the reading thread after a block's pieces, before the first error is thrown: lines 0 …
    /// <paramref name="before"/> − 1 of the block parsed without error (for work a reader must do in file order).
    /// </summary>
    public delegate void BlockDone(byte[] buffer, int[] starts, int[] ends, int before, int firstAtom, long firstLine);

    /// <summary>
    /// Parses the next <paramref name="count"/> lines of <paramref name="lines"/>; returns how many there were (fewer
    /// only when the input ended: the caller reports the truncation). Throws the first bad line's error.
    /// </summary>
    public int Parse(LineReader lines, int count, ChunkParser parse, BlockDone? done = null)
    {
        int size = Math.Min(count, BlockLines);
        if (_starts.Length < size)
        {
            _starts = new int[size];
            _ends = new int[size];
        }

        for (int read = 0; read < count;)
        {
            int block = Math.Min(count - read, BlockLines);
            var pieces = new Block(_starts, _ends, parse, read, lines.LineNumber + 1, block);
            pieces.Run(lines, out byte[] buffer);
            (int Line, InputFormatException Error)? failed = pieces.FirstError();
            done?.Invoke(buffer, _starts, _ends, failed?.Line ?? pieces.Found, read, pieces.FirstLine);
            if (failed is { } error)
            {
                throw error.Error;
            }

            read += pieces.Found;
            if (pieces.Found < block)
            {
                return read;
            }
        }

        return count;
    }

    /// <summary>
    /// One block: the reading thread cuts it into pieces; helpers from the thread pool, one fewer than the cores so that
    /// with the reading thread there is one thread per core, parse the next piece not yet taken until none is left.
    /// Pieces are taken in file order by one counter, so every piece is parsed exactly once.
    /// </summary>
    private sealed class Block(int[] starts, int[] ends, ChunkParser parse, int firstAtom, long firstLine, int lines)
    {
        private readonly int _pieceLines = PieceLines(lines);
        private readonly Piece[] _pieces = new Piece[PieceCount(lines)];
        private Exception? _crash;
        private int _ready;    // pieces cut so far
        private int _taken;    // pieces claimed so far (never more than _ready)
        private int _helpers;  // helpers parsing pieces now
        private int _finished; // pieces parsed

        public long FirstLine { get; } = firstLine;

        /// <summary>Lines cut out of the reader (the block's length unless the input ended).</summary>
        public int Found { get; private set; }

        /// <summary>Cuts and parses the block; returns when every piece has been parsed.</summary>
        public void Run(LineReader reader, out byte[] buffer)
        {
            buffer = [];
            reader.KeepBytes = true; // pieces being parsed stay where they are while the next ones are read
            try
            {
                while (Found < lines)
                {
                    int want = Math.Min(_pieceLines, lines - Found);
                    int got = reader.ReadLineBlock(want, out buffer, starts.AsSpan(Found, want), ends.AsSpan(Found, want));
                    if (got > 0)
                    {
                        Add(buffer, Found, Found + got);
                    }

                    Found += got;
                    if (got < want)
                    {
                        break;
                    }
                }
            }
            finally
            {
                reader.KeepBytes = false;
                while (TryParseNext())
                {
                }

                // The last pieces taken by other threads: at most one piece each (never sleeping a whole millisecond).
                var wait = default(SpinWait);
                while (Volatile.Read(ref _finished) < _ready)
                {
                    wait.SpinOnce(sleep1Threshold: -1);
                }
            }

            if (_crash is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_crash).Throw();
            }
        }

        /// <summary>The error of the first bad line in file order, if any.</summary>
        public (int Line, InputFormatException Error)? FirstError()
        {
            for (int k = 0; k < _ready; k++)
            {
                if (_pieces[k].Error is { } error)
                {
                    return error;
                }
            }

            return null;
        }

        /// <summary>Lines of a piece: about sixteen pieces per core, so the last piece of a block keeps one core busy only briefly.</summary>
        private static int PieceLines(int lines) => Math.Max(MinPieceLines, lines / (16 * Environment.ProcessorCount));

        private static int PieceCount(int lines)
        {
            int size = PieceLines(lines);
            return (lines + size - 1) / size;
        }

        private void Add(byte[] buffer, int from, int to)
        {
            int k = _ready;
            _pieces[k] = new Piece(buffer, from, to);
            Volatile.Write(ref _ready, k + 1);

            // A helper that found nothing left may stop just after this check; its piece is then parsed by a helper
            // started for a later piece or by the reading thread once the block is cut.
            int helpers = Volatile.Read(ref _helpers);
            while (helpers < Environment.ProcessorCount - 1)
            {
                int seen = Interlocked.CompareExchange(ref _helpers, helpers + 1, helpers);
                if (seen == helpers)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(static block => block.Help(), this, preferLocal: false);
                    break;
                }

                helpers = seen;
            }
        }

        /// <summary>A helper's work: the pieces cut so far, until none is left.</summary>
        private void Help()
        {
            while (TryParseNext())
            {
            }

            Interlocked.Decrement(ref _helpers);
        }

        /// <summary>Parses the next piece not yet taken; false when every piece cut so far is taken.</summary>
        private bool TryParseNext()
        {
            int k = Volatile.Read(ref _taken);
            while (true)
            {
                if (k >= Volatile.Read(ref _ready))
                {
                    return false;
                }

                int seen = Interlocked.CompareExchange(ref _taken, k + 1, k);
                if (seen == k)
                {
                    break;
                }

                k = seen;
            }

            try
            {
                ref Piece piece = ref _pieces[k];
                piece.Error = parse(piece.Buffer, starts, ends, piece.From, piece.To, firstAtom, FirstLine);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _crash, e, null);
            }
            finally
            {
                Interlocked.Increment(ref _finished);
            }

            return true;
        }

        /// <summary>Lines From … To − 1 of the block, in the buffer they were cut from; the error of its first bad line.</summary>
        private struct Piece(byte[] buffer, int from, int to)
        {
            public readonly byte[] Buffer = buffer;
            public readonly int From = from;
            public readonly int To = to;
            public (int Line, InputFormatException Error)? Error;
        }
    }
}
