using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Steps;
using GbAtomistics.Tests;
using Xunit.Abstractions;

namespace GbAtomistics.Builders.Tests.NonCubic;

/// <summary>
/// Symmetric tilt bicrystals about a and b of orthorhombic and tetragonal cells: the same crystal relabelled so that
/// the axis is c and built about c gives the same bicrystal; Σ and angles agree with the lattice Σ table for that
/// axis; everything is reported in the cell's own axes, with c strained to a rational (c/b)² or (c/a)².
/// </summary>
public class OtherAxisBuildTests(ITestOutputHelper output)
{
    /// <summary>
    /// γ-Li3PO4 about [100] with the plane (011) equals the cell relabelled (a, b, c) → (b, c, a) by the test (the
    /// POSCAR rewritten) and built about [001] with the plane (110): atom count, Σ, angle, strain, box, model energy and
    /// the sorted list of interatomic distances, with the planes the same up to the relabelling.
    /// </summary>
    [Fact]
    public void OrthorhombicCellAboutAEqualsTheRelabelledCellAboutC()
    {
        string dir = TestPaths.NewTempDir();
        string original = NonCubicCells.GammaLi3PO4(dir);
        string relabelled = NonCubicCells.CyclicallyRelabelled(original, dir);
        var request = new CslBuildRequest
        {
            Structure = original,
            Charges = ChargeMap.Parse("Li=1,P=5,O=-2"),
            Axis = new Int3(1, 0, 0),
            Plane = new Int3(0, 1, 1),
            Units = "P:O",
            Translation = (0, 0),
        };
        CslBicrystal a = Assert.Single(BuildCslStep.Build(request)).Bicrystal!;
        CslBicrystal c = Assert.Single(BuildCslStep.Build(request with { Structure = relabelled, Axis = new Int3(0, 0, 1), Plane = new Int3(1, 1, 0) })).Bicrystal!;
        output.WriteLine($"about [100]: Σ{a.Entry.Sigma} {a.Planes} {a.Entry.AngleDegrees:F4}°, {a.Frame.Count} atoms, strain {a.Cell.Strains[0].Parameter} {a.Cell.Strains[0].StrainPercent:F4} %, energy {a.ModelEnergy:F6}");
        output.WriteLine($"relabelled about [001]: Σ{c.Entry.Sigma} {c.Planes} {c.Entry.AngleDegrees:F4}°, {c.Frame.Count} atoms, strain {c.Cell.Strains[0].Parameter} {c.Cell.Strains[0].StrainPercent:F4} %, energy {c.ModelEnergy:F6}");

        Assert.Equal(new Int3(1, 0, 0), a.Entry.Axis);
        Assert.Equal(new Int3(0, 0, 1), c.Entry.Axis);
        Assert.Equal(c.Entry.Sigma, a.Entry.Sigma);
        Assert.Equal(c.Entry.AngleDegrees, a.Entry.AngleDegrees, 1e-9);

        // Planes: (h k l) of the original cell is (k l h) of the relabelled one.
        static Int3 Relabel(Int3 p) => new(p.Y, p.Z, p.X);
        Assert.Equal(c.Planes.Lower, Relabel(a.Planes.Lower));
        Assert.Equal(c.Planes.Upper, Relabel(a.Planes.Upper));
        Assert.Equal(0, a.Planes.Lower.X);
        Assert.Equal(0, a.Planes.Upper.X);

        // The strain is that of c in the original cell, of b in the relabelled one: the same edge, the same number.
        ParameterStrain sa = Assert.Single(a.Cell.Strains), sc = Assert.Single(c.Cell.Strains);
        Assert.Equal("c", sa.Parameter);
        Assert.Equal("b", sc.Parameter);
        Assert.Equal(sc.StrainPercent, sa.StrainPercent, 1e-9);
        Assert.Equal(100 * (Math.Sqrt(2.0 / 9) / (4.9208 / 10.4612) - 1), sa.StrainPercent, 1e-6);
        Assert.Equal(c.Cell.Cartesian(new Vec3(0, 1, 0)).Length, a.Cell.Cartesian(new Vec3(0, 0, 1)).Length, 1e-9);

        Assert.Equal(c.Frame.Count, a.Frame.Count);
        Assert.Equal(c.Construction, a.Construction);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(c.Frame.Box.H.Column(k).Length, a.Frame.Box.H.Column(k).Length, 1e-9);
        }

