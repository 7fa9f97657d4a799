namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// In-place iterative radix-2 complex FFT (Cooley–Tukey) on separate real and imaginary arrays whose length is a
/// power of two. Forward uses exp(−2πi jk/n); the inverse is unnormalised (divide by n yourself).
/// </summary>
/// <remarks>
/// Kept instead of MathNet.Numerics' <c>Fourier</c> because the MSD runs faster with it end to end, although MathNet's
/// transform alone is faster: BenchmarkDotNet (tools/GbAtomistics.Benchmarks, FftBenchmark, forward + inverse)
/// measured MathNet at 254 µs against 277 µs here for n = 4096 (the padded length of 2000 frames) and 7.9 ms against
/// 12.8 ms for n = 65536, but its split real/imaginary API allocates 158 kB per transform (27 kB with its Complex[]
/// API, which is no faster at 4096), and a run makes thousands: <c>gbat msd</c> of 2000 atoms × 2000 frames took
/// 1.06–1.08 s with MathNet and 0.90–0.99 s with this transform (three runs each, same machine).
/// </remarks>
internal sealed class Fft
{
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly int[] _reverse;

    public Fft(int n)
    {
        if (n < 1 || (n & (n - 1)) != 0)
        {
            throw new ArgumentException($"FFT length {n} is not a power of two", nameof(n));
        }

        N = n;
        _cos = new double[n / 2];
        _sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++)
        {
            double angle = -2 * Math.PI * k / n;
            _cos[k] = Math.Cos(angle);
            _sin[k] = Math.Sin(angle);
        }

        _reverse = new int[n];
        int bits = System.Numerics.BitOperations.Log2((uint)n);
        for (int i = 0; i < n; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _reverse[i] = r;
        }
    }

    public int N { get; }

    /// <summary>The smallest power of two ≥ <paramref name="n"/>.</summary>
    public static int Size(int n) => n <= 1 ? 1 : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)n);

    public void Forward(double[] re, double[] im) => Transform(re, im, 1);

    public void Inverse(double[] re, double[] im) => Transform(re, im, -1);

    private void Transform(double[] re, double[] im, int sign)
    {
        int n = N;
        for (int i = 0; i < n; i++)
        {
            int j = _reverse[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (int size = 2; size <= n; size <<= 1)
        {
            int half = size >> 1;
            int step = n / size;
            for (int k = 0; k < half; k++)
            {
                // one twiddle factor for every butterfly of this stage with the same k
                double wr = _cos[k * step];
                double wi = sign * _sin[k * step];
                for (int a = k; a < n; a += size)
                {
                    int b = a + half;
                    double tr = (wr * re[b]) - (wi * im[b]);
                    double ti = (wr * im[b]) + (wi * re[b]);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
