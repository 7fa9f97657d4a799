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
/// Tilt bicrystals about [0001] of a rhombohedral (R-centred) crystal in its hexagonal cell: the label is Σ of the
/// rhombohedral lattice, checked against the rhombohedral [111] table and against a count of the coincidence sites of
/// the two grains' lattices as built; a primitive (P) hexagonal crystal keeps the Σ of its net.
/// </summary>
public class RhombohedralBuildTests(ITestOutputHelper output)
{
    private static readonly Vec3[] Obverse = [new(0, 0, 0), new(2.0 / 3, 1.0 / 3, 1.0 / 3), new(1.0 / 3, 2.0 / 3, 2.0 / 3)];

    /// <summary>
    /// The rhombohedral [111] table does not depend on α (15:−4, 11:2 and the layered oxide's cos α = 0.8388, approximated
    /// by 21/25 (ratio 67:21), give the
    /// same Σ and angles up to Σ150), and every coincidence rotation about c, (m, n) with tan(θ/2) = n/(m√3), has in that
    /// table the Σ <see cref="RhombohedralSigma.Of"/> gives for either setting, at θ reduced modulo 120°; Σ_R is Σ_hex or
    /// 3·Σ_hex; every table entry is met.
    /// </summary>
    [Fact]
    public void SigmaOfTheRhombohedralLatticeAboutCMatchesTheRhombohedralTable()
    {
        const int max = 150;
        double a = NonCubicCells.LayeredA, c = NonCubicCells.LayeredC;
        double cosAlpha = ((2 * c * c) - (3 * a * a)) / ((2 * c * c) + (6 * a * a));
        CslLattice measured = LatticeRatio.Rhombohedral(Math.Acos(cosAlpha) * 180 / Math.PI, 0.01, 100, "layered oxide").Lattice;
        output.WriteLine($"layered oxide: cos α = {cosAlpha:F5}, table ratio {measured.RatioText()}");
        IReadOnlyList<SigmaEntry> table = LatticeSigmaTable.Enumerate(measured, new Int3(1, 1, 1), max);
        foreach (long[] ratio in new[] { new long[] { 15, -4 }, [11, 2] })
        {
            IReadOnlyList<SigmaEntry> other = LatticeSigmaTable.Enumerate(CslLattice.Create(LatticeSystem.Rhombohedral, ratio), new Int3(1, 1, 1), max);
            Assert.Equal(table.Select(e => (e.Sigma, Math.Round(e.AngleDegrees, 6))), other.Select(e => (e.Sigma, Math.Round(e.AngleDegrees, 6))));
        }

        var met = new HashSet<SigmaEntry>();
        for (int m = 0; m <= 40; m++)
        {
            for (int n = 1; n <= 40; n++)
            {
                if (CslLattice.Gcd(m, n) != 1)
                {
                    continue;
                }

                int sigma = RhombohedralSigma.Of(m, n, RhombohedralSetting.Obverse);
                int hexagonal = RhombohedralSigma.Of(m, n, null);
                Assert.Equal(sigma, RhombohedralSigma.Of(m, n, RhombohedralSetting.Reverse));
                Assert.True(sigma == hexagonal || sigma == 3 * hexagonal, $"({m}, {n}): Σ_R {sigma}, Σ_hex {hexagonal}");
                double theta = 2 * Math.Atan(n / (m * Math.Sqrt(3))) * 180 / Math.PI;
                double conventional = SigmaTable.Conventional(theta, 120);
                if (sigma < 2 || sigma > max)
                {
                    continue;
                }

                SigmaEntry entry = Assert.Single(table, e => Math.Abs(e.AngleDegrees - conventional) < 1e-6);
                Assert.Equal(entry.Sigma, sigma);
                met.Add(entry);
            }
        }

        Assert.Equal(table.Count, met.Count);
        output.WriteLine($"{met.Count} entries of the rhombohedral [111] table up to Σ{max} met; first: " +
            string.Join(", ", table.Take(8).Select(e => $"Σ{e.Sigma} {e.AngleDegrees:F2}°")));
    }

