using GbAtomistics.Core;

namespace GbAtomistics.Analysis;

/// <summary>
/// Raw sums of an analysis over a block of frames. The runner gives each worker its own accumulator, feeds it
/// frames, and merges the accumulators of disjoint blocks in a fixed order, so one design serves one thread or many.
/// </summary>
public interface IFrameAccumulator
{
    /// <summary>Adds one frame. The frame is reused by the caller afterwards; copy what must be kept.</summary>
    void Accumulate(Frame frame);

    /// <summary>Adds the sums of <paramref name="other"/>, an accumulator of the same analysis over other frames.</summary>
    void Merge(IFrameAccumulator other);
}
