using System.Text;
using GbAtomistics.IO;

namespace GbAtomistics.IO.Tests;

public sealed class LineReaderTests
{
    private static LineReader Open(string text, int bufferSize = 8) =>
        new(new MemoryStream(Encoding.ASCII.GetBytes(text)), "mem", bufferSize);

    private static List<string> ReadAll(LineReader reader)
    {
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(Encoding.ASCII.GetString(line));
        }

        return lines;
    }

    [Fact]
    public void HandlesCrLfAndMissingFinalNewlineAcrossSmallBuffers()
    {
        using var reader = Open("first line\r\nsecond\n\nlast without newline", bufferSize: 4);
        Assert.Equal(["first line", "second", "", "last without newline"], ReadAll(reader));
        Assert.Equal(4, reader.LineNumber);
    }

    [Fact]
    public void SkipCountsLinesAndStopsAtTheEnd()
    {
        using var reader = Open("a\nb\nc\nd\ne");
        Assert.Equal(3, reader.SkipLines(3));
        Assert.Equal(3, reader.LineNumber);
        Assert.True(reader.TryReadLine(out var line));
        Assert.Equal("d", Encoding.ASCII.GetString(line));
        Assert.Equal(1, reader.SkipLines(5));
        Assert.Equal(5, reader.LineNumber);
    }

    [Fact]
    public void UnreadReturnsTheSameLineAgain()
    {
        using var reader = Open("one\ntwo\nthree\n", bufferSize: 4);
        reader.TryReadLine(out _);
        reader.TryReadLine(out _);
        reader.UnreadLine();
        Assert.Equal(1, reader.LineNumber);
        Assert.Equal(["two", "three"], ReadAll(reader));
    }
}