    [Fact]
    public void DetectsTheCentringOfEitherSettingWithinItsTolerance()
    {
        string dir = TestPaths.NewTempDir();
        UnitCell Load(string path) => BuildCslStep.LoadCell(new CslBuildRequest { Structure = path, Axis = new Int3(0, 0, 1) });
        Assert.Equal(RhombohedralSetting.Obverse, RhombohedralCentring.Detect(Load(NonCubicCells.LayeredOxide(dir))));
        Assert.Equal(RhombohedralSetting.Reverse, RhombohedralCentring.Detect(Load(NonCubicCells.LayeredOxide(dir, reverse: true))));
        Assert.Null(RhombohedralCentring.Detect(Load(NonCubicCells.Wurtzite(dir))));

        // One O moved by 0.005 Å is within the 0.01 Å tolerance, by 0.05 Å it is not.
        Assert.Equal(RhombohedralSetting.Obverse, RhombohedralCentring.Detect(Load(NonCubicCells.LayeredOxide(dir, shiftOneOxygen: 0.005))));
        Assert.Null(RhombohedralCentring.Detect(Load(NonCubicCells.LayeredOxide(dir, shiftOneOxygen: 0.05))));
        Assert.Equal("rhombohedral (hexagonal setting)", RhombohedralCentring.NameOf(Load(NonCubicCells.LayeredOxide(dir))));
        Assert.Equal("hexagonal", RhombohedralCentring.NameOf(Load(NonCubicCells.Wurtzite(dir))));
    }

    /// <summary>
    /// The hexagonal-net Σ7 angles 21.79° and 38.21°, Σ19 13.17° and 46.83°, Σ13 27.80° and 32.20° and the Σ1 60° of the
    /// net give Σ21, Σ7, Σ57, Σ19, Σ13, Σ39 and the Σ3 twin of the rhombohedral lattice.
    /// </summary>
    [Theory]
    [InlineData(21.79, 21, 7)]
    [InlineData(38.21, 7, 7)]
    [InlineData(13.17, 57, 19)]
    [InlineData(46.83, 19, 19)]
    [InlineData(27.80, 13, 13)]
    [InlineData(32.20, 39, 13)]
    [InlineData(60.00, 3, 1)]
    public void LayeredOxideBuildsCarryTheRhombohedralSigma(double angle, int sigma, int hexagonalNet)
    {
        string dir = TestPaths.NewTempDir();
        UnitCell cell = BuildCslStep.LoadCell(new CslBuildRequest { Structure = NonCubicCells.LayeredOxide(dir), Charges = ChargeMap.Parse("Li=1,Co=3,O=-2"), Axis = new Int3(0, 0, 1) });
        CslBicrystal gb = CslBuilder.Build(new CslBuildOptions(cell, new Int3(0, 0, 1)) { AngleDegrees = angle });
        CslRotation rotation = gb.Entry.Rotations[0];
        double fraction = CoincidenceFraction(gb, Obverse, 120);
        output.WriteLine($"{angle}°: Σ{gb.Entry.Sigma} {gb.Planes}, θ = {rotation.AngleDegrees:F3}°, conventional {gb.Entry.AngleDegrees:F3}° (≡ {gb.Entry.EquivalentAngleDegrees:F3}°), " +
            $"{gb.Frame.Count} atoms, box {gb.Frame.Box.A.X:F3} x {gb.Frame.Box.B.Y:F3} x {gb.Frame.Box.C.Z:F3} Å, {gb.Construction}, coincident fraction {fraction:F5} (1/Σ = {1.0 / sigma:F5})");
        Assert.Equal(sigma, gb.Entry.Sigma);
        Assert.Equal(hexagonalNet, RhombohedralSigma.Of(rotation.M, rotation.N, null));
        Assert.Equal(angle, gb.Entry.AngleDegrees, 0.01);
        Assert.Equal(120 - gb.Entry.AngleDegrees, gb.Entry.EquivalentAngleDegrees, 1e-9);

        // The rhombohedral [111] table at the built angle.
        CslLattice lattice = CslLattice.Create(LatticeSystem.Rhombohedral, [15, -4]);
        SigmaEntry entry = Assert.Single(LatticeSigmaTable.Enumerate(lattice, new Int3(1, 1, 1), 200),
            e => Math.Abs(e.AngleDegrees - SigmaTable.Conventional(rotation.AngleDegrees, 120)) < 1e-6);
        Assert.Equal(sigma, entry.Sigma);

        // The coincidence sites of the two grains' rhombohedral lattices, counted over 3·241² sites of the lower one: their
        // fraction is 1/Σ up to the edge of the counted region (a few per cent for the largest CSL cell here, Σ57).
        Assert.InRange(fraction * sigma, 0.9, 1.1);

        UniqueAxisBuildTests.CheckBicrystal(gb, 0.65);
        Assert.Equal(NonCubicCells.LayeredC, gb.Frame.Box.A.X, 1e-9);
    }

