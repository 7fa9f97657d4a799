using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;
using GbAtomistics.IO;
using GbAtomistics.IO.Vasp;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Steps;
using GbAtomistics.Tests;

namespace GbAtomistics.Builders.Tests;

public class BuilderOptionTests
{
    private static CslBuildOptions Options(string structure, string axis, int sigma, string plane) =>
        new(Prototypes.Create(structure), Miller.Parse(axis, "axis")) { Sigma = sigma, Plane = Miller.Parse(plane, "plane"), Thickness = 12 };

    [Fact]
    public void TranslationShiftsOnlyTheUpperGrainAndExpansionOpensBothBoundaries()
    {
        CslBuildOptions o = Options("rock-salt", "001", 5, "310") with
        {
            Termination = 0,
            Overlap = OverlapMode.Refuse,
            Distances = new DistanceCriterion(BicrystalInvariantTests.GeometryFraction),
        };
        CslBicrystal zero = CslBuilder.Build(o);
        CslBicrystal moved = CslBuilder.Build(o with { Translation = (0.5, 0.25), Expansion = 0.4 });
        Frame f0 = zero.Frame, f1 = moved.Frame;
        Assert.Equal(f0.Count, f1.Count);
        Assert.Equal(f0.Box.C.Z + 0.8, f1.Box.C.Z, 9);
        Assert.Equal([0.0, 0.5], moved.Metadata.Planes.Select(p => Math.Round(p, 12)));
        var shiftUpper = new Vec3(0.5 * zero.Periods.X, 0.25 * zero.Periods.Y, 0.6);
        var shiftLower = new Vec3(0, 0, 0.2);
        int[] g0 = zero.Metadata.GrainOfAtom;
        int[] g1 = moved.Metadata.GrainOfAtom;
        for (int i = 0; i < f0.Count; i++)
        {
            Vec3 expected = f0.Positions[i] + (g0[i] == 2 ? shiftUpper : shiftLower);
            bool found = Enumerable.Range(0, f1.Count).Any(j => g1[j] == g0[i] && f1.Types[j] == f0.Types[i] &&
                f1.Box.MinimumImage(f1.Positions[j] - expected).Length < 1e-6);
            Assert.True(found, $"atom {i + 1} of grain {g0[i]} not found after the translation");
        }
    }

    [Fact]
    public void VacuumVariantHasTwoFreeSurfacesAndOneBoundary()
    {
        CslBicrystal gb = CslBuilder.Build(Options("antiperovskite", "110", 3, "111") with { Vacuum = 12 });
        Assert.False(gb.Metadata.Periodic);
        Assert.Single(gb.Metadata.Planes);
        double lz = gb.Frame.Box.C.Z;
        double zMin = gb.Frame.Positions.Min(r => r.Z), zMax = gb.Frame.Positions.Max(r => r.Z);
        Assert.True(zMin >= 6 - 1e-9 && lz - zMax >= 6 - 1e-6 - gb.Periods.Z, $"slab {zMin}..{zMax} in {lz}");
        Assert.Equal(0, gb.NetCharge, 9);
        Assert.Equal(gb.Metadata.Planes[0] * lz, (zMin + zMax) / 2, 0.5 * gb.Periods.Z);
    }

    [Fact]
    public void FormulaUnitRemovalKeepsStoichiometryAndCharge()
    {
        // Termination 0 at zero translation puts Li pairs at 1.24 Å across the Σ5(310) boundary (0.45 of Li-Li in bulk).
        CslBuildOptions o = Options("antiperovskite", "001", 5, "310") with { Termination = 0, Distances = new DistanceCriterion(0.9) };
        CslBicrystal gb = CslBuilder.Build(o);
        Assert.True(gb.Removed.Sum() > 0);
        Assert.NotNull(CslBuilder.WholeFormulaUnits(gb.Removed.ToArray(), gb.Cell.FormulaUnit));
        Assert.NotNull(gb.FormulaUnits(1));
        Assert.NotNull(gb.FormulaUnits(2));
        Assert.Equal(0, gb.NetCharge, 9);
        Assert.All(gb.PairDistances, p => Assert.True(p.Ratio >= 0.9 - 1e-9, $"{p.A}-{p.B} at {p.Ratio:F3}"));
        var pairs = new Counter();
        double limit = 0.9 * gb.Cell.NearestNeighbourDistance;
        new CellList(gb.Frame.Box, gb.Frame.Positions.AsSpan(0, gb.Frame.Count), limit).VisitPairs(ref pairs);
        Assert.Equal(0, pairs.Count);
    }

