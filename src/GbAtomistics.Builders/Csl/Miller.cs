using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>Integer direction and plane indices of the cubic parent lattice: arithmetic, reduction and text.</summary>
public static class Miller
{
    public static long Dot(Int3 a, Int3 b) => ((long)a.X * b.X) + ((long)a.Y * b.Y) + ((long)a.Z * b.Z);

    public static Int3 Cross(Int3 a, Int3 b) =>
        new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));

    public static long NormSquared(Int3 a) => Dot(a, a);

    public static Int3 Scale(int s, Int3 a) => new(s * a.X, s * a.Y, s * a.Z);

    public static Int3 Add(Int3 a, Int3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Int3 Subtract(Int3 a, Int3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 ToVec(Int3 a) => new(a.X, a.Y, a.Z);

    public static int Gcd(int a, int b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>The vector divided by the greatest common divisor of its components (zero stays zero).</summary>
    public static Int3 Reduce(Int3 a)
    {
        int g = Gcd(Gcd(a.X, a.Y), a.Z);
        return g <= 1 ? a : new Int3(a.X / g, a.Y / g, a.Z / g);
    }

    /// <summary>
    /// The family key of a plane or direction under the cubic point group: absolute values sorted descending
    /// ((3-10) and (013) are both 310).
    /// </summary>
    public static (int, int, int) Family(Int3 a)
    {
        int[] v = [Math.Abs(a.X), Math.Abs(a.Y), Math.Abs(a.Z)];
        Array.Sort(v);
        return (v[2], v[1], v[0]);
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> belong to the same cubic family.</summary>
    public static bool SameFamily(Int3 a, Int3 b) => Family(Reduce(a)) == Family(Reduce(b));

    /// <summary>Indices as text without separators when every index is one digit (<c>3-10</c>), else with spaces.</summary>
    public static string Format(Int3 a)
    {
        bool compact = Math.Abs(a.X) < 10 && Math.Abs(a.Y) < 10 && Math.Abs(a.Z) < 10;
        string sep = compact ? string.Empty : " ";
        return string.Join(sep, new[] { a.X, a.Y, a.Z }.Select(i => i.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A plane as <c>(3-10)</c>.</summary>
    public static string Plane(Int3 a) => $"({Format(a)})";

    /// <summary>A direction as <c>[110]</c>.</summary>
    public static string Direction(Int3 a) => $"[{Format(a)}]";

    /// <summary>
    /// Parses indices written as <c>110</c>, <c>1-10</c>, <c>1,1,0</c>, <c>1 -1 0</c>, <c>[110]</c> or <c>(310)</c>.
    /// Without separators every index is one digit, an optional minus sign before it.
    /// </summary>
    public static Int3 Parse(string text, string what)
    {
        List<int> values = ParseIndices(text, what, "three integers such as 110, 1-10 or 1,1,0");
        if (values.Count != 3)
        {
            throw new InputException($"{what} '{text}': expected three integers such as 110, 1-10 or 1,1,0, found {values.Count}");
        }

        var result = new Int3(values[0], values[1], values[2]);
        if (result == Int3.Zero)
        {
            throw new InputException($"{what} '{text}': expected a non-zero vector");
        }

        return result;
    }

    /// <summary>
    /// The integers of an index text (<c>110</c>, <c>1-10</c>, <c>2-1-10</c>, <c>1,1,0</c>, <c>[1 -1 0]</c>), any number
    /// of them; <paramref name="expected"/> completes the error message.
    /// </summary>
    internal static List<int> ParseIndices(string text, string what, string expected)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim().Trim('[', ']', '(', ')', '<', '>', '{', '}').Trim();
        var values = new List<int>();
        if (t.Contains(',', StringComparison.Ordinal) || t.Contains(' ', StringComparison.Ordinal))
        {
            foreach (string part in t.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
                {
                    throw new InputException($"{what} '{text}': expected {expected}");
                }

                values.Add(v);
            }
        }
        else
        {
            int sign = 1;
            foreach (char c in t)
            {
                if (c == '-' && sign == 1)
                {
                    sign = -1;
                }
                else if (char.IsAsciiDigit(c))
                {
                    values.Add(sign * (c - '0'));
                    sign = 1;
                }
                else
                {
                    throw new InputException($"{what} '{text}': expected {expected}");
                }
            }
        }

        return values;
    }
}
