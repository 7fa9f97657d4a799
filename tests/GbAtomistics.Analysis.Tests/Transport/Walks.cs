using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Transport;

/// <summary>Synthetic trajectories with known transport: Gaussian random walks and ballistic motion.</summary>
internal static class Walks
{
    /// <summary>
    /// Unwrapped positions [frame][atom] of <paramref name="atoms"/> independent Gaussian walkers with diffusion
    /// coefficients <paramref name="d"/> (Å²/ps per Cartesian direction) and frame spacing <paramref name="dt"/> ps.
    /// </summary>
    public static Vec3[][] Gaussian(Random random, int atoms, int frames, double dt, Vec3 d, double spread = 10)
    {
        var r = new Vec3[frames][];
        r[0] = Enumerable.Range(0, atoms).Select(_ => new Vec3(spread * random.NextDouble(), spread * random.NextDouble(), spread * random.NextDouble())).ToArray();
        var sx = Math.Sqrt(2 * d.X * dt);
        var sy = Math.Sqrt(2 * d.Y * dt);
        var sz = Math.Sqrt(2 * d.Z * dt);
        for (int t = 1; t < frames; t++)
        {
            r[t] = new Vec3[atoms];
            for (int i = 0; i < atoms; i++)
            {
                r[t][i] = r[t - 1][i] + new Vec3(sx * Normal(random), sy * Normal(random), sz * Normal(random));
            }
        }

        return r;
    }

    public static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Frames (all "Li" unless <paramref name="types"/> says otherwise) with the given unwrapped positions.</summary>
    public static List<Frame> Frames(Vec3[][] unwrapped, double dt, Func<int, Box>? box = null, CoordinateKind kind = CoordinateKind.Unwrapped, int[]? types = null, SpeciesMap? species = null)
    {
        var frames = new List<Frame>();
        for (int t = 0; t < unwrapped.Length; t++)
        {
            Box b = box?.Invoke(t) ?? Box.Orthogonal(20, 20, 20);
            var f = new Frame { Box = b, Species = species ?? SpeciesMap.FromOrderedNames(["Li", "O"]), Step = t, Time = t * dt, Coordinates = kind };
            int n = unwrapped[t].Length;
            f.Resize(n);
            Int3[]? images = kind == CoordinateKind.Wrapped ? f.EnsureImages() : null;
            for (int i = 0; i < n; i++)
            {
                f.Ids[i] = i + 1;
                f.Types[i] = types?[i] ?? 1;
                Vec3 u = unwrapped[t][i];
                if (kind == CoordinateKind.Wrapped)
                {
                    Vec3 s = b.ToFractional(u);
                    var image = new Int3((int)Math.Floor(s.X), (int)Math.Floor(s.Y), (int)Math.Floor(s.Z));
                    f.Positions[i] = b.ToCartesian(new Vec3(s.X - image.X, s.Y - image.Y, s.Z - image.Z));
                    images![i] = image;
                }
                else
                {
                    f.Positions[i] = u;
                }
            }

            frames.Add(f);
        }

        return frames;
    }

    public static MsdResult Run(IEnumerable<Frame> frames, MsdOptions options, int threads = 1)
    {
        var analyzer = new MsdAnalyzer(options);
        MsdAccumulator? acc = null;
        foreach (Frame f in frames)
        {
            acc ??= analyzer.Begin(f);
            acc.Accumulate(f);
        }

        return analyzer.Finish(acc!, threads);
    }

    /// <summary>Brute-force MSD of one component at every lag; <paramref name="count"/> decides whether (atom, t, k) counts.</summary>
    public static (double[] Msd, double[] Pairs) BruteForce(Vec3[][] u, Func<Vec3, double> project, Func<int, int, int, bool> count)
    {
        int frames = u.Length;
        var msd = new double[frames];
        var pairs = new double[frames];
        for (int k = 0; k < frames; k++)
        {
            for (int i = 0; i < u[0].Length; i++)
            {
                for (int t = 0; t + k < frames; t++)
                {
                    if (count(i, t, k))
                    {
                        double d = project(u[t + k][i] - u[t][i]);
                        msd[k] += d * d;
                        pairs[k]++;
                    }
                }
            }

            msd[k] = pairs[k] > 0 ? msd[k] / pairs[k] : double.NaN;
        }

        return (msd, pairs);
    }
}
