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

    [Theory]
    [InlineData(4)]
    [InlineData(37)]
    [InlineData(1 << 20)]
    public void BlocksOfLinesMatchLineByLineReadingAcrossVectorsAndRefills(int bufferSize)
    {
        // Lines of 0 to 99 bytes (so newlines fall anywhere within and across 32-byte vectors), some ending in CRLF,
        // the last with or without a newline; blocks of 1 to 60 lines, cut anywhere, between single lines.
        var random = new Random(bufferSize);
        for (int trial = 0; trial < 20; trial++)
        {
            var expected = new List<string>();
            var text = new StringBuilder();
            int count = random.Next(1, 400);
            for (int k = 0; k < count; k++)
            {
                string line = new(Enumerable.Range(0, random.Next(100)).Select(_ => (char)random.Next('!', '~')).ToArray());
                expected.Add(line);
                text.Append(line).Append(random.Next(5) == 0 ? "\r\n" : "\n");
            }

            if (random.Next(2) == 0)
            {
                text.Length -= text[^2] == '\r' ? 2 : 1; // the last line without its newline
            }

            using LineReader reader = Open(text.ToString(), bufferSize);
            var read = new List<string>();
            int[] starts = new int[60], ends = new int[60];
            while (true)
            {
                if (random.Next(4) == 0)
                {
                    if (!reader.TryReadLine(out var single))
                    {
                        break;
                    }

                    read.Add(Encoding.ASCII.GetString(single));
                    Assert.Equal(read.Count, reader.LineNumber);
                    continue;
                }

                int want = random.Next(1, 61);
                int found = reader.ReadLineBlock(want, out byte[] buffer, starts, ends);
                for (int k = 0; k < found; k++)
                {
                    read.Add(Encoding.ASCII.GetString(buffer, starts[k], ends[k] - starts[k]));
                }

                Assert.Equal(read.Count, reader.LineNumber);
                if (found < want)
                {
                    break;
                }
            }

            Assert.Equal(expected, read);
            Assert.False(reader.TryReadLine(out _));
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(37)]
    [InlineData(1 << 20)]
    public void KeptBytesLeaveEveryEarlierBlockIntactWhileMoreIsRead(int bufferSize)
    {
        // With KeepBytes the blocks of a stretch are read one after another while earlier ones are still in use
        // (parsed by other threads): each block's lines must read the same at the end of the stretch, in the array
        // its own call returned, however often the buffer had to grow in between. A line read singly between
        // stretches is moved to the front when the next stretch starts.
        var random = new Random(bufferSize + 1);
        var expected = new List<string>();
        var text = new StringBuilder();
        for (int k = 0; k < 3000; k++)
        {
            string line = new(Enumerable.Range(0, random.Next(60)).Select(_ => (char)random.Next('!', '~')).ToArray());
            expected.Add(line);
            text.Append(line).Append('\n');
        }

        using LineReader reader = Open(text.ToString(), bufferSize);
        var read = new List<string>();
        while (read.Count < expected.Count)
        {
            Assert.True(reader.TryReadLine(out var single));
            read.Add(Encoding.ASCII.GetString(single));
            reader.KeepBytes = true;
            var blocks = new List<(byte[] Buffer, int[] Starts, int[] Ends, int Count)>();
            for (int b = 0; b < 6; b++)
            {
                int[] starts = new int[40], ends = new int[40];
                int found = reader.ReadLineBlock(random.Next(1, 41), out byte[] buffer, starts, ends);
                blocks.Add((buffer, starts, ends, found));
            }

            reader.KeepBytes = false;
            foreach (var (buffer, starts, ends, count) in blocks)
            {
                for (int k = 0; k < count; k++)
                {
                    read.Add(Encoding.ASCII.GetString(buffer, starts[k], ends[k] - starts[k]));
                }
            }

            Assert.Equal(read.Count, reader.LineNumber);
        }

        Assert.Equal(expected, read);
        Assert.False(reader.TryReadLine(out _));
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
