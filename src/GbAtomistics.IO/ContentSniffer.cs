using System.Globalization;
using System.Text;

namespace GbAtomistics.IO;

/// <summary>Recognises formats from the first few kilobytes of a (decompressed) file.</summary>
internal static class ContentSniffer
{
    public static bool IsLammpsDump(ReadOnlyMemory<byte> head) => FirstLines(head, 1) is [var first] && first.Trim() == "ITEM: TIMESTEP";

    public static bool IsLammpsLog(ReadOnlyMemory<byte> head) =>
        FirstLines(head, 1) is [var first] && first.TrimStart().StartsWith("LAMMPS (", StringComparison.Ordinal);

    /// <summary>A line <c>N atoms</c> among the header lines after the title (a log echoing read_data is not one).</summary>
    public static bool IsLammpsData(ReadOnlyMemory<byte> head) =>
        !IsLammpsLog(head) && FirstLines(head, 40).Skip(1).Any(line =>
        {
            string[] t = StripComment(line).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return t.Length == 2 && t[1] == "atoms" && long.TryParse(t[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
        });

    /// <summary>Scale line, three lattice lines, then counts (VASP 4) or species and counts (VASP 5), no configurations.</summary>
    public static bool IsPoscar(ReadOnlyMemory<byte> head) => LooksLikeVaspHeader(head) && !Text(head).Contains("configuration", StringComparison.OrdinalIgnoreCase);

    public static bool IsXdatcar(ReadOnlyMemory<byte> head) => LooksLikeVaspHeader(head) && Text(head).Contains("configuration", StringComparison.OrdinalIgnoreCase);

    public static bool IsOutcar(ReadOnlyMemory<byte> head)
    {
        string text = Text(head);
        return text.Contains(" vasp.", StringComparison.Ordinal) && (text.Contains("POTCAR:", StringComparison.Ordinal) || text.Contains("executed on", StringComparison.Ordinal));
    }

    public static bool IsVasprun(ReadOnlyMemory<byte> head) => Text(head).Contains("<modeling>", StringComparison.Ordinal);

    /// <summary>An atom count, then a comment line with a Lattice= or Properties= key.</summary>
    public static bool IsExtxyz(ReadOnlyMemory<byte> head) =>
        FirstLines(head, 2) is [var count, var comment]
        && int.TryParse(count.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        && (comment.Contains("Lattice=", StringComparison.OrdinalIgnoreCase) || comment.Contains("Properties=", StringComparison.OrdinalIgnoreCase));

    private static bool LooksLikeVaspHeader(ReadOnlyMemory<byte> head)
    {
        string[] lines = FirstLines(head, 7);
        if (lines.Length < 7)
        {
            return false;
        }

        return Numbers(lines[1]) is 1 or 3 && Numbers(lines[2]) == 3 && Numbers(lines[3]) == 3 && Numbers(lines[4]) == 3
            && (AllIntegers(lines[5]) || AllIntegers(lines[6]));
    }

    private static int Numbers(string line)
    {
        string[] t = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return t.All(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? t.Length : -1;
    }

    private static bool AllIntegers(string line)
    {
        string[] t = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return t.Length > 0 && t.All(x => int.TryParse(x, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0);
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    private static string Text(ReadOnlyMemory<byte> head) => Encoding.Latin1.GetString(head.Span);

    private static string[] FirstLines(ReadOnlyMemory<byte> head, int count)
    {
        string[] lines = Text(head).Split('\n');
        // The last piece may be cut by the head size; keep it only when the head holds the whole file.
        return lines.Take(Math.Min(count, Math.Max(lines.Length - 1, 1))).Select(l => l.TrimEnd('\r')).ToArray();
    }
}
