using System.Text;
using GbAtomistics.IO;

namespace GbAtomistics.IO.Tests;

/// <summary>
/// The pieces of a block are parsed by other threads while the reading thread reads and cuts the next ones: every
/// line must reach the parser exactly once, with its own bytes and number, however the buffer grows meanwhile.
/// </summary>
public sealed class ParallelLinesTests
{
    [Theory]
    [InlineData(64, 5000)]
    [InlineData(4096, 30000)]
    [InlineData(1 << 20, 300000)] // more lines than one block
    public void EveryLineIsParsedOnceWithItsOwnBytes(int bufferSize, int count)
    {
        var random = new Random(count);
        var text = new StringBuilder("header\n");
        var expected = new string[count];
        for (int k = 0; k < count; k++)
        {
            expected[k] = $"{k} {new string((char)('a' + random.Next(26)), random.Next(40))}";
            text.Append(expected[k]).Append(k % 7 == 0 ? "\r\n" : "\n");
        }

        text.Append("after\n");
        using var reader = new LineReader(new MemoryStream(Encoding.ASCII.GetBytes(text.ToString())), "mem", bufferSize);
        Assert.True(reader.TryReadLine(out _));
        var seen = new string?[count];
        var lineNumbers = new long[count];
        int found = new ParallelLines().Parse(reader, count, (buffer, starts, ends, from, to, firstAtom, firstLine) =>
        {
            for (int j = from; j < to; j++)
            {
                Assert.Null(seen[firstAtom + j]);
                seen[firstAtom + j] = Encoding.ASCII.GetString(buffer, starts[j], ends[j] - starts[j]);
                lineNumbers[firstAtom + j] = firstLine + j;
            }

            return null;
        });

        Assert.Equal(count, found);
        Assert.Equal(expected, seen);
        Assert.Equal(Enumerable.Range(2, count).Select(k => (long)k), lineNumbers);
        Assert.True(reader.TryReadLine(out var next));
        Assert.Equal("after", Encoding.ASCII.GetString(next));
    }

    [Fact]
    public void TheFirstBadLineInFileOrderIsReportedAfterTheLinesBeforeIt()
    {
        string text = string.Concat(Enumerable.Range(0, 20000).Select(k => k is 12345 or 17000 ? "bad\n" : $"{k}\n"));
        using var reader = new LineReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "mem", 256);
        int before = -1;
        var error = Assert.Throws<InputFormatException>(() => new ParallelLines().Parse(
            reader,
            20000,
            (buffer, starts, ends, from, to, firstAtom, firstLine) =>
            {
                for (int j = from; j < to; j++)
                {
                    if (buffer[starts[j]] == (byte)'b')
                    {
                        return (j, new InputFormatException("mem", firstLine + j, 0, "expected a number"));
                    }
                }

                return null;
            },
            (buffer, starts, ends, good, firstAtom, firstLine) => before = good));
        Assert.Equal(12346, error.Line);
        Assert.Equal(12345, before);
    }
}