    [Fact]
    public void RefuseModeRejectsPairsBelowTheCriterionAndSaysWhy()
    {
        CslBuildOptions o = Options("antiperovskite", "001", 5, "310") with { Termination = 0, Overlap = OverlapMode.Refuse };
        var e = Assert.Throws<InputException>(() => CslBuilder.Build(o));
        Assert.Contains("termination 0", e.Message);
        Assert.Contains("below the distance criterion, the worst Li-Li", e.Message);
        Assert.Contains("--overlap formula-units", e.Message);
    }

    [Fact]
    public void AmongTerminationsTheLowestModelEnergyIsChosenAndSaid()
    {
        CslBicrystal gb = CslBuilder.Build(Options("antiperovskite", "110", 3, "111"));
        var others = gb.Terminations.Where(t => t.Index != gb.Termination.Index)
            .Select(t => CslBuilder.Build(Options("antiperovskite", "110", 3, "111") with { Termination = t.Index }));
        Assert.All(others, other => Assert.True(other.ModelEnergy >= gb.ModelEnergy - 1e-9));
        Assert.Contains("lowest model energy", gb.Selection);
    }

    [Fact]
    public void TwoFoldConstructionForTheNonMirror111Boundary()
    {
        // [111] Σ7 (145): the reference direction [11-2] is not a mirror normal, but [1-10] is a two-fold axis.
        CslBicrystal gb = CslBuilder.Build(Options("fcc", "111", 7, "145"));
        Assert.Equal(GrainConstruction.TwoFold, gb.Construction);
        Assert.Equal(1.0 / 7, BicrystalInvariantTests.CoincidentFraction(gb), 12);
        Assert.Equal(38.21, gb.Entry.AngleDegrees, 0.01);
        Assert.All(gb.PairDistances, p => Assert.True(p.Passes));
    }

    [Fact]
    public void GeneralAxisIsBuiltFromTheUpperGrainsOwnOrientation()
    {
        var o = new CslBuildOptions(Prototypes.Create("fcc"), new Int3(1, 2, 3)) { Sigma = 7, Thickness = 8 };
        CslBicrystal gb = CslBuilder.Build(o);
        Assert.Equal(GrainConstruction.Rotation, gb.Construction);
        Assert.Equal(1.0 / 7, BicrystalInvariantTests.CoincidentFraction(gb), 12);
        Assert.Equal(gb.Frame.Count, gb.Metadata.AtomsPerGrain.Sum());
    }

