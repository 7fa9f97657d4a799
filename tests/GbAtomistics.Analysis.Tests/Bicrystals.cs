using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests;

/// <summary>
/// A periodic rock-salt bicrystal with two Σ5 (001) twist boundaries, built here so boundary detection can be tested
/// against planes known by construction.
/// </summary>
internal static class Bicrystals
{
    /// <summary>
    /// Two rock-salt grains stacked along z, each of <paramref name="layers"/> (001) layers of spacing
    /// <paramref name="d"/> (the cation–anion distance, Å), rotated about z relative to each other by the Σ5 angle
    /// 36.87° = 2 atan(1/3). The in-plane cell is spanned by the coincidence vectors 2(1,2) and 2(−2,1) of grain 1
    /// (2(2,1) and 2(−1,2) of grain 2), doubled so the Na/Cl pattern is periodic: 2√5 d × 2√5 d, 20 ions per layer. Grain 1 fills z ∈ [0, L d), grain 2 z ∈ [L d, 2 L d); the boundaries are at fractional z = 0
    /// and 0.5.
    /// </summary>
    public static Frame RockSaltTwist(double d, int layers)
    {
        double side = 2 * Math.Sqrt(5) * d;
        double phi1 = -Math.Atan2(2, 1);
        double phi2 = phi1 + (2 * Math.Atan(1.0 / 3.0));
        var positions = new List<Vec3>();
        var types = new List<int>();
        for (int grain = 0; grain < 2; grain++)
        {
            double phi = grain == 0 ? phi1 : phi2;
            double cos = Math.Cos(phi), sin = Math.Sin(phi);
            for (int k = 0; k < layers; k++)
            {
                int layer = (grain * layers) + k;
                int inLayer = 0;
                for (int i = -12; i <= 12; i++)
                {
                    for (int j = -12; j <= 12; j++)
                    {
                        double x = d * ((cos * i) - (sin * j));
                        double y = d * ((sin * i) + (cos * j));
                        double u = x / side, v = y / side;
                        if (u < -1e-9 || u >= 1 - 1e-9 || v < -1e-9 || v >= 1 - 1e-9)
                        {
                            continue;
                        }

                        positions.Add(new Vec3(x, y, (layer + 0.5) * d));
                        types.Add(((i + j + layer) % 2 + 2) % 2 == 0 ? 1 : 2);
                        inLayer++;
                    }
                }

                if (inLayer != 20)
                {
                    throw new InvalidOperationException($"bicrystal layer {layer} has {inLayer} sites, expected 20");
                }
            }
        }

        var frame = new Frame { Box = Box.Orthogonal(side, side, 2 * layers * d), Species = SpeciesMap.Parse("1=Na,2=Cl") };
        frame.Resize(positions.Count);
        for (int n = 0; n < positions.Count; n++)
        {
            frame.Ids[n] = n + 1;
            frame.Types[n] = types[n];
            frame.Positions[n] = frame.Box.Wrap(positions[n]);
        }

        return frame;
    }

    /// <summary>A copy with every coordinate displaced uniformly in ±<paramref name="amplitude"/>/2 (thermal-like noise).</summary>
    public static Frame Jiggle(Frame frame, Random random, double amplitude)
    {
        Frame copy = frame.Clone();
        for (int i = 0; i < copy.Count; i++)
        {
            copy.Positions[i] += new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * amplitude;
        }

        return copy;
    }
}
