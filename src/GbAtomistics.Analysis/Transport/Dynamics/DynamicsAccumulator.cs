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
        int local = _boxes.Count;
        Inner.ExchangeOverRanks();
        int before = (int)MpiWorld.Gather(local).Take(MpiWorld.Rank).Sum();
        const int PerBox = 15; // the cell vectors a, b, c, the origin, the periodic flags
        double[] cells = new double[PerBox * Inner.Frames];
        for (int t = 0; t < local; t++)
        {
            Box b = _boxes[t];
            Span<double> c = cells.AsSpan(PerBox * (before + t), PerBox);
            foreach (var (v, k) in new[] { (b.H.C0, 0), (b.H.C1, 3), (b.H.C2, 6), (b.Origin, 9) })
            {
                (c[k], c[k + 1], c[k + 2]) = (v.X, v.Y, v.Z);
            }

            (c[12], c[13], c[14]) = (b.Periodic.A ? 1 : 0, b.Periodic.B ? 1 : 0, b.Periodic.C ? 1 : 0);
        }

        MpiWorld.Sum(cells); // each frame's numbers come from one rank, zeros from the others: exact
        _boxes.Clear();
        for (int t = 0; t < Inner.Frames; t++)
        {
            ReadOnlySpan<double> c = cells.AsSpan(PerBox * t, PerBox);
            var h = new Mat3(new Vec3(c[0], c[1], c[2]), new Vec3(c[3], c[4], c[5]), new Vec3(c[6], c[7], c[8]));
            _boxes.Add(new Box(h, new Vec3(c[9], c[10], c[11]), new PeriodicFlags(c[12] != 0, c[13] != 0, c[14] != 0)));
        }
    }

    /// <summary>Not supported: the dynamics need every frame in order in one accumulator.</summary>
    public void Merge(IFrameAccumulator other) =>
        throw new InvalidOperationException("the dynamics accumulator needs all frames in time order; run it with one frame worker");
}
