using System.Globalization;
using System.Text;
using GbAtomistics.Core;
using GbAtomistics.Fuzz;
using GbAtomistics.IO.Lammps;
using GbAtomistics.IO.Xyz;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Reliability;

/// <summary>
/// Damaged large frames read the same whether their atom lines are parsed by all cores or one after another: the
/// same frames, or the same located error, for seeded mutations of a 20 000-atom dump and extended XYZ file.
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

        AgreeOnMutations(Encoding.ASCII.GetBytes(sb.ToString()), "lammpstrj", (path, options) => new LammpsDumpReader(path, options));
    }

    [Fact]
    public void ParallelAndSequentialParsesAgreeOnMutatedExtendedXyz()
    {
        // Species first seen in the middle of a frame (Cl in the first, Na in the second) must get the types a
        // sequential read gives them (order of first appearance).
        var random = new Random(11);
        var sb = new StringBuilder();
        for (int f = 0; f < 2; f++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"20000\nLattice=\"40 0 0 0 40 0 0 0 40\" Properties=species:S:1:pos:R:3:forces:R:3 Step={f * 10}\n");
            for (int i = 0; i < 20000; i++)
            {
                string species = (f, i) switch
                {
                    (0, >= 15000) when i % 7 == 0 => "Cl",
                    (1, >= 5000) when i % 11 == 0 => "Na",
                    _ => i % 3 == 0 ? "O" : "Li",
                };
                sb.Append(CultureInfo.InvariantCulture, $"{species} {40 * random.NextDouble():F5} {40 * random.NextDouble():F5} {40 * random.NextDouble():F5} {random.NextDouble() - 0.5:F4} 0.0 {random.NextDouble():F4}\n");
            }
        }

        AgreeOnMutations(Encoding.ASCII.GetBytes(sb.ToString()), "extxyz", (path, options) => new ExtxyzReader(path, options));
    }

    /// <summary>The parallel and the sequential parse give the same outcome on the file and on 60 seeded mutations of it.</summary>
    private static void AgreeOnMutations(byte[] original, string extension, Func<string, ReadOptions, ITrajectoryReader> open)
    {
        string dir = TestPaths.NewTempDir();
        string intact = Path.Combine(dir, $"intact.{extension}");
        File.WriteAllBytes(intact, original);
        string whole = Outcome(intact, new ReadOptions(), open);
        Assert.False(whole.StartsWith("error", StringComparison.Ordinal), whole);
        Assert.Equal(whole, Outcome(intact, new ReadOptions { ParallelAtoms = int.MaxValue }, open));
        Assert.Equal(Environment.ProcessorCount > 1, ReadOnAllCores(intact, new ReadOptions(), open));
        Assert.False(ReadOnAllCores(intact, new ReadOptions { ParallelAtoms = int.MaxValue }, open));
        int refused = 0;
        for (int k = 0; k < 60; k++)
        {
            byte[] mutated = Mutator.Apply(original, new Random(1000 + k), out string applied);
            string path = Path.Combine(dir, $"m{k}.{extension}");
            File.WriteAllBytes(path, mutated);
            string parallel = Outcome(path, new ReadOptions(), open);
            string sequential = Outcome(path, new ReadOptions { ParallelAtoms = int.MaxValue }, open);
            Assert.True(parallel == sequential, $"mutation {k} ({applied}): parallel {parallel} vs sequential {sequential}");
            refused += parallel.StartsWith("error", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(refused > 0, "no mutation was refused: the mutations do not reach the atom lines");
    }

    /// <summary>Whether the first frame was parsed by all cores, as the reader (behind its guard) reports it.</summary>
    private static bool ReadOnAllCores(string path, ReadOptions options, Func<string, ReadOptions, ITrajectoryReader> open)
    {
        using ITrajectoryReader reader = new StreamGuard(open(path, options));
        Assert.True(reader.Read(new Frame()));
        return reader.ReadOnAllCores;
    }

    /// <summary>A fingerprint of every frame read (with its species names), or the error that stopped the reading.</summary>
    private static string Outcome(string path, ReadOptions options, Func<string, ReadOptions, ITrajectoryReader> open)
    {
        var text = new StringBuilder();
        try
        {
            using var reader = new StreamGuard(open(path, options));
            var frame = new Frame();
            while (reader.Read(frame))
            {
                double sum = 0;
                for (int i = 0; i < frame.Count; i++)
                {
                    sum += (frame.Ids[i] * 1e-3) + frame.Types[i] + frame.Positions[i].X + (2 * frame.Positions[i].Y) + (3 * frame.Positions[i].Z);
                }

                text.Append(CultureInfo.InvariantCulture, $"{frame.Step}:{frame.Count}:{sum:R}:{frame.Species};");
            }

            return text.ToString();
        }
        catch (InputFormatException e)
        {
            return "error " + e.Message;
        }
    }
}
