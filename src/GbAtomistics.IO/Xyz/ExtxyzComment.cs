using System.Text;

namespace GbAtomistics.IO.Xyz;

/// <summary>
/// Parses the comment (second) line of an extended-XYZ frame: whitespace-separated <c>key=value</c> pairs, where a
/// value is a bare word or a double-quoted string (<c>\"</c> and <c>\\</c> escaped), or a <c>{...}</c> / <c>[...]</c>
/// group; a key without <c>=</c> stands for <c>T</c> (the extended-XYZ specification of libAtoms/QUIP, as read by ASE
/// and OVITO). Keys are matched case-insensitively; the last of repeated keys wins.
/// </summary>
internal static class ExtxyzComment
{
    /// <summary>The pairs, or null with <paramref name="error"/> set when the line is malformed.</summary>
    public static Dictionary<string, string>? Parse(string line, out string? error)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        error = null;
        int i = 0;
        int n = line.Length;
        while (true)
        {
            while (i < n && char.IsWhiteSpace(line[i])) i++;
            if (i >= n)
            {
                return pairs;
            }

            string? key = ReadWord(line, ref i, isKey: true, out error);
            if (key is null)
            {
                return null;
            }

            int j = i;
            while (j < n && char.IsWhiteSpace(line[j])) j++;
            if (j < n && line[j] == '=')
            {
                i = j + 1;
                while (i < n && char.IsWhiteSpace(line[i])) i++;
                if (i >= n)
                {
                    error = $"expected a value after '{key}=', found the end of the line";
                    return null;
                }

                string? value = ReadWord(line, ref i, isKey: false, out error);
                if (value is null)
                {
                    return null;
                }

                pairs[key] = value;
            }
            else
            {
                pairs[key] = "T";
            }
        }
    }

    private static string? ReadWord(string line, ref int i, bool isKey, out string? error)
    {
        error = null;
        int n = line.Length;
        char c = line[i];
        if (c == '"')
        {
            var sb = new StringBuilder();
            i++;
            while (i < n && line[i] != '"')
            {
                if (line[i] == '\\' && i + 1 < n)
                {
                    i++;
                }

                sb.Append(line[i]);
                i++;
            }

            if (i >= n)
            {
                error = $"expected a closing '\"' after {Shorten(sb.ToString())}, found the end of the line";
                return null;
            }

            i++;
            return sb.ToString();
        }

        if (!isKey && (c == '{' || c == '['))
        {
            char close = c == '{' ? '}' : ']';
            int end = line.IndexOf(close, i + 1);
            if (end < 0)
            {
                error = $"expected a closing '{close}', found the end of the line";
                return null;
            }

            string inner = line[(i + 1)..end].Replace(',', ' ');
            i = end + 1;
            return inner.Trim();
        }

        int start = i;
        while (i < n && !char.IsWhiteSpace(line[i]) && !(isKey && line[i] == '='))
        {
            i++;
        }

        if (i == start)
        {
            error = $"expected a key, found '{line[i]}'";
            return null;
        }

        return line[start..i];
    }

    private static string Shorten(string s) => s.Length > 30 ? "\"" + s[..30] + "…" : "\"" + s;
}
