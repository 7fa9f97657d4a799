namespace GbAtomistics.IO;

/// <summary>
/// The atom lines of a large frame parsed by all cores: the next lines of a <see cref="LineReader"/> are cut out of its
/// buffer in blocks (a few MB of text, so a huge frame is never held whole as text), and each block is split into
/// chunks parsed concurrently. Each line must be independent of the others. The error is the one of the first bad line
/// in file order, as a sequential read reports it.
/// </summary>
internal sealed class ParallelLines
{
    /// <summary>Lines handed to the threads at once.</summary>
    private const int BlockLines = 1 << 18;

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
    /// Called on the reading thread after a block's chunks, before the first error is thrown: lines 0 …
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

        int[] starts = _starts, ends = _ends;
        int chunks = 4 * Environment.ProcessorCount;
        for (int read = 0; read < count;)
        {
            int block = Math.Min(count - read, BlockLines);
            long firstLine = lines.LineNumber + 1;
            int found = lines.ReadLineBlock(block, out byte[] buffer, starts, ends);
            int firstAtom = read;
            var errors = new (int Line, InputFormatException Error)?[chunks];
            Parallel.For(0, chunks, k =>
            {
                int from = (int)((long)found * k / chunks), to = (int)((long)found * (k + 1) / chunks);
                errors[k] = parse(buffer, starts, ends, from, to, firstAtom, firstLine);
            });

            var failed = errors.FirstOrDefault(e => e is not null);
            done?.Invoke(buffer, starts, ends, failed?.Line ?? found, firstAtom, firstLine);
            if (failed is { } error)
            {
                throw error.Error;
            }

            read += found;
            if (found < block)
            {
                return read;
            }
        }

        return count;
    }
}
