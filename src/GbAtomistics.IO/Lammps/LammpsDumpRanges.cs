using System.Text;

namespace GbAtomistics.IO.Lammps;

/// <summary>
/// Splitting a plain (uncompressed) LAMMPS text dump into byte ranges that hold whole frames, so that MPI ranks read
/// disjoint parts of one file: a range starts at the first line <c>ITEM: TIMESTEP</c> at or after a byte offset
/// (resynchronisation), and ends where the next range starts. A compressed file cannot be entered in the middle and is
/// not split.
/// </summary>
public static class LammpsDumpRanges
{
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("\nITEM: TIMESTEP");

    /// <summary>Whether <paramref name="path"/> is a LAMMPS dump that can be split (detected as one and not compressed).</summary>
    public static bool CanSplit(string path, string? format)
    {
        if (TrajectoryFiles.IsMulti(path) || FormatRegistry.DetectForReading(path, format).Name != "lammps-dump")
        {
            return false;
        }

        byte[] head = new byte[3];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        int n = file.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        bool gzip = n >= 2 && head[0] == 0x1f && head[1] == 0x8b;
        bool bzip2 = n >= 3 && head[0] == (byte)'B' && head[1] == (byte)'Z' && head[2] == (byte)'h';
        return !gzip && !bzip2;
    }

    /// <summary>
    /// The byte offset of the first frame that starts at or after <paramref name="offset"/> (a line
    /// <c>ITEM: TIMESTEP</c>); 0 for offset 0, the file length when no frame starts after it.
    /// </summary>
    public static long FrameStart(string path, long offset)
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

        // Search from offset − 1 so a marker whose newline sits just before the offset is found.
        long position = offset - 1;
        byte[] buffer = new byte[(1 << 20) + Marker.Length];
        int kept = 0;
        file.Position = position;
        while (true)
        {
            int read = file.Read(buffer, kept, buffer.Length - kept);
            int length = kept + read;
            int found = buffer.AsSpan(0, length).IndexOf(Marker);
            if (found >= 0)
            {
                return position + found + 1;
            }

            if (read == 0)
            {
                return file.Length;
            }

            // Keep the tail that could hold the start of a marker cut by the buffer's end.
            kept = Math.Min(Marker.Length - 1, length);
            Array.Copy(buffer, length - kept, buffer, 0, kept);
            position += length - kept;
        }
    }

    /// <summary>
    /// A reader of the frames in bytes [<paramref name="start"/>, <paramref name="end"/>) of the dump. Its frame
    /// indices count from 0 at <paramref name="start"/>; errors are located in the whole file (line and frame
    /// <paramref name="firstFrame"/> + the index in the range).
    /// </summary>
    public static ITrajectoryReader OpenRange(string path, long start, long end, int firstFrame, ReadOptions? options = null)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var range = new RangeStream(file, start, end);
        return new RangeReader(new StreamGuard(new LammpsDumpReader(range, path, options)), path, start, firstFrame);
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
}
