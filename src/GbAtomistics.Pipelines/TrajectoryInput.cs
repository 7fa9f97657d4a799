using GbAtomistics.Core;
using GbAtomistics.IO;

namespace GbAtomistics.Pipelines;

/// <summary>A trajectory to analyse: the file, how to read it, and which frames to use.</summary>
public sealed record TrajectoryInput(string Path, ReadOptions ReadOptions, string? Format = null, FrameSelection? Selection = null)
{
    public FrameSelection Frames => Selection ?? FrameSelection.All;
}
