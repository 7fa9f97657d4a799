using System.Globalization;
using System.Text;

namespace GbAtomistics.Builders.Tests.NonCubic;

/// <summary>Unit cells of non-cubic test crystals, written as POSCAR files by the tests themselves.</summary>
internal static class NonCubicCells
{
    /// <summary>a of the layered oxide (Å).</summary>
    public const double LayeredA = 2.8156;

    /// <summary>c of the layered oxide (Å).</summary>
    public const double LayeredC = 14.0542;

    /// <summary>z of O on 6c in the layered oxide.</summary>
    public const double LayeredZ = 0.2604;

    /// <summary>Rock salt (Na, Cl; a = 5.64 Å) stretched along c to c = 1.3 a: a tetragonal ionic crystal.</summary>
    public static string StretchedRockSalt(string dir)
    {
        const double a = 5.64, c = 1.3 * 5.64;
        var sites = new List<(string, double, double, double)>();
        foreach (var (x, y, z) in new[] { (0.0, 0.0, 0.0), (0.5, 0.5, 0.0), (0.5, 0.0, 0.5), (0.0, 0.5, 0.5) })
        {
            sites.Add(("Na", x, y, z));
        }

        foreach (var (x, y, z) in new[] { (0.5, 0.0, 0.0), (0.0, 0.5, 0.0), (0.0, 0.0, 0.5), (0.5, 0.5, 0.5) })
        {
            sites.Add(("Cl", x, y, z));
        }

        return Write(dir, "NaCl-tetragonal.vasp", (a, 0, 0), (0, a, 0), (0, 0, c), sites);
    }

    /// <summary>Wurtzite ZnO (P6₃mc; a = 3.25, c = 5.207 Å, u = 0.382): a hexagonal ionic crystal.</summary>
    public static string Wurtzite(string dir)
    {
        const double a = 3.25, c = 5.207, u = 0.382;
        double third = 1.0 / 3, twoThirds = 2.0 / 3;
        return Write(dir, "ZnO.vasp", (a, 0, 0), (-a / 2, a * Math.Sqrt(3) / 2, 0), (0, 0, c),
        [
            ("Zn", third, twoThirds, 0), ("Zn", twoThirds, third, 0.5),
            ("O", third, twoThirds, u), ("O", twoThirds, third, 0.5 + u),
        ]);
    }

    /// <summary>CsCl-type NaCl in an orthorhombic cell a = 4, b = 4·√2·<paramref name="bFactor"/>, c = 3.5 Å.</summary>
    public static string Orthorhombic(string dir, double bFactor)
    {
        double a = 4, b = 4 * Math.Sqrt(2) * bFactor, c = 3.5;
        return Write(dir, "NaCl-orthorhombic.vasp", (a, 0, 0), (0, b, 0), (0, 0, c), [("Na", 0, 0, 0), ("Cl", 0.5, 0.5, 0.5)]);
    }

