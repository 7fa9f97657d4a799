using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Transport;

public class RegionMsdTests
{
    private static readonly SlabRegion Gb = new(2, [0.25, 0.75], 2.0);

    [Theory]
    [InlineData(RegionMembership.Start)]
    [InlineData(RegionMembership.Stay)]
    public void RegionMsdEqualsBruteForce(RegionMembership membership)
    {
        const int frames = 60;
        Box box = Box.Orthogonal(10, 10, 10);
        Vec3[][] u = Walks.Gaussian(new Random(4), 6, frames, 0.1, new Vec3(0.5, 0.5, 2.0));
        MsdResult result = Walks.Run(
            Walks.Frames(u, 0.1, _ => box),
            new MsdOptions(region: Gb, membership: membership, fit: new FitWindow(0.5, 3)));
        bool In(int i, int t) => Gb.Contains(box, u[t][i]);
        bool Counts(int i, int t, int k, bool gb) => membership == RegionMembership.Start
            ? In(i, t) == gb
            : Enumerable.Range(t, k + 1).All(s => In(i, s) == gb);
        foreach (var (name, gb) in new[] { ("gb", true), ("bulk", false) })
        {
            var (total, pairs) = Walks.BruteForce(u, d => d.Length, (i, t, k) => Counts(i, t, k, gb));
            var (perp, _) = Walks.BruteForce(u, d => d.Z, (i, t, k) => Counts(i, t, k, gb));
            MsdCurve curve = result.Curve(name, MsdComponent.Total)!;
            for (int k = 0; k < frames; k++)
            {
                Assert.Equal(pairs[k], curve.Pairs[k], 1e-6);
                if (pairs[k] > 0)
                {
                    Assert.Equal(total[k], curve.Values[k], 1e-9 * (1 + total[k]));
                    Assert.Equal(perp[k], result.Curve(name, MsdComponent.Perpendicular)!.Values[k], 1e-9 * (1 + perp[k]));
                }
                else
                {
                    Assert.True(double.IsNaN(curve.Values[k]));
                }
            }
        }

        Assert.True(result.Curve("gb", MsdComponent.Total)!.Pairs[0] > 0);
    }

    [Fact]
    public void HomogeneousSystemGivesEqualGbAndBulkDiffusion()
    {
        const double d = 0.5;
        Box box = Box.Orthogonal(20, 20, 20);
        Vec3[][] u = Walks.Gaussian(new Random(8), 200, 600, 0.02, new Vec3(d, d, d), spread: 20);
        MsdResult result = Walks.Run(Walks.Frames(u, 0.02, _ => box), new MsdOptions(region: new SlabRegion(2, [0.25, 0.75], 3.0)));
        DiffusionEstimate gb = result.Curve("gb", MsdComponent.Total)!.Fit;
        DiffusionEstimate bulk = result.Curve("bulk", MsdComponent.Total)!.Fit;
        double combined = Math.Sqrt((gb.StandardError * gb.StandardError) + (bulk.StandardError * bulk.StandardError));
        Assert.InRange(gb.D - bulk.D, -3 * combined, 3 * combined);
        Assert.InRange(gb.D, d - (4 * gb.StandardError), d + (4 * gb.StandardError));
        Assert.InRange(result.MeanRegionAtoms, 100, 140); // two 6 Å slabs of 20 Å: 60 % of 200 atoms
        Assert.Equal(0.6 * 8000, result.MeanRegionVolume, 1e-6);
    }
}
