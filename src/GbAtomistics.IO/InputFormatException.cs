using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>
/// Malformed file content. Carries the path, the 1-based line (0 when not line-based), the 0-based frame index
/// when known, and a message of the form "expected X, found Y". <see cref="Exception.Message"/> is printed
/// compiler-style: <c>dump.lammpstrj:10457: frame 12: expected 5 columns, found 3</c>.
/// </summary>
public sealed class InputFormatException : InputException
{
    public InputFormatException(string path, long line, int? frame, string detail, int? completeFrames = null)
        : base(Compose(path, line, frame, detail, completeFrames))
    {
        FilePath = path;
        Line = line;
        FrameIndex = frame;
        Detail = detail;
        CompleteFrames = completeFrames;
    }

    /// <summary>The file as the user named it.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number of the offending line, or 0.</summary>
    public long Line { get; }

    /// <summary>0-based index of the frame being read, or null outside frames.</summary>
    public int? FrameIndex { get; }

    /// <summary>The message without the location.</summary>
    public string Detail { get; }

    /// <summary>
    /// For a file that ends inside a frame (a killed run): the number of whole frames before the broken one.
    /// Null for other errors. Callers may keep those frames.
    /// </summary>
    public int? CompleteFrames { get; }

    /// <summary>True when the file ended inside a frame (see <see cref="CompleteFrames"/>).</summary>
    public bool IsTruncation => CompleteFrames is not null;

    /// <summary>Renders a found token for a message: quoted, shortened, control characters escaped.</summary>
    public static string Show(ReadOnlySpan<byte> token)
    {
        if (token.IsEmpty)
        {
            return "an empty line";
        }

        const int max = 60;
        string text = Encoding.UTF8.GetString(token.Length > max ? token[..max] : token);
        var sb = new StringBuilder("'");
        foreach (char c in text)
        {
            sb.Append(char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString());
        }

        return sb.Append(token.Length > max ? "…'" : "'").ToString();
    }

    private static string Compose(string path, long line, int? frame, string detail, int? completeFrames)
    {
        var sb = new StringBuilder(path);
        if (line > 0)
        {
            sb.Append(':').Append(line);
        }

        sb.Append(": ");
        if (frame is { } f)
        {
            sb.Append("frame ").Append(f).Append(": ");
        }

        sb.Append(detail);
        if (completeFrames is { } n)
        {
            sb.Append(" (the file ends inside a frame; ").Append(n).Append(n == 1 ? " whole frame" : " whole frames").Append(" before it)");
        }

        return sb.ToString();
    }
}
