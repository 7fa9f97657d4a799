using GbAtomistics.Core.Mpi;

namespace GbAtomistics.Analysis;

/// <summary>
/// An accumulator whose state after <see cref="IFrameAccumulator.Merge"/> is a set of additive sums, so that the
/// accumulators of MPI ranks over disjoint frames combine by one all-reduce of <see cref="Sums"/>.
/// </summary>
public interface IReducibleAccumulator : IFrameAccumulator
{
    /// <summary>The additive sums (arrays and counters), registered in a fixed order.</summary>
    SumBuffer Sums();
}
