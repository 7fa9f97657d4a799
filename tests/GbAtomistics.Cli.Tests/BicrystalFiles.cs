using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.IO.Lammps;

namespace GbAtomistics.Cli.Tests;

/// <summary>
/// Writes a periodic rock-salt Σ5 (001) twist bicrystal (two grains of <c>layers</c> (001) layers stacked along z,
/// boundaries at fractional z = 0 and 0.5) as a LAMMPS data file, so CLI runs can be checked against known planes.
/// </summary>
internal static class BicrystalFiles
{
    public const double D = 2.82;

    public static string WriteData(string dir, int layers, string name = "bicrystal.data")
    {
        double side = 2 * Math.Sqrt(5) * D;
        double[] angles = [-Math.Atan2(2, 1), -Math.Atan2(2, 1) + (2 * Math.Atan(1.0 / 3.0))];
        var atoms = new List<(Vec3 R, int Type)>();
        for (int grain = 0; grain < 2; grain++)
        {
            double cos = Math.Cos(angles[grain]), sin = Math.Sin(angles[grain]);
            for (int k = 0; k < layers; k++)
            {
                int layer = (grain * layers) + k;
                for (int i = -12; i <= 12; i++)
                {
                    for (int j = -12; j <= 12; j++)
                    {
                        double x = D * ((cos * i) - (sin * j)), y = D * ((sin * i) + (cos * j));
                        if (x / side >= -1e-9 && x / side < 1 - 1e-9 && y / side >= -1e-9 && y / side < 1 - 1e-9)
                        {
                            atoms.Add((new Vec3(Math.Max(0, x), Math.Max(0, y), (layer + 0.5) * D), (((i + j + layer) % 2) + 2) % 2 == 0 ? 1 : 2));
                        }
                    }
                }
            }
        }

        var frame = new Frame { Box = Box.Orthogonal(side, side, 2 * layers * D), Species = SpeciesMap.Parse("1=Na,2=Cl") };
        frame.Resize(atoms.Count);
        for (int n = 0; n < atoms.Count; n++)
        {
            frame.Ids[n] = n + 1;
            frame.Types[n] = atoms[n].Type;
            frame.Positions[n] = atoms[n].R;
        }

        string path = Path.Combine(dir, name);
        using var writer = new LammpsDataWriter(path, new WriteOptions { AtomStyle = "atomic" });
        writer.Write(frame);
        writer.Complete();
        return path;
    }
}