    /// <summary>
    /// γ-Li3PO4, orthorhombic Pmnb, a = 6.1113, b = 10.4612, c = 4.9208 Å, with the site coordinates of Wang, Chakoumakos,
    /// Sales, Kwak and Bates, J. Solid State Chem. 115, 313 (1995): Li1 8d (0.5016, 0.1627, 0.3008), Li2 4c
    /// (0.75, 0.4246, 0.2045), P 4c (0.25, 0.4115, 0.3079), O1 8d (0.0441, 0.3418, 0.2054), O2 4c (0.25, 0.0503, 0.2928),
    /// O3 4c (0.75, 0.0896, 0.1223); expanded by the eight operations of Pmnb to Li12P4O16.
    /// </summary>
    public static string GammaLi3PO4(string dir)
    {
        Func<double, double, double, (double, double, double)>[] ops =
        [
            (x, y, z) => (x, y, z), (x, y, z) => (0.5 - x, y, z), (x, y, z) => (0.5 + x, -y, -z), (x, y, z) => (0.5 + x, 0.5 - y, 0.5 + z),
            (x, y, z) => (0.5 - x, 0.5 + y, 0.5 - z), (x, y, z) => (x, 0.5 + y, 0.5 - z), (x, y, z) => (-x, 0.5 - y, 0.5 + z), (x, y, z) => (-x, -y, -z),
        ];
        (string, double, double, double)[] asymmetric =
        [
            ("Li", 0.5016, 0.1627, 0.3008), ("Li", 0.75, 0.4246, 0.2045), ("P", 0.25, 0.4115, 0.3079),
            ("O", 0.0441, 0.3418, 0.2054), ("O", 0.25, 0.0503, 0.2928), ("O", 0.75, 0.0896, 0.1223),
        ];
        return Write(dir, "Li3PO4-gamma.vasp", (6.1113, 0, 0), (0, 10.4612, 0), (0, 0, 4.9208), Expand(asymmetric, ops));
    }

    /// <summary>
    /// β-Li3PS4, orthorhombic Pnma (No. 62), a = 12.8190, b = 8.2195, c = 6.1236 Å at 637 K, with the site coordinates
    /// of Homma, Yonemura, Kobayashi, Nagao, Hirayama and Kanno, Solid State Ionics 182, 53 (2011),
    /// doi:10.1016/j.ssi.2010.10.001 (ICSD 180319): Li1 8d (0.3562, 0.013, 0.439), Li2 4b (0, 0, 0.5), P 4c (0.0872, 0.25,
    /// 0.1719), S1 8d (0.1551, 0.0458, 0.2852), S2 4c (0.9346, 0.25, 0.2574), S3 4c (0.1068, 0.25, 0.8366). The published
    /// lithium distribution is partial (Li2 4b 0.70, Li3 4c (0.999, 0.25, 0.889) 0.30); this ordered cell keeps the fully
    /// occupied 8d and fills the majority 4b site, leaving 4c empty, and the eight operations of Pnma expand it to
    /// Li12P4S16 (32 atoms).
    /// </summary>
    public static string BetaLi3PS4(string dir)
    {
        Func<double, double, double, (double, double, double)>[] ops =
        [
            (x, y, z) => (x, y, z), (x, y, z) => (0.5 - x, -y, 0.5 + z), (x, y, z) => (0.5 + x, 0.5 - y, 0.5 - z), (x, y, z) => (-x, 0.5 + y, -z),
            (x, y, z) => (-x, -y, -z), (x, y, z) => (0.5 + x, y, 0.5 - z), (x, y, z) => (0.5 - x, 0.5 + y, 0.5 + z), (x, y, z) => (x, 0.5 - y, z),
        ];
        (string, double, double, double)[] asymmetric =
        [
            ("Li", 0.3562, 0.013, 0.439), ("Li", 0, 0, 0.5), ("P", 0.0872, 0.25, 0.1719),
            ("S", 0.1551, 0.0458, 0.2852), ("S", 0.9346, 0.25, 0.2574), ("S", 0.1068, 0.25, 0.8366),
        ];
        return Write(dir, "Li3PS4-beta.vasp", (12.8190, 0, 0), (0, 8.2195, 0), (0, 0, 6.1236), Expand(asymmetric, ops));
    }

    /// <summary>Rock salt (Na, Cl) in an orthogonal cell with edges <paramref name="a"/>, <paramref name="b"/>, <paramref name="c"/> (Å) along x, y, z.</summary>
    public static string RockSaltCell(string dir, string name, double a, double b, double c)
    {
        var sites = new List<(string, double, double, double)>();
        foreach (var (x, y, z) in new[] { (0.0, 0.0, 0.0), (0.5, 0.5, 0.0), (0.5, 0.0, 0.5), (0.0, 0.5, 0.5) })
        {
            sites.Add(("Na", x, y, z));
        }

        foreach (var (x, y, z) in new[] { (0.5, 0.0, 0.0), (0.0, 0.5, 0.0), (0.0, 0.0, 0.5), (0.5, 0.5, 0.5) })
        {
            sites.Add(("Cl", x, y, z));
        }

        return Write(dir, name, (a, 0, 0), (0, b, 0), (0, 0, c), sites);
    }

