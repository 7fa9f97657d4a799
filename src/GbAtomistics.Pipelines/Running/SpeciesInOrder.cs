using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;
using GbAtomistics.Core.Unwrapping;
using GbAtomistics.IO;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// Feeds the frames of a trajectory in time order (<see cref="OrderedFrameReader"/>) to an analysis that follows the
/// atoms of one species from the first frame on (the MSD, the ion dynamics). When the analysis needs no other atom, the
/// reader is asked for that species alone (<see cref="ReadOptions.OnlySpecies"/>: a LAMMPS dump reader then reads no
/// more of the other atoms' lines than their type), and everything is read again, every atom, wherever the species'
/// atoms alone might give another result (see <see cref="TryRead{T}"/>). Not under MPI, where the ranks would have
/// to agree on the fallback.
/// </summary>
internal static class SpeciesInOrder
{
    /// <summary>
    /// The accumulator <paramref name="begin"/> made from the first frame, after every frame was given to
    /// <paramref name="accumulate"/>. <paramref name="onlySpecies"/> is the one species the analysis needs, null when it
    /// needs every atom; <paramref name="positions"/> gives the analysis's positions (for how they were unwrapped);
    /// <paramref name="needs"/> begins the error for frames of different atom counts ("the MSD needs").
    /// </summary>
    public static T Read<T>(
        TrajectoryInput input, int threads, string? onlySpecies, string needs, Func<Frame, T> begin, Action<T, Frame> accumulate, Func<T, MsdAccumulator> positions)
        where T : class
    {
        if (onlySpecies is not null && !MpiWorld.IsParallel)
        {
            var alone = input with { ReadOptions = input.ReadOptions with { OnlySpecies = onlySpecies } };
            if (TryRead(alone, threads, onlySpecies: true, needs, begin, accumulate, positions) is { } kept)
            {
                return kept;
            }
        }

        return TryRead(input, threads, onlySpecies: false, needs, begin, accumulate, positions)!;
    }

    /// <summary>
    /// Reads every frame into a new accumulator. With <paramref name="onlySpecies"/> (frames that may hold the species'
    /// atoms alone), null instead when the result could differ from that of a read of every atom: the species is absent
    /// (that read names the species present), the atoms are not the same from frame to frame (types changed, as under
    /// <c>fix atom/swap</c>: the analysis follows the atoms of the first frame), the file's atom count changes (that read
    /// reports it), or positions are unwrapped by displacements while atoms were left out (the warning counts the steps of
    /// every atom). A reader that left nothing out (another format, or a species that is every atom) gave the full read.
    /// </summary>
    internal static T? TryRead<T>(
        TrajectoryInput input, int threads, bool onlySpecies, string needs, Func<Frame, T> begin, Action<T, Frame> accumulate, Func<T, MsdAccumulator> positions)
        where T : class
    {
        T? accumulator = null;
        long[]? ids = null;
        int fileAtoms = -1;
        int frames = 0;
        try
        {
            OrderedFrameReader.Run(input, threads, frame =>
            {
                if (onlySpecies && (frame.Count == 0
                    || (ids is not null && (frame.Count + frame.AtomsLeftOut != fileAtoms || !frame.Ids.AsSpan(0, frame.Count).SequenceEqual(ids)))))
                {
                    throw new AtomsDiffer();
                }

                accumulator ??= begin(frame);
                if (ids is not null && frame.Count != ids.Length)
                {
                    throw new InputException(
                        $"{input.Path}: frame {frames} of the selection has {frame.Count} atoms but the first has {ids.Length}; {needs} the same atoms in every frame");
                }

                ids ??= frame.Ids.AsSpan(0, frame.Count).ToArray();
                fileAtoms = frame.Count + frame.AtomsLeftOut;
                accumulate(accumulator, frame);
                frames++;
                if (onlySpecies && frame.AtomsLeftOut > 0 && positions(accumulator).UnwrapMode == UnwrapMode.Displacements)
                {
                    throw new AtomsDiffer();
                }
            });
        }
        catch (AtomsDiffer)
        {
            return null;
        }

        return accumulator;
    }

    /// <summary>The frames of one species alone cannot give the result of a read of every atom (<see cref="TryRead{T}"/>).</summary>
    private sealed class AtomsDiffer : Exception;
}