    [Fact]
    public void UnitCellReadFromAPoscarBuildsTheSameBicrystalAsTheBuiltIn()
    {
        string dir = TestPaths.NewTempDir();
        string poscar = Path.Combine(dir, "NaCl.vasp");
        File.WriteAllText(poscar, """
            NaCl rock salt
            1.0
            5.64 0 0
            0 5.64 0
            0 0 5.64
            Na Cl
            4 4
            Direct
            0 0 0
            0 0.5 0.5
            0.5 0 0.5
            0.5 0.5 0
            0.5 0.5 0.5
            0.5 0 0
            0 0.5 0
            0 0 0.5
            """);
        var request = new CslBuildRequest
        {
            Structure = poscar,
            Axis = new Int3(0, 0, 1),
            Sigma = 5,
            Plane = new Int3(3, 1, 0),
            Thickness = 12,
            Charges = ChargeMap.Parse("Na=1,Cl=-1"),
        };
        UnitCell cell = BuildCslStep.LoadCell(request);
        Assert.Equal(["Na", "Cl"], cell.Species);
        Assert.Equal([1.0, -1.0], cell.Charges);
        CslBicrystal fromFile = CslBuilder.Build(BuildCslStep.Options(request, cell));
        CslBicrystal builtIn = CslBuilder.Build(Options("rock-salt", "001", 5, "310"));
        Assert.Equal(builtIn.Frame.Count, fromFile.Frame.Count);
        Assert.Equal(builtIn.GrainComposition[0], fromFile.GrainComposition[0]);
        for (int i = 0; i < builtIn.Frame.Count; i++)
        {
            Assert.True((builtIn.Frame.Positions[i] - fromFile.Frame.Positions[i]).Length < 1e-9);
        }
    }

    [Fact]
    public void MonoclinicUnitCellIsRefusedAndTetragonalIsKeptAsSuch()
    {
        var frame = new Frame { Box = Box.FromVectors(new Vec3(4, 0, 0), new Vec3(0, 5, 0), new Vec3(-1, 0, 6)) };
        frame.Resize(1);
        frame.Types[0] = 1;
        Assert.Contains("monoclinic", Assert.Throws<InputException>(() => UnitCell.FromFrame(frame, "cell")).Message);

        var tetragonal = new Frame { Box = Box.Orthogonal(4, 4, 5) };
        tetragonal.Resize(1);
        tetragonal.Types[0] = 1;
        UnitCell cell = UnitCell.FromFrame(tetragonal, "cell");
        Assert.Equal(GbAtomistics.Builders.Csl.LatticeSystem.Tetragonal, cell.System);
        Assert.Equal(5, cell.Cartesian(new Vec3(0, 0, 1)).Length, 12);
    }

    [Theory]
    [InlineData("perovskite")]
    [InlineData("bcc")]
    public void OtherBuiltInsBuildNeutralStoichiometricBicrystals(string structure)
    {
        CslBicrystal gb = CslBuilder.Build(Options(structure, "001", 5, "310"));
        Assert.NotNull(gb.FormulaUnits(1));
        Assert.NotNull(gb.FormulaUnits(2));
        Assert.Equal(0, gb.NetCharge, 9);
        Assert.Equal(0.2, BicrystalInvariantTests.CoincidentFraction(gb), 12);
    }

    [Fact]
    public void BadOptionsNameTheCliOption()
    {
        UnitCell cell = Prototypes.Create("fcc");
        Assert.Contains("--repeat", Assert.Throws<InputException>(() => CslBuilder.Build(new CslBuildOptions(cell, new Int3(0, 0, 1)) { Sigma = 5, RepeatAxis = 0 })).Message);
        Assert.Contains("--thickness", Assert.Throws<InputException>(() => CslBuilder.Build(new CslBuildOptions(cell, new Int3(0, 0, 1)) { Sigma = 5, Thickness = -1 })).Message);
        Assert.Contains("--min-ratio", Assert.Throws<InputException>(() => CslBuilder.Build(new CslBuildOptions(cell, new Int3(0, 0, 1)) { Sigma = 5, Distances = DistanceCriterion.Parse("Na-Na=0.5") })).Message);
        Assert.Contains("--termination", Assert.Throws<InputException>(() => CslBuilder.Build(new CslBuildOptions(cell, new Int3(0, 0, 1)) { Sigma = 5, Termination = 99 })).Message);
        Assert.Contains("--species", Assert.Throws<InputException>(() => Prototypes.Create("rock-salt", species: ["Na"])).Message);
        Assert.Contains("unknown structure", Assert.Throws<InputException>(() => Prototypes.Create("diamond")).Message);
    }

    private struct Counter : IPairVisitor
    {
        public int Count;

        public void Visit(int i, int j, double distanceSquared) => Count++;
    }
}
