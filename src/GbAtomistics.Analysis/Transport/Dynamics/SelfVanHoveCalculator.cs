using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// Histograms of the self displacements |Δr|, |Δr∥| and Δr·n over all atoms and every time origin at each chosen lag,
/// per region of the atom at the origin, in parallel over lags. Counts are integers, so the result does not depend on
/// the number of threads.
/// </summary>
internal static class SelfVanHoveCalculator
{
    /// <summary>The largest |Δr| over all atoms and origins at <paramref name="lags"/>, rounded up to the next 0.5 Å (at least 0.5 Å), so every displacement lies inside.</summary>
    public static double AutoRMax(DynamicsFrames f, int[] lags, int threads)
    {
        var max = new double[lags.Length];
        Parallel.For(0, lags.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, q =>
        {
            int k = lags[q];
            double m = 0;
            for (int t = 0; t + k < f.Count; t++)
            {
                double[] a = f.Positions[t], b = f.Positions[t + k];
                for (int o = 0; o < a.Length; o += 3)
                {
                    double dx = b[o] - a[o], dy = b[o + 1] - a[o + 1], dz = b[o + 2] - a[o + 2];
                    m = Math.Max(m, (dx * dx) + (dy * dy) + (dz * dz));
                }
            }

            max[q] = Math.Sqrt(m);
        });
        double r = max.Length == 0 ? 0 : max.Max();
        return Math.Max(0.5, Math.Floor((r / 0.5) + 1) * 0.5);
    }

    public static List<SelfVanHove> Compute(DynamicsFrames f, int[] lags, double dt, double rMax, int bins, int threads)
    {
        int regions = f.RegionNames.Length;
        double w = rMax / bins;
        var results = new SelfVanHove[lags.Length][];
        Parallel.For(0, lags.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, q =>
        {
            int k = lags[q];
            var counts = new long[regions][][];
            var beyond = new long[regions][];
            var samples = new long[regions];
            for (int r = 0; r < regions; r++)
            {
                counts[r] = [new long[bins], new long[bins], new long[2 * bins]];
                beyond[r] = new long[3];
            }

            Vec3 n = f.Normal;
            for (int t = 0; t + k < f.Count; t++)
            {
                double[] a = f.Positions[t], b = f.Positions[t + k];
                byte[]? inside = f.InRegion?[t];
                for (int j = 0; j < f.Atoms; j++)
                {
                    int o = 3 * j;
                    double dx = b[o] - a[o], dy = b[o + 1] - a[o + 1], dz = b[o + 2] - a[o + 2];
                    double r2 = (dx * dx) + (dy * dy) + (dz * dz);
                    double p = (n.X * dx) + (n.Y * dy) + (n.Z * dz);
                    double total = Math.Sqrt(r2);
                    double parallel = Math.Sqrt(Math.Max(0, r2 - (p * p)));
                    int b3 = (int)Math.Min(int.MaxValue, total / w);
                    int b2 = (int)Math.Min(int.MaxValue, parallel / w);
                    double shifted = Math.Floor((p + rMax) / w);
                    int b1 = shifted < 0 ? -1 : (int)Math.Min(int.MaxValue, shifted);
                    Add(0);
                    if (inside is not null)
                    {
                        Add(inside[j] == 1 ? 1 : 2);
                    }

                    void Add(int r)
                    {
                        samples[r]++;
                        Bin(counts[r][0], beyond[r], 0, b3);
                        Bin(counts[r][1], beyond[r], 1, b2);
                        Bin(counts[r][2], beyond[r], 2, b1);
                    }
                }
            }

            var list = new List<SelfVanHove>();
            for (int r = 0; r < regions; r++)
            {
                foreach (DynamicsDirection direction in DynamicsDirections.All)
                {
                    int c = (int)direction;
                    list.Add(Normalise(f.RegionNames[r], direction, k, k * dt, samples[r], beyond[r][c], counts[r][c], w, rMax));
                }
            }

            results[q] = list.ToArray();
        });
        return results.SelectMany(r => r).ToList();
    }

    private static void Bin(long[] histogram, long[] beyond, int c, int bin)
    {
        if (bin >= 0 && bin < histogram.Length)
        {
            histogram[bin]++;
        }
        else
        {
            beyond[c]++;
        }
    }

    private static SelfVanHove Normalise(string region, DynamicsDirection direction, int lag, double lagPs, long samples, long beyond, long[] counts, double w, double rMax)
    {
        int bins = counts.Length;
        double offset = direction == DynamicsDirection.Perpendicular ? -rMax : 0;
        var r = new double[bins];
        var g = new double[bins];
        var p = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            double lo = offset + (b * w), hi = offset + ((b + 1) * w);
            r[b] = 0.5 * (lo + hi);
            double measure = direction switch
            {
                DynamicsDirection.Total => 4.0 / 3.0 * Math.PI * ((hi * hi * hi) - (lo * lo * lo)),
                DynamicsDirection.Parallel => Math.PI * ((hi * hi) - (lo * lo)),
                _ => w,
            };
            g[b] = samples > 0 ? counts[b] / (samples * measure) : double.NaN;
            p[b] = samples > 0 ? counts[b] / (samples * w) : double.NaN;
        }

        return new SelfVanHove(region, direction, lag, lagPs, samples, beyond, r, g, p, w);
    }
}
