using GbAtomistics.Analysis.Transport.Dynamics;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Transport.Dynamics;

/// <summary>The distinct van Hove function: 1 for uncorrelated ions (an ideal gas) and the coordination shell of a crystal at t = 0.</summary>
public sealed class DistinctVanHoveTests
{
    [Fact]
    public void IdealGasGivesOneAtEveryDistanceAndLag()
    {
        const int atoms = 300, frames = 20;
        const double l = 15;
        var random = new Random(31);
        // every frame an independent uniform configuration: no correlation in space or time
        Vec3[][] u = Enumerable.Range(0, frames).Select(_ => Enumerable.Range(0, atoms).Select(_ => new Vec3(l * random.NextDouble(), l * random.NextDouble(), l * random.NextDouble())).ToArray()).ToArray();
        var gb = new SlabRegion(2, [0.25, 0.75], 2.0);
        DynamicsResult result = DynamicsRun.Run(Walks.Frames(u, 0.1, _ => Box.Orthogonal(l, l, l)), DynamicsRun.Options(region: gb, hopDistance: 100, bins: 20, lags: [0.3]));
        Assert.Equal([0, 3], result.DistinctLags);
        Assert.Equal(l / 2, result.DistinctRMax, 12);
        Assert.Equal(1, result.DistinctOriginStride);
        Assert.Equal(6, result.Distinct.Count); // two lags × all, gb, bulk
        double rho = (atoms - 1) / (l * l * l);
        foreach (DistinctVanHove d in result.Distinct)
        {
            Assert.Equal(frames - d.LagFrames, d.Origins);
            for (int b = 0; b < d.R.Count; b++)
            {
                double w = result.DistinctRMax / d.R.Count;
                double shell = 4.0 / 3.0 * Math.PI * (Math.Pow((b + 1) * w, 3) - Math.Pow(b * w, 3));
                double expected = d.Centres * rho * shell; // ideal-gas pair count in the shell
                Assert.True(Math.Abs(d.G[b] - 1) < 5 / Math.Sqrt(expected), $"{d.Region} lag {d.LagFrames} r = {d.R[b]:F2}: G_d = {d.G[b]:F3} from {expected:F0} expected pairs");
            }
        }
    }

    [Fact]
    public void CrystalAtTimeZeroHasSixNeighboursInTheFirstShell()
    {
        const int side = 5;
        const double a = 2.0;
        int atoms = side * side * side;
        Vec3[][] u = DynamicsRun.Lattice(new Random(32), side, atoms, 6, a, 0, 0.05);
        DynamicsResult result = DynamicsRun.Run(Walks.Frames(u, 0.1, _ => Box.Orthogonal(side * a, side * a, side * a)), DynamicsRun.Options(hopDistance: 1, bins: 100));
        DistinctVanHove g0 = result.Distinct.Single(d => d.LagFrames == 0);
        double rho = (atoms - 1) / Math.Pow(side * a, 3);
        double w = result.DistinctRMax / g0.R.Count;
        double shell = Enumerable.Range(0, g0.R.Count).Where(b => g0.R[b] < 1.2 * a)
            .Sum(b => g0.G[b] * rho * 4.0 / 3.0 * Math.PI * (Math.Pow((b + 1) * w, 3) - Math.Pow(b * w, 3)));
        Assert.Equal(6.0, shell, 1e-9);
        Assert.All(Enumerable.Range(0, g0.R.Count).Where(b => g0.R[b] < 0.8 * a), b => Assert.Equal(0.0, g0.G[b]));
    }
}
