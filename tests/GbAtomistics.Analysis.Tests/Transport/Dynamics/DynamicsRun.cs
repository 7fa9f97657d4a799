using GbAtomistics.Analysis.Transport.Dynamics;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Transport.Dynamics;

/// <summary>Runs the dynamics analysis over synthetic frames, and lattice trajectories with known hops.</summary>
internal static class DynamicsRun
{
    public static DynamicsResult Run(IEnumerable<Frame> frames, DynamicsOptions options, int threads = 1)
    {
        var analyzer = new DynamicsAnalyzer(options);
        DynamicsAccumulator? acc = null;
        foreach (Frame f in frames)
        {
            acc ??= analyzer.Begin(f);
            acc.Accumulate(f);
        }

        return analyzer.Finish(acc!, threads);
    }

    public static DynamicsOptions Options(SlabRegion? region = null, IReadOnlyList<double>? lags = null, double? hopDistance = null, double hopWindow = 0, int bins = 200, double? selfRMax = null) =>
        new(new MsdOptions(region: region), lags, selfRMax: selfRMax, bins: bins, hopDistance: hopDistance, hopWindowPs: hopWindow);

    private static readonly Vec3[] Neighbours = [new(1, 0, 0), new(-1, 0, 0), new(0, 1, 0), new(0, -1, 0), new(0, 0, 1), new(0, 0, -1)];

    /// <summary>
    /// Unwrapped positions [frame][atom] of ions on a simple-cubic lattice of spacing <paramref name="a"/> with
    /// <paramref name="side"/> sites per edge (ions start on every <c>side³/atoms</c>-th site): each frame an ion hops
    /// to one of its six neighbours with probability <paramref name="p"/> (hop length a exactly), then vibrates about
    /// its site with an independent Gaussian of standard deviation <paramref name="sigma"/> per component.
    /// </summary>
    public static Vec3[][] Lattice(Random random, int side, int atoms, int frames, double a, double p, double sigma)
    {
        int sites = side * side * side;
        int spacing = Math.Max(1, sites / atoms);
        var site = Enumerable.Range(0, atoms).Select(i =>
        {
            int s = i * spacing;
            return a * new Vec3(s % side, (s / side) % side, s / (side * side));
        }).ToArray();
        var r = new Vec3[frames][];
        for (int t = 0; t < frames; t++)
        {
            r[t] = new Vec3[atoms];
            for (int i = 0; i < atoms; i++)
            {
                if (t > 0 && random.NextDouble() < p)
                {
                    site[i] += a * Neighbours[random.Next(6)];
                }

                var v = sigma > 0 ? sigma * new Vec3(Walks.Normal(random), Walks.Normal(random), Walks.Normal(random)) : Vec3.Zero;
                r[t][i] = site[i] + v;
            }
        }

        return r;
    }

    /// <summary>
    /// Variance of α₂ from one independent Gaussian displacement in d dimensions, by the delta method on
    /// ⟨Δr⁴⟩/((1 + 2/d)⟨Δr²⟩²): 8/(d(d + 2)) (8/15 in 3-D, 1 in 2-D, 8/3 in 1-D).
    /// </summary>
    public static double Alpha2VariancePerSample(int d) => 8.0 / (d * (d + 2));
}
