using GbAtomistics.IO.Vasp;

namespace GbAtomistics.IO;

/// <summary>
/// What a byte range of a text trajectory needs besides its own bytes: the header that VASP files write once at the
/// top (a constant-cell XDATCAR's POSCAR-like header, an OUTCAR's parameter echo), which every range after the
/// first reads before its frames, and, for a variable-cell XDATCAR, the number of header lines repeated before
/// each configuration line (a frame starts at its header).
/// </summary>
internal sealed class RangeLayout
{
    private RangeLayout(string format, long prefixEnd, long prefixLines, int headerLines)
    {
        Format = format;
        PrefixEnd = prefixEnd;
        PrefixLines = prefixLines;
        HeaderLines = headerLines;
    }

    /// <summary>The format name: lammps-dump, extxyz, vasp-xdatcar or vasp-outcar.</summary>
    public string Format { get; }

    /// <summary>Bytes [0, PrefixEnd) are the shared header that precedes a range; 0 when frames stand alone.</summary>
    public long PrefixEnd { get; }

    /// <summary>Lines in the shared header.</summary>
    public long PrefixLines { get; }

    /// <summary>Lines of the header repeated before each configuration line (variable-cell XDATCAR), else 0.</summary>
    public int HeaderLines { get; }

    /// <summary>The layout of <paramref name="path"/> in <paramref name="format"/>, or null when it cannot be split.</summary>
    public static RangeLayout? Of(string path, string format) => format switch
    {
        "lammps-dump" or "extxyz" => new RangeLayout(format, 0, 0, 0),
        "vasp-xdatcar" => Xdatcar(path),
        "vasp-outcar" => Outcar(path),
        _ => null,
    };

    /// <summary>
    /// True when the line starts a frame: <c>ITEM: TIMESTEP</c> (dump), a configuration line (XDATCAR), the first
    /// electronic iteration of an ionic step, <c>Iteration n(   1)</c> (OUTCAR). Extended XYZ needs two lines and is
    /// recognised by the caller.
    /// </summary>
    public bool IsMarker(ReadOnlySpan<byte> line) => Format switch
    {
        "lammps-dump" => line.StartsWith("ITEM: TIMESTEP"u8),
        "vasp-xdatcar" => XdatcarReader.IsConfigurationLine(line),
        "vasp-outcar" => IsFirstIteration(line),
        _ => false,
    };

    private static RangeLayout? Xdatcar(string path)
    {
        using var lines = new LineReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), path);
        ReadOnlySpan<byte> line = default;
        long previousCount = -1, atoms = -1;
        int index = 0;
        long configStart = -1;
        for (; index < 64; index++)
        {
            long start = lines.Position;
            if (!lines.TryReadLine(out line))
            {
                return null;
            }

            if (XdatcarReader.IsConfigurationLine(line))
            {
                configStart = start;
                atoms = previousCount;
                break;
            }

            previousCount = CountSum(line);
        }

        // No configuration line near the top: the older layout with blank separators, which is not split.
        if (configStart < 0 || atoms <= 0)
        {
            return null;
        }

        // After the first configuration's atoms: another configuration line (or the end) means one header for the
        // whole file; a blank line is ambiguous (not split); anything else is the header repeated (variable cell).
        if (lines.SkipLines(atoms) < atoms || !lines.TryReadLine(out line) || XdatcarReader.IsConfigurationLine(line))
        {
            return new RangeLayout("vasp-xdatcar", configStart, index, 0);
        }

        return PoscarHeader.IsBlank(line) ? null : new RangeLayout("vasp-xdatcar", 0, 0, index);
    }

    private static RangeLayout? Outcar(string path)
    {
        using var lines = new LineReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), path);
        long start = 0;
        while (lines.TryReadLine(out ReadOnlySpan<byte> line))
        {
            if (IsFirstIteration(line))
            {
                return new RangeLayout("vasp-outcar", start, lines.LineNumber - 1, 0);
            }

            start = lines.Position;
        }

        return null;
    }

    /// <summary>The sum of a line of positive integers (an XDATCAR counts line), else -1.</summary>
    private static long CountSum(ReadOnlySpan<byte> line)
    {
        var tokens = new Tokens(line);
        long sum = 0;
        bool any = false;
        while (tokens.Next(out ReadOnlySpan<byte> token))
        {
            if (!AsciiNumber.TryParseLong(token, out long n) || n <= 0)
            {
                return -1;
            }

            sum += n;
            any = true;
        }

        return any ? sum : -1;
    }

    /// <summary>A line <c>----- Iteration    n(   1)  -----</c>: the first electronic step of ionic step n.</summary>
    private static bool IsFirstIteration(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> t = line.TrimStart((byte)' ');
        if (t.IsEmpty || t[0] != (byte)'-')
        {
            return false;
        }

        int at = t.IndexOf("Iteration"u8);
        if (at < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = t[(at + "Iteration".Length)..];
        int open = rest.IndexOf((byte)'(');
        int close = rest.IndexOf((byte)')');
        return open > 0 && close > open && rest[(open + 1)..close].Trim((byte)' ').SequenceEqual("1"u8);
    }
}
