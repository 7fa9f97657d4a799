using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Steps;
using GbAtomistics.Tests;
using Xunit.Abstractions;

namespace GbAtomistics.Builders.Tests.NonCubic;

/// <summary>Symmetric tilts about the basal axes [2-1-10] = [100] and [01-10] = [120] of hexagonal cells.</summary>
public class HexagonalBasalAxisBuildTests(ITestOutputHelper output)
{
    /// <summary>An hcp-like cell (one species, two sites) with c²/a² = <paramref name="p"/>/<paramref name="q"/> exactly.</summary>
    private static UnitCell Hcp(long p, long q) =>
        new("hcp", 3.2, new Mat3(new Vec3(1, 0, 0), new Vec3(-0.5, Math.Sqrt(3) / 2, 0), new Vec3(0, 0, Math.Sqrt(p / (double)q))), LatticeSystem.Hexagonal,
            ["Mg"], [0], [new UnitCellSite(0, new Vec3(1.0 / 3, 2.0 / 3, 0.25)), new UnitCellSite(0, new Vec3(2.0 / 3, 1.0 / 3, 0.75))]);

    /// <summary>The planes (hkl) containing the axis, from two free integers: (0ij) about [100], (−2i, i, j) about [120].</summary>
    private static Int3 PlaneAbout(Int3 axis, int i, int j) => axis.Y == 0 ? new Int3(0, i, j) : new Int3(-2 * i, i, j);

    /// <summary>
    /// Every plane containing [100] (or [120]) with indices up to 12 gives a (Σ, angle) of
    /// <c>gbat sigma --lattice hexagonal --ratio p/q --axis 2-1-10</c> (or 01-10), and every Σ ≤ 30 of that table is
    /// built by one: Σ is that of the hexagonal lattice, not of the rectangular net the construction uses.
    /// </summary>
    [Theory]
    [InlineData(1, 0, 8, 3)]
    [InlineData(1, 2, 8, 3)]
    [InlineData(1, 0, 5, 2)]
    [InlineData(1, 2, 5, 2)]
    public void SigmaAndAngleAgreeWithTheHexagonalTable(int u, int v, long p, long q)
    {
        var axis = new Int3(u, v, 0);
        UnitCell cell = Hcp(p, q);
        const int maxSigma = 30;
        IReadOnlyList<SigmaEntry> table = LatticeSigmaTable.Enumerate(CslLattice.Create(LatticeSystem.Hexagonal, p, q), axis, maxSigma);
        var built = new List<(int Sigma, double Angle, Int3 Plane)>();
        var nets = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = -12; i <= 12; i++)
        {
            for (int j = -12; j <= 12; j++)
            {
                if (Miller.Gcd(Math.Abs(i), Math.Abs(j)) != 1)
                {
                    continue;
                }

                Int3 plane = PlaneAbout(axis, i, j);
                try
                {
                    UniqueAxisBoundary b = UniqueAxisTilt.Select(cell, axis, null, null, plane);
                    Assert.Equal(axis, b.Entry.Axis);
                    Assert.Equal(0, Miller.Dot(b.Planes.Lower, axis));
                    Assert.Equal(0, Miller.Dot(b.Planes.Upper, axis));
                    int net = NetSigma(axis, plane, p, q);
                    Assert.True(b.Entry.Sigma == net || b.Entry.Sigma == 2 * net, $"{Miller.Plane(plane)}: Σ{b.Entry.Sigma}, net Σ{net}");
                    if (b.Entry.Sigma <= maxSigma)
                    {
                        built.Add((b.Entry.Sigma, b.Entry.AngleDegrees, b.Planes.Lower));
                        CslRotation r = b.Entry.Rotations[0];
                        Assert.True(table.Any(e => e.Sigma == r.Sigma && e.Rotations.Any(t => t.M == r.M && t.N == r.N && Math.Abs(t.AngleDegrees - r.AngleDegrees) < 0.01)),
                            $"{Miller.Plane(plane)}: generators ({r.M}, {r.N}) at {r.AngleDegrees:F2}° are not those of the table");
                        nets.Add($"{Miller.Plane(b.Planes.Lower)} Σ{b.Entry.Sigma} (net Σ{net})");
                    }
                }
                catch (InputException e) when (e.Message.Contains("(Σ1)", StringComparison.Ordinal))
                {
                    // A mirror line of the net: no boundary.
                }
            }
        }

