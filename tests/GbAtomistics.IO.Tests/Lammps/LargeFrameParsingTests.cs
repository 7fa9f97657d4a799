using System.Globalization;
using System.Text;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Lammps;

/// <summary>
/// Frames large enough to be parsed by several threads (the atom lines cut into blocks and chunks) give exactly the
/// values written, with LF or CRLF endings, and a bad or missing line is reported as a sequential read reports it: the
/// first bad line, with its file line number.
/// </summary>
public sealed class LargeFrameParsingTests
{
    private const int Atoms = 300_000; // more than one block of lines handed to the threads

    private static (string Path, string[] X) Write(string newline, Func<int, string?>? replace = null, int? stopAfter = null)
    {
        var random = new Random(3);
        var sb = new StringBuilder();
        var xs = new string[Atoms];
        for (int f = 0; f < 2; f++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"ITEM: TIMESTEP{newline}{f * 100}{newline}ITEM: NUMBER OF ATOMS{newline}{Atoms}{newline}");
            sb.Append($"ITEM: BOX BOUNDS pp pp pp{newline}0 60{newline}0 60{newline}0 60{newline}ITEM: ATOMS id type x y z ix iy iz{newline}");
            for (int i = 0; i < Atoms; i++)
            {
                if (f == 1 && stopAfter == i)
                {
                    break;
                }

                string x = (60 * random.NextDouble()).ToString("R", CultureInfo.InvariantCulture);
                if (f == 0)
                {
                    xs[i] = x;
                }

                string line = replace?.Invoke(i) is { } bad && f == 1 ? bad : $"{Atoms - i} {1 + (i % 3)} {x} {i % 60}.25 7 {(i % 5) - 2} 0 1";
                sb.Append(line).Append(newline);
            }
        }

        string path = Path.Combine(TestPaths.NewTempDir(), "large.lammpstrj");
        File.WriteAllText(path, sb.ToString());
        return (path, xs);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void EveryAtomGetsTheValuesWritten(string newline)
    {
        var (path, xs) = Write(newline);
        using var reader = new LammpsDumpReader(path);
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.Equal(Atoms, frame.Count);
        for (int k = 0; k < Atoms; k++)
        {
            int i = Atoms - (int)frame.Ids[k]; // sorted by id: id = Atoms − i
            Assert.Equal(k + 1, frame.Ids[k]);
            Assert.Equal(1 + (i % 3), frame.Types[k]);
            Assert.Equal(double.Parse(xs[i], CultureInfo.InvariantCulture), frame.Positions[k].X);
            Assert.Equal((i % 60) + 0.25, frame.Positions[k].Y);
            Assert.Equal(new Int3((i % 5) - 2, 0, 1), frame.Images![k]);
        }

        Assert.True(reader.Read(frame));
        Assert.Equal(100, frame.Step);
        Assert.False(reader.Read(frame));
    }

    [Fact]
    public void TheFirstBadLineIsReportedWithItsLineNumber()
    {
        var (path, _) = Write("\n", i => i is 123_456 or 290_000 ? "5 1 2.0 oops 7 0 0 1" : null);
        using var reader = new LammpsDumpReader(path);
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        var e = Assert.Throws<InputFormatException>(() => reader.Read(frame));
        Assert.Equal((2 * (9 + Atoms)) - Atoms + 123_456 + 1, e.Line); // frame 1 header is 9 lines, atom lines follow
        Assert.Contains("'y'", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.FrameIndex);
    }

    [Fact]
    public void AFrameCutShortIsATruncationWithTheCountFound()
    {
        var (path, _) = Write("\n", stopAfter: 250_000);
        using var reader = new LammpsDumpReader(path);
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        var e = Assert.Throws<InputFormatException>(() => reader.Read(frame));
        Assert.Contains($"{Atoms} atom lines", e.Message, StringComparison.Ordinal);
        Assert.Contains("found 250000", e.Message, StringComparison.Ordinal);
    }
}
