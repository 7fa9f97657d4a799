using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;

namespace GbAtomistics.IO;

/// <summary>
/// A LAMMPS dump written as several files (<see cref="TrajectoryFiles"/>), shared between MPI ranks by whole files:
/// rank r takes a contiguous block of the files, lists their steps (frames skipped, not parsed), the lists of all
/// ranks give every rank the same plan (which leading frames of each file repeat the previous file's steps and are
/// dropped, by the rules of <see cref="MultiFileReader"/>), and each rank then reads its own files. Compressed files
/// are decompressed by one rank only (twice: to list the steps, then to read).
/// </summary>
public static class FileShares
{
    /// <summary>Whether <paramref name="spec"/> names several files read as LAMMPS dumps.</summary>
    public static bool CanShare(string spec, string? format) =>
        TrajectoryFiles.IsMulti(spec) && FormatRegistry.DetectForReading(TrajectoryFiles.Expand(spec)[0], format).Name == "lammps-dump";

    /// <summary>The first of the <paramref name="files"/> files that rank <paramref name="rank"/> of <paramref name="ranks"/> reads.</summary>
    public static int FirstFile(int files, int rank, int ranks) => (int)((long)files * rank / ranks);

    /// <summary>The step of every frame of the dump <paramref name="file"/> (atom lines skipped, not parsed).</summary>
    public static long[] Steps(string file, ReadOptions? options)
    {
        var dump = new LammpsDumpReader(file, options);
        using var reader = new StreamGuard(dump);
        var steps = new List<long>();
        while (reader.Skip())
        {
            steps.Add(dump.Step);
        }

        return [.. steps];
    }

    /// <summary>
    /// How many leading frames of each file are dropped (they repeat steps the previous file gave); a located error
    /// for steps that go back within a file or frames missing between files.
    /// </summary>
    public static int[] LeadingDrops(string spec, IReadOnlyList<string> files, IReadOnlyList<long[]> steps)
    {
        var sequence = new StepSequence();
        var drops = new int[files.Count];
        for (int f = 0; f < files.Count; f++)
        {
            if (f > 0)
            {
                sequence.NewFile();
            }

            for (int k = 0; k < steps[f].Length; k++)
            {
                int file = f, frame = k;
                if (!sequence.Keep(steps[f][k], f > 0 ? files[f - 1] : string.Empty, detail =>
                    new InputFormatException(files[file], 0, frame, $"{detail} (reading {spec} as one trajectory)")))
                {
                    drops[f]++;
                }
            }
        }

        return drops;
    }

    /// <summary>
    /// A reader of files [<paramref name="from"/>, <paramref name="to"/>) without the leading frames
    /// <paramref name="drops"/> says repeat earlier steps; every frame must have the atoms <paramref name="ids"/>.
    /// Its frame indices count the kept frames from 0.
    /// </summary>
    public static ITrajectoryReader Open(string spec, IReadOnlyList<string> files, int from, int to, int[] drops, long[] ids, ReadOptions? options, string? format) =>
        new FileShareReader(spec, files, from, to, drops, ids, options, format);
}
