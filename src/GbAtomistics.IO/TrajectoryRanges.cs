using GbAtomistics.IO.Lammps;
using GbAtomistics.IO.Vasp;
using GbAtomistics.IO.Xyz;

namespace GbAtomistics.IO;

/// <summary>
/// Splitting a plain (uncompressed) text trajectory into byte ranges that hold whole frames, so that MPI ranks read
/// disjoint parts of one file: a range starts at the first frame that starts at or after a byte offset
/// (resynchronisation) and ends where the next range starts. Frame starts are recognised by their marker: a line
/// <c>ITEM: TIMESTEP</c> in a LAMMPS dump; in extended XYZ, a line holding only the atom count followed by a comment
/// line with <c>Properties=</c> or <c>Lattice=</c>; in an XDATCAR, a <c>Direct configuration=</c> line (with a
/// variable cell, the header repeated before it); in an OUTCAR, the first electronic iteration of an ionic step,
/// <c>Iteration n(   1)</c>. XDATCAR and OUTCAR frames need the header at the top of the file: a range after the first
/// reads it before its own bytes. Compressed files cannot be entered in the middle, and an XDATCAR in the older
/// layout (blank lines between configurations) has no marker; neither is split.
/// </summary>
public static class TrajectoryRanges
{
    /// <summary>Whether files of the format <paramref name="format"/> (a name of 'gbat formats') have a frame marker to split them at.</summary>
    public static bool IsSplitFormat(string format) => format is "lammps-dump" or "extxyz" or "vasp-xdatcar" or "vasp-outcar";

    /// <summary>The format name when <paramref name="path"/> can be split, else null.</summary>
    public static string? SplittableFormat(string path, string? format)
    {
        if (TrajectoryFiles.IsMulti(path))
        {
            return null;
        }

        string name = FormatRegistry.DetectForReading(path, format).Name;
        if (!IsSplitFormat(name))
        {
            return null;
        }

        byte[] head = new byte[3];
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            int n = file.ReadAtLeast(head, 3, throwOnEndOfStream: false);
            bool gzip = n >= 2 && head[0] == 0x1f && head[1] == 0x8b;
            bool bzip2 = n >= 3 && head[0] == (byte)'B' && head[1] == (byte)'Z' && head[2] == (byte)'h';
            if (gzip || bzip2)
            {
                return null;
            }
        }

        return RangeLayout.Of(path, name) is null ? null : name;
    }

    /// <summary>
    /// The byte offset of the first frame of <paramref name="format"/> that starts at or after <paramref name="offset"/>
    /// (for a variable-cell XDATCAR, whose configuration line is at or after it); 0 for the first frame of the file,
    /// the file length when no frame starts after the offset.
    /// </summary>
    public static long FrameStart(string path, long offset, string format)
    {
        RangeLayout layout = RangeLayout.Of(path, format) ?? throw new ArgumentException($"{path} cannot be split as {format}", nameof(format));
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (offset <= 0)
        {
            return 0;
        }

        long length = file.Length;
        if (offset >= length)
        {
            return length;
        }

        // Lines are read from offset − 1 so that a line starting exactly at the offset is seen whole; the rest of the
        // line the offset falls in is skipped.
        long origin = offset - 1;
        file.Position = origin;
        using var lines = new LineReader(file, path);
        if (!lines.TryReadLine(out _))
        {
            return length;
        }

        long countLine = -1; // start of the previous line when it held only an integer (extended XYZ)
        while (true)
        {
            long lineStart = origin + lines.Position;
            if (!lines.TryReadLine(out ReadOnlySpan<byte> line))
            {
                return length;
            }

            if (layout.Format == "extxyz")
            {
                if (countLine >= 0 && (line.IndexOf("Properties="u8) >= 0 || line.IndexOf("Lattice="u8) >= 0))
                {
                    return countLine;
                }

                countLine = IsCount(line) ? lineStart : -1;
            }
            else if (layout.IsMarker(line))
            {
                if (layout.HeaderLines > 0)
                {
                    return HeaderStart(path, lineStart, layout.HeaderLines);
                }

                return lineStart <= layout.PrefixEnd ? 0 : lineStart;
            }
        }
    }

    /// <summary>
    /// A reader of the frames in bytes [<paramref name="start"/>, <paramref name="end"/>) of the file (after the shared
    /// header, for XDATCAR and OUTCAR). Its frame indices count from 0 at <paramref name="start"/>; errors are located
    /// in the whole file (line and frame <paramref name="firstFrame"/> + the index in the range), and steps the file
    /// does not give (OUTCAR; extended XYZ without <c>Step=</c>) continue from the frames before the range.
    /// </summary>
    public static ITrajectoryReader OpenRange(string path, long start, long end, int firstFrame, string format, ReadOptions? options = null)
    {
        RangeLayout layout = RangeLayout.Of(path, format) ?? throw new ArgumentException($"{path} cannot be split as {format}", nameof(format));
        byte[] prefix = [];
        long prefixLines = 0;
        if (start > 0 && end > start && layout.PrefixEnd > 0)
        {
            prefix = new byte[layout.PrefixEnd];
            using (var head = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                head.ReadExactly(prefix);
            }

            prefixLines = layout.PrefixLines;
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var range = new RangeStream(file, start, end, prefix);
        ITrajectoryReader inner = format switch
        {
            "extxyz" => new ExtxyzReader(range, path, options, firstFrame),
            "vasp-xdatcar" => XdatcarReader.OfRange(range, path, options),
            "vasp-outcar" => new OutcarReader(range, path, options, firstFrame),
            _ => new LammpsDumpReader(range, path, options),
        };
        return new RangeReader(new StreamGuard(inner), path, start, end, firstFrame, prefixLines);
    }

    /// <summary>Lines before byte <paramref name="offset"/> (counted only when an error has to be located).</summary>
    internal static long LinesBefore(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        byte[] buffer = new byte[1 << 20];
        long lines = 0, left = offset;
        while (left > 0)
        {
            int read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                break;
            }

            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            left -= read;
        }

        return lines;
    }

    /// <summary>The start of the line <paramref name="lines"/> lines before the one that starts at <paramref name="lineStart"/>.</summary>
    private static long HeaderStart(string path, long lineStart, int lines)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        int window = 1 << 16;
        while (true)
        {
            long from = Math.Max(0, lineStart - window);
            byte[] buffer = new byte[lineStart - from];
            file.Position = from;
            file.ReadExactly(buffer);

            // The newline just before lineStart ends the line above it; the (lines + 1)-th newline found going back
            // ends the line above the header.
            int found = 0;
            for (int k = buffer.Length - 1; k >= 0; k--)
            {
                if (buffer[k] == (byte)'\n' && ++found == lines + 1)
                {
                    return from + k + 1;
                }
            }

            if (from == 0)
            {
                return 0;
            }

            window *= 4;
        }
    }

    private static bool IsCount(ReadOnlySpan<byte> line)
    {
        bool digits = false;
        foreach (byte b in line)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                continue;
            }

            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            digits = true;
        }

        return digits;
    }
}