        foreach (var (sigma, angle, plane) in built)
        {
            Assert.True(table.Any(e => e.Sigma == sigma && Math.Abs(e.AngleDegrees - angle) < 0.01), $"{Miller.Plane(plane)}: Σ{sigma} at {angle:F2}° is not in the table");
        }

        foreach (SigmaEntry e in table)
        {
            Assert.True(built.Any(b => b.Sigma == e.Sigma && Math.Abs(b.Angle - e.AngleDegrees) < 0.01), $"Σ{e.Sigma} at {e.AngleDegrees:F2}° of the table is not built");
        }

        output.WriteLine($"{LatticeAxis.Describe(axis, LatticeSystem.Hexagonal)}, c²/a² = {p}/{q}: table {string.Join(", ", table.Select(e => $"Σ{e.Sigma} {e.AngleDegrees:F2}°"))}");
        output.WriteLine($"built: {string.Join(", ", built.DistinctBy(b => (b.Sigma, Math.Round(b.Angle, 2))).OrderBy(b => b.Sigma).Select(b => $"Σ{b.Sigma} {b.Angle:F2}° {Miller.Plane(b.Plane)}"))}");
        output.WriteLine($"hexagonal lattice and rectangular net: {string.Join(", ", nets)}");
        Assert.NotEmpty(table);
    }

    /// <summary>
    /// Σ of the rectangular net alone: the orthorhombic builder on the orthohexagonal cell (a, a + 2b, c) about its
    /// [100] (hexagonal [100]) or [010] (hexagonal [120]), with the plane (h, h + 2k, l).
    /// </summary>
    private static int NetSigma(Int3 axis, Int3 plane, long p, long q)
    {
        UnitCell ortho = new("orthohexagonal", 3.2, new Mat3(new Vec3(1, 0, 0), new Vec3(0, Math.Sqrt(3), 0), new Vec3(0, 0, Math.Sqrt(p / (double)q))),
            LatticeSystem.Orthorhombic, ["Mg"], [0], [new UnitCellSite(0, Vec3.Zero)]);
        Int3 orthoAxis = axis.Y == 0 ? new Int3(1, 0, 0) : new Int3(0, 1, 0);
        return UniqueAxisTilt.Select(ortho, orthoAxis, null, null, new Int3(plane.X, plane.X + (2 * plane.Y), plane.Z)).Entry.Sigma;
    }

    /// <summary>
    /// Bicrystals of the hcp-like cell (c²/a² = 8/3, no strain): Σ as in the table, the box a period of both grains'
    /// lattices, and the fraction of coincident sites of the two lattices, counted over a cell of their coincidence lattice, exactly 1/Σ.
    /// </summary>
    [Theory]
    [InlineData(1, 0, 0, 1, 1)]
    [InlineData(1, 0, 0, 1, 2)]
    [InlineData(1, 0, 0, 2, 1)]
    [InlineData(1, 0, 0, 1, 3)]
    [InlineData(1, 2, -2, 1, 1)]
    [InlineData(1, 2, -2, 1, 2)]
    [InlineData(1, 2, -4, 2, 1)]
    public void CoincidentSitesAreOneInSigma(int u, int v, int h, int k, int l)
    {
        var axis = new Int3(u, v, 0);
        UnitCell cell = UniqueAxisLattice.Rationalize(Hcp(8, 3), 0.01, axis);
        Assert.All(cell.Strains, s => Assert.Equal(0, s.StrainPercent));
        CslBicrystal gb = CslBuilder.Build(new CslBuildOptions(cell, axis) { Plane = new Int3(h, k, l) });
        int sigma = gb.Entry.Sigma;
        SigmaEntry entry = Assert.Single(LatticeSigmaTable.Enumerate(CslLattice.Create(LatticeSystem.Hexagonal, 8, 3), axis, 200),
            e => Math.Abs(e.AngleDegrees - gb.Entry.AngleDegrees) < 1e-6);
        Assert.Equal(entry.Sigma, sigma);

        (Mat3 lower, Mat3 upper) = gb.GrainCells();
        Mat3 toLower = lower.Inverse(), toUpper = upper.Inverse();
        Box box = gb.Frame.Box;
        foreach (Vec3 period in new[] { box.A, box.B })
        {
            Assert.True(IsInteger(toLower * period), $"box vector {period} is not a lattice vector of the lower grain");
            Assert.True(IsInteger(toUpper * period), $"box vector {period} is not a lattice vector of the upper grain");
        }

        double zLower = Period(toLower * new Vec3(0, 0, 1)), zUpper = Period(toUpper * new Vec3(0, 0, 1));
        Assert.Equal(zLower, zUpper, 1e-6);

        // Every site of the lower lattice in the box Lx × Ly × (normal period), a cell spanned by translations of both
        // lattices (so of their coincidence lattice): the coincident ones are exactly 1/Σ of them.
        double lx = box.A.X, ly = box.B.Y;
        Vec3[] corners = [.. from x in new[] { 0.0, lx } from y in new[] { 0.0, ly } from z in new[] { 0.0, zLower } select toLower * new Vec3(x, y, z)];
        int Lo(Func<Vec3, double> c) => (int)Math.Floor(corners.Min(c)) - 1;
        int Hi(Func<Vec3, double> c) => (int)Math.Ceiling(corners.Max(c)) + 1;
        long coincident = 0, total = 0;
        for (int i = Lo(c => c.X); i <= Hi(c => c.X); i++)
        {
            for (int j = Lo(c => c.Y); j <= Hi(c => c.Y); j++)
            {
                for (int m = Lo(c => c.Z); m <= Hi(c => c.Z); m++)
                {
                    Vec3 r = lower * new Vec3(i, j, m);
                    if (r.X < -1e-7 || r.X >= lx - 1e-7 || r.Y < -1e-7 || r.Y >= ly - 1e-7 || r.Z < -1e-7 || r.Z >= zLower - 1e-7)
                    {
                        continue;
                    }

                    total++;
                    if (IsInteger(toUpper * r))
                    {
                        coincident++;
                    }
                }
            }
        }

        Assert.Equal(lx * ly * zLower / Math.Abs(lower.Determinant), total, 1e-6);
        double fraction = coincident / (double)total;
        output.WriteLine($"{LatticeAxis.Describe(axis, LatticeSystem.Hexagonal)} ({h}{k}{l}): Σ{sigma} {gb.Planes} at {gb.Entry.AngleDegrees:F3}° (≡ {gb.Entry.EquivalentAngleDegrees:F3}°), " +
            $"{gb.Frame.Count} atoms, box {box.A.X:F3} x {box.B.Y:F3} x {box.C.Z:F3} Å, {gb.Construction}, normal period {zLower:F3} Å, {coincident} of {total} sites coincident ({fraction:F5}, 1/Σ = {1.0 / sigma:F5})");
        Assert.Equal(total, coincident * sigma);
        Assert.Equal(axis, gb.Entry.Axis);
    }

    /// <summary>
    /// Wurtzite ZnO about [2-1-10]: (c/a)² = 2.567 becomes 13/5 (c strained +0.64 %), Σ as in the hexagonal table for
    /// 13/5, both grains stoichiometric and neutral, every pair at least 0.65 of its bulk distance.
    /// </summary>
    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 2)]
    public void WurtziteAboutABasalAxis(int u, int v)
    {
        var axis = new Int3(u, v, 0);
        string dir = TestPaths.NewTempDir();
        var request = new CslBuildRequest { Structure = NonCubicCells.Wurtzite(dir), Charges = ChargeMap.Parse("Zn=2,O=-2"), Axis = axis };
        UnitCell cell = BuildCslStep.LoadCell(request);
        ParameterStrain strain = Assert.Single(cell.Strains);
        Assert.Equal("c", strain.Parameter);
        Assert.Equal(Math.Sqrt(13.0 / 5), strain.Exact, 1e-12);
        Assert.Equal(100 * ((Math.Sqrt(13.0 / 5) / (5.207 / 3.25)) - 1), strain.StrainPercent, 1e-9);
        IReadOnlyList<SigmaEntry> table = LatticeSigmaTable.Enumerate(CslLattice.Create(LatticeSystem.Hexagonal, 13, 5), axis, 60);
        foreach (int sigma in table.Select(e => e.Sigma).Distinct().Order().Take(2))
        {
            CslBicrystal gb = CslBuilder.Build(new CslBuildOptions(cell, axis) { Sigma = sigma });
            Assert.Contains(table, e => e.Sigma == gb.Entry.Sigma && Math.Abs(e.AngleDegrees - gb.Entry.AngleDegrees) < 0.01);
            output.WriteLine($"ZnO {LatticeAxis.Describe(axis, LatticeSystem.Hexagonal)}: Σ{gb.Entry.Sigma} {gb.Planes} at {gb.Entry.AngleDegrees:F2}°, {gb.Frame.Count} atoms, " +
                $"box {gb.Frame.Box.A.X:F3} x {gb.Frame.Box.B.Y:F3} x {gb.Frame.Box.C.Z:F3} Å, c strained {strain.StrainPercent:+0.000;-0.000} %, removed {gb.Cell.FormatComposition(gb.Removed.ToArray())}, {gb.Construction}");
            UniqueAxisBuildTests.CheckBicrystal(gb, 0.65);
        }
    }

    /// <summary>Other hexagonal axes, and basal axes of R-centred cells, are refused with one line; so are planes not containing the axis.</summary>
    [Fact]
    public void OtherHexagonalAxesAreRefused()
    {
        string dir = TestPaths.NewTempDir();
        var e = Assert.Throws<InputException>(() => BuildCslStep.Build(new CslBuildRequest { Structure = NonCubicCells.Wurtzite(dir), Axis = new Int3(1, 0, 1), Sigma = 7 }));
        Assert.Contains("[100] = [2-1-10] and [120] = [01-10] of hexagonal cells", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        var centred = Assert.Throws<InputException>(() => BuildCslStep.Build(new CslBuildRequest { Structure = NonCubicCells.LayeredOxide(dir), Axis = new Int3(1, 0, 0), Sigma = 7 }));
        Assert.Contains("R-centred", centred.Message);
        Assert.DoesNotContain('\n', centred.Message);
        UnitCell cell = Hcp(8, 3);
        var plane = Assert.Throws<InputException>(() => UniqueAxisTilt.Select(cell, new Int3(1, 0, 0), null, null, new Int3(1, 1, 0)));
        Assert.Contains("(0kl)", plane.Message);
    }

    private static bool IsInteger(Vec3 v) => Math.Abs(v.X - Math.Round(v.X)) < 1e-6 && Math.Abs(v.Y - Math.Round(v.Y)) < 1e-6 && Math.Abs(v.Z - Math.Round(v.Z)) < 1e-6;

    /// <summary>The length (in units of the given direction's length) of the shortest lattice vector along it, from its fractional coordinates.</summary>
    private static double Period(Vec3 f)
    {
        for (int s = 1; s <= 2000; s++)
        {
            double scale = s / Math.Max(Math.Abs(f.X), Math.Max(Math.Abs(f.Y), Math.Abs(f.Z)));
            if (IsInteger(f * scale))
            {
                return scale;
            }
        }

        return double.NaN;
    }
}
