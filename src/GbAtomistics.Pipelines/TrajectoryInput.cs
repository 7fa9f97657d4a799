using GbAtomistics.Core;
using GbAtomistics.IO;

namespace GbAtomistics.Pipelines;

/// <summary>A trajectory to analyse: the file, how to read it, and which frames to use.</summary>
public sealed record TrajectoryInput(string Path, ReadOptions ReadOptions, string? Format = null, FrameSelection? Selection = null)
{
    /// <summary>
    /// Where the MD timestep came from (<see cref="Pipelines.TimestepSource.Resolve"/>): given, a <c>log.lammps</c>
    /// line, or the file itself; null before it is resolved.
    /// </summary>
    public string? TimestepSource { get; init; }

    public FrameSelection Frames => Selection ?? FrameSelection.All;
}
