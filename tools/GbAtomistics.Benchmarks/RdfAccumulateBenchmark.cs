using BenchmarkDotNet.Attributes;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Benchmarks;

/// <summary>
/// The RDF hot path on one frame of thermally displaced Li2O (4116 atoms, 32.3 Å cube, about 1.1 M pairs within
/// 10 Å): the whole accumulation of all partial RDFs and the total, and the rebuilt cell list with a visitor that
/// only counts. Run with <c>--filter *Rdf* --inProcess</c> (add <c>--job short</c> for a quick look).
/// </summary>
[MemoryDiagnoser]
public class RdfAccumulateBenchmark
{
    private Frame[] _frames = [];
    private RdfAccumulator _accumulator = null!;
    private CellList _cells = null!;
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
        _cells = new CellList(_frames[0].Box, _frames[0].Positions.AsSpan(0, _frames[0].Count), RMax);
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
        _cells.Rebuild(f.Box, f.Positions.AsSpan(0, f.Count));
        _cells.VisitPairs(ref counter);
        return counter.Pairs;
    }

    private struct Counter : IPairVisitor
    {
        public long Pairs;

        public void Visit(int i, int j, double distanceSquared) => Pairs++;
    }
}
