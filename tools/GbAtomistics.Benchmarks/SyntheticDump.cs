using System.Globalization;
using System.Text;

namespace GbAtomistics.Benchmarks;

/// <summary>
/// Writes a synthetic <c>dump custom id type x y z</c> file the way LAMMPS does by default: numbers in %g style
/// with 6 significant digits, atoms in a shuffled order (as gathered from many processors).
/// </summary>
internal static class SyntheticDump
{
    public static string Create(string folder, int atoms, int frames, int seed = 42)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"bench_{atoms}x{frames}.lammpstrj");
        if (File.Exists(path))
        {
            return path;
        }

        var rng = new Random(seed);
        const double l = 100.0;
        var x = new double[atoms];
        var y = new double[atoms];
        var z = new double[atoms];
        var types = new int[atoms];
        for (int i = 0; i < atoms; i++)
        {
            x[i] = rng.NextDouble() * l;
            y[i] = rng.NextDouble() * l;
            z[i] = rng.NextDouble() * l;
            types[i] = 1 + rng.Next(3);
        }

        int[] order = Enumerable.Range(0, atoms).ToArray();
        string temp = path + ".tmp";
        using (var w = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" })
        {
            for (int f = 0; f < frames; f++)
            {
                rng.Shuffle(order);
                w.Write($"ITEM: TIMESTEP\n{f * 1000}\nITEM: NUMBER OF ATOMS\n{atoms}\nITEM: BOX BOUNDS pp pp pp\n");
                w.Write("0.0000000000000000e+00 1.0000000000000000e+02\n0.0000000000000000e+00 1.0000000000000000e+02\n0.0000000000000000e+00 1.0000000000000000e+02\n");
                w.Write("ITEM: ATOMS id type x y z\n");
                foreach (int i in order)
                {
                    x[i] = Move(x[i], rng, l);
                    y[i] = Move(y[i], rng, l);
                    z[i] = Move(z[i], rng, l);
                    w.Write(i + 1);
                    w.Write(' ');
                    w.Write(types[i]);
                    w.Write(' ');
                    w.Write(G6(x[i]));
                    w.Write(' ');
                    w.Write(G6(y[i]));
                    w.Write(' ');
                    w.Write(G6(z[i]));
                    w.Write('\n');
                }
            }
        }

        File.Move(temp, path, true);
        return path;
    }

    private static double Move(double v, Random rng, double l)
    {
        v += (rng.NextDouble() - 0.5) * 0.2;
        return v < 0 ? v + l : v >= l ? v - l : v;
    }

    /// <summary>C's %g with precision 6 (what LAMMPS prints by default).</summary>
    private static string G6(double v)
    {
        // "G6" drops trailing zeros like %g and switches to exponent form for exponents below −5 or from 6 on.
        string s = v.ToString("G6", CultureInfo.InvariantCulture);
        return s.Replace("E-0", "e-0").Replace("E+0", "e+0").Replace("E-", "e-").Replace("E+", "e+");
    }
}