    /// <summary>
    /// The orthogonal cell of a POSCAR written here, relabelled (a, b, c) → (b, c, a): edges b, c, a along x, y, z and
    /// each site's fractional coordinates (x, y, z) → (y, z, x). The same crystal, with the old a now its c.
    /// </summary>
    public static string CyclicallyRelabelled(string path, string dir)
    {
        string[] lines = File.ReadAllLines(path);
        double Edge(int line, int k) => double.Parse(lines[line].Split(' ', StringSplitOptions.RemoveEmptyEntries)[k], CultureInfo.InvariantCulture);
        double a = Edge(2, 0), b = Edge(3, 1), c = Edge(4, 2);
        string[] species = lines[5].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int[] counts = lines[6].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var sites = new List<(string Species, double X, double Y, double Z)>();
        int line = 8;
        for (int s = 0; s < species.Length; s++)
        {
            for (int k = 0; k < counts[s]; k++, line++)
            {
                double[] f = lines[line].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                sites.Add((species[s], f[1], f[2], f[0]));
            }
        }

        return Write(dir, "relabelled-" + Path.GetFileName(path), (b, 0, 0), (0, c, 0), (0, 0, a), sites);
    }

    /// <summary>
    /// A layered rock-salt oxide of the α-NaFeO2 type (R-3m) with the cell of LiCoO2 (a = 2.8156, c = 14.0542 Å):
    /// Co on 3a (0, 0, 0), Li on 3b (0, 0, 1/2), O on 6c (0, 0, z) with z = 0.2604, which gives Co–O 1.922 Å and
    /// Li–O 2.092 Å, the octahedral distances of LiCoO2. Written in the hexagonal cell (12 atoms), obverse setting; with
    /// <paramref name="reverse"/> every site (x, y, z) becomes (−x, −y, z), the same crystal turned by 180° about c,
    /// whose centring (1/3, 2/3, 1/3), (2/3, 1/3, 2/3) is the reverse setting. <paramref name="shiftOneOxygen"/> (Å)
    /// moves the first O along a, breaking the centring.
    /// </summary>
    public static string LayeredOxide(string dir, bool reverse = false, double shiftOneOxygen = 0)
    {
        const double a = LayeredA, c = LayeredC;
        var sites = new List<(string, double, double, double)>();
        foreach (var (x, y, z) in new[] { (0.0, 0.0, 0.0), (2.0 / 3, 1.0 / 3, 1.0 / 3), (1.0 / 3, 2.0 / 3, 2.0 / 3) })
        {
            sites.Add(("Li", x, y, z + 0.5));
            sites.Add(("Co", x, y, z));
            sites.Add(("O", x, y, z + LayeredZ));
            sites.Add(("O", x, y, z - LayeredZ));
        }

        sites = sites.Select(s => (s.Item1, reverse ? -s.Item2 : s.Item2, reverse ? -s.Item3 : s.Item3, s.Item4 - Math.Floor(s.Item4))).ToList();
        int first = sites.FindIndex(s => s.Item1 == "O");
        sites[first] = (sites[first].Item1, sites[first].Item2 + (shiftOneOxygen / a), sites[first].Item3, sites[first].Item4);
        return Write(dir, reverse ? "LiCoO2-reverse.vasp" : "LiCoO2.vasp", (a, 0, 0), (-a / 2, a * Math.Sqrt(3) / 2, 0), (0, 0, c), sites);
    }

