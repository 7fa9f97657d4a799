using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Crystals;

/// <summary>
/// The partition of a unit cell's atoms into rigid units (polyanions and molecular units, each a centre and its bonded
/// ligands) and single atoms, with the unit kinds and the formula unit counted in kinds.
/// </summary>
/// <remarks>
/// <para>
/// Bond criterion: atoms of species C and L (C ≠ L) are bonded when they are at most <see cref="BondTolerance"/>
/// times the shortest C–L distance of the crystal apart. A species pair forms units by itself (automatic detection)
/// when the pair is covalent-like in the crystal's own geometry: every L atom has at most one C atom within that bond
/// length, at least one L atom has one, and for each such L its bonded C is its nearest neighbour of any species.
/// Ionic contacts fail the first test (an anion is shared by several cations: Li–O in Li2O, Li–Cl in Li3OCl); the
/// P–S bonds of PS4, P–O of PO4, S–O of SO4, Si–O of SiO4, B–H of BH4 or Pt–Cl of PtCl6 pass it. Named pairs
/// (<c>--units P:S</c>) skip the test, so units that share ligands between centres (P2S7) can be asked for.
/// </para>
/// <para>
/// Units are the connected groups of bonded atoms. A group that reaches its own periodic image is a framework, not a
/// unit, and is refused. A unit's anchor is the mean of its centre atoms (species that appear as centre and not as
/// ligand of a bond of the unit); the grain holding the anchor owns the whole unit.
/// </para>
/// </remarks>
public sealed class RigidUnits
{
    /// <summary>Bond length as a multiple of the shortest bulk distance of the pair.</summary>
    public const double BondTolerance = 1.2;

    private RigidUnits(UnitCell cell, IReadOnlyList<RigidUnit> units, IReadOnlyList<string> kinds, IReadOnlyList<(int Centre, int Ligand)> pairs)
    {
        Cell = cell;
        Units = units;
        Kinds = kinds;
        BondPairs = pairs;
        int[] counts = new int[kinds.Count];
        foreach (RigidUnit u in units)
        {
            counts[u.Kind]++;
        }

        int g = counts.Aggregate(0, Csl.Miller.Gcd);
        FormulaInKinds = counts.Select(c => c / g).ToArray();
    }

    public UnitCell Cell { get; }

    /// <summary>Every atom of the cell in exactly one unit (single atoms are units of one).</summary>
    public IReadOnlyList<RigidUnit> Units { get; }

    /// <summary>Composition of each unit kind, e.g. <c>Na</c>, <c>PS4</c>.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>The (centre, ligand) species pairs whose bonds make the units; empty when every unit is a single atom.</summary>
    public IReadOnlyList<(int Centre, int Ligand)> BondPairs { get; }

    /// <summary>Units of each kind in one formula unit (the cell's counts divided by their greatest common divisor).</summary>
    public IReadOnlyList<int> FormulaInKinds { get; }

    /// <summary>True when some unit has more than one atom.</summary>
    public bool HasUnits => Units.Any(u => u.Sites.Length > 1);

    /// <summary>For example <c>PS4 (P–S ≤ 2.47 Å)</c>, or <c>none</c>.</summary>
    public string Description => !HasUnits
        ? "none"
        : string.Join(", ", Kinds.Where((k, i) => Units.Any(u => u.Kind == i && u.Sites.Length > 1))) + " (" +
          string.Join(", ", BondPairs.Select(p => string.Create(CultureInfo.InvariantCulture,
              $"{Cell.Species[p.Centre]}–{Cell.Species[p.Ligand]} ≤ {BondTolerance * Cell.PairDistance(p.Centre, p.Ligand):F2} Å"))) + ")";

    /// <summary>Every atom a unit of its own.</summary>
    public static RigidUnits None(UnitCell cell) => FromPairs(cell, []);

    /// <summary>Units from the species pairs that pass the automatic test described on the class.</summary>
    public static RigidUnits Detect(UnitCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var pairs = new List<(int, int)>();
        for (int c = 0; c < cell.Species.Count; c++)
        {
            for (int l = 0; l < cell.Species.Count; l++)
            {
                if (c != l && FormsUnits(cell, c, l))
                {
                    pairs.Add((c, l));
                }
            }
        }

        return FromPairs(cell, pairs);
    }

    /// <summary>Units from named pairs such as <c>P:S</c> (centre:ligand), several separated by commas; <c>none</c> for no units.</summary>
    public static RigidUnits Parse(UnitCell cell, string text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Detect(cell);
        }

        if (trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return None(cell);
        }

        var pairs = new List<(int, int)>();
        foreach (string item in trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = item.Split(':', StringSplitOptions.TrimEntries);
            int c = parts.Length == 2 ? IndexOf(cell, parts[0]) : -1;
            int l = parts.Length == 2 ? IndexOf(cell, parts[1]) : -1;
            if (c < 0 || l < 0 || c == l)
            {
                throw new InputException(
                    $"--units '{text}': expected auto, none or CENTRE:LIGAND pairs of two different species of the cell ({string.Join(", ", cell.Species)}), e.g. P:S");
            }

            pairs.Add((c, l));
        }

