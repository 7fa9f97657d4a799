using GbAtomistics.Analysis;

namespace GbAtomistics.Pipelines.Running;

/// <summary>What <c>FrameRunner.Run</c> returns: merged accumulators, frames used and read, and the wall time.</summary>
public sealed record RunOutcome(IReadOnlyList<IFrameAccumulator> Accumulators, int FramesUsed, int FramesRead, TimeSpan Elapsed);
