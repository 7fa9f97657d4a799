using BenchmarkDotNet.Attributes;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Benchmarks;

/// <summary>
/// The RDF hot path on one frame of thermally displaced Li2O (4116 atoms, 32.3 Å cube, about 1.1 M pairs within
/// 10 Å): the whole accumulation of all partial RDFs and the total, and the cell list with a visitor that only counts.
/// </summary>
[MemoryDiagnoser]
public class RdfAccumulateBenchmark
{
    private Frame[] _frames = [];
    private RdfAccumulator _accumulator = null!;
    private int _next;

    [Params(10.0)]
    public double RMax { get; set; }

    [Params(200)]
    public int Bins { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _frames = RdfFrames.Li2O(7, 8);
        var analyzer = new RdfAnalyzer(new RdfOptions(RMax, Bins));
        _accumulator = analyzer.Begin(_frames[0]);
        _accumulator.Accumulate(_frames[0]);
    }

    [Benchmark]
    public int Accumulate()
    {
        Frame f = _frames[_next++ % _frames.Length];
        _accumulator.Accumulate(f);
        return _accumulator.Frames;
    }

    [Benchmark]
    public long CellListCountPairs()
    {
        Frame f = _frames[_next++ % _frames.Length];
        var counter = new Counter();
        new CellList(f.Box, f.Positions.AsSpan(0, f.Count), RMax).VisitPairs(ref counter);
        return counter.Pairs;
    }

    private struct Counter : IPairVisitor
    {
        public long Pairs;

        public void Visit(int i, int j, double distanceSquared) => Pairs++;
    }
}