    /// <summary>The reverse setting of the same crystal gives the same Σ at the same angles.</summary>
    [Theory]
    [InlineData(21.79, 21)]
    [InlineData(38.21, 7)]
    public void ReverseSettingGivesTheSameSigma(double angle, int sigma)
    {
        string dir = TestPaths.NewTempDir();
        UnitCell cell = BuildCslStep.LoadCell(new CslBuildRequest { Structure = NonCubicCells.LayeredOxide(dir, reverse: true), Charges = ChargeMap.Parse("Li=1,Co=3,O=-2"), Axis = new Int3(0, 0, 1) });
        CslBicrystal gb = CslBuilder.Build(new CslBuildOptions(cell, new Int3(0, 0, 1)) { AngleDegrees = angle });
        Vec3[] reverse = [new(0, 0, 0), new(1.0 / 3, 2.0 / 3, 1.0 / 3), new(2.0 / 3, 1.0 / 3, 2.0 / 3)];
        double fraction = CoincidenceFraction(gb, reverse, 120);
        output.WriteLine($"reverse {angle}°: Σ{gb.Entry.Sigma} {gb.Planes}, coincident fraction {fraction:F5}");
        Assert.Equal(sigma, gb.Entry.Sigma);
        Assert.InRange(fraction * sigma, 0.9, 1.1);
    }

    /// <summary>Wurtzite ZnO (P6₃mc, a primitive hexagonal lattice) keeps the Σ of the hexagonal net at both Σ7 angles.</summary>
    [Theory]
    [InlineData(21.79)]
    [InlineData(38.21)]
    public void PrimitiveHexagonalCrystalKeepsTheSigmaOfItsNet(double angle)
    {
        string dir = TestPaths.NewTempDir();
        UnitCell cell = BuildCslStep.LoadCell(new CslBuildRequest { Structure = NonCubicCells.Wurtzite(dir), Charges = ChargeMap.Parse("Zn=2,O=-2"), Axis = new Int3(0, 0, 1) });
        CslBicrystal gb = CslBuilder.Build(new CslBuildOptions(cell, new Int3(0, 0, 1)) { AngleDegrees = angle });
        double fraction = CoincidenceFraction(gb, [new Vec3(0, 0, 0)], 120);
        output.WriteLine($"wurtzite {angle}°: Σ{gb.Entry.Sigma} {gb.Planes}, θ = {gb.Entry.Rotations[0].AngleDegrees:F3}°, coincident fraction {fraction:F5}");
        Assert.Equal(7, gb.Entry.Sigma);
        Assert.Equal(21.79, gb.Entry.AngleDegrees, 0.01);
        Assert.InRange(fraction * 7, 0.9, 1.1);
    }

