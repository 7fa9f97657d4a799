using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;

namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// Streams a trajectory in time order through the MSD's <see cref="MsdAccumulator"/> (unwrapping, drift correction,
/// GB membership at each frame) and keeps, besides its unwrapped positions of the mobile species only
/// (T × N × 3 doubles) and membership (T × N bytes), the cell of every frame for minimum images and plane crossings.
/// Frames must arrive in order, so it runs on one thread. Under MPI, ranks may read disjoint blocks of frames
/// (<see cref="IFrameBlockAccumulator"/>): the exchange then gives every rank every frame of every mobile ion, and
/// the cells, since the analysis needs all of them.
/// </summary>
public sealed class DynamicsAccumulator : IFrameBlockAccumulator
{
    private readonly List<Box> _boxes = [];

    internal DynamicsAccumulator(DynamicsOptions options, MsdAccumulator inner, long[] ids)
    {
        Options = options;
        Inner = inner;
        Ids = ids;
    }

    public DynamicsOptions Options { get; }

    /// <summary>Frames accumulated so far.</summary>
    public int Frames => Inner.Frames;

    internal MsdAccumulator Inner { get; }

    /// <summary>Atom ids of the mobile ions, in the order of the stored positions.</summary>
    internal long[] Ids { get; }

    internal IReadOnlyList<Box> Boxes => _boxes;

    public void Accumulate(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Inner.Accumulate(frame);
        _boxes.Add(frame.Box);
    }

    /// <inheritdoc/>
    public void HoldFrameBlock() => Inner.HoldFrameBlock();

    /// <inheritdoc/>
    public void ExchangeOverRanks()
    {
        Inner.ExchangeOverRanks();
        Box[] boxes = FrameTransfer.AllGather(_boxes);
        _boxes.Clear();
        _boxes.AddRange(boxes);
    }

    /// <summary>Not supported: the dynamics need every frame in order in one accumulator.</summary>
    public void Merge(IFrameAccumulator other) =>
        throw new InvalidOperationException("the dynamics accumulator needs all frames in time order; run it with one frame worker");
}
