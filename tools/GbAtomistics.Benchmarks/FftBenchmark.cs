using BenchmarkDotNet.Attributes;
using GbAtomistics.Analysis.Transport.Msd;
using MathNet.Numerics.IntegralTransforms;

namespace GbAtomistics.Benchmarks;

/// <summary>
/// The complex FFT of the MSD (forward and inverse of one padded series, as for each atom) against MathNet.Numerics'
/// <c>Fourier</c> on the same split real/imaginary arrays, at the padded lengths of 2 000 and 30 000 frames.
/// </summary>
[MemoryDiagnoser]
public class FftBenchmark
{
    private double[] _re = [];
    private double[] _im = [];
    private double[] _source = [];
    private Fft _fft = null!;
    private System.Numerics.Complex[] _complex = [];

    [Params(4096, 65536)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _source = Enumerable.Range(0, N).Select(_ => random.NextDouble()).ToArray();
        _re = new double[N];
        _im = new double[N];
        _fft = new Fft(N);
        _complex = new System.Numerics.Complex[N];
    }

    [Benchmark(Baseline = true)]
    public double Ours()
    {
        Array.Copy(_source, _re, N);
        Array.Clear(_im);
        _fft.Forward(_re, _im);
        _fft.Inverse(_re, _im);
        return _re[1];
    }

    [Benchmark]
    public double MathNet()
    {
        Array.Copy(_source, _re, N);
        Array.Clear(_im);
        Fourier.Forward(_re, _im, FourierOptions.NoScaling);
        Fourier.Inverse(_re, _im, FourierOptions.NoScaling);
        return _re[1];
    }

    [Benchmark]
    public double MathNetComplex()
    {
        for (int i = 0; i < N; i++)
        {
            _complex[i] = new System.Numerics.Complex(_source[i], 0);
        }

        Fourier.Forward(_complex, FourierOptions.NoScaling);
        Fourier.Inverse(_complex, FourierOptions.NoScaling);
        return _complex[1].Real;
    }
}
