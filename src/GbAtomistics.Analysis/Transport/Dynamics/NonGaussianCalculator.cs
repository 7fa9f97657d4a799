namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// ⟨Δr²⟩ and ⟨Δr⁴⟩ at every lag by direct sums over atoms and time origins (exact arithmetic, no transform), per
/// region of the atom at the origin and per direction, in parallel over lags; each lag's sums run in a fixed order,
/// so the result does not depend on the number of threads. All origins are used while N·T(T − 1)/2 is at most
/// <see cref="Budget"/> displacements; beyond that, origins every s frames (0, s, 2s, …) with the smallest s that fits.
/// </summary>
internal static class NonGaussianCalculator
{
    /// <summary>At most this many (atom, origin, lag) displacements.</summary>
    public const double Budget = 2e8;

    public static int OriginStride(int atoms, int frames) =>
        Math.Max(1, (int)Math.Ceiling((double)atoms * frames * (frames - 1) / 2 / Budget));

    public static List<Alpha2Curve> Compute(DynamicsFrames f, int stride, int threads)
    {
        int frames = f.Count;
        int regions = f.RegionNames.Length;
        // [region][lag]: count, then Σ Δ² and Σ Δ⁴ for total, parallel, perpendicular
        var sums = new double[regions][][];
        for (int r = 0; r < regions; r++)
        {
            sums[r] = new double[frames][];
        }

        Parallel.For(0, frames, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            var s = new double[regions * 7];
            var n = f.Normal;
            if (k > 0)
            {
                for (int t = 0; t + k < frames; t += stride)
                {
                    double[] a = f.Positions[t], b = f.Positions[t + k];
                    byte[]? inside = f.InRegion?[t];
                    for (int j = 0; j < f.Atoms; j++)
                    {
                        int o = 3 * j;
                        double dx = b[o] - a[o], dy = b[o + 1] - a[o + 1], dz = b[o + 2] - a[o + 2];
                        double r2 = (dx * dx) + (dy * dy) + (dz * dz);
                        double p = (n.X * dx) + (n.Y * dy) + (n.Z * dz);
                        double p2 = p * p;
                        double q2 = Math.Max(0, r2 - p2);
                        Add(s, 0, r2, q2, p2);
                        if (inside is not null)
                        {
                            Add(s, inside[j] == 1 ? 7 : 14, r2, q2, p2);
                        }
                    }
                }
            }
            else
            {
                int origins = (frames + stride - 1) / stride;
                s[0] = (double)origins * f.Atoms;
                if (f.InRegion is { } inRegion)
                {
                    for (int t = 0; t < frames; t += stride)
                    {
                        int gb = inRegion[t].Count(m => m == 1);
                        s[7] += gb;
                        s[14] += f.Atoms - gb;
                    }
                }
            }

            for (int r = 0; r < regions; r++)
            {
                sums[r][k] = s[(7 * r)..((7 * r) + 7)];
            }
        });

        var curves = new List<Alpha2Curve>();
        for (int r = 0; r < regions; r++)
        {
            foreach (DynamicsDirection direction in DynamicsDirections.All)
            {
                int c = (int)direction;
                var samples = new double[frames];
                var msd = new double[frames];
                var quartic = new double[frames];
                for (int k = 0; k < frames; k++)
                {
                    double[] v = sums[r][k];
                    samples[k] = v[0];
                    msd[k] = v[0] > 0 ? v[1 + (2 * c)] / v[0] : double.NaN;
                    quartic[k] = v[0] > 0 ? v[2 + (2 * c)] / v[0] : double.NaN;
                }

                curves.Add(new Alpha2Curve(f.RegionNames[r], direction, samples, msd, quartic));
            }
        }

        return curves;

        static void Add(double[] s, int at, double r2, double q2, double p2)
        {
            s[at]++;
            s[at + 1] += r2;
            s[at + 2] += r2 * r2;
            s[at + 3] += q2;
            s[at + 4] += q2 * q2;
            s[at + 5] += p2;
            s[at + 6] += p2 * p2;
        }
    }
}
