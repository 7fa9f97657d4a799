using GbAtomistics.Core;
using GbAtomistics.IO;

namespace GbAtomistics.Benchmarks;

/// <summary>Frames for the RDF benchmarks: read from a dump, or a thermally displaced Li2O crystal made in memory.</summary>
internal static class RdfFrames
{
    /// <summary>
    /// <paramref name="count"/> frames of antifluorite Li2O (a = 4.61 Å, cells³ conventional cells, 12 atoms each)
    /// with Gaussian displacements of 0.15 Å per component: the density and shells of the 1000 K LAMMPS run.
    /// </summary>
    public static Frame[] Li2O(int cells, int count, int seed = 7)
    {
        const double a = 4.61;
        Vec3[] oxygen = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];
        var random = new Random(seed);
        var frames = new Frame[count];
        for (int f = 0; f < count; f++)
        {
            var frame = new Frame { Box = Box.Orthogonal(cells * a, cells * a, cells * a), Species = SpeciesMap.Parse("1=Li,2=O") };
            frame.Resize(12 * cells * cells * cells);
            int k = 0;
            for (int x = 0; x < cells; x++)
            for (int y = 0; y < cells; y++)
            for (int z = 0; z < cells; z++)
            {
                foreach (Vec3 s in oxygen)
                {
                    Place(frame, ref k, 2, a * (new Vec3(x, y, z) + s), random);
                }

                for (int t = 0; t < 8; t++)
                {
                    var s = new Vec3(0.25 + (0.5 * (t & 1)), 0.25 + (0.5 * ((t >> 1) & 1)), 0.25 + (0.5 * (t >> 2)));
                    Place(frame, ref k, 1, a * (new Vec3(x, y, z) + s), random);
                }
            }

            frames[f] = frame;
        }

        return frames;
    }

    /// <summary>Every frame of a trajectory, kept in memory (for timing the analysis without the reader).</summary>
    public static Frame[] Read(string path, string typeMap)
    {
        var frames = new List<Frame>();
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path, new ReadOptions { TypeMap = SpeciesMap.Parse(typeMap) });
        var frame = new Frame();
        while (reader.Read(frame))
        {
            frames.Add(frame.Clone());
        }

        return frames.ToArray();
    }

    private static void Place(Frame frame, ref int k, int type, Vec3 r, Random random)
    {
        frame.Ids[k] = k + 1;
        frame.Types[k] = type;
        frame.Positions[k] = r + new Vec3(Gauss(random), Gauss(random), Gauss(random));
        k++;
    }

    private static double Gauss(Random random) =>
        0.15 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