        return FromPairs(cell, pairs);
    }

    private static int IndexOf(UnitCell cell, string name)
    {
        for (int s = 0; s < cell.Species.Count; s++)
        {
            if (cell.Species[s].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return s;
            }
        }

        return -1;
    }

    private static bool FormsUnits(UnitCell cell, int c, int l)
    {
        double bond = BondTolerance * cell.PairDistance(c, l);
        bool any = false;
        for (int i = 0; i < cell.Sites.Count; i++)
        {
            if (cell.Sites[i].Species != l)
            {
                continue;
            }

            int bonded = 0;
            double nearestCentre = double.PositiveInfinity, nearestOther = double.PositiveInfinity;
            foreach (var (j, d) in Neighbours(cell, i, bond * 1.5))
            {
                if (cell.Sites[j].Species == c)
                {
                    nearestCentre = Math.Min(nearestCentre, d);
                    bonded += d <= bond ? 1 : 0;
                }
                else
                {
                    nearestOther = Math.Min(nearestOther, d);
                }
            }

            if (bonded > 1)
            {
                return false;
            }

            if (bonded == 1)
            {
                if (!(nearestCentre < nearestOther))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary>Every (site, distance) within <paramref name="cutoff"/> of site <paramref name="i"/>, images included (images −2…2).</summary>
    private static IEnumerable<(int Site, double Distance)> Neighbours(UnitCell cell, int i, double cutoff)
    {
        foreach (var (j, shift) in Images(cell, i, cutoff))
        {
            yield return (j, (cell.Shape * (cell.Sites[j].Position + shift - cell.Sites[i].Position)).Length * cell.A);
        }
    }

    private static IEnumerable<(int Site, Vec3 Shift)> Images(UnitCell cell, int i, double cutoff)
    {
        int n = Math.Max(1, (int)Math.Ceiling(cutoff / (cell.A * MinimumWidth(cell.Shape))) + 1);
        for (int j = 0; j < cell.Sites.Count; j++)
        {
            for (int x = -n; x <= n; x++)
            {
                for (int y = -n; y <= n; y++)
                {
                    for (int z = -n; z <= n; z++)
                    {
                        if (i == j && x == 0 && y == 0 && z == 0)
                        {
                            continue;
                        }

                        var shift = new Vec3(x, y, z);
                        double d = (cell.Shape * (cell.Sites[j].Position + shift - cell.Sites[i].Position)).Length * cell.A;
                        if (d <= cutoff)
                        {
                            yield return (j, shift);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The smallest distance between opposite faces of the cell in units of a (1 for a cube).</summary>
    private static double MinimumWidth(Mat3 shape)
    {
        double v = Math.Abs(shape.Determinant);
        return Math.Min(v / Vec3.Cross(shape.C1, shape.C2).Length, Math.Min(v / Vec3.Cross(shape.C2, shape.C0).Length, v / Vec3.Cross(shape.C0, shape.C1).Length));
    }

    private static RigidUnits FromPairs(UnitCell cell, IReadOnlyList<(int Centre, int Ligand)> pairs)
    {
        int n = cell.Sites.Count;

        // Bonds as (neighbour, image shift) lists; a bond C–L is stored both ways.
        var bonds = new List<(int J, Vec3 Shift)>[n];
        for (int i = 0; i < n; i++)
        {
            bonds[i] = [];
        }

        foreach (var (c, l) in pairs.Distinct())
        {
            double bond = BondTolerance * cell.PairDistance(c, l);
            for (int i = 0; i < n; i++)
            {
                if (cell.Sites[i].Species != c)
                {
                    continue;
                }

                foreach (var (j, shift) in Images(cell, i, bond))
                {
                    if (cell.Sites[j].Species == l)
                    {
                        bonds[i].Add((j, shift));
                        bonds[j].Add((i, -1.0 * shift));
                    }
                }
            }
        }

        // Connected groups, each atom placed at an unwrapped position; meeting an atom again at another image means
        // the group is infinite.
        var position = new Vec3?[n];
        var units = new List<RigidUnit>();
        var kinds = new List<string>();
        var centreSpecies = pairs.Select(p => p.Centre).ToHashSet();
        var ligandSpecies = pairs.Select(p => p.Ligand).ToHashSet();
        for (int start = 0; start < n; start++)
        {
            if (position[start] is not null)
            {
                continue;
            }

            var members = new List<int> { start };
            position[start] = cell.Sites[start].Position;
            for (int k = 0; k < members.Count; k++)
            {
                int i = members[k];
                foreach (var (j, shift) in bonds[i])
                {
                    Vec3 p = position[i]!.Value + cell.Sites[j].Position + shift - cell.Sites[i].Position;
                    if (position[j] is { } known)
                    {
                        if ((known - p).Length > 1e-6)
                        {
                            throw new InputException(
                                $"{cell.Name}: the {cell.Species[cell.Sites[start].Species]}-containing bonds of --units form a framework that runs through the crystal, not separate units; name other pairs with --units or use --units none");
                        }

                        continue;
                    }

                    position[j] = p;
                    members.Add(j);
                }
            }

            members.Sort();
            int[] counts = new int[cell.Species.Count];
            foreach (int m in members)
            {
                counts[cell.Sites[m].Species]++;
            }

            string kind = cell.FormatComposition(counts);
            int kindIndex = kinds.IndexOf(kind);
            if (kindIndex < 0)
            {
                kinds.Add(kind);
                kindIndex = kinds.Count - 1;
            }

            Vec3[] positions = members.Select(m => position[m]!.Value).ToArray();
            int[] centres = members.Count == 1
                ? [0]
                : Enumerable.Range(0, members.Count).Where(k =>
                {
                    int s = cell.Sites[members[k]].Species;
                    return centreSpecies.Contains(s) && !ligandSpecies.Contains(s);
                }).ToArray();
            if (centres.Length == 0)
            {
                centres = Enumerable.Range(0, members.Count).ToArray();
            }

            Vec3 anchor = Vec3.Zero;
            foreach (int k in centres)
            {
                anchor += positions[k];
            }

            units.Add(new RigidUnit(members.ToArray(), positions, anchor / centres.Length, kindIndex));
        }

        return new RigidUnits(cell, units, kinds, pairs.Distinct().ToArray());
    }
}
