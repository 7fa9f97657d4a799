using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// Histograms of |r_j(t0 + t) − r_i(t0)| over ordered pairs i ≠ j of mobile ions, the separation taken as the minimum
/// image in the cell of frame t0 + t, per region of ion i at t0, normalised by the ideal-gas count
/// (N − 1)/V(t0 + t) × shell volume. Origins are evenly spaced, every s frames with the smallest s such that at most
/// <see cref="Budget"/> pair separations are computed in all. Counts are integers and the normalisation is summed in
/// origin order, so the result does not depend on the number of threads.
/// </summary>
internal static class DistinctVanHoveCalculator
{
    /// <summary>At most this many pair separations over all lags and origins.</summary>
    public const double Budget = 5e7;

    /// <summary>The origin spacing s (frames) for <paramref name="lags"/>.</summary>
    public static int OriginStride(int atoms, int frames, int[] lags)
    {
        double work = (double)atoms * atoms * lags.Sum(k => (double)(frames - k));
        return Math.Max(1, (int)Math.Ceiling(work / Budget));
    }

    /// <summary>Half the smallest perpendicular width of any frame's cell: the largest distance whose minimum image is unique.</summary>
    public static double HalfWidth(DynamicsFrames f) => f.Boxes.Min(b => Math.Min(b.PerpendicularWidths.X, Math.Min(b.PerpendicularWidths.Y, b.PerpendicularWidths.Z))) / 2;

    public static List<DistinctVanHove> Compute(DynamicsFrames f, int[] lags, double dt, int stride, double rMax, int bins, int threads)
    {
        int regions = f.RegionNames.Length;
        int atoms = f.Atoms;
        double w = rMax / bins;
        double r2Max = rMax * rMax;
        var tasks = new List<(int Q, int T0)>();
        for (int q = 0; q < lags.Length; q++)
        {
            for (int t0 = 0; t0 + lags[q] < f.Count; t0 += stride)
            {
                tasks.Add((q, t0));
            }
        }

        var counts = new long[lags.Length][][];
        for (int q = 0; q < lags.Length; q++)
        {
            counts[q] = Enumerable.Range(0, regions).Select(_ => new long[bins]).ToArray();
        }

        Parallel.For(0, tasks.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var (q, t0) = tasks[i];
            int t1 = t0 + lags[q];
            var local = Enumerable.Range(0, regions).Select(_ => new long[bins]).ToArray();
            double[] a = f.Positions[t0], b = f.Positions[t1];
            byte[]? inside = f.InRegion?[t0];
            Box box = f.Boxes[t1];
            Mat3 h = box.H, hi = box.HInverse;
            bool pa = box.Periodic.A, pb = box.Periodic.B, pc = box.Periodic.C;
            for (int c = 0; c < atoms; c++)
            {
                double x = a[3 * c], y = a[(3 * c) + 1], z = a[(3 * c) + 2];
                long[] all = local[0];
                long[]? part = inside is null ? null : local[inside[c] == 1 ? 1 : 2];
                for (int j = 0; j < atoms; j++)
                {
                    if (j == c)
                    {
                        continue;
                    }

                    var d = new Vec3(b[3 * j] - x, b[(3 * j) + 1] - y, b[(3 * j) + 2] - z);
                    Vec3 s = hi * d;
                    s = new Vec3(pa ? s.X - Math.Round(s.X) : s.X, pb ? s.Y - Math.Round(s.Y) : s.Y, pc ? s.Z - Math.Round(s.Z) : s.Z);
                    double r2 = (h * s).LengthSquared;
                    if (r2 < r2Max)
                    {
                        int bin = Math.Min(bins - 1, (int)(Math.Sqrt(r2) / w));
                        all[bin]++;
                        if (part is not null)
                        {
                            part[bin]++;
                        }
                    }
                }
            }

            lock (counts[q])
            {
                for (int r = 0; r < regions; r++)
                {
                    for (int k = 0; k < bins; k++)
                    {
                        counts[q][r][k] += local[r][k];
                    }
                }
            }
        });

        var results = new List<DistinctVanHove>();
        for (int q = 0; q < lags.Length; q++)
        {
            int k = lags[q];
            var density = new double[regions];
            var centres = new long[regions];
            int origins = 0;
            for (int t0 = 0; t0 + k < f.Count; t0 += stride)
            {
                origins++;
                double rho = (atoms - 1) / f.Boxes[t0 + k].Volume;
                int gb = f.InRegion is { } m ? m[t0].Count(v => v == 1) : 0;
                int[] n = regions == 1 ? [atoms] : [atoms, gb, atoms - gb];
                for (int r = 0; r < regions; r++)
                {
                    density[r] += n[r] * rho;
                    centres[r] += n[r];
                }
            }

            for (int r = 0; r < regions; r++)
            {
                var rr = new double[bins];
                var g = new double[bins];
                for (int b = 0; b < bins; b++)
                {
                    double lo = b * w, hi = (b + 1) * w;
                    rr[b] = 0.5 * (lo + hi);
                    double shell = 4.0 / 3.0 * Math.PI * ((hi * hi * hi) - (lo * lo * lo));
                    g[b] = density[r] > 0 ? counts[q][r][b] / (density[r] * shell) : double.NaN;
                }

                results.Add(new DistinctVanHove(f.RegionNames[r], k, k * dt, origins, centres[r], rr, g));
            }
        }

        return results;
    }
}
