using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GbAtomistics.IO;

/// <summary>
/// Fast, exact parsing of ASCII numbers from byte spans. Decimal numbers whose digits form an integer of at most 2^53
/// (every number of up to 15 significant digits) with a small exponent take Clinger's fast path (one exact
/// multiplication or division of exactly representable values, so the result is correctly rounded); anything else
/// falls back to the runtime parser.
/// </summary>
internal static class AsciiNumber
{
    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses a finite or non-finite double. False when the token is not a number.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> s, out double value) =>
        TryFastPrefix(s, out value, out int end) && end == s.Length ? true : Fallback(s, out value);

    /// <summary>
    /// Parses the decimal number at the start of <paramref name="s"/> by the fast path alone: true, with the bytes it
    /// took in <paramref name="end"/>, when the number has at most 19 digits, its digits read as one integer are at
    /// most 2^53 (every number of up to 15 significant digits is) and its power of ten is within ±22 (the result is then
    /// exactly what <see cref="TryParseDouble"/> gives for that token); false otherwise, when the caller must cut the
    /// token and use <see cref="TryParseDouble"/>.
    /// </summary>
    public static bool TryFastPrefix(ReadOnlySpan<byte> s, out double value, out int end)
    {
        end = 0;
        return TryFastAt(s, ref end, out value);
    }

    /// <summary>
    /// <see cref="TryFastPrefix"/> for the number that starts at <paramref name="pos"/> of <paramref name="s"/>, inlined
    /// into the callers that parse a number per column of every atom line: on success <paramref name="pos"/> is moved
    /// past the number, otherwise it is left where it was.
    /// </summary>
    /// <remarks>
    /// The digit loops do nothing per digit but accumulate it (19 digits cannot overflow 64 bits); the limits are
    /// checked once at the end. Leading zeros count towards the 19, so a number like 0.000000000000000000012 takes the
    /// runtime parser, which gives the same value. Every index is checked against the span's length before its byte is
    /// read, so the reads need no bounds checks of their own.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFastAt(ReadOnlySpan<byte> s, ref int pos, out double value)
    {
        ref byte b = ref MemoryMarshal.GetReference(s);
        int n = s.Length;
        int i = pos;
        bool negative = false;
        if (i < n && (Unsafe.Add(ref b, i) == (byte)'-' || Unsafe.Add(ref b, i) == (byte)'+'))
        {
            negative = Unsafe.Add(ref b, i) == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        int start = i;
        uint digit;
        while (i < n && (digit = (uint)(Unsafe.Add(ref b, i) - '0')) <= 9)
        {
            mantissa = (mantissa * 10) + digit;
            i++;
        }

        int digits = i - start;
        int scale = 0;
        if (i < n && Unsafe.Add(ref b, i) == (byte)'.')
        {
            i++;
            int fraction = i;
            while (i < n && (digit = (uint)(Unsafe.Add(ref b, i) - '0')) <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                i++;
            }

            scale = fraction - i;
            digits += i - fraction;
        }

        value = 0;
        if (digits == 0)
        {
            return false;
        }

        if (i < n && (Unsafe.Add(ref b, i) | 0x20) == (byte)'e')
        {
            i++;
            bool expNegative = false;
            if (i < n && (Unsafe.Add(ref b, i) == (byte)'-' || Unsafe.Add(ref b, i) == (byte)'+'))
            {
                expNegative = Unsafe.Add(ref b, i) == (byte)'-';
                i++;
            }

            int expStart = i;
            int exp = 0;
            while (i < n && (digit = (uint)(Unsafe.Add(ref b, i) - '0')) <= 9)
            {
                if (exp < 100000) exp = (exp * 10) + (int)digit;
                i++;
            }

            if (i == expStart)
            {
                return false;
            }

            scale += expNegative ? -exp : exp;
        }

        if (digits > 19 || mantissa > 1UL << 53 || scale < -22 || scale > 22)
        {
            return false;
        }

        double m = mantissa;
        value = scale >= 0 ? m * Pow10[scale] : m / Pow10[-scale];
        if (negative) value = -value;
        pos = i;
        return true;
    }

    /// <summary>Parses a signed 64-bit integer. False when the token is not an integer.</summary>
    public static bool TryParseLong(ReadOnlySpan<byte> s, out long value)
    {
        int i = 0;
        bool negative = false;
        if (s.Length > 0 && (s[0] == (byte)'-' || s[0] == (byte)'+'))
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }

        if (i == s.Length || s.Length - i > 18)
        {
            return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        long v = 0;
        for (; i < s.Length; i++)
        {
            uint d = (uint)(s[i] - '0');
            if (d > 9)
            {
                value = 0;
                return false;
            }

            v = v * 10 + d;
        }

        value = negative ? -v : v;
        return true;
    }

    /// <summary>Parses a 32-bit integer. False when the token is not an integer in range.</summary>
    public static bool TryParseInt(ReadOnlySpan<byte> s, out int value)
    {
        if (TryParseLong(s, out long v) && v >= int.MinValue && v <= int.MaxValue)
        {
            value = (int)v;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// Parses the unsigned run of 1 to 18 decimal digits at the start of <paramref name="s"/>: true, with the digits
    /// it took in <paramref name="end"/>, when there is one (the value is then what <see cref="TryParseLong"/> gives
    /// for that token); false for a sign, no digit or a longer run, when the caller must cut the token and use
    /// <see cref="TryParseLong"/>.
    /// </summary>
    public static bool TryDigitsPrefix(ReadOnlySpan<byte> s, out long value, out int end)
    {
        end = 0;
        return TryDigitsAt(s, ref end, out value);
    }

    /// <summary>
    /// <see cref="TryDigitsPrefix"/> for the digits that start at <paramref name="pos"/> of <paramref name="s"/>,
    /// inlined like <see cref="TryFastAt"/>: on success <paramref name="pos"/> is moved past them, otherwise it is left
    /// where it was.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDigitsAt(ReadOnlySpan<byte> s, ref int pos, out long value)
    {
        ref byte b = ref MemoryMarshal.GetReference(s);
        int start = pos;
        int n = s.Length - start > 19 ? start + 19 : s.Length;
        int i = start;
        long v = 0;
        uint digit;
        while (i < n && (digit = (uint)(Unsafe.Add(ref b, i) - '0')) <= 9)
        {
            v = (v * 10) + digit;
            i++;
        }

        value = v;
        if (i == start || i - start > 18)
        {
            return false;
        }

        pos = i;
        return true;
    }

    private static bool Fallback(ReadOnlySpan<byte> s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
