namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// Time correlations by FFT with zero padding to at least 2T (so no wrap-around): the sums over all time origins
/// that the MSD needs. One instance per thread; it reuses its buffers.
/// </summary>
internal sealed class Correlation
{
    private readonly Dictionary<int, (Fft Fft, double[] Re, double[] Im, double[] Re2, double[] Im2)> _work = [];

    private (Fft Fft, double[] Re, double[] Im, double[] Re2, double[] Im2) Workspace(int length)
    {
        int n = Fft.Size(2 * Math.Max(length, 1));
        if (!_work.TryGetValue(n, out var w))
        {
            w = (new Fft(n), new double[n], new double[n], new double[n], new double[n]);
            _work[n] = w;
        }

        return w;
    }

    /// <summary>
    /// Adds Σ_{t=0}^{T−k−1} (a(t+k) − a(t))² and the same for <paramref name="b"/> to <paramref name="sumA"/> and
    /// <paramref name="sumB"/> at each lag k &lt; T, T the length of the series. Two real series share one complex FFT.
    /// </summary>
    public void AddSquaredDisplacementSums(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> sumA, Span<double> sumB)
    {
        var (fft, re, im) = PowerSpectra(a, b);

        // Transform P = |A|² + i|B|² back: the real part is the autocorrelation of a, the imaginary part that of b.
        fft.Inverse(re, im);
        double scale = 1.0 / fft.N;
        AddFromAutocorrelation(a, re, scale, sumA);
        AddFromAutocorrelation(b, im, scale, sumB);
    }

    /// <summary>The FFT length used for series of <paramref name="length"/> frames.</summary>
    public static int PaddedSize(int length) => Fft.Size(2 * Math.Max(length, 1));

    /// <summary>
    /// Adds the power spectra |A|² and |B|² of two real series (zero-padded to <see cref="PaddedSize"/>) to
    /// <paramref name="powerA"/> and <paramref name="powerB"/> (which may be the same array), with one complex FFT.
    /// Power spectra of many atoms add, so one inverse transform (<see cref="SubtractAutocorrelation"/>) serves them
    /// all. An empty <paramref name="b"/> counts as zeros.
    /// </summary>
    public void AddPower(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double[] powerA, double[] powerB)
    {
        var (fft, re, im) = PowerSpectra(a, b);
        for (int k = 0; k < fft.N; k++)
        {
            powerA[k] += re[k];
            powerB[k] += im[k];
        }
    }

    /// <summary>
    /// One complex FFT of a + ib (zero-padded), split into the power spectra of the two real series:
    /// on return the workspace holds |A|² in the real and |B|² in the imaginary array (both real and even).
    /// </summary>
    private (Fft Fft, double[] Re, double[] Im) PowerSpectra(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var (fft, re, im, _, _) = Workspace(a.Length);
        int n = fft.N;
        Array.Clear(re, 0, n);
        Array.Clear(im, 0, n);
        a.CopyTo(re);
        b.CopyTo(im);
        fft.Forward(re, im);
        for (int k = 0; k <= n / 2; k++)
        {
            int m = (n - k) & (n - 1);
            double zr = re[k], zi = im[k], wr = re[m], wi = im[m];
            double ar = (zr + wr) / 2, ai = (zi - wi) / 2;
            double br = (zi + wi) / 2, bi = (wr - zr) / 2;
            double pa = (ar * ar) + (ai * ai);
            double pb = (br * br) + (bi * bi);
            re[k] = pa;
            im[k] = pb;
            re[m] = pa;
            im[m] = pb;
        }

        return (fft, re, im);
    }

    /// <summary>Adds Σ_{t=0}^{T−k−1} [x(t)² + x(t+k)²] to <paramref name="sum"/> at each lag k ≥ 1.</summary>
    public static void AddSquareSums(ReadOnlySpan<double> x, Span<double> sum)
    {
        int t = x.Length;
        double s1 = 0;
        for (int i = 0; i < t; i++)
        {
            s1 += 2 * x[i] * x[i];
        }

        for (int k = 1; k < t; k++)
        {
            s1 -= (x[k - 1] * x[k - 1]) + (x[t - k] * x[t - k]);
            sum[k] += s1;
        }
    }

    /// <summary>
    /// Subtracts twice the autocorrelations whose summed power spectra are <paramref name="powerA"/> and
    /// <paramref name="powerB"/> from <paramref name="sumA"/> and <paramref name="sumB"/> at lags 1 … length−1.
    /// </summary>
    public void SubtractAutocorrelation(double[] powerA, double[] powerB, Span<double> sumA, Span<double> sumB, int length)
    {
        var (fft, re, im, _, _) = Workspace(length);
        int n = fft.N;
        Array.Copy(powerA, re, n);
        Array.Copy(powerB, im, n);
        fft.Inverse(re, im);
        for (int k = 1; k < length; k++)
        {
            sumA[k] = Math.Max(0, sumA[k] - (2 * re[k] / n));
            sumB[k] = Math.Max(0, sumB[k] - (2 * im[k] / n));
        }
    }

    /// <summary>Adds Σ_t (a(t+k) − a(t))² for one series.</summary>
    public void AddSquaredDisplacementSums(ReadOnlySpan<double> a, Span<double> sum)
    {
        Span<double> ignored = sum.Length <= 4096 ? stackalloc double[sum.Length] : new double[sum.Length];
        AddSquaredDisplacementSums(a, a, sum, ignored);
    }

    /// <summary>
    /// c(k) = Σ_{t=0}^{T−k−1} x(t) y(t+k) for k &lt; T, written to <paramref name="result"/>.
    /// </summary>
    public void CrossCorrelation(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result)
    {
        int t = x.Length;
        var (fft, re, im, re2, im2) = Workspace(t);
        int n = fft.N;
        Array.Clear(re, 0, n);
        Array.Clear(im, 0, n);
        Array.Clear(re2, 0, n);
        Array.Clear(im2, 0, n);
        x.CopyTo(re);
        y.CopyTo(re2);
        fft.Forward(re, im);
        fft.Forward(re2, im2);
        for (int k = 0; k < n; k++)
        {
            // conj(X)·Y
            double r = (re[k] * re2[k]) + (im[k] * im2[k]);
            double i = (re[k] * im2[k]) - (im[k] * re2[k]);
            re[k] = r;
            im[k] = i;
        }

        fft.Inverse(re, im);
        for (int k = 0; k < t; k++)
        {
            result[k] = re[k] / n;
        }
    }

    private static void AddFromAutocorrelation(ReadOnlySpan<double> x, double[] acf, double scale, Span<double> sum)
    {
        int t = x.Length;
        double s1 = 0;
        for (int i = 0; i < t; i++)
        {
            s1 += 2 * x[i] * x[i];
        }

        for (int k = 0; k < t; k++)
        {
            if (k > 0)
            {
                s1 -= (x[k - 1] * x[k - 1]) + (x[t - k] * x[t - k]);
            }

            sum[k] += k == 0 ? 0 : Math.Max(0, s1 - (2 * acf[k] * scale)); // lag 0 is exactly 0
        }
    }
}