        Assert.Equal(c.ModelEnergy, a.ModelEnergy, 1e-9);
        double[] da = Distances(a.Frame, 4.0), dc = Distances(c.Frame, 4.0);
        Assert.Equal(dc.Length, da.Length);
        Assert.All(Enumerable.Range(0, da.Length), i => Assert.Equal(dc[i], da[i], 1e-6));
    }

    /// <summary>
    /// γ-Li3PO4 (Pmnb) about [100]: (c/b)² = 0.22126 becomes 2/9 (c strained by +0.22 %, within the 1 % default), the
    /// plane (011) is Σ11 (net metric G = [[9, 0], [0, 2]] on (b, c): u = (2, 9), w = G·u = (18, 18), D = 198,
    /// Σ = 198/gcd(198, 36)) at 180° − 2·atan(b/c) = 180° − 2·atan(3/√2) = 50.48°; the translation search's winner is stoichiometric and neutral per grain, every PO4 whole,
    /// every pair at or above 0.65 of bulk.
    /// </summary>
    [Fact]
    public void GammaLi3PO4AboutAKeepsItsPhosphateUnitsWhole()
    {
        var request = new CslBuildRequest
        {
            Structure = NonCubicCells.GammaLi3PO4(TestPaths.NewTempDir()),
            Charges = ChargeMap.Parse("Li=1,P=5,O=-2"),
            Axis = new Int3(1, 0, 0),
            Plane = new Int3(0, 1, 1),
            Units = "P:O",
        };
        CslBicrystal gb = Assert.Single(BuildCslStep.Build(request)).Bicrystal!;
        ParameterStrain strain = Assert.Single(gb.Cell.Strains);
        Assert.Equal("c", strain.Parameter);
        double expected = 100 * ((Math.Sqrt(2.0 / 9) * 10.4612 / 4.9208) - 1);
        Assert.Equal(expected, strain.StrainPercent, 1e-6);
        Assert.True(Math.Abs(strain.StrainPercent) <= 100 * request.MaxStrain);

        // a and b are kept; the period along the tilt axis is a.
        Assert.Equal(6.1113, gb.Cell.Cartesian(new Vec3(1, 0, 0)).Length, 1e-9);
        Assert.Equal(10.4612, gb.Cell.Cartesian(new Vec3(0, 1, 0)).Length, 1e-9);
        Assert.Equal(6.1113, gb.Frame.Box.A.X, 1e-9);
        Assert.Equal(11, gb.Entry.Sigma);
        Assert.Equal(180 - (2 * Math.Atan(3 / Math.Sqrt(2)) * 180 / Math.PI), gb.Entry.AngleDegrees, 1e-6);
        Assert.Equal(new Int3(1, 0, 0), gb.Entry.Axis);
        output.WriteLine($"γ-Li3PO4 about [100]: Σ{gb.Entry.Sigma} {gb.Planes} at {gb.Entry.AngleDegrees:F2}°: {gb.Frame.Count} atoms, box {gb.Frame.Box.A.X:F3} x {gb.Frame.Box.B.Y:F3} x {gb.Frame.Box.C.Z:F3}, c strained {strain.StrainPercent:+0.000;-0.000} %, removed {gb.Cell.FormatComposition(gb.Removed.ToArray())}, {gb.Construction}, {gb.Selection}");
        UniqueAxisBuildTests.CheckBicrystal(gb, 0.65);
        UniqueAxisBuildTests.CheckUnitsWhole(gb, "P", "O", 1.85);
    }

    /// <summary>
    /// A tetragonal rock salt with c/a = 1.2345 ((c/a)² = 1.52399, no small fraction) about [100] and [010]: c becomes
    /// a·√(p/q) for the fraction of smallest denominator within 1 % of c (found here by trying every denominator), the
    /// strain reported is 100·(√(p/q)/(c/a) − 1) %, and the two axes (equivalent in a tetragonal crystal) give the same
    /// Σ, angle, strain and atom count.
    /// </summary>
    [Fact]
    public void TetragonalCellAboutAStrainsCToTheRationalApproximation()
    {
        const double a = 5.64, ratio = 1.2345;
        string path = NonCubicCells.RockSaltCell(TestPaths.NewTempDir(), "NaCl-tet.vasp", a, a, a * ratio);
        (long p, long q) = Enumerable.Range(1, 100)
            .SelectMany(qq => Enumerable.Range(1, 400).Select(pp => (P: (long)pp, Q: (long)qq)))
            .Where(f => Math.Abs((Math.Sqrt(f.P / (double)f.Q) / ratio) - 1) <= 0.01)
            .OrderBy(f => f.Q).ThenBy(f => Math.Abs((Math.Sqrt(f.P / (double)f.Q) / ratio) - 1))
            .First();
        Assert.Equal((3L, 2L), (p, q));
        double expected = 100 * ((Math.Sqrt(p / (double)q) / ratio) - 1);

        var results = new List<CslBicrystal>();
        foreach (var (axis, plane) in new[] { (new Int3(1, 0, 0), new Int3(0, 1, 1)), (new Int3(0, 1, 0), new Int3(1, 0, 1)) })
        {
            var request = new CslBuildRequest { Structure = path, Charges = ChargeMap.Parse("Na=1,Cl=-1"), Axis = axis, Plane = plane, Translation = (0, 0) };
            CslBicrystal gb = Assert.Single(BuildCslStep.Build(request)).Bicrystal!;
            Assert.Equal("tetragonal", CslLattice.Name(gb.Cell.System));
            ParameterStrain strain = Assert.Single(gb.Cell.Strains);
            Assert.Equal("c", strain.Parameter);
            Assert.Equal(ratio, strain.Measured, 1e-12);
            Assert.Equal(Math.Sqrt(1.5), strain.Exact, 1e-12);
            Assert.Equal(expected, strain.StrainPercent, 1e-9);
            Assert.Equal(axis, gb.Entry.Axis);
            Assert.Equal(0, Miller.Dot(gb.Planes.Lower, axis));

            // The rectangular net of (c/a)² = 3/2: (011) has u = (3, 2), w = G·u = (6, 6), D = 30, Σ = 30/gcd(30, 12) = 5,
            // at 2·atan(a/c) with c = a·√1.5: 78.46°.
            Assert.Equal(5, gb.Entry.Sigma);
            Assert.Equal(2 * Math.Atan(1 / Math.Sqrt(1.5)) * 180 / Math.PI, gb.Entry.AngleDegrees, 1e-6);
            output.WriteLine($"tetragonal about {Miller.Direction(axis)}: Σ{gb.Entry.Sigma} {gb.Planes} at {gb.Entry.AngleDegrees:F2}°, {gb.Frame.Count} atoms, c strained {strain.StrainPercent:+0.000;-0.000} %");
            UniqueAxisBuildTests.CheckBicrystal(gb, 0.65);
            results.Add(gb);
        }

        Assert.Equal(results[0].Frame.Count, results[1].Frame.Count);
        Assert.Equal(results[0].ModelEnergy, results[1].ModelEnergy, 1e-9);
    }

    /// <summary>
    /// The builder's Σ and angles about [100] and [010] of the orthorhombic lattice a²:b²:c² = 1:2:3 agree with
    /// <c>gbat sigma --lattice orthorhombic --ratio 1:2:3 --axis 100</c> (and 010), both ways up to Σ 30: every plane
    /// (0kl) (or (h0l)) with indices up to 12 gives a (Σ, angle) of the table, and every Σ of the table is built by one.
    /// </summary>
    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(0, 1, 0)]
    public void SigmaAndAngleAgreeWithTheLatticeTable(int u, int v, int w)
    {
        var axis = new Int3(u, v, w);
        UnitCell cell = new("ortho", 4, new Mat3(new Vec3(1, 0, 0), new Vec3(0, Math.Sqrt(2), 0), new Vec3(0, 0, Math.Sqrt(3))), LatticeSystem.Orthorhombic,
            ["Na", "Cl"], [1, -1], [new UnitCellSite(0, Vec3.Zero), new UnitCellSite(1, new Vec3(0.5, 0.5, 0.5))]);
        const int maxSigma = 30;
        IReadOnlyList<SigmaEntry> table = LatticeSigmaTable.Enumerate(CslLattice.Create(LatticeSystem.Orthorhombic, 1, 2, 3), axis, maxSigma);
        var built = new List<(int Sigma, double Angle)>();
        for (int i = -12; i <= 12; i++)
        {
            for (int j = -12; j <= 12; j++)
            {
                Int3 plane = u == 1 ? new Int3(0, i, j) : new Int3(i, 0, j);
                if (Miller.Gcd(Math.Abs(i), Math.Abs(j)) != 1)
                {
                    continue;
                }

                try
                {
                    UniqueAxisBoundary b = UniqueAxisTilt.Select(cell, axis, null, null, plane);
                    Assert.Equal(axis, b.Entry.Axis);
                    if (b.Entry.Sigma <= maxSigma)
                    {
                        built.Add((b.Entry.Sigma, b.Entry.AngleDegrees));
                    }
                }
                catch (InputException e) when (e.Message.Contains("(Σ1)", StringComparison.Ordinal))
                {
                    // A mirror line of the net: no boundary.
                }
            }
        }

        foreach (var (sigma, angle) in built)
        {
            Assert.Contains(table, e => e.Sigma == sigma && Math.Abs(e.AngleDegrees - angle) < 0.01);
        }

        foreach (SigmaEntry e in table)
        {
            Assert.Contains(built, b => b.Sigma == e.Sigma && Math.Abs(b.Angle - e.AngleDegrees) < 0.01);
        }

        output.WriteLine($"{Miller.Direction(axis)}: table {string.Join(", ", table.Select(e => $"Σ{e.Sigma} {e.AngleDegrees:F2}°"))}");
        Assert.NotEmpty(table);
    }

    [Fact]
    public void HexagonalOtherAxesStayRefusedWithTheAxesThatAreBuilt()
    {
        string dir = TestPaths.NewTempDir();
        var e = Assert.Throws<InputException>(() => BuildCslStep.Build(new CslBuildRequest { Structure = NonCubicCells.Wurtzite(dir), Axis = new Int3(1, 0, 1), Sigma = 7 }));
        Assert.Contains("about [100] and [010] (a, b) of tetragonal and orthorhombic cells", e.Message);
        Assert.Contains("hexagonal cell", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        var plane = Assert.Throws<InputException>(() => BuildCslStep.Build(new CslBuildRequest { Structure = NonCubicCells.GammaLi3PO4(dir), Axis = new Int3(1, 0, 0), Plane = new Int3(1, 1, 0) }));
        Assert.Contains("(0kl)", plane.Message);
    }

    /// <summary>Every interatomic distance up to <paramref name="cutoff"/> (Å, minimum image), sorted.</summary>
    private static double[] Distances(Frame f, double cutoff)
    {
        var d = new List<double>();
        for (int i = 0; i < f.Count; i++)
        {
            for (int j = i + 1; j < f.Count; j++)
            {
                double r = f.Box.MinimumImage(f.Positions[j] - f.Positions[i]).Length;
                if (r < cutoff)
                {
                    d.Add(r);
                }
            }
        }

        d.Sort();
        return d.ToArray();
    }
}
