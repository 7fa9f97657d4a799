using System.Text;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Lammps;

public sealed class LammpsDataReaderTests
{
    private const double Tol = 1e-6;

    internal static Frame ReadText(string text, ReadOptions? options = null)
    {
        using var reader = new LammpsDataReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "mem.data", options);
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.False(reader.Read(frame));
        return frame;
    }

    private static Frame ReadCorpus(string name, ReadOptions? options = null)
    {
        using var reader = new LammpsDataReader(TestPaths.Corpus("lammps/data/" + name), options);
        Assert.Equal("lammps-data", reader.FormatName);
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.Equal(1, reader.FrameIndex);
        Assert.False(reader.Read(frame));
        return frame;
    }

    private static InputFormatException Fails(string text, ReadOptions? options = null) =>
        Assert.Throws<InputFormatException>(() => ReadText(text, options));

    private static Vec3 PositionOf(Frame frame, long id)
    {
        int i = Array.BinarySearch(frame.Ids, 0, frame.Count, id);
        Assert.True(i >= 0, $"atom {id} not found");
        return frame.Positions[i];
    }

    private static int IndexOf(Frame frame, long id) => Array.BinarySearch(frame.Ids, 0, frame.Count, id);

    private static void AssertVec(Vec3 expected, Vec3 actual, double tol = Tol)
    {
        Assert.Equal(expected.X, actual.X, tol);
        Assert.Equal(expected.Y, actual.Y, tol);
        Assert.Equal(expected.Z, actual.Z, tol);
    }

    private static Dictionary<int, int> TypeCounts(Frame frame) =>
        frame.Types.Take(frame.Count).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());

    private static void AssertSorted(Frame frame)
    {
        for (int i = 1; i < frame.Count; i++)
        {
            Assert.True(frame.Ids[i] > frame.Ids[i - 1]);
        }
    }

    private static void AssertBox(Frame frame, double lx, double ly, double lz, double xy, double xz, double yz, double tol = Tol)
    {
        Assert.Equal(lx, frame.Box.A.X, tol);
        Assert.Equal(ly, frame.Box.B.Y, tol);
        Assert.Equal(lz, frame.Box.C.Z, tol);
        Assert.Equal(xy, frame.Box.B.X, tol);
        Assert.Equal(xz, frame.Box.C.X, tol);
        Assert.Equal(yz, frame.Box.C.Y, tol);
        Assert.Equal(PeriodicFlags.All, frame.Box.Periodic);
    }

    [SkippableFact]
    public void OvitoTriclinicWithoutMasses()
    {
        Frame f = ReadCorpus("dpdata_conf.waterion.lmp");
        Assert.Equal(381, f.Count);
        Assert.Equal(new Dictionary<int, int> { [1] = 127, [2] = 254 }, TypeCounts(f));
        AssertBox(f, 15.566025, 15.548501, 15.54721, 0.000183, -0.007996, 0.003316, 1e-6);
        AssertVec(new Vec3(11.872586, 0.291683, 13.252412), PositionOf(f, 1));
        Assert.Null(f.Velocities);
        Assert.Null(f.Images);
        Assert.Null(f.Charges);
        Assert.Null(f.Species);
        AssertSorted(f);
    }

    [SkippableFact]
    public void KinisiFullStyleWithImagesAndVelocities()
    {
        Frame f = ReadCorpus("kinisi_example_LAMMPS.data");
        Assert.Equal(256, f.Count);
        Assert.Equal(new Dictionary<int, int> { [1] = 204, [2] = 52 }, TypeCounts(f));
        AssertBox(f, 5.81789, 5.81789, 5.81789, 0, 0, 0);
        AssertVec(new Vec3(1.598306, 0.849412, 2.318903), PositionOf(f, 208));
        Assert.NotNull(f.Velocities);
        int i = IndexOf(f, 208);
        AssertVec(new Vec3(-6.7475599646949103e-01, -5.2472718558297027e-01, 6.7974411454987305e-01), f.Velocities![i], 1e-15);
        Assert.Equal(new Int3(-6, 10, -2), f.Images![i]);
        Assert.Equal(0.0, f.Charges![i]);
        Assert.Equal(0.0, f.Extra("mol")![i]);
        Assert.Equal(2510100, f.Step);

        // Masses of 1 are placeholders, not hydrogen.
        Assert.Null(f.Species);
        AssertSorted(f);
        Assert.Equal(1, f.Ids[0]);
        Assert.Equal(256, f.Ids[^1]);
    }

    [SkippableFact]
    public void FullStyleWithChargesAndNegativeZ()
    {
        Frame f = ReadCorpus("mda_additional_columns.data");
        Assert.Equal(10, f.Count);
        Assert.Equal(new Dictionary<int, int> { [1] = 10 }, TypeCounts(f));
        AssertBox(f, 42.6, 44.2712, 50.2, 0, 0, 0);
        Assert.Equal(-25.1, f.Box.Origin.Z, 1e-12);
        AssertVec(new Vec3(2.84, 8.17, -25.0), PositionOf(f, 1));
        Assert.Null(f.Velocities);
        Assert.Equal(-0.00706800004577013, f.Charges![0], 1e-17);
        Assert.Equal(2.0, f.Extra("mol")![0]);
        Assert.Equal("C", f.Species!.NameOf(1));
        Assert.Equal(500, f.Step);
        Assert.Equal(new Int3(0, 0, 0), f.Images![0]);
    }

    [SkippableFact]
    public void TriclinicAtomicWithImagesAndUnsortedIds()
    {
        Frame f = ReadCorpus("mda_albite_triclinic.data");
        Assert.Equal(17, f.Count);
        Assert.Equal(new Dictionary<int, int> { [1] = 17 }, TypeCounts(f));
        AssertBox(f, 17.152224, 26.082688, 13.03943, 1.506744, -6.266415, -0.421793, 1e-6);
        AssertVec(new Vec3(2.939929, 0.281266, 0.509212), PositionOf(f, 192));
        AssertVec(new Vec3(-0.32115478301032807, -0.12372358703610897, -0.045447071698045266), f.Box.Origin, 1e-15);
        Assert.Null(f.Velocities);
        Assert.Null(f.Charges);
        Assert.Empty(f.ExtraNames);
        Assert.Equal(new Int3(1, 0, 1), f.Images![IndexOf(f, 159)]);
        Assert.Equal("Al", f.Species!.NameOf(1));
        AssertSorted(f);
        Assert.Equal(43, f.Ids[0]);
        Assert.Equal(304, f.Ids[^1]);
    }

    [SkippableFact]
    public void DeletedAtomsWithoutStyleHintAndWithBonds()
    {
        Frame f = ReadCorpus("mda_deletedatoms.data");
        Assert.Equal(10, f.Count);
        Assert.Equal(new Dictionary<int, int> { [1] = 6, [2] = 4 }, TypeCounts(f));
        AssertBox(f, 55.4228286743, 55.4228286743, 55.4228286743, 0, 0, 0, 1e-9);
        AssertVec(new Vec3(11.540184021, 49.6138534546, 20.8459072113), PositionOf(f, 2006));
        AssertVec(new Vec3(11.8998565674, 48.4455718994, 19.0971984863), f.Positions[0]);
        Assert.Equal([1L, 10, 1002, 2003, 2004, 2005, 2006, 2007, 2008, 2009], f.Ids.Take(10));
        Assert.Null(f.Velocities);

        // Reduced-unit masses (0.001, 0.012) name no element.
        Assert.Null(f.Species);
    }

    [SkippableFact]
    public void Msi2lmpPaddedFullStyleWithCoeffSections()
    {
        Frame f = ReadCorpus("mda_hydrogen-class1.data");
        Assert.Equal(2, f.Count);
        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, TypeCounts(f));
        AssertBox(f, 10, 10, 10, 0, 0, 0);
        AssertVec(new Vec3(4.6, 5.0, 5.0), PositionOf(f, 1));
        AssertVec(new Vec3(5.4, 5.0, 5.0), PositionOf(f, 2));
        Assert.Null(f.Velocities);
        Assert.Equal("H", f.Species!.NameOf(1));
    }

    [SkippableFact]
    public void WriteDataFullStyleWithVelocitiesAndCoeffs()
    {
        Frame f = ReadCorpus("mda_image_vf.data");
        Assert.Equal(7, f.Count);
        Assert.Equal(new Dictionary<int, int> { [1] = 2, [2] = 5 }, TypeCounts(f));
        AssertBox(f, 10, 10, 10, 0, 0, 0);
        AssertVec(new Vec3(5.891131, 3.398519, 0.236896), PositionOf(f, 4));
        AssertVec(new Vec3(-0.07044405565641114, 0.22797649438575432, 0.9964537327696037), f.Velocities![IndexOf(f, 4)], 1e-15);
        AssertVec(new Vec3(1.6773916431557685, 0.920692478778414, -2.57312540408295), f.Velocities![IndexOf(f, 1)], 1e-15);
        Assert.Equal(0, f.Step);
    }

    [SkippableFact]
    public void BogusStyleCommentFallsBackToColumnCount()
    {
        Frame f = ReadCorpus("mda_mini.data");
        Assert.Equal(1, f.Count);
        Assert.Equal(1, f.Types[0]);
        AssertBox(f, 60, 50, 30, 0, 0, 0);
        AssertVec(new Vec3(0, -10, -15), f.Box.Origin);
        AssertVec(new Vec3(11.899857, 48.445572, 19.097198), PositionOf(f, 1));
        AssertVec(new Vec3(-5.66759300232, 7.91380977631, -3.00779533386), f.Velocities![0], 1e-12);
        Assert.Equal(0.0, f.Charges![0]);
        Assert.Equal(1.0, f.Extra("mol")![0]);
    }

    [SkippableFact]
    public void TowheeLeadingSpacesAndThirteenTypes()
    {
        Frame f = ReadCorpus("mdanse_lammps_test_towhee.data");
        Assert.Equal(20, f.Count);
        var expected = new Dictionary<int, int>
        {
            [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 3, [6] = 3, [7] = 1, [8] = 1, [9] = 1, [10] = 2, [11] = 1, [12] = 1, [13] = 3,
        };
        Assert.Equal(expected, TypeCounts(f));
        AssertBox(f, 40, 40, 40, 0, 0, 0);
        AssertVec(new Vec3(5.0, 5.0, 5.0), PositionOf(f, 1));
        Assert.Null(f.Velocities);
        Assert.Equal(-0.300, f.Charges![0], 1e-12);
        Assert.Equal("N", f.Species!.NameOf(1));
        Assert.Equal("C", f.Species.NameOf(2));
        Assert.Equal("O", f.Species.NameOf(4));
        Assert.Equal("H", f.Species.NameOf(13));
    }

    [SkippableFact]
    public void PymatgenMassLabelNamesTheSpecies()
    {
        Frame f = ReadCorpus("pmg_li_minimal.data");
        Assert.Equal(1, f.Count);
        AssertBox(f, 55, 55, 55, 0, 0, 0);
        AssertVec(new Vec3(-1, -1, -1), f.Box.Origin);
        AssertVec(new Vec3(16.0126, 34.0688, 37.8399), PositionOf(f, 1));
        Assert.Equal("Li", f.Species!.NameOf(1));
        Assert.Equal(1.0, f.Charges![0]);
    }

    [SkippableFact]
    public void TypeMapOverridesNamesFromTheFile()
    {
        Frame f = ReadCorpus("mdanse_lammps_test_towhee.data", new ReadOptions { TypeMap = SpeciesMap.Parse("1=Li,13=Cl") });
        Assert.Equal("Li", f.Species!.NameOf(1));
        Assert.Equal("C", f.Species.NameOf(2));
        Assert.Equal("Cl", f.Species.NameOf(13));
    }

    [SkippableFact]
    public void GzipCompressedFileIsReadTransparently()
    {
        string source = TestPaths.Corpus("lammps/data/mda_image_vf.data");
        string path = Path.Combine(TestPaths.NewTempDir(), "image_vf.data.gz");
        using (FileStream input = File.OpenRead(source))
        using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        {
            input.CopyTo(gz);
        }

        using var reader = new LammpsDataReader(path);
        var f = new Frame();
        Assert.True(reader.Read(f));
        Assert.Equal(7, f.Count);
        AssertVec(new Vec3(5.891131, 3.398519, 0.236896), PositionOf(f, 4));
    }

    [SkippableFact]
    public void SkipPassesTheOneFrame()
    {
        using var reader = new LammpsDataReader(TestPaths.Corpus("lammps/data/mda_mini.data"));
        Assert.True(reader.Skip());
        Assert.Equal(1, reader.FrameIndex);
        Assert.False(reader.Skip());
        Assert.False(reader.Read(new Frame()));
    }

    [Fact]
    public void ChargeStyleFromHintWithCommentsAndNoBlankLines()
    {
        Frame f = ReadText("""
            title
              # a comment line
              2 atoms   # count
              2 atom types
              0 10 xlo xhi
              0 10 ylo yhi
              0 10 zlo zhi
            Masses
              1 6.941 # Li
              2 15.9994
            Atoms # charge
              2 2 -2.0 1.5 2.5 3.5 # an oxide ion
              1 1 1.0 0.5 0.25 0.125 1 -1 0
            """);
        Assert.Equal([1L, 2], f.Ids);
        Assert.Equal([1.0, -2.0], f.Charges!);
        AssertVec(new Vec3(0.5, 0.25, 0.125), f.Positions[0], 0);
        Assert.Equal(new Int3(1, -1, 0), f.Images![0]);
        Assert.Equal(new Int3(0, 0, 0), f.Images![1]);
        Assert.Equal("Li", f.Species!.NameOf(1));
        Assert.Equal("O", f.Species.NameOf(2));
        Assert.Empty(f.ExtraNames);
    }

    [Fact]
    public void SixColumnsWithStyleOptionAreMolecular()
    {
        const string text = "t\n\n1 atoms\n2 atom types\n\nAtoms\n\n1 7 2 1.5 2.0 3.0\n";
        Frame f = ReadText(text, new ReadOptions { AtomStyle = "molecular" });
        Assert.Equal(7.0, f.Extra("mol")![0]);
        Assert.Equal(2, f.Types[0]);
        Assert.Null(f.Charges);
        AssertVec(new Vec3(1.5, 2, 3), f.Positions[0], 0);

        const string charge = "t\n\n1 atoms\n2 atom types\n\nAtoms\n\n1 2 1.5 2.0 3.0 4.0\n";
        Frame g = ReadText(charge, new ReadOptions { AtomStyle = "charge" });
        Assert.Equal(2, g.Types[0]);
        Assert.Equal(1.5, g.Charges![0]);
        AssertVec(new Vec3(2, 3, 4), g.Positions[0], 0);
    }

    [Fact]
    public void HintWinsOverOption()
    {
        Frame f = ReadText("t\n1 atoms\n1 atom types\nAtoms # atomic\n1 1 1 2 3\n", new ReadOptions { AtomStyle = "full" });
        AssertVec(new Vec3(1, 2, 3), f.Positions[0], 0);
    }

    [Fact]
    public void TypeLabelsNameTypesAndMayStandForThem()
    {
        Frame f = ReadText("""
            LAMMPS data file via write_data, version 7 Feb 2024, timestep = 40, units = metal

            2 atoms
            2 atom types

            0 4 xlo xhi
            0 4 ylo yhi
            0 4 zlo zhi

            Atom Type Labels

            1 Li
            2 Cl

            Masses

            1 6.94
            2 35.45

            Atoms # atomic

            1 Li 0 0 0
            2 2 2 2 2
            """);
        Assert.Equal([1, 2], f.Types);
        Assert.Equal("Li", f.Species!.NameOf(1));
        Assert.Equal("Cl", f.Species.NameOf(2));
        Assert.Equal(40, f.Step);
    }

    [Fact]
    public void ForceFieldLabelsFallBackToTheMass()
    {
        Frame f = ReadText("""
            msi2lmp-like

            3 atoms
            3 atom types

            Masses

            1 12.011150 # ca
            2 1.0 # CT
            3 40.0 # two words

            Atoms # atomic

            1 1 0 0 0
            2 2 0 0 0
            3 3 0 0 0
            """);
        Assert.Equal("C", f.Species!.NameOf(1));
        Assert.Equal("CT", f.Species.NameOf(2));
        Assert.Equal("Ar", f.Species.NameOf(3));
    }

    [Fact]
    public void GeneralTriclinicVectors()
    {
        Frame f = ReadText("""
            general triclinic

            1 atoms
            1 atom types
            3 1 0 avec
            0 4 1 bvec
            1 0 5 cvec
            1 2 3 abc origin

            Atoms # atomic

            1 1 2 3 4
            """);
        AssertVec(new Vec3(3, 1, 0), f.Box.A, 0);
        AssertVec(new Vec3(1, 0, 5), f.Box.C, 0);
        AssertVec(new Vec3(1, 2, 3), f.Box.Origin, 0);
    }

    [Fact]
    public void RealUnitsConvertVelocitiesAndTitleUnitsApply()
    {
        const string body = "\n1 atoms\n1 atom types\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\nAtoms # atomic\n1 1 1 2 3\nVelocities\n1 0.5 0 -1\n";
        Frame byOption = ReadText("title" + body, new ReadOptions { Units = UnitStyle.Real });
        AssertVec(new Vec3(500, 0, -1000), byOption.Velocities![0], 1e-9);
        Frame byTitle = ReadText("LAMMPS data file via write_data, version x, timestep = 0, units = real" + body);
        AssertVec(new Vec3(500, 0, -1000), byTitle.Velocities![0], 1e-9);
        Frame si = ReadText("title" + body, new ReadOptions { Units = UnitStyle.Si });
        AssertVec(new Vec3(1e10, 2e10, 3e10), si.Positions[0], 1);
        Assert.Equal(1e11, si.Box.A.X, 1);
    }

    [Fact]
    public void EmptyAtomsCountNeedsNoAtomsSection()
    {
        Frame f = ReadText("empty box\n0 atoms\n1 atom types\n0 1 xlo xhi\n0 1 ylo yhi\n0 1 zlo zhi\n");
        Assert.Equal(0, f.Count);
    }

    [Fact]
    public void TimeFromTitleStepAndOptionTimestep()
    {
        Frame f = ReadText(
            "LAMMPS data file via write_data, version 7 Feb 2024, timestep = 1000, units = metal\n1 atoms\n1 atom types\nAtoms # atomic\n1 1 0 0 0\n",
            new ReadOptions { TimestepPs = 0.002 });
        Assert.Equal(1000, f.Step);
        Assert.Equal(2.0, f.Time!.Value, 1e-12);
    }

    private const string Header = "title\n\n3 atoms\n2 atom types\n\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\n";

    [Fact]
    public void ErrorFewerAtomLinesThanDeclared()
    {
        var e = Fails(Header + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n\nVelocities\n\n1 0 0 0\n");
        Assert.Equal(15, e.Line);
        Assert.Contains("expected 3 lines in section 'Atoms'", e.Message);
        Assert.False(e.IsTruncation);
    }

    [Fact]
    public void ErrorMoreAtomLinesThanDeclared()
    {
        var e = Fails(Header + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n3 2 2 2 2\n4 2 3 3 3\n");
        Assert.Equal(15, e.Line);
        Assert.Contains("after the 3 lines of section 'Atoms'", e.Message);
    }

    [Fact]
    public void ErrorTruncatedAtoms()
    {
        var e = Fails(Header + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n");
        Assert.Equal(13, e.Line);
        Assert.True(e.IsTruncation);
        Assert.Equal(0, e.CompleteFrames);
    }

    [Fact]
    public void ErrorTruncatedSkippedSection()
    {
        var e = Fails("t\n1 atoms\n1 atom types\n2 bonds\nAtoms # atomic\n1 1 0 0 0\nBonds\n\n1 1 1 2\n");
        Assert.Equal(9, e.Line);
        Assert.True(e.IsTruncation);
    }

    [Fact]
    public void ErrorUnsupportedStyleHint()
    {
        var e = Fails(Header + "Atoms # sphere\n\n1 1 1.0 1.0 0 0 0\n");
        Assert.Equal(10, e.Line);
        Assert.Contains("'sphere'", e.Message);
    }

    [Fact]
    public void ErrorUnknownStyleOption()
    {
        var e = Fails(Header + "Atoms\n\n1 1 0 0 0\n", new ReadOptions { AtomStyle = "banana" });
        Assert.Equal(10, e.Line);
        Assert.Contains("'banana'", e.Message);
    }

    [Fact]
    public void ErrorAmbiguousColumnCount()
    {
        var e = Fails(Header + "Atoms\n\n1 1 1 0 0 0\n2 1 1 0 0 0\n3 1 1 0 0 0\n");
        Assert.Equal(10, e.Line);
        Assert.Contains("charge", e.Message);
        Assert.Contains("molecular", e.Message);
    }

    [Fact]
    public void ErrorWrongColumnCountForStyle()
    {
        var e = Fails(Header + "Atoms # full\n\n1 1 1 0 0 0 0\n2 1 1 0 0 0\n3 1 1 0 0 0 0\n");
        Assert.Equal(13, e.Line);
        Assert.Contains("expected 7 or 10 columns", e.Message);
    }

    [Fact]
    public void ErrorUnknownColumnCount()
    {
        var e = Fails(Header + "Atoms\n\n\n1 1 0 0\n");
        Assert.Equal(13, e.Line);
        Assert.Contains("found 4", e.Message);
    }

    [Fact]
    public void ErrorTypeOutOfRange()
    {
        var e = Fails(Header + "Atoms # atomic\n\n1 1 0 0 0\n2 3 1 1 1\n3 2 2 2 2\n");
        Assert.Equal(13, e.Line);
        Assert.Contains("1..2", e.Message);
    }

    [Fact]
    public void ErrorDuplicateId()
    {
        var e = Fails(Header + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n1 2 2 2 2\n");
        Assert.Equal(14, e.Line);
        Assert.Contains("id 1 again (first on line 12)", e.Message);
    }

    [Fact]
    public void ErrorNonNumericField()
    {
        var e = Fails(Header + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 abc 1\n3 2 2 2 2\n");
        Assert.Equal(13, e.Line);
        Assert.Contains("'abc'", e.Message);
    }

    [Fact]
    public void ErrorNaNCoordinate()
    {
        var e = Fails(Header + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n3 2 2 nan 2\n");
        Assert.Equal(14, e.Line);
    }

    [Fact]
    public void ErrorZeroVolumeBox()
    {
        var e = Fails("title\n\n1 atoms\n1 atom types\n\n0 10 xlo xhi\n5 5 ylo yhi\n0 10 zlo zhi\n\nAtoms\n\n1 1 0 0 0\n");
        Assert.Equal(7, e.Line);
        Assert.Contains("yhi > ylo", e.Message);
    }

    [Fact]
    public void ErrorMissingAtomsSection()
    {
        var e = Fails("title\n\n2 atoms\n1 atom types\n\nMasses\n\n1 6.94\n");
        Assert.Equal(8, e.Line);
        Assert.Contains("expected an Atoms section", e.Message);
        Assert.True(e.IsTruncation);
    }

    [Fact]
    public void ErrorNegativeAtomCount()
    {
        var e = Fails("title\n\n-2 atoms\n1 atom types\n");
        Assert.Equal(3, e.Line);
        Assert.Contains("non-negative", e.Message);
    }

    [Fact]
    public void ErrorUnknownHeaderLine()
    {
        var e = Fails("title\n\n2 atoms\n1 atom types\n3 wombats\n");
        Assert.Equal(5, e.Line);
        Assert.Contains("'3 wombats'", e.Message);
    }

    [Fact]
    public void ErrorVelocityForUnknownAtom()
    {
        var e = Fails("t\n1 atoms\n1 atom types\nAtoms # atomic\n1 1 0 0 0\nVelocities\n7 1 1 1\n");
        Assert.Equal(7, e.Line);
        Assert.Contains("found 7", e.Message);
    }

    [Fact]
    public void ErrorVelocitiesBeforeAtoms()
    {
        var e = Fails("t\n1 atoms\n1 atom types\nVelocities\n1 1 1 1\nAtoms # atomic\n1 1 0 0 0\n");
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void ErrorEmptyFile()
    {
        var e = Fails(string.Empty);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void ErrorUnitsOptionContradictsTitle()
    {
        var e = Fails(
            "LAMMPS data file via write_data, version x, timestep = 0, units = real\n1 atoms\n1 atom types\nAtoms # atomic\n1 1 0 0 0\n",
            new ReadOptions { Units = UnitStyle.Si });
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void ErrorMissingAtomTypesBeforeMasses()
    {
        var e = Fails("t\n1 atoms\nMasses\n1 1.0\n");
        Assert.Equal(3, e.Line);
        Assert.Contains("atom types", e.Message);
    }
}
