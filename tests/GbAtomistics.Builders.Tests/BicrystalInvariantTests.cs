using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;
using Xunit.Abstractions;

namespace GbAtomistics.Builders.Tests;

public class BicrystalInvariantTests(ITestOutputHelper output)
{
    // The builds the issue asks for: structure, a (Å), species, axis, Σ, plane.
    public static TheoryData<string, double, string, string, int, string> Cases => new()
    {
        { "antiperovskite", 3.91, "Li,O,Cl", "110", 3, "111" },
        { "antiperovskite", 3.91, "Li,O,Cl", "110", 3, "112" },
        { "antiperovskite", 3.91, "Li,O,Cl", "001", 5, "210" },
        { "antiperovskite", 3.91, "Li,O,Cl", "001", 5, "310" },
        { "antifluorite", 4.61, "Li,O", "001", 5, "310" },
        { "antifluorite", 4.61, "Li,O", "110", 3, "111" },
        { "rock-salt", 5.64, "Na,Cl", "001", 5, "310" },
        { "fcc", 3.615, "Cu", "110", 3, "111" },
        { "fcc", 3.615, "Cu", "110", 11, "113" },
    };

    /// <summary>The distance criterion of the geometry tests: 0.4 of each pair's shortest bulk distance.</summary>
    internal const double GeometryFraction = 0.4;

