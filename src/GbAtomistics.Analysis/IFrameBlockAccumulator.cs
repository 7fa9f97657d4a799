namespace GbAtomistics.Analysis;

/// <summary>
/// An accumulator that needs frames in time order (the MSD) but can also be fed by MPI ranks that read disjoint
/// blocks of consecutive frames: after <see cref="HoldFrameBlock"/> each rank feeds it the frames of its own block,
/// in order, and the collective <see cref="ExchangeOverRanks"/> then leaves every rank with the state it has when it
/// reads every frame itself.
/// </summary>
public interface IFrameBlockAccumulator : IFrameAccumulator
{
    /// <summary>Called before the first frame: this rank will see only its own block of frames.</summary>
    void HoldFrameBlock();

    /// <summary>Collective, after every rank has fed its block: combines the blocks over the ranks.</summary>
    void ExchangeOverRanks();
}
