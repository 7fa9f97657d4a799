using System.Globalization;
using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Tests;

/// <summary>
/// POSCAR unit cells of three electrolytes written by the tests: antiperovskite Li3OCl (Pm-3m, a = 3.91 Å; Li on the
/// face centres, O body centre, Cl corner) and Na3PS4 / Na3PO4 in the cubic I-43m structure of Na3PS4 (Na 6b, P 2a,
/// S/O 8c (x, x, x)). Na3PS4: a = 6.9965 Å, x = 0.1699 (Jansen and Henseler, J. Solid State Chem. 99, 110 (1992),
/// P–S 2.06 Å); Na3PO4 in the same structure with a = 6.80 Å and x = 0.1308 (P–O 1.54 Å, the phosphate bond length).
/// </summary>
internal static class ElectrolyteCells
{
    public static (string Path, string Charges) Write(string compound, string dir)
    {
        string path = System.IO.Path.Combine(dir, compound + ".vasp");
        switch (compound)
        {
            case "Li3OCl":
                File.WriteAllText(path, Poscar("Li3OCl antiperovskite", 3.91, ["Li", "O", "Cl"], [3, 1, 1],
                    [new(0.5, 0.5, 0), new(0.5, 0, 0.5), new(0, 0.5, 0.5), new(0.5, 0.5, 0.5), new(0, 0, 0)]));
                return (path, "Li=1,O=-2,Cl=-1");
            case "Na3PS4":
                File.WriteAllText(path, I43m("Na3PS4", "S", 6.9965, 0.1699));
                return (path, "Na=1,P=5,S=-2");
            case "Na3PO4":
                File.WriteAllText(path, I43m("Na3PO4", "O", 6.80, 0.1308));
                return (path, "Na=1,P=5,O=-2");
            default:
                throw new ArgumentException("unknown compound " + compound, nameof(compound));
        }
    }

    private static string I43m(string name, string ligand, double a, double x)
    {
        var sites = new List<Vec3>
        {
            new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0), new(0.5, 0, 0), new(0, 0.5, 0), new(0, 0, 0.5),
            new(0, 0, 0), new(0.5, 0.5, 0.5),
        };
        foreach (Vec3 c in new Vec3[] { new(0, 0, 0), new(0.5, 0.5, 0.5) })
        {
            foreach (Vec3 sign in new Vec3[] { new(1, 1, 1), new(-1, -1, 1), new(-1, 1, -1), new(1, -1, -1) })
            {
                sites.Add(c + (x * sign));
            }
        }

        return Poscar(name + " I-43m", a, ["Na", "P", ligand], [6, 2, 8], sites);
    }

    private static string Poscar(string title, double a, string[] species, int[] counts, IReadOnlyList<Vec3> sites)
    {
        var text = new StringBuilder();
        text.AppendLine(title);
        text.AppendLine(a.ToString("R", CultureInfo.InvariantCulture));
        text.AppendLine("1 0 0").AppendLine("0 1 0").AppendLine("0 0 1");
        text.AppendLine(string.Join(' ', species));
        text.AppendLine(string.Join(' ', counts));
        text.AppendLine("Direct");
        foreach (Vec3 s in sites)
        {
            static double W(double v) => v - Math.Floor(v);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{W(s.X):F6} {W(s.Y):F6} {W(s.Z):F6}"));
        }

        return text.ToString();
    }
}