    /// <summary>
    /// The primitive rhombohedral cell (4 atoms) is read as the obverse hexagonal cell (12 atoms) and gives the same
    /// bicrystal as the hexagonal cell written directly: Σ, planes, atom count, box and model energy.
    /// </summary>
    [Theory]
    [InlineData(21.79)]
    [InlineData(38.21)]
    public void PrimitiveRhombohedralCellGivesTheBicrystalOfItsHexagonalSetting(double angle)
    {
        string dir = TestPaths.NewTempDir();
        var charges = ChargeMap.Parse("Li=1,Co=3,O=-2");
        UnitCell hexagonal = BuildCslStep.LoadCell(new CslBuildRequest { Structure = NonCubicCells.LayeredOxide(dir), Charges = charges, Axis = new Int3(0, 0, 1) });
        UnitCell primitive = BuildCslStep.LoadCell(new CslBuildRequest { Structure = NonCubicCells.LayeredOxidePrimitive(dir), Charges = charges, Axis = new Int3(0, 0, 1) });
        Assert.Equal(LatticeSystem.Hexagonal, primitive.System);
        Assert.Equal(12, primitive.Sites.Count);
        Assert.Equal(NonCubicCells.LayeredA, primitive.A, 1e-9);
        Assert.Equal(NonCubicCells.LayeredC, primitive.Cartesian(new Vec3(0, 0, 1)).Length, 1e-9);
        Assert.Equal(RhombohedralSetting.Obverse, RhombohedralCentring.Detect(primitive));

        CslBicrystal a = CslBuilder.Build(new CslBuildOptions(hexagonal, new Int3(0, 0, 1)) { AngleDegrees = angle });
        CslBicrystal b = CslBuilder.Build(new CslBuildOptions(primitive, new Int3(0, 0, 1)) { AngleDegrees = angle });
        output.WriteLine($"{angle}°: hexagonal cell Σ{a.Entry.Sigma} {a.Planes} {a.Frame.Count} atoms {a.ModelEnergy:F6} J/m²; primitive cell Σ{b.Entry.Sigma} {b.Planes} {b.Frame.Count} atoms {b.ModelEnergy:F6} J/m²");
        Assert.Equal(a.Entry.Sigma, b.Entry.Sigma);
        Assert.Equal(a.Planes.Lower, b.Planes.Lower);
        Assert.Equal(a.Frame.Count, b.Frame.Count);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(a.Frame.Box.H.Column(k).Length, b.Frame.Box.H.Column(k).Length, 1e-6);
        }

        Assert.Equal(a.ModelEnergy, b.ModelEnergy, 1e-6);
    }

    /// <summary>
    /// The fraction of the sites of the lower grain's lattice (hexagonal cell vectors plus <paramref name="centring"/>, in
    /// the box frame as built) that are also sites of the upper grain's lattice, over the 3·(2n + 1)² lower sites
    /// i·a + j·b + t (|i|, |j| ≤ n, t a centring vector: one period along c).
    /// </summary>
    private static double CoincidenceFraction(CslBicrystal gb, Vec3[] centring, int n)
    {
        (Mat3 lower, Mat3 upper) = gb.GrainCells();
        Mat3 toUpper = upper.Inverse();
        long coincident = 0, total = 0;
        for (int i = -n; i <= n; i++)
        {
            for (int j = -n; j <= n; j++)
            {
                foreach (Vec3 t in centring)
                {
                    total++;
                    Vec3 f = toUpper * (lower * (new Vec3(i, j, 0) + t));
                    if (centring.Any(s => IsInteger(f - s)))
                    {
                        coincident++;
                    }
                }
            }
        }

        return coincident / (double)total;

        static bool IsInteger(Vec3 v) => Math.Abs(v.X - Math.Round(v.X)) < 1e-6 && Math.Abs(v.Y - Math.Round(v.Y)) < 1e-6 && Math.Abs(v.Z - Math.Round(v.Z)) < 1e-6;
    }
}