    /// <summary>
    /// The crystal of <see cref="LayeredOxide"/> in its primitive rhombohedral cell (4 atoms): the vectors
    /// (2/3, 1/3, 1/3), (−1/3, 1/3, 1/3), (−1/3, −2/3, 1/3) of the hexagonal cell, a_r = √(a²/3 + c²/9) = 4.9588 Å,
    /// cos α = (2c² − 3a²)/(2c² + 6a²) = 0.8388 (α = 32.99°); Co (0, 0, 0), Li (1/2, 1/2, 1/2), O ±(z, z, z).
    /// </summary>
    public static string LayeredOxidePrimitive(string dir)
    {
        const double a = LayeredA, c = LayeredC;
        (double, double, double) Hex(double x, double y, double z) => (a * (x - (y / 2)), a * y * Math.Sqrt(3) / 2, c * z);
        return Write(dir, "LiCoO2-primitive.vasp", Hex(2.0 / 3, 1.0 / 3, 1.0 / 3), Hex(-1.0 / 3, 1.0 / 3, 1.0 / 3), Hex(-1.0 / 3, -2.0 / 3, 1.0 / 3),
        [
            ("Li", 0.5, 0.5, 0.5), ("Co", 0, 0, 0), ("O", LayeredZ, LayeredZ, LayeredZ), ("O", 1 - LayeredZ, 1 - LayeredZ, 1 - LayeredZ),
        ]);
    }

    /// <summary>A monoclinic cell (β = 100°).</summary>
    public static string Monoclinic(string dir)
    {
        double beta = 100 * Math.PI / 180;
        return Write(dir, "mono.vasp", (4, 0, 0), (0, 5, 0), (6 * Math.Cos(beta), 0, 6 * Math.Sin(beta)), [("Na", 0, 0, 0), ("Cl", 0.5, 0.5, 0.5)]);
    }

    /// <summary>The sites generated by the symmetry operations from the asymmetric unit, wrapped into the cell, each once.</summary>
    private static List<(string Species, double X, double Y, double Z)> Expand(
        IEnumerable<(string Species, double X, double Y, double Z)> asymmetric, IEnumerable<Func<double, double, double, (double, double, double)>> ops)
    {
        var sites = new List<(string Species, double X, double Y, double Z)>();
        static double Wrap(double v) => v - Math.Floor(v);
        static double Gap(double u, double v) => Math.Min(Math.Abs(u - v), 1 - Math.Abs(u - v));
        foreach (var (species, x, y, z) in asymmetric)
        {
            foreach (var op in ops)
            {
                var (u, v, w) = op(x, y, z);
                (u, v, w) = (Wrap(u), Wrap(v), Wrap(w));
                if (!sites.Any(t => t.Species == species && Gap(t.X, u) < 1e-4 && Gap(t.Y, v) < 1e-4 && Gap(t.Z, w) < 1e-4))
                {
                    sites.Add((species, u, v, w));
                }
            }
        }

        return sites;
    }

    private static string Write(string dir, string name, (double, double, double) a, (double, double, double) b, (double, double, double) c,
        IReadOnlyList<(string Species, double X, double Y, double Z)> sites)
    {
        var text = new StringBuilder();
        text.Append(name).Append('\n').Append("1.0\n");
        foreach (var (x, y, z) in new[] { a, b, c })
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{x:R} {y:R} {z:R}\n"));
        }

        string[] species = sites.Select(s => s.Species).Distinct().ToArray();
        text.Append(string.Join(' ', species)).Append('\n');
        text.Append(string.Join(' ', species.Select(s => sites.Count(x => x.Species == s).ToString(CultureInfo.InvariantCulture)))).Append('\n');
        text.Append("Direct\n");
        foreach (string s in species)
        {
            foreach (var site in sites.Where(x => x.Species == s))
            {
                text.Append(string.Create(CultureInfo.InvariantCulture, $"{site.X:R} {site.Y:R} {site.Z:R}\n"));
            }
        }

        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
