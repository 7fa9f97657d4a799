using System.Globalization;
using System.Text;
using GbAtomistics.Core;
using GbAtomistics.Fuzz;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Reliability;

/// <summary>
/// Damaged large frames read the same whether their atom lines are parsed by all cores or one after another: the
/// same frames, or the same located error, for seeded mutations of a 20 000-atom dump.
/// </summary>
public sealed class ParallelParseMutationTests
{
    [Fact]
    public void ParallelAndSequentialParsesAgreeOnMutatedDumps()
    {
        var random = new Random(7);
        var sb = new StringBuilder();
        for (int f = 0; f < 2; f++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"ITEM: TIMESTEP\n{f * 10}\nITEM: NUMBER OF ATOMS\n20000\nITEM: BOX BOUNDS pp pp pp\n0 40\n0 40\n0 40\nITEM: ATOMS id type x y z\n");
            for (int i = 0; i < 20000; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{20000 - i} {1 + (i % 2)} {40 * random.NextDouble():F5} {40 * random.NextDouble():F5} {40 * random.NextDouble():F5}\n");
            }
        }

        byte[] original = Encoding.ASCII.GetBytes(sb.ToString());
        string dir = TestPaths.NewTempDir();
        int compared = 0, refused = 0;
        for (int k = 0; k < 60; k++)
        {
            byte[] mutated = Mutator.Apply(original, new Random(1000 + k), out string applied);
            string path = Path.Combine(dir, $"m{k}.lammpstrj");
            File.WriteAllBytes(path, mutated);
            string parallel = Outcome(path, new ReadOptions());
            string sequential = Outcome(path, new ReadOptions { ParallelAtoms = int.MaxValue });
            Assert.True(parallel == sequential, $"mutation {k} ({applied}): parallel {parallel} vs sequential {sequential}");
            compared++;
            refused += parallel.StartsWith("error", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.Equal(60, compared);
        Assert.True(refused > 0, "no mutation was refused: the mutations do not reach the atom lines");
    }

    /// <summary>A fingerprint of every frame read, or the error that stopped the reading.</summary>
    private static string Outcome(string path, ReadOptions options)
    {
        var text = new StringBuilder();
        try
        {
            using var reader = new StreamGuard(new LammpsDumpReader(path, options));
            var frame = new Frame();
            while (reader.Read(frame))
            {
                double sum = 0;
                for (int i = 0; i < frame.Count; i++)
                {
                    sum += (frame.Ids[i] * 1e-3) + frame.Types[i] + frame.Positions[i].X + (2 * frame.Positions[i].Y) + (3 * frame.Positions[i].Z);
                }

                text.Append(CultureInfo.InvariantCulture, $"{frame.Step}:{frame.Count}:{sum:R};");
            }

            return text.ToString();
        }
        catch (InputFormatException e)
        {
            return "error " + e.Message;
        }
    }
}
