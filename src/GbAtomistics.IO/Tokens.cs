namespace GbAtomistics.IO;

/// <summary>Splits a line into whitespace-separated tokens (spaces and tabs) without allocating.</summary>
internal ref struct Tokens
{
    private ReadOnlySpan<byte> _rest;

    public Tokens(ReadOnlySpan<byte> line)
    {
        _rest = line;
    }

    /// <summary>The next token; false when none is left.</summary>
    public bool Next(out ReadOnlySpan<byte> token)
    {
        int i = 0;
        while (i < _rest.Length && IsSpace(_rest[i]))
        {
            i++;
        }

        if (i == _rest.Length)
        {
            token = default;
            _rest = default;
            return false;
        }

        int j = i;
        while (j < _rest.Length && !IsSpace(_rest[j]))
        {
            j++;
        }

        token = _rest[i..j];
        _rest = _rest[j..];
        return true;
    }

    /// <summary>What is left of the line after the tokens taken so far.</summary>
    public readonly ReadOnlySpan<byte> Rest => _rest;

    /// <summary>Counts the tokens of a line.</summary>
    public static int Count(ReadOnlySpan<byte> line)
    {
        var t = new Tokens(line);
        int n = 0;
        while (t.Next(out _))
        {
            n++;
        }

        return n;
    }

    public static bool IsSpace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\f' || b == (byte)'\v';
}
