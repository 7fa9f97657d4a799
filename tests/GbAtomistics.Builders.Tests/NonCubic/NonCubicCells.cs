using System.Globalization;
using System.Text;

namespace GbAtomistics.Builders.Tests.NonCubic;

/// <summary>Unit cells of non-cubic test crystals, written as POSCAR files by the tests themselves.</summary>
internal static class NonCubicCells
{
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

    /// <summary>A monoclinic cell (β = 100°).</summary>
    public static string Monoclinic(string dir)
    {
        double beta = 100 * Math.PI / 180;
        return Write(dir, "mono.vasp", (4, 0, 0), (0, 5, 0), (6 * Math.Cos(beta), 0, 6 * Math.Sin(beta)), [("Na", 0, 0, 0), ("Cl", 0.5, 0.5, 0.5)]);
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
