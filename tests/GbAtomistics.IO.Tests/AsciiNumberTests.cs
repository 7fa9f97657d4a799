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
}
