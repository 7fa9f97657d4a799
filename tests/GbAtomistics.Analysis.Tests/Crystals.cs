using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests;

/// <summary>Perfect cubic crystals and random gases as frames, for tests whose answers physics fixes.</summary>
internal static class Crystals
{
    public static readonly (string Species, Vec3 Fractional)[] Fcc =
        [("Cu", new(0, 0, 0)), ("Cu", new(0, 0.5, 0.5)), ("Cu", new(0.5, 0, 0.5)), ("Cu", new(0.5, 0.5, 0))];

    public static readonly (string Species, Vec3 Fractional)[] Bcc = [("Fe", new(0, 0, 0)), ("Fe", new(0.5, 0.5, 0.5))];

    public static readonly (string Species, Vec3 Fractional)[] RockSalt =
    [
        ("Na", new(0, 0, 0)), ("Na", new(0, 0.5, 0.5)), ("Na", new(0.5, 0, 0.5)), ("Na", new(0.5, 0.5, 0)),
        ("Cl", new(0.5, 0, 0)), ("Cl", new(0, 0.5, 0)), ("Cl", new(0, 0, 0.5)), ("Cl", new(0.5, 0.5, 0.5)),
    ];

    /// <summary>Antiperovskite Li3OCl: O at the body centre, Cl at the corner, Li at the face centres.</summary>
    public static readonly (string Species, Vec3 Fractional)[] Antiperovskite =
    [
        ("Li", new(0.5, 0.5, 0)), ("Li", new(0.5, 0, 0.5)), ("Li", new(0, 0.5, 0.5)),
        ("O", new(0.5, 0.5, 0.5)), ("Cl", new(0, 0, 0)),
    ];

    /// <summary>An n×n×n supercell of a cubic cell with lattice constant a (Å).</summary>
    public static Frame Build((string Species, Vec3 Fractional)[] basis, double a, int n)
    {
        string[] names = basis.Select(b => b.Species).Distinct().ToArray();
        var frame = new Frame
        {
            Box = Box.Orthogonal(n * a, n * a, n * a),
            Species = SpeciesMap.FromOrderedNames(names),
        };
        frame.Resize(basis.Length * n * n * n);
        int k = 0;
        for (int x = 0; x < n; x++)
        for (int y = 0; y < n; y++)
        for (int z = 0; z < n; z++)
        {
            foreach (var (species, s) in basis)
            {
                frame.Ids[k] = k + 1;
                frame.Types[k] = Array.IndexOf(names, species) + 1;
                frame.Positions[k] = a * (new Vec3(x, y, z) + s);
                k++;
            }
        }

        return frame;
    }

    /// <summary>Uniformly random positions of one species in a cube of edge <paramref name="l"/> (Å).</summary>
    public static Frame IdealGas(int atoms, double l, Random random)
    {
        var frame = new Frame { Box = Box.Orthogonal(l, l, l), Species = SpeciesMap.Parse("1=Ar") };
        frame.Resize(atoms);
        for (int i = 0; i < atoms; i++)
        {
            frame.Ids[i] = i + 1;
            frame.Types[i] = 1;
            frame.Positions[i] = new Vec3(random.NextDouble() * l, random.NextDouble() * l, random.NextDouble() * l);
        }

        return frame;
    }
}
