using GbAtomistics.Core;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Conformance;

/// <summary>
/// Properties every reader must have, checked on every corpus file: detection, ordered ids, finite positions,
/// a clean and repeatable end, Skip equivalent to Read, and only <see cref="InputFormatException"/> (with a line)
/// for any truncated or corrupted version of a file.
/// </summary>
public sealed class ReaderConformanceTests
{
    [SkippableTheory]
    [MemberData(nameof(CorpusFiles.Everything), MemberType = typeof(CorpusFiles))]
    public void DetectsTheFormat(string relative, string format)
    {
        string path = TestPaths.Corpus(relative);
        Assert.Equal(format, FormatRegistry.DetectForReading(path).Name);
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles.Readable), MemberType = typeof(CorpusFiles))]
    public void FramesAreOrderedFiniteAndEndCleanly(string relative)
    {
        string path = TestPaths.Corpus(relative);
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path);
        var frame = new Frame();
        int frames = 0;
        while (reader.Read(frame))
        {
            frames++;
            Assert.Equal(frames, reader.FrameIndex);
            Assert.True(frame.Count > 0);
            for (int i = 0; i < frame.Count; i++)
            {
                Assert.True(frame.Positions[i].IsFinite, $"frame {frames - 1} atom {i} position not finite");
                Assert.True(frame.Types[i] >= 1, $"frame {frames - 1} atom {i} type {frame.Types[i]}");
                if (i > 0)
                {
                    Assert.True(frame.Ids[i] > frame.Ids[i - 1], $"frame {frames - 1}: ids not ascending at {i}");
                }
            }

            Assert.True(frame.Box.Volume > 0);
        }

        Assert.True(frames > 0);
        Assert.False(reader.Read(frame));
        Assert.False(reader.Skip());
        Assert.Equal(frames, reader.FrameIndex);
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles.Readable), MemberType = typeof(CorpusFiles))]
    public void SkipThenReadGivesTheSameFrameAsReading(string relative)
    {
        string path = TestPaths.Corpus(relative);
        var sequential = new List<Frame>();
        using (ITrajectoryReader reader = FormatRegistry.OpenReader(path))
        {
            var f = new Frame();
            while (reader.Read(f))
            {
                sequential.Add(f.Clone());
            }
        }

        // Read frames 1, 3, 5, … after skipping 0, 2, 4, …
        using ITrajectoryReader skipping = FormatRegistry.OpenReader(path);
        var frame = new Frame();
        for (int k = 0; k < sequential.Count; k++)
        {
            if (k % 2 == 0)
            {
                Assert.True(skipping.Skip());
                continue;
            }

            Assert.True(skipping.Read(frame));
            Frame expected = sequential[k];
            Assert.Equal(expected.Step, frame.Step);
            Assert.Equal(expected.Ids, frame.Ids);
            Assert.Equal(expected.Positions, frame.Positions);
            Assert.Equal(expected.Box.H, frame.Box.H);
        }

        Assert.Equal(sequential.Count, skipping.FrameIndex);
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles.SmallReadable), MemberType = typeof(CorpusFiles))]
    public void EveryTruncationIsACleanEndOrALocatedError(string relative)
    {
        byte[] bytes = File.ReadAllBytes(TestPaths.Corpus(relative));
        int total = CountFrames(bytes, relative);
        string dir = TestPaths.NewTempDir();
        string name = Path.GetFileName(relative);
        var random = new Random(relative.Length);
        for (int trial = 0; trial < 25; trial++)
        {
            int cut = trial == 0 ? bytes.Length / 2 : random.Next(1, bytes.Length);
            string path = Path.Combine(dir, $"{trial}_{name}");
            File.WriteAllBytes(path, bytes[..cut]);
            try
            {
                int frames = ReadAll(path, relative);
                Assert.True(frames <= total, $"cut at {cut}: {frames} frames from a file of {total}");
            }
            catch (InputFormatException e)
            {
                Assert.True(e.Line > 0 || e.Message.Length > 0);
                if (e.CompleteFrames is { } whole)
                {
                    Assert.InRange(whole, 0, total);
                }
            }
            catch (InputException)
            {
                // A user error about the file as a whole (for example "cannot tell the format") is acceptable too.
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles.SmallReadable), MemberType = typeof(CorpusFiles))]
    public void CorruptedBytesGiveOnlyInputErrors(string relative)
    {
        byte[] bytes = File.ReadAllBytes(TestPaths.Corpus(relative));
        string dir = TestPaths.NewTempDir();
        string name = Path.GetFileName(relative);
        var random = new Random(17 + relative.Length);
        byte[] junk = "x-.9e \n#\t"u8.ToArray();
        for (int trial = 0; trial < 25; trial++)
        {
            byte[] copy = (byte[])bytes.Clone();
            for (int k = 0; k < 3; k++)
            {
                copy[random.Next(copy.Length)] = junk[random.Next(junk.Length)];
            }

            string path = Path.Combine(dir, $"{trial}_{name}");
            File.WriteAllBytes(path, copy);
            try
            {
                ReadAll(path, relative);
            }
            catch (InputException)
            {
                // Located errors are the point; any other exception type fails the test.
            }
        }
    }

    private static int CountFrames(byte[] bytes, string relative)
    {
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, Path.GetFileName(relative));
        File.WriteAllBytes(path, bytes);
        return ReadAll(path, relative);
    }

    private static int ReadAll(string path, string relative)
    {
        string format = CorpusFiles.All.First(f => f.Path == relative).Format;
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path, null, format);
        var frame = new Frame();
        int n = 0;
        while (reader.Read(frame))
        {
            n++;
        }

        return n;
    }
}
