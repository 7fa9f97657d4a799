using System.Buffers;
using System.Runtime.CompilerServices;
using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Analysis.Rdf;

/// <summary>
/// RDFs of one pass that differ only in their region (the whole cell, the boundary slabs, the bulk), accumulated over
/// one traversal of each frame's pairs: a pair is binned once and counted in every member's histogram as the member's
/// own loop counts it (every atom central: once at (species i, species j); with a region: by each central end at (its
/// species, the other's)), so each member's sums are exactly those it gives alone. Members that would take another
/// loop (without g_total they visit the chosen species pairs only) or other distances accumulate one by one.
/// </summary>
internal sealed class RdfAccumulatorGroup : IReducibleAccumulator
{
    private readonly RdfAccumulator[] _members;
    private readonly bool _oneTraversal;

    public RdfAccumulatorGroup(RdfAccumulator[] members)
    {
        _members = members;
        RdfOptions first = members[0].Options;
        _oneTraversal = members.Length > 1 && members.All(m =>
            m.Options.Total && m.Options.RMax == first.RMax && m.Options.Bins == first.Bins && m.Slots == members[0].Slots);
    }

    public IReadOnlyList<RdfAccumulator> Members => _members;

    public void Accumulate(Frame frame)
    {
        if (!_oneTraversal)
        {
            foreach (RdfAccumulator m in _members)
            {
                m.Accumulate(frame);
            }

            return;
        }

        int n = frame.Count;
        int[] speciesOf = ArrayPool<int>.Shared.Rent(n);
        var centralOf = new bool[_members.Length][];
        var central = new bool[]?[_members.Length];
        var centralTotal = new int[_members.Length];
        var histograms = new int[_members.Length][];
        try
        {
            for (int k = 0; k < _members.Length; k++)
            {
                centralOf[k] = ArrayPool<bool>.Shared.Rent(n);
                centralTotal[k] = _members[k].BeginFrame(frame, speciesOf, centralOf[k]); // the same species for every member
                central[k] = _members[k].Options.Region is null ? null : centralOf[k];
                histograms[k] = _members[k].Histogram;
            }

            RdfOptions options = _members[0].Options;
            var visitor = new Visitor(histograms, central, speciesOf, _members[0].Slots, options.Bins,
                new RdfAccumulator.Binning(options.Bins, options.Bins / options.RMax));
            CellListPool.VisitPairs(frame.Box, frame.Positions.AsSpan(0, n), options.RMax, ref visitor);
            for (int k = 0; k < _members.Length; k++)
            {
                _members[k].EndFrame(frame, centralTotal[k]);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(speciesOf);
            foreach (bool[]? c in centralOf)
            {
                if (c is not null)
                {
                    ArrayPool<bool>.Shared.Return(c);
                }
            }
        }
    }

    public void Merge(IFrameAccumulator other)
    {
        if (other is not RdfAccumulatorGroup o || o._members.Length != _members.Length)
        {
            throw new ArgumentException("RDF groups of different set-ups cannot be merged", nameof(other));
        }

        for (int k = 0; k < _members.Length; k++)
        {
            _members[k].Merge(o._members[k]);
        }
    }

    public SumBuffer Sums()
    {
        var sums = new SumBuffer();
        foreach (RdfAccumulator m in _members)
        {
            sums.Add(m.Sums());
        }

        return sums;
    }

    /// <summary>One pair, every member: the counts of <c>AllCentralVisitor</c> (no region) and <c>RegionVisitor</c>.</summary>
    private readonly struct Visitor(int[][] histograms, bool[]?[] central, int[] speciesOf, int slots, int bins, RdfAccumulator.Binning binning)
        : IPairVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int i, int j, double distanceSquared)
        {
            int bin = binning.Of(distanceSquared);
            int si = speciesOf[i];
            int sj = speciesOf[j];
            int ij = (((si * slots) + sj) * bins) + bin;
            int ji = (((sj * slots) + si) * bins) + bin;
            for (int k = 0; k < histograms.Length; k++)
            {
                bool[]? c = central[k];
                if (c is null)
                {
                    histograms[k][ij]++;
                    continue;
                }

                if (c[i])
                {
                    histograms[k][ij]++;
                }

                if (c[j])
                {
                    histograms[k][ji]++;
                }
            }
        }
    }
}