    internal static CslBicrystal Build(string structure, double a, string species, string axis, int sigma, string plane, int repeatAxis = 1, int repeatPlane = 1, double thickness = 15)
    {
        UnitCell cell = Prototypes.Create(structure, a, species.Split(','));
        var options = new CslBuildOptions(cell, Miller.Parse(axis, "axis"))
        {
            Sigma = sigma,
            Plane = Miller.Parse(plane, "plane"),
            RepeatAxis = repeatAxis,
            RepeatPlane = repeatPlane,
            Thickness = thickness,

            // Geometry at zero translation: nothing removed, a loose criterion (like-ion contacts of the mirror
            // boundaries are allowed here; the physical default is tested in PhysicalBuildTests).
            Overlap = OverlapMode.Refuse,
            Distances = new DistanceCriterion(GeometryFraction),
        };
        return CslBuilder.Build(options);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BuiltBicrystalKeepsItsInvariants(string structure, double a, string species, string axis, int sigma, string plane)
    {
        CslBicrystal gb = Build(structure, a, species, axis, sigma, plane, repeatAxis: 2, repeatPlane: 1);
        Frame f = gb.Frame;
        BicrystalMetadata meta = gb.Metadata;
        UnitCell cell = gb.Cell;
        output.WriteLine($"{structure} Σ{sigma}({plane}): {f.Count} atoms, periods {gb.Periods}, k={gb.PeriodsPerGrain}, termination {gb.Termination.Description}, " +
            $"{gb.Construction}, removed {cell.FormatComposition(gb.Removed.ToArray())}, shortest {gb.ShortestDistance:F3} Å, box {f.Box.A.X:F3} x {f.Box.B.Y:F3} x {f.Box.C.Z:F3}");

        // Σ, planes and metadata.
        Assert.Equal(sigma, meta.Sigma);
        Assert.True(Miller.SameFamily(gb.Planes.Lower, Miller.Parse(plane, "plane")));
        Assert.True(Miller.SameFamily(gb.Planes.Upper, Miller.Parse(plane, "plane")));
        Assert.Equal(f.Count, meta.GrainOfAtom.Length);
        Assert.Equal(f.Count, meta.AtomsPerGrain.Sum());
        Assert.Equal([0.0, 0.5], meta.Planes.Select(p => Math.Round(p, 12)).ToArray());
        Assert.True(f.Box.IsOrthogonal);

        // Nothing removed for these boundaries, so the grains are exact mirror images across the middle plane.
        Assert.All(gb.Removed, n => Assert.Equal(0, n));
        Assert.Equal(GrainConstruction.Mirror, gb.Construction);
        AssertMirrorImages(f, meta.GrainOfAtom, meta.Planes[1] * f.Box.C.Z);

        // Coincident-site fraction of the two lattices (common origin) is 1/Σ.
        Assert.Equal(1.0 / sigma, CoincidentFraction(gb), 12);

        // No pair closer than the criterion (of the shortest bulk distance of the least-distant pair) anywhere, across
        // the periodic boundary too.
        double dmin = GeometryFraction * cell.NearestNeighbourDistance;
        var pairs = new CountClose();
        new CellList(f.Box, f.Positions.AsSpan(0, f.Count), dmin).VisitPairs(ref pairs);
        Assert.Equal(0, pairs.Count);
        Assert.All(gb.PairDistances, p => Assert.True(p.Passes, $"{p.A}-{p.B} at {p.Ratio:F3} of bulk"));

        // Whole formula units and zero net charge, per grain and in total.
        for (int grain = 1; grain <= 2; grain++)
        {
            int[] counts = new int[cell.Species.Count];
            for (int i = 0; i < f.Count; i++)
            {
                if (meta.GrainOfAtom[i] == grain)
                {
                    counts[f.Types[i] - 1]++;
                }
            }

            Assert.Equal(gb.GrainComposition[grain - 1], counts);
            Assert.NotNull(CslBuilder.WholeFormulaUnits(counts, cell.FormulaUnit));
            Assert.Equal(0, gb.GrainCharge(grain), 9);
        }

        if (cell.IsIonic)
        {
            Assert.NotNull(f.Charges);
            Assert.Equal(0, f.Charges!.Take(f.Count).Sum(), 9);
        }

        // Volume and atom count from Σ and the repetitions: the CSL column P_x·P_y·P_z holds a whole number of CSL
        // cells of volume Σ·V_primitive, the box is 2 × 2k × 1 columns, and the atoms are the crystal's density times V.
        double vPrim = Math.Pow(a, 3) / cell.Centring().Count;
        double column = gb.Periods.X * gb.Periods.Y * gb.Periods.Z;
        double cslCells = column / (sigma * vPrim);
        Assert.Equal(Math.Round(cslCells), cslCells, 9);
        Assert.True(Math.Round(cslCells) >= 1);
        Assert.Equal(2 * gb.Periods.X, f.Box.A.X, 9);
        Assert.Equal(gb.Periods.Y, f.Box.B.Y, 9);
        Assert.Equal(2 * gb.PeriodsPerGrain * gb.Periods.Z, f.Box.C.Z, 9);
        Assert.True(gb.PeriodsPerGrain * gb.Periods.Z >= 15 - 1e-9);
        double expectedAtoms = cell.Sites.Count * f.Box.Volume / Math.Pow(a, 3);
        Assert.Equal(expectedAtoms, f.Count, 6);
    }

    [Fact]
    public void PeriodsOfKnownCellsMatchTheirCslPeriods()
    {
        // Simple-cubic lattice (antiperovskite), Σ5(310) about [001]: a, a√10, a√10.
        CslBicrystal ap = Build("antiperovskite", 3.91, "Li,O,Cl", "001", 5, "310");
        Assert.Equal(3.91, ap.Periods.X, 9);
        Assert.Equal(3.91 * Math.Sqrt(10), ap.Periods.Y, 9);
        Assert.Equal(3.91 * Math.Sqrt(10), ap.Periods.Z, 9);

        // fcc Σ3(111) about [110]: a/√2 along [110], a√6/2 along [112], a√3 along [111] (ABC stacking).
        CslBicrystal cu = Build("fcc", 3.615, "Cu", "110", 3, "111");
        Assert.Equal(3.615 / Math.Sqrt(2), cu.Periods.X, 9);
        Assert.Equal(3.615 * Math.Sqrt(6) / 2, cu.Periods.Y, 9);
        Assert.Equal(3.615 * Math.Sqrt(3), cu.Periods.Z, 9);
    }

    [Fact]
    public void CoherentTwinInFccIsAbcbaStackingWithNearestNeighbourDistances()
    {
        CslBicrystal cu = Build("fcc", 3.615, "Cu", "110", 3, "111", repeatAxis: 3, repeatPlane: 2);
        Assert.Equal("through Cu", cu.Termination.Description[..10]);
        Assert.Equal(3.615 / Math.Sqrt(2), cu.ShortestDistance, 9);
    }

    /// <summary>
    /// The structure is its own mirror image across the middle boundary plane, and the mirror takes every atom of one
    /// grain to an atom of the other, except atoms lying on a boundary plane (a layer shared by the grains).
    /// </summary>
    internal static void AssertMirrorImages(Frame f, int[] grainOf, double zMirror)
    {
        double lx = f.Box.A.X, ly = f.Box.B.Y, lz = f.Box.C.Z;
        for (int i = 0; i < f.Count; i++)
        {
            Vec3 r = f.Positions[i];
            var m = new Vec3(r.X, r.Y, (2 * zMirror) - r.Z);
            int j = Enumerable.Range(0, f.Count).FirstOrDefault(j => f.Types[j] == f.Types[i] && Periodic(f.Positions[j] - m, lx, ly, lz) < 1e-6, -1);
            Assert.True(j >= 0, $"mirror image of atom {f.Ids[i]} ({f.SpeciesName(i)} at {r}) is missing");
            bool onPlane = Math.Abs(Periodic(new Vec3(0, 0, r.Z - zMirror), lx, ly, lz)) < 1e-6 || Math.Abs(Periodic(new Vec3(0, 0, r.Z), lx, ly, lz)) < 1e-6;
            if (!onPlane)
            {
                Assert.NotEqual(grainOf[i], grainOf[j]);
            }
        }
    }

    internal static double CoincidentFraction(CslBicrystal gb)
    {
        IReadOnlyList<Vec3> centring = gb.Cell.Centring();
        var lattice = new UnitCell("lattice", gb.Cell.A, ["X"], [0], centring.Select(c => new UnitCellSite(0, c)).ToArray());
        Box box = gb.Frame.Box;
        var points = CslBuilder.Generate(lattice, RigidUnits.None(lattice), gb.RotationLower, Vec3.Zero, box.A.X, box.B.Y, -1e-9, box.C.Z - 1e-6);
        int coincident = 0;
        foreach (Vec3 r in points.Select(p => p.Anchor))
        {
            Vec3 f2 = gb.RotationUpper.Transpose() * (r / gb.Cell.A);
            Vec3 frac = new(f2.X - Math.Floor(f2.X + 1e-7), f2.Y - Math.Floor(f2.Y + 1e-7), f2.Z - Math.Floor(f2.Z + 1e-7));
            if (centring.Any(c => (c - frac).Length < 1e-6))
            {
                coincident++;
            }
        }

        return coincident / (double)points.Count;
    }

    private static double Periodic(Vec3 d, double lx, double ly, double lz) =>
        new Vec3(d.X - (lx * Math.Round(d.X / lx)), d.Y - (ly * Math.Round(d.Y / ly)), d.Z - (lz * Math.Round(d.Z / lz))).Length;

    private struct CountClose : IPairVisitor
    {
        public int Count;

        public void Visit(int i, int j, double distanceSquared) => Count++;
    }
}
