using BenchmarkDotNet.Attributes;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;

namespace GbAtomistics.Benchmarks;

/// <summary>Reading every frame of a synthetic 100k-atom × 20-frame <c>dump custom id type x y z</c>.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class DumpReadBenchmark
{
    private readonly Frame _frame = new();
    private string _path = string.Empty;

    [Params(100_000)]
    public int Atoms { get; set; }

    [Params(20)]
    public int Frames { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = SyntheticDump.Create(Program.DataFolder, Atoms, Frames);
    }

    [Benchmark]
    public int ReadAllFrames()
    {
        using var reader = new LammpsDumpReader(_path);
        int n = 0;
        while (reader.Read(_frame))
        {
            n++;
        }

        return n;
    }

    [Benchmark]
    public int SkipAllFrames()
    {
        using var reader = new LammpsDumpReader(_path);
        int n = 0;
        while (reader.Skip())
        {
            n++;
        }

        return n;
    }
}
