using System.Text;
using GbAtomistics.IO.Lammps;
using GbAtomistics.IO.Xyz;

namespace GbAtomistics.IO;

/// <summary>
/// Splitting a plain (uncompressed) text trajectory into byte ranges that hold whole frames, so that MPI ranks read
/// disjoint parts of one file: a range starts at the first frame that starts at or after a byte offset
/// (resynchronisation) and ends where the next range starts. Frame starts are recognised by their marker: a line
/// <c>ITEM: TIMESTEP</c> in a LAMMPS dump; in extended XYZ, a line holding only the atom count followed by a comment
/// line with <c>Properties=</c> or <c>Lattice=</c>. Compressed files cannot be entered in the middle, and VASP files
/// (whose frames need the header at the top of the file) are not split.
/// </summary>
public static class TrajectoryRanges
{
    private static readonly byte[] DumpMarker = Encoding.ASCII.GetBytes("\nITEM: TIMESTEP");

    /// <summary>The format name when <paramref name="path"/> can be split (a plain LAMMPS dump or extended XYZ), else null.</summary>
    public static string? SplittableFormat(string path, string? format)
    {
        if (TrajectoryFiles.IsMulti(path))
        {
            return null;
        }

        string name = FormatRegistry.DetectForReading(path, format).Name;
        if (name is not ("lammps-dump" or "extxyz"))
        {
            return null;
        }

        byte[] head = new byte[3];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        int n = file.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        bool gzip = n >= 2 && head[0] == 0x1f && head[1] == 0x8b;
        bool bzip2 = n >= 3 && head[0] == (byte)'B' && head[1] == (byte)'Z' && head[2] == (byte)'h';
        return gzip || bzip2 ? null : name;
    }

    /// <summary>
    /// The byte offset of the first frame of <paramref name="format"/> that starts at or after <paramref name="offset"/>;
    /// 0 for offset 0, the file length when no frame starts after it.
    /// </summary>
    public static long FrameStart(string path, long offset, string format)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (offset <= 0)
        {
            return 0;
        }

        if (offset >= file.Length)
        {
            return file.Length;
        }

        // Lines are read from offset − 1 so that a line starting exactly at the offset is seen whole.
        file.Position = offset - 1;
        var line = new List<byte>();
        long position = offset - 1, lineStart = -1;
        long countLine = -1; // start of the previous line when it held only an integer (extended XYZ)
        byte[] buffer = new byte[1 << 20];
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            for (int k = 0; k < read; k++, position++)
            {
                byte b = buffer[k];
                if (lineStart < 0)
                {
                    // Skip the rest of the line the offset falls in.
                    if (b == '\n')
                    {
                        lineStart = position + 1;
                    }

                    continue;
                }

                if (b != '\n')
                {
                    if (line.Count < 4096)
                    {
                        line.Add(b);
                    }

                    continue;
                }

                if (format == "lammps-dump")
                {
                    if (StartsWith(line, DumpMarker.AsSpan(1)))
                    {
                        return lineStart;
                    }
                }
                else if (countLine >= 0 && (Contains(line, "Properties=") || Contains(line, "Lattice=")))
                {
                    return countLine;
                }
                else
                {
                    countLine = IsCount(line) ? lineStart : -1;
                }

                line.Clear();
                lineStart = position + 1;
            }
        }

        return file.Length;
    }

    /// <summary>
    /// A reader of the frames in bytes [<paramref name="start"/>, <paramref name="end"/>) of the file. Its frame indices
    /// count from 0 at <paramref name="start"/>; errors are located in the whole file (line and frame
    /// <paramref name="firstFrame"/> + the index in the range).
    /// </summary>
    public static ITrajectoryReader OpenRange(string path, long start, long end, int firstFrame, string format, ReadOptions? options = null)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var range = new RangeStream(file, start, end);
        ITrajectoryReader inner = format == "extxyz" ? new ExtxyzReader(range, path, options) : new LammpsDumpReader(range, path, options);
        return new RangeReader(new StreamGuard(inner), path, start, firstFrame);
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

    private static bool StartsWith(List<byte> line, ReadOnlySpan<byte> prefix)
    {
        if (line.Count < prefix.Length)
        {
            return false;
        }

        for (int i = 0; i < prefix.Length; i++)
        {
            if (line[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(List<byte> line, string text) =>
        Encoding.ASCII.GetString(line.ToArray()).Contains(text, StringComparison.Ordinal);

    private static bool IsCount(List<byte> line)
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
