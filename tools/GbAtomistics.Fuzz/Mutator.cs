using System.Text;

namespace GbAtomistics.Fuzz;

/// <summary>
/// Byte- and line-level mutations of a valid input: truncation, deleted, duplicated, swapped and emptied lines,
/// swapped tokens, numbers replaced by NaN, infinities, huge or tiny values and integer-overflowing counts, bit
/// flips, random bytes, a UTF-8 byte-order mark, CRLF endings, tabs for spaces and very long lines. Deterministic
/// for a given <see cref="Random"/>.
/// </summary>
internal static class Mutator
{
    /// <summary>Names of the mutations, indexed as <see cref="Apply"/> picks them.</summary>
    public static readonly string[] Names =
    [
        "truncate", "delete-line", "duplicate-line", "swap-tokens", "bad-number", "bit-flip", "bom", "crlf", "tabs",
        "long-line", "empty-line", "swap-lines", "random-bytes", "huge-count",
    ];

    private static readonly string[] BadNumbers =
    [
        "NaN", "nan", "inf", "-inf", "Infinity", "1e308", "-1e308", "1e-300", "1e999", "-1", "0", "-0", "2147483647",
        "2147483648", "-2147483649", "4294967296", "9223372036854775807", "9223372036854775808", "1000000000",
        "99999999999999999999999999", "0x10", "1.2.3", "1e", "+", "-", "1d3", "٣",
    ];

    /// <summary>Applies one to three random mutations to <paramref name="input"/>; <paramref name="applied"/> names them.</summary>
    public static byte[] Apply(byte[] input, Random random, out string applied)
    {
        int count = 1 + random.Next(3);
        var names = new List<string>(count);
        byte[] data = input;
        for (int k = 0; k < count; k++)
        {
            int which = random.Next(Names.Length);
            names.Add(Names[which]);
            data = ApplyOne(data, which, random);
        }

        applied = string.Join('+', names);
        return data;
    }

    /// <summary>Damages compressed bytes: a cut, flipped bits, or a zeroed run, after the header.</summary>
    public static byte[] CorruptCompressed(byte[] compressed, Random random, out string applied)
    {
        byte[] data = (byte[])compressed.Clone();
        int start = Math.Min(data.Length, 4);
        switch (random.Next(3))
        {
            case 0:
                applied = "cut-stream";
                return data[..(start + random.Next(Math.Max(1, data.Length - start)))];
            case 1:
                applied = "flip-stream";
                for (int i = 0, n = 1 + random.Next(8); i < n && data.Length > start; i++)
                {
                    data[start + random.Next(data.Length - start)] ^= (byte)(1 << random.Next(8));
                }

                return data;
            default:
                applied = "zero-run";
                if (data.Length > start)
                {
                    int at = start + random.Next(data.Length - start);
                    Array.Clear(data, at, Math.Min(data.Length - at, 1 + random.Next(64)));
                }

                return data;
        }
    }

    private static byte[] ApplyOne(byte[] data, int which, Random random)
    {
        if (data.Length == 0)
        {
            return data;
        }

        List<byte[]> lines = SplitLines(data);
        int line = random.Next(lines.Count);
        switch (which)
        {
            case 0:
                return data[..random.Next(data.Length)];
            case 1:
                lines.RemoveAt(line);
                break;
            case 2:
                lines.Insert(line, lines[line]);
                break;
            case 3:
                lines[line] = SwapTokens(lines[line], random);
                break;
            case 4:
                lines[line] = ReplaceNumber(lines[line], random, BadNumbers[random.Next(BadNumbers.Length)]);
                break;
            case 5:
                byte[] flipped = (byte[])data.Clone();
                for (int i = 0, n = 1 + random.Next(8); i < n; i++)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return flipped;
            case 6:
                return [0xEF, 0xBB, 0xBF, .. data];
            case 7:
                return Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(data).Replace("\n", "\r\n", StringComparison.Ordinal));
            case 8:
                return data.Select(b => b == (byte)' ' ? (byte)'\t' : b).ToArray();
            case 9:
                lines.Insert(line, Encoding.ASCII.GetBytes(new string(random.Next(2) == 0 ? ' ' : '7', 100_000 + random.Next(100_000))));
                break;
            case 10:
                lines[line] = [];
                break;
            case 11:
                int other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case 12:
                byte[] noise = new byte[1 + random.Next(16)];
                random.NextBytes(noise);
                int at = random.Next(data.Length);
                return [.. data[..at], .. noise, .. data[at..]];
            default:
                // A count in the header: the first integer token of the first lines becomes huge.
                int first = Math.Min(lines.Count, 40);
                for (int tries = 0; tries < 20; tries++)
                {
                    int l = random.Next(first);
                    byte[] replaced = ReplaceNumber(lines[l], random, random.Next(2) == 0 ? "2147483647" : "1000000000", integersOnly: true);
                    if (!replaced.AsSpan().SequenceEqual(lines[l]))
                    {
                        lines[l] = replaced;
                        break;
                    }
                }

                break;
        }

        return JoinLines(lines);
    }

    private static List<byte[]> SplitLines(byte[] data)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'\n')
            {
                lines.Add(data[start..i]);
                start = i + 1;
            }
        }

        lines.Add(data[start..]);
        return lines;
    }

    private static byte[] JoinLines(List<byte[]> lines)
    {
        using var stream = new MemoryStream();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                stream.WriteByte((byte)'\n');
            }

            stream.Write(lines[i]);
        }

        return stream.ToArray();
    }

    private static List<(int Start, int End)> TokenSpans(byte[] line)
    {
        var spans = new List<(int, int)>();
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == (byte)' ' || line[i] == (byte)'\t'))
            {
                i++;
            }

            int start = i;
            while (i < line.Length && line[i] != (byte)' ' && line[i] != (byte)'\t')
            {
                i++;
            }

            if (i > start)
            {
                spans.Add((start, i));
            }
        }

        return spans;
    }

    private static byte[] SwapTokens(byte[] line, Random random)
    {
        List<(int Start, int End)> spans = TokenSpans(line);
        if (spans.Count < 2)
        {
            return line;
        }

        int a = random.Next(spans.Count - 1);
        int b = a + 1 + random.Next(spans.Count - a - 1);
        (int s1, int e1) = spans[a];
        (int s2, int e2) = spans[b];
        return [.. line[..s1], .. line[s2..e2], .. line[e1..s2], .. line[s1..e1], .. line[e2..]];
    }

    private static byte[] ReplaceNumber(byte[] line, Random random, string replacement, bool integersOnly = false)
    {
        List<(int Start, int End)> numeric = TokenSpans(line)
            .Where(s => IsNumber(line.AsSpan(s.Start, s.End - s.Start), integersOnly))
            .ToList();
        if (numeric.Count == 0)
        {
            return line;
        }

        (int start, int end) = numeric[random.Next(numeric.Count)];
        return [.. line[..start], .. Encoding.UTF8.GetBytes(replacement), .. line[end..]];
    }

    private static bool IsNumber(ReadOnlySpan<byte> token, bool integersOnly)
    {
        bool digit = false;
        foreach (byte b in token)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                digit = true;
            }
            else if (integersOnly || b is not ((byte)'.' or (byte)'-' or (byte)'+' or (byte)'e' or (byte)'E'))
            {
                return false;
            }
        }

        return digit;
    }
}
