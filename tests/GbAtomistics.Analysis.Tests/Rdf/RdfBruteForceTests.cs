using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Rdf;

/// <summary>
/// Partial RDFs of random three-species frames in a cell that changes from frame to frame against a direct count
/// over all atom pairs and images, with and without a region, so every order of the species pairs, the total, and
/// the cumulative counts are checked bin by bin.
/// </summary>
public sealed class RdfBruteForceTests
{
    internal const double RMax = 5.5;
    internal const int Bins = 55;

    public static IEnumerable<object[]> Cases()
    {
        yield return ["orthogonal", false];
        yield return ["orthogonal", true];
        yield return ["triclinic", false];
        yield return ["triclinic", true];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryPairAndTheTotalEqualADirectCount(string geometry, bool withRegion)
    {
        Box box = geometry == "orthogonal"
            ? Box.Orthogonal(9, 10, 11)
            : Box.FromLammps(new LammpsBoxParameters(0, 9, 0, 10, 0, 11, 2.5, -1.5, 1.0), PeriodicFlags.All);
        var random = new Random(geometry.Length + (withRegion ? 1 : 0));
        // The cell grows by 3 % a frame, as in NPT: the reused cell list and the per-frame density must follow it.
        Frame[] frames = Enumerable.Range(0, 3)
            .Select(f => RandomFrame(new Box((1 + (0.03 * f)) * box.H, box.Origin, box.Periodic), 400, random))
            .ToArray();
        var pairs = SpeciesPair.ParseList("Li-O,O-Li,O-O,Li-Li,Cl-O,Li-Cl");
        SlabRegion? region = withRegion ? new SlabRegion(2, [0.3], 2.0) : null;
        var analyzer = new RdfAnalyzer(new RdfOptions(RMax, Bins, pairs, region));
        RdfAccumulator accumulator = analyzer.Begin(frames[0]);
        foreach (Frame f in frames)
        {
            accumulator.Accumulate(f);
        }

        RdfResult result = analyzer.Finish(accumulator);
        (double[][] g, double[][] n) = Direct(frames, pairs, region);
        for (int p = 0; p <= pairs.Count; p++)
        {
            IReadOnlyList<double> gotG = p < pairs.Count ? result.G(p) : result.Total.G;
            IReadOnlyList<double> gotN = p < pairs.Count ? result.Cumulative(p) : result.Total.Cumulative;
            string name = p < pairs.Count ? pairs[p].ToString() : "total";
            Assert.Contains(g[p], v => v > 0);
            for (int k = 0; k < Bins; k++)
            {
                Assert.True(Math.Abs(gotG[k] - g[p][k]) <= 1e-12 * Math.Max(1, g[p][k]), $"g_{name} bin {k}: {gotG[k]:R} vs {g[p][k]:R}");
                Assert.True(Math.Abs(gotN[k] - n[p][k]) <= 1e-12 * Math.Max(1, n[p][k]), $"n_{name} bin {k}: {gotN[k]:R} vs {n[p][k]:R}");
            }
        }
    }

    /// <summary>The partial-RDF definitions evaluated directly: every ordered pair of atoms and every image.</summary>
    internal static (double[][] G, double[][] N) Direct(Frame[] frames, IReadOnlyList<SpeciesPair> pairs, SlabRegion? region)
    {
        int histograms = pairs.Count + 1;
        var normalised = new double[histograms][];
        var perCentral = new double[histograms][];
        for (int p = 0; p < histograms; p++)
        {
            normalised[p] = new double[Bins];
            perCentral[p] = new double[Bins];
        }

        double dr = RMax / Bins;
        foreach (Frame f in frames)
        {
            Box box = f.Box;
            var counts = new double[histograms, Bins];
            for (int i = 0; i < f.Count; i++)
            {
                if (region is not null && !region.Contains(box, f.Positions[i]))
                {
                    continue;
                }

                for (int j = 0; j < f.Count; j++)
                {
                    for (int a = -1; a <= 1; a++)
                    for (int b = -1; b <= 1; b++)
                    for (int c = -1; c <= 1; c++)
                    {
                        if (i == j && a == 0 && b == 0 && c == 0)
                        {
                            continue;
                        }

                        double r = (f.Positions[j] + (a * box.A) + (b * box.B) + (c * box.C) - f.Positions[i]).Length;
                        if (r >= RMax)
                        {
                            continue;
                        }

                        int bin = (int)(r / dr);
                        counts[pairs.Count, bin]++;
                        for (int p = 0; p < pairs.Count; p++)
                        {
                            if (pairs[p].Central == f.SpeciesName(i) && pairs[p].Neighbour == f.SpeciesName(j))
                            {
                                counts[p, bin]++;
                            }
                        }
                    }
                }
            }

            for (int p = 0; p < histograms; p++)
            {
                int nA = Enumerable.Range(0, f.Count).Count(i =>
                    (p == pairs.Count || f.SpeciesName(i) == pairs[p].Central) && (region?.Contains(box, f.Positions[i]) ?? true));
                int nB = p == pairs.Count ? f.Count : Enumerable.Range(0, f.Count).Count(i => f.SpeciesName(i) == pairs[p].Neighbour);
                bool same = p == pairs.Count || pairs[p].Central == pairs[p].Neighbour;
                double rhoB = (nB - (same ? 1 : 0)) / box.Volume;
                for (int k = 0; k < Bins; k++)
                {
                    normalised[p][k] += counts[p, k] / (nA * rhoB);
                    perCentral[p][k] += counts[p, k] / nA;
                }
            }
        }

        var g = new double[histograms][];
        var n = new double[histograms][];
        for (int p = 0; p < histograms; p++)
        {
            g[p] = new double[Bins];
            n[p] = new double[Bins];
            double running = 0;
            for (int k = 0; k < Bins; k++)
            {
                double r1 = k * dr, r2 = r1 + dr;
                g[p][k] = normalised[p][k] / (frames.Length * 4.0 / 3.0 * Math.PI * ((r2 * r2 * r2) - (r1 * r1 * r1)));
                running += perCentral[p][k] / frames.Length;
                n[p][k] = running;
            }
        }

        return (g, n);
    }

    internal static Frame RandomFrame(Box box, int atoms, Random random)
    {
        var frame = new Frame { Box = box, Species = SpeciesMap.Parse("1=Li,2=O,3=Cl") };
        frame.Resize(atoms);
        for (int i = 0; i < atoms; i++)
        {
            frame.Ids[i] = i + 1;
            frame.Types[i] = i % 7 == 0 ? 3 : (i % 3 == 0 ? 2 : 1);
            frame.Positions[i] = box.ToCartesian(new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble()));
        }

        return frame;
    }
}
