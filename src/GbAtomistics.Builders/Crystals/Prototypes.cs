using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Crystals;

/// <summary>
/// Built-in cubic structures with a default lattice constant (Å), species and formal charges (e). Species are given
/// in the order of the sites listed for each structure; the origin sits on a site of full cubic symmetry.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>fcc</c>: X at (0,0,0) + face centres. Default Cu, a = 3.615.</item>
/// <item><c>bcc</c>: X at (0,0,0), (½,½,½). Default Fe, a = 2.8665.</item>
/// <item><c>rock-salt</c>: cation on the fcc sites, anion shifted by (½,½,½). Default Na, Cl (+1, −1), a = 5.64.</item>
/// <item><c>antifluorite</c>: cation on the 8 tetrahedral sites (¼,¼,¼)+fcc, anion on the fcc sites. Default Li, O (+1, −2), a = 4.61.</item>
/// <item><c>perovskite</c> ABX3: A corner, B body centre, X face centres. Default Sr, Ti, O (+2, +4, −2), a = 3.905.</item>
/// <item><c>antiperovskite</c> X3BA (Li3OCl): X (Li) face centres, B (O) body centre, A (Cl) corner. Default Li, O, Cl (+1, −2, −1), a = 3.91.</item>
/// </list>
/// </remarks>
public static class Prototypes
{
    /// <summary>The built-in structure names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fcc", "bcc", "rock-salt", "antifluorite", "perovskite", "antiperovskite"];

    /// <summary>
    /// The built-in <paramref name="name"/> with optional lattice constant, species (one per site kind, in the order
    /// documented above) and charges (by element) replacing the defaults.
    /// </summary>
    public static UnitCell Create(string name, double? a = null, IReadOnlyList<string>? species = null, IReadOnlyDictionary<string, double>? charges = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Vec3[] fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];
        var sites = new List<UnitCellSite>();
        string[] defaultSpecies;
        double[] defaultCharges;
        double defaultA;
        switch (name.Trim().ToLowerInvariant())
        {
            case "fcc":
                defaultSpecies = ["Cu"];
                defaultCharges = [0];
                defaultA = 3.615;
                sites.AddRange(fcc.Select(p => new UnitCellSite(0, p)));
                break;
            case "bcc":
                defaultSpecies = ["Fe"];
                defaultCharges = [0];
                defaultA = 2.8665;
                sites.Add(new UnitCellSite(0, new Vec3(0, 0, 0)));
                sites.Add(new UnitCellSite(0, new Vec3(0.5, 0.5, 0.5)));
                break;
            case "rock-salt" or "rocksalt":
                defaultSpecies = ["Na", "Cl"];
                defaultCharges = [1, -1];
                defaultA = 5.64;
                sites.AddRange(fcc.Select(p => new UnitCellSite(0, p)));
                sites.AddRange(fcc.Select(p => new UnitCellSite(1, p + new Vec3(0.5, 0.5, 0.5))));
                break;
            case "antifluorite":
                defaultSpecies = ["Li", "O"];
                defaultCharges = [1, -2];
                defaultA = 4.61;
                sites.AddRange(fcc.Select(p => new UnitCellSite(0, p + new Vec3(0.25, 0.25, 0.25))));
                sites.AddRange(fcc.Select(p => new UnitCellSite(0, p + new Vec3(0.75, 0.75, 0.75))));
                sites.AddRange(fcc.Select(p => new UnitCellSite(1, p)));
                break;
            case "perovskite":
                defaultSpecies = ["Sr", "Ti", "O"];
                defaultCharges = [2, 4, -2];
                defaultA = 3.905;
                sites.Add(new UnitCellSite(0, new Vec3(0, 0, 0)));
                sites.Add(new UnitCellSite(1, new Vec3(0.5, 0.5, 0.5)));
                sites.AddRange(fcc.Skip(1).Select(p => new UnitCellSite(2, p)));
                break;
            case "antiperovskite":
                defaultSpecies = ["Li", "O", "Cl"];
                defaultCharges = [1, -2, -1];
                defaultA = 3.91;
                sites.AddRange(fcc.Skip(1).Select(p => new UnitCellSite(0, p)));
                sites.Add(new UnitCellSite(1, new Vec3(0.5, 0.5, 0.5)));
                sites.Add(new UnitCellSite(2, new Vec3(0, 0, 0)));
                break;
            default:
                throw new InputException($"unknown structure '{name}'; expected one of {string.Join(", ", Names)} or a unit-cell file");
        }

        string[] names = defaultSpecies;
        if (species is not null)
        {
            if (species.Count != defaultSpecies.Length)
            {
                throw new InputException(
                    $"--species {string.Join(",", species)}: {name} takes {defaultSpecies.Length} species (default {string.Join(",", defaultSpecies)})");
            }

            names = species.Select(s => Elements.Normalize(s) ?? throw new InputException($"--species: '{s}' is not an element symbol")).ToArray();
            if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            {
                throw new InputException($"--species {string.Join(",", species)}: each site kind needs its own element");
            }
        }

        double[] q = defaultCharges.ToArray();
        if (charges is not null)
        {
            foreach (var (element, value) in charges)
            {
                int i = Array.FindIndex(names, n => string.Equals(n, element, StringComparison.OrdinalIgnoreCase));
                if (i < 0)
                {
                    throw new InputException($"--charges: {element} is not a species of this structure ({string.Join(",", names)})");
                }

                q[i] = value;
            }
        }

        return new UnitCell(name.Trim().ToLowerInvariant(), a ?? defaultA, names, q, sites);
    }
}
