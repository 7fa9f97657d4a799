using System.Globalization;
using System.Text;
using GbAtomistics.IO;

namespace GbAtomistics.IO.Tests;

public sealed class AsciiNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("3.14159265358979")]
    [InlineData("1.04083e-17")]
    [InlineData("-1.38777878078145e-17")]
    [InlineData(".428")]
    [InlineData("5.")]
    [InlineData("+2.5E+03")]
    [InlineData("0.0751649680269111")]
    [InlineData("123456789012345678901234")]
    [InlineData("1e-320")]
    [InlineData("2.2250738585072014e-308")]
    [InlineData("9007199254740992")]
    [InlineData("9007199254740993")]
    [InlineData("0.9007199254740993")]
    [InlineData("-0.00000000000000000000123")]
    public void ParsesExactlyLikeTheRuntime(string text)
    {
        Assert.True(AsciiNumber.TryParseDouble(Encoding.ASCII.GetBytes(text), out double value));
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void RandomDecimalsRoundTripBitForBit()
    {
        var random = new Random(7);
        for (int i = 0; i < 20000; i++)
        {
            double x = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 12));
            foreach (string format in new[] { "G6", "G9", "G15", "G17", "E8", "F6" })
            {
                string text = x.ToString(format, CultureInfo.InvariantCulture);
                Assert.True(AsciiNumber.TryParseDouble(Encoding.ASCII.GetBytes(text), out double value), text);
                Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData("-")]
    [InlineData("1,5")]
    public void RejectsNonNumbers(string text)
    {
        Assert.False(AsciiNumber.TryParseDouble(Encoding.ASCII.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-7", -7)]
    [InlineData("+3", 3)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void ParsesIntegers(string text, long expected)
    {
        Assert.True(AsciiNumber.TryParseLong(Encoding.ASCII.GetBytes(text), out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("99999999999999999999999")]
    public void RejectsNonIntegers(string text)
    {
        Assert.False(AsciiNumber.TryParseLong(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void TheDigitsPrefixGivesTheIntegerOfTheRunOrDeclines()
    {
        var random = new Random(3);
        for (int length = 1; length <= 20; length++)
        {
            for (int k = 0; k < 200; k++)
            {
                string run = new(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(k % 4 == 0 ? 1 : 10))).ToArray());
                foreach (string after in new[] { "", " 7", "\t", "x", ".5" })
                {
                    bool taken = AsciiNumber.TryDigitsPrefix(Encoding.ASCII.GetBytes(run + after), out long value, out int end);
                    Assert.Equal(length <= 18, taken);
                    if (taken)
                    {
                        Assert.Equal(length, end);
                        Assert.True(AsciiNumber.TryParseLong(Encoding.ASCII.GetBytes(run), out long whole));
                        Assert.Equal(whole, value);
                    }
                }
            }
        }

        foreach (string text in new[] { "", "-1", "+1", "x1", " 1" })
        {
            Assert.False(AsciiNumber.TryDigitsPrefix(Encoding.ASCII.GetBytes(text), out _, out _), text);
        }
    }

    [Fact]
    public void TheFastPrefixGivesTheValueOfTheWholeTokenOrDeclines()
    {
        // Numbers as dumps write them, and some the fast path must decline (too many digits, large exponents).
        var random = new Random(11);
        string[] formats = ["R", "G6", "G10", "E6", "E15", "F3", "G17"];
        for (int k = 0; k < 20000; k++)
        {
            double x = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            string token = x.ToString(formats[k % formats.Length], System.Globalization.CultureInfo.InvariantCulture);
            byte[] line = Encoding.ASCII.GetBytes(token + " 7");
            Assert.True(AsciiNumber.TryParseDouble(Encoding.ASCII.GetBytes(token), out double whole));
            if (AsciiNumber.TryFastPrefix(line, out double fast, out int end))
            {
                Assert.Equal(token.Length, end);
                Assert.Equal(whole, fast);
                Assert.Equal(double.Parse(token, System.Globalization.CultureInfo.InvariantCulture), fast);
            }
        }
    }

    [Theory]
    [InlineData("9007199254740992", true)] // 2^53: exact in a double
    [InlineData("900719925474099.2", true)]
    [InlineData("9007199254740993", false)] // 2^53 + 1 is not
    [InlineData("1234567890123456789", false)]
    [InlineData("0.000000000000000012", true)] // 19 digits, leading zeros included
    [InlineData("0.0000000000000000012", false)] // 20
    public void TheFastPrefixTakesMantissasUpToTwoToThe53AndNineteenDigits(string text, bool taken)
    {
        Assert.Equal(taken, AsciiNumber.TryFastPrefix(Encoding.ASCII.GetBytes(text), out double value, out int end));
        if (taken)
        {
            Assert.Equal(text.Length, end);
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
        }
    }

    [Fact]
    public void TheFastPrefixReadsDigitRunsOfAnyLengthAtAnyPlaceInTheSpan()
    {
        // Digit runs of 0 to 10 before and after the point, leading zeros, signs and exponents; the token alone (the
        // number ends the span), before a blank and before a byte that ends the number.
        var random = new Random(5);
        for (int k = 0; k < 50000; k++)
        {
            string digits = "0123456789";
            string Run(int length) => new(Enumerable.Range(0, length).Select(_ => digits[random.Next(k % 3 == 0 ? 1 : 10)]).ToArray());
            string integer = Run(random.Next(0, 11));
            string fraction = random.Next(3) == 0 ? "" : "." + Run(random.Next(0, 11));
            string sign = random.Next(4) switch { 0 => "-", 1 => "+", _ => "" };
            string exponent = random.Next(3) == 0 ? $"{(random.Next(2) == 0 ? 'e' : 'E')}{(random.Next(2) == 0 ? "-" : "")}{random.Next(0, 30):D2}" : "";
            string token = sign + integer + fraction + exponent;
            int count = integer.Length + Math.Max(0, fraction.Length - 1);
            bool isNumber = count > 0;
            foreach (string after in new[] { "", " 7", "\t", "x" })
            {
                byte[] span = Encoding.ASCII.GetBytes(token + after);
                bool fast = AsciiNumber.TryFastPrefix(span, out double value, out int end);
                if (!isNumber)
                {
                    Assert.False(fast, token);
                    continue;
                }

                int scale = (exponent.Length == 0 ? 0 : int.Parse(exponent[1..], CultureInfo.InvariantCulture)) - Math.Max(0, fraction.Length - 1);
                if (count <= 15 && Math.Abs(scale) <= 22)
                {
                    Assert.True(fast, token); // the fast path takes every short number
                }

                if (fast)
                {
                    Assert.Equal(token.Length, end);
                    Assert.Equal(double.Parse(token, CultureInfo.InvariantCulture), value);
                    Assert.Equal(double.IsNegative(double.Parse(token, CultureInfo.InvariantCulture)), double.IsNegative(value));
                }
            }
        }
    }
}
