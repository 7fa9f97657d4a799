namespace GbAtomistics.IO.Vasp;

/// <summary>Small byte-span helpers for the free-form text of a VASP OUTCAR.</summary>
internal static class OutcarText
{
    /// <summary>The line without leading spaces and tabs.</summary>
    public static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> line)
    {
        int i = 0;
        while (i < line.Length && Tokens.IsSpace(line[i]))
        {
            i++;
        }

        return line[i..];
    }

    /// <summary>The first token after the first '=' of the line, or an empty span.</summary>
    public static ReadOnlySpan<byte> TokenAfterEquals(ReadOnlySpan<byte> line)
    {
        int eq = line.IndexOf((byte)'=');
        if (eq < 0)
        {
            return default;
        }

        var tokens = new Tokens(line[(eq + 1)..]);
        return tokens.Next(out ReadOnlySpan<byte> token) ? token : default;
    }

    /// <summary>
    /// Parses up to <paramref name="values"/>.Length numbers from a line of Fortran fixed-width output, where a
    /// negative number may touch the one before it (<c>-10.000000000-10.000000000</c>). Returns the count parsed;
    /// on a token that is not a number returns −1 and sets <paramref name="bad"/>.
    /// </summary>
    public static int ParseNumbers(ReadOnlySpan<byte> line, Span<double> values, out ReadOnlySpan<byte> bad)
    {
        bad = default;
        int count = 0;
        var tokens = new Tokens(line);
        while (count < values.Length && tokens.Next(out ReadOnlySpan<byte> token))
        {
            while (!token.IsEmpty && count < values.Length)
            {
                int cut = GlueSplit(token);
                ReadOnlySpan<byte> number = token[..cut];
                if (!AsciiNumber.TryParseDouble(number, out double v))
                {
                    bad = number;
                    return -1;
                }

                values[count++] = v;
                token = token[cut..];
            }
        }

        return count;
    }

    /// <summary>Length of the first number in a token that may hold several glued numbers.</summary>
    private static int GlueSplit(ReadOnlySpan<byte> token)
    {
        for (int i = 1; i < token.Length; i++)
        {
            byte prev = token[i - 1];
            if (token[i] == (byte)'-' && ((uint)(prev - '0') <= 9 || prev == (byte)'.'))
            {
                return i;
            }
        }

        return token.Length;
    }
}
