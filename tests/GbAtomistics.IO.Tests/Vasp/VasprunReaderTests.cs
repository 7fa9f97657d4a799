using System.Text;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.IO.Vasp;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Vasp;

public sealed class VasprunReaderTests
{
    private const double Tol = 1e-6;

    private static List<Frame> ReadAll(ITrajectoryReader reader)
    {
        var frames = new List<Frame>();
        var frame = new Frame();
        while (reader.Read(frame))
        {
            frames.Add(frame.Clone());
        }

        return frames;
    }

    private static void AssertVec(Vec3 expected, Vec3 actual, double tol = Tol)
    {
        Assert.Equal(expected.X, actual.X, tol);
        Assert.Equal(expected.Y, actual.Y, tol);
        Assert.Equal(expected.Z, actual.Z, tol);
    }

    private static Dictionary<string, int> ElementCounts(Frame f)
    {
        var counts = new Dictionary<string, int>();
        for (int i = 0; i < f.Count; i++)
        {
            string name = f.SpeciesName(i);
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }

    private static long LineOf(string text, string marker, int occurrence = 1)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(marker, StringComparison.Ordinal) && --occurrence == 0)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException("marker not found: " + marker);
    }

    private static long LineCount(string text) => text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);

    // ---- corpus files (MANIFEST.md facts; energies are e_fr_energy = TOTEN, read from the files) ----

    [SkippableFact]
    public void H2oMd()
    {
        using var reader = new VasprunReader(TestPaths.Corpus("vasp/vasprun/dpdata_vasprun.h2o.md.xml"));
        Assert.Equal("vasp-vasprun", reader.FormatName);
        List<Frame> frames = ReadAll(reader);
        Assert.Equal(3, frames.Count);
        Frame f0 = frames[0];
        Assert.Equal(6, f0.Count);
        Assert.Equal(new Dictionary<string, int> { ["O"] = 2, ["H"] = 4 }, ElementCounts(f0));
        Assert.Equal([1, 1, 2, 2, 2, 2], f0.Types);
        Assert.Equal([1L, 2, 3, 4, 5, 6], f0.Ids);
        AssertVec(new Vec3(10, 0, 0), f0.Box.A);
        AssertVec(new Vec3(-0.011409, 10, 0), f0.Box.B);
        AssertVec(new Vec3(0.141108, -0.059557, 10), f0.Box.C);
        AssertVec(new Vec3(4.348539, 4.20903, 5.2), f0.Positions[0]);
        AssertVec(new Vec3(0.428, 0.424, 0.52), f0.Box.ToFractional(f0.Positions[0]));
        AssertVec(new Vec3(-0.14198623, -0.57372915, 0.35651545), f0.Forces![0], 1e-9);
        // e_fr_energy equals ASE's value here (no smearing entropy).
        Assert.Equal(-28.386226, f0.PotentialEnergy!.Value, 1e-6);
        Assert.Equal(-28.466585, frames[^1].PotentialEnergy!.Value, 1e-6);
        Assert.Equal([1L, 2, 3], frames.Select(f => f.Step));
        Assert.Equal(0.001, f0.Time!.Value, 1e-12); // POTIM = 1 fs
        Assert.Equal(0.003, frames[^1].Time!.Value, 1e-12);
    }

    [SkippableFact]
    public void H2oMdStronglyTriclinic()
    {
        using var reader = new VasprunReader(TestPaths.Corpus("vasp/vasprun/dpdata_vasprun.h2o.md.tribox.xml"));
        List<Frame> frames = ReadAll(reader);
        Assert.Equal(3, frames.Count);
        Frame f0 = frames[0];
        Assert.Equal(6, f0.Count);
        Assert.Equal(new Dictionary<string, int> { ["O"] = 2, ["H"] = 4 }, ElementCounts(f0));
        AssertVec(new Vec3(0, 5, 5), f0.Box.A);
        AssertVec(new Vec3(4.5, 0, 5), f0.Box.B);
        AssertVec(new Vec3(5.5, 5.1, 0), f0.Box.C);
        AssertVec(new Vec3(4.768, 4.792, 4.26), f0.Positions[0]);
        AssertVec(new Vec3(-46.67297366, -55.72706875, 119.14758501), f0.Forces![0], 1e-9);
        Assert.Equal(6.298834, f0.PotentialEnergy!.Value, 1e-6);
        // TOTEN of the last step; MANIFEST's -14.411069 is ASE's energy(sigma->0).
        Assert.Equal(-14.41975610, frames[^1].PotentialEnergy!.Value, 1e-8);
    }

    [SkippableFact]
    public void TiAimdNwrite0HasEveryStep()
    {
        using var reader = new VasprunReader(TestPaths.Corpus("vasp/vasprun/dpdata_vasprun_Ti-aimd-nwrite0.xml"));
        List<Frame> frames = ReadAll(reader);
        Assert.Equal(10, frames.Count);
        Frame f0 = frames[0];
        Assert.Equal(32, f0.Count);
        Assert.Equal(new Dictionary<string, int> { ["Ti"] = 32 }, ElementCounts(f0));
        AssertVec(new Vec3(5.871982, 0, 0), f0.Box.A);
        AssertVec(new Vec3(0, 10.165611, 0), f0.Box.B);
        AssertVec(new Vec3(0, 0, 9.29538), f0.Box.C);
        AssertVec(new Vec3(0.248527, 0.521003, 1.152796), f0.Positions[0]);
        AssertVec(new Vec3(0.042324, 0.051252, 0.124018), f0.Box.ToFractional(f0.Positions[0]));
        AssertVec(new Vec3(0.00012569, 0.20036532, 0.00001043), f0.Forces![0], 1e-9);
        // TOTEN; MANIFEST's -253.13335 / -252.379276 are energy(sigma->0).
        Assert.Equal(-253.15557734, f0.PotentialEnergy!.Value, 1e-8);
        Assert.Equal(-252.38626263, frames[^1].PotentialEnergy!.Value, 1e-8);
        Assert.Equal(0.020, frames[^1].Time!.Value, 1e-12); // POTIM = 2 fs
    }

    [SkippableFact]
    public void PyironMd291Atoms()
    {
        using var reader = new VasprunReader(TestPaths.Corpus("vasp/vasprun/pyiron_vasprun_9_md.xml"));
        List<Frame> frames = ReadAll(reader);
        Assert.Equal(2, frames.Count);
        Frame f0 = frames[0];
        Assert.Equal(291, f0.Count);
        Assert.Equal(new Dictionary<string, int> { ["Ge"] = 48, ["H"] = 161, ["Ne"] = 18, ["O"] = 64 }, ElementCounts(f0));
        Assert.Equal(10, f0.Species!.Count); // ten POTCAR types, several of them H
        AssertVec(new Vec3(11.58368, 0, 0), f0.Box.A);
        AssertVec(new Vec3(0, 11.58368, 0), f0.Box.B);
        AssertVec(new Vec3(0, 0, 46.0), f0.Box.C);
        AssertVec(new Vec3(0.0, 2.895908, 3.723976), f0.Positions[0]);
        AssertVec(new Vec3(-0.08080636, 0.08360988, 0.43555495), f0.Forces![0], 1e-9);
        Assert.Equal(-1834.23081944, f0.PotentialEnergy!.Value, 1e-8);
        Assert.Equal(-1835.12118695, frames[^1].PotentialEnergy!.Value, 1e-8);
        Assert.Equal(0.0005, f0.Time!.Value, 1e-12); // POTIM = 0.5 fs
    }

    [SkippableFact]
    public void AbortedRelaxationIsTruncated()
    {
        using var reader = new VasprunReader(TestPaths.Corpus("vasp/vasprun/pyiron_vasprun_aborted_relax.xml"));
        var e = Assert.Throws<InputFormatException>(() => reader.Read(new Frame()));
        Assert.Equal(0, e.CompleteFrames);
        Assert.Equal(1806, e.Line); // last line of the file
        Assert.Contains("expected the end of <calculation> 1 (opened on line 1706), found the end of the file", e.Message);
        Assert.Contains("no complete calculation was found", e.Message);
        Assert.False(reader.Read(new Frame()));
    }

    [SkippableFact]
    public void SkipMatchesRead()
    {
        string path = TestPaths.Corpus("vasp/vasprun/dpdata_vasprun_Ti-aimd-nwrite0.xml");
        List<Frame> all;
        using (var reader = new VasprunReader(path))
        {
            all = ReadAll(reader);
        }

        using var skipping = new VasprunReader(path);
        var frame = new Frame();
        for (int i = 0; i < 10; i++)
        {
            if (i % 3 == 0)
            {
                Assert.True(skipping.Read(frame));
                Assert.Equal(all[i].Positions, frame.Positions);
                Assert.Equal(all[i].Forces, frame.Forces);
                Assert.Equal(all[i].Step, frame.Step);
            }
            else
            {
                Assert.True(skipping.Skip());
            }
        }

        Assert.False(skipping.Skip());
        Assert.Equal(10, skipping.FrameIndex);
        Assert.True(skipping.BytesRead > 100000);
    }

    [SkippableFact]
    public void GzippedFileIsReadTransparently()
    {
        string source = TestPaths.Corpus("vasp/vasprun/dpdata_vasprun.h2o.md.xml");
        string gz = System.IO.Path.Combine(TestPaths.NewTempDir(), "vasprun.xml.gz");
        using (var output = File.Create(gz))
        using (var zip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        using (var input = File.OpenRead(source))
        {
            input.CopyTo(zip);
        }

        using var reader = new VasprunReader(gz);
        List<Frame> frames = ReadAll(reader);
        Assert.Equal(3, frames.Count);
        Assert.Equal(-28.46658469, frames[^1].PotentialEnergy!.Value, 1e-8);
    }

    // ---- synthetic files ----

    private const string Header =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" +
        "<modeling>\n" +
        " <incar>\n" +
        "  <i type=\"int\" name=\"IBRION\">     0</i>\n" +
        "  <i name=\"POTIM\">      2.00000000</i>\n" +
        " </incar>\n" +
        " <atominfo>\n" +
        "  <atoms>       3 </atoms>\n" +
        "  <types>       2 </types>\n" +
        "  <array name=\"atoms\" >\n" +
        "   <dimension dim=\"1\">ion</dimension>\n" +
        "   <field type=\"string\">element</field>\n" +
        "   <field type=\"int\">atomtype</field>\n" +
        "   <set>\n" +
        "    <rc><c>Li</c><c>   1</c></rc>\n" +
        "    <rc><c>Li</c><c>   1</c></rc>\n" +
        "    <rc><c>O </c><c>   2</c></rc>\n" +
        "   </set>\n" +
        "  </array>\n" +
        "  <array name=\"atomtypes\" >\n" +
        "   <dimension dim=\"1\">type</dimension>\n" +
        "   <field type=\"int\">atomspertype</field>\n" +
        "   <field type=\"string\">element</field>\n" +
        "   <set>\n" +
        "    <rc><c>   2</c><c>Li</c><c>      6.94</c><c>  PAW_PBE Li_sv 10Sep2004</c></rc>\n" +
        "    <rc><c>   1</c><c>O </c><c>     16.00</c><c>  PAW_PBE O 08Apr2002</c></rc>\n" +
        "   </set>\n" +
        "  </array>\n" +
        " </atominfo>\n";

    private static string Calculation(int n) =>
        " <calculation>\n" +
        "  <scstep>\n" +
        "   <energy>\n" +
        "    <i name=\"e_fr_energy\">     99.00000000 </i>\n" +
        "   </energy>\n" +
        "  </scstep>\n" +
        "  <structure>\n" +
        "   <crystal>\n" +
        "    <varray name=\"basis\" >\n" +
        $"     <v>      {10 + n}.00000000       0.00000000       0.00000000 </v>\n" +
        "     <v>       1.00000000      10.00000000       0.00000000 </v>\n" +
        "     <v>       0.00000000       0.00000000      12.00000000 </v>\n" +
        "    </varray>\n" +
        "   </crystal>\n" +
        "   <varray name=\"positions\" >\n" +
        "    <v>       0.50000000       0.25000000       0.10000000 </v>\n" +
        "    <v>       0.00000000       0.50000000       0.50000000 </v>\n" +
        "    <v>       0.75000000       0.75000000       0.75000000 </v>\n" +
        "   </varray>\n" +
        "  </structure>\n" +
        "  <varray name=\"forces\" >\n" +
        "   <v>       0.10000000      -0.20000000       0.30000000 </v>\n" +
        "   <v>      -0.10000000       0.20000000      -0.30000000 </v>\n" +
        "   <v>       0.00000000       0.00000000       0.00000000 </v>\n" +
        "  </varray>\n" +
        "  <energy>\n" +
        $"   <i name=\"e_fr_energy\">    -{10 + n}.50000000 </i>\n" +
        "   <i name=\"e_0_energy\">     -0.00000000 </i>\n" +
        "  </energy>\n" +
        "  <time name=\"totalsc\">   69.59   69.75</time>\n" +
        " </calculation>\n";

    private const string Footer =
        " <structure name=\"finalpos\" >\n" +
        "  <crystal><varray name=\"basis\" ><v> 1 0 0 </v><v> 0 1 0 </v><v> 0 0 1 </v></varray></crystal>\n" +
        " </structure>\n" +
        "</modeling>\n";

    private static string Document(int steps) =>
        Header + string.Concat(Enumerable.Range(1, steps).Select(Calculation)) + Footer;

    private static VasprunReader Open(string text, ReadOptions? options = null) =>
        new(new MemoryStream(Encoding.Latin1.GetBytes(text)), "vasprun.xml", options);

    private static InputFormatException Fails(string text, int expectFrames = -1)
    {
        using var reader = Open(text);
        var frame = new Frame();
        int frames = 0;
        var e = Assert.Throws<InputFormatException>(() =>
        {
            while (reader.Read(frame))
            {
                frames++;
            }
        });
        if (expectFrames >= 0)
        {
            Assert.Equal(expectFrames, frames);
        }

        return e;
    }

    [Fact]
    public void SyntheticVariableCell()
    {
        using var reader = Open(Document(3));
        List<Frame> frames = ReadAll(reader);
        Assert.Equal(3, frames.Count);
        for (int n = 1; n <= 3; n++)
        {
            Frame f = frames[n - 1];
            AssertVec(new Vec3(10 + n, 0, 0), f.Box.A);
            // r = 0.5 a + 0.25 b + 0.1 c
            AssertVec(new Vec3(0.5 * (10 + n) + 0.25, 2.5, 1.2), f.Positions[0], 1e-12);
            Assert.Equal(-(10 + n + 0.5), f.PotentialEnergy!.Value, 1e-12);
            Assert.Equal(n, f.Step);
            Assert.Equal(0.002 * n, f.Time!.Value, 1e-12);
        }

        Assert.Equal("Li", frames[0].Species!.NameOf(1));
        Assert.Equal("O", frames[0].Species!.NameOf(2));
        Assert.Equal([1, 1, 2], frames[0].Types);
        AssertVec(new Vec3(-0.1, 0.2, -0.3), frames[0].Forces![1], 1e-12);
    }

    [Fact]
    public void OptionsAndRelaxationTime()
    {
        var options = new ReadOptions { TypeMap = SpeciesMap.Parse("1=Na") };
        string relax = Document(1).Replace("name=\"IBRION\">     0", "name=\"IBRION\">     2", StringComparison.Ordinal);
        using var reader = Open(relax, options);
        Frame f = Assert.Single(ReadAll(reader));
        Assert.Equal("Na", f.Species!.NameOf(1));
        Assert.Equal("O", f.Species!.NameOf(2));
        Assert.Null(f.Time);

        using var timed = Open(relax, new ReadOptions { TimestepPs = 0.001 });
        Assert.Equal(0.001, Assert.Single(ReadAll(timed)).Time!.Value, 1e-15);
    }

    [Fact]
    public void CutMidTag()
    {
        string full = Document(2);
        int cut = full.IndexOf("<varray name=\"forces\"", full.IndexOf("<calculation>", full.IndexOf("</calculation>", StringComparison.Ordinal), StringComparison.Ordinal), StringComparison.Ordinal) + 5;
        string text = full[..cut];
        var e = Fails(text, expectFrames: 1);
        Assert.Equal(1, e.CompleteFrames);
        Assert.Equal(LineCount(text), e.Line);
        Assert.Contains("expected the end of <calculation> 2", e.Message);
    }

    [Fact]
    public void CutBetweenCalculations()
    {
        string text = Header + Calculation(1);
        var e = Fails(text, expectFrames: 1);
        Assert.Equal(1, e.CompleteFrames);
        Assert.Equal(LineCount(text), e.Line);
        Assert.Contains("</modeling>", e.Message);
    }

    [Fact]
    public void TooFewPositionRows()
    {
        string text = Header + Calculation(1).Replace(
            "    <v>       0.75000000       0.75000000       0.75000000 </v>\n", string.Empty, StringComparison.Ordinal) + Footer;
        var e = Fails(text);
        Assert.Null(e.CompleteFrames);
        Assert.Equal(LineOf(text, "</varray>", occurrence: 2), e.Line);
        Assert.Contains("expected 3 rows in <varray name=\"positions\">", e.Message);
    }

    [Fact]
    public void TooManyForceRows()
    {
        string text = Header + Calculation(1).Replace(
            "   <v>       0.00000000       0.00000000       0.00000000 </v>\n",
            "   <v>       0.00000000       0.00000000       0.00000000 </v>\n   <v> 9.0 9.0 9.0 </v>\n", StringComparison.Ordinal) + Footer;
        var e = Fails(text);
        Assert.Equal(LineOf(text, "<v> 9.0 9.0 9.0 </v>"), e.Line);
        Assert.Contains("found more", e.Message);
    }

    [Fact]
    public void NonNumericPosition()
    {
        string text = Document(2).Replace("0.25000000       0.10000000", "abc       0.10000000", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "abc"), e.Line);
        Assert.Contains("'abc'", e.Message);
    }

    [Fact]
    public void NaNForce()
    {
        string text = Document(1).Replace("0.10000000      -0.20000000", "NaN      -0.20000000", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "NaN"), e.Line);
        Assert.Contains("finite", e.Message);
    }

    [Fact]
    public void TwoNumbersInARow()
    {
        string text = Document(1).Replace("<v>       1.00000000      10.00000000       0.00000000 </v>", "<v>       1.00000000      10.00000000 </v>", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "<v>       1.00000000      10.00000000 </v>"), e.Line);
        Assert.Contains("expected 3 numbers", e.Message);
    }

    [Fact]
    public void MissingFreeEnergy()
    {
        string text = Document(1).Replace("   <i name=\"e_fr_energy\">    -11.50000000 </i>\n", string.Empty, StringComparison.Ordinal);
        var e = Fails(text);
        long energyLine = Array.IndexOf(text.Split('\n'), "  <energy>") + 1; // the calculation-level one
        Assert.Equal(energyLine, e.Line);
        Assert.Contains("e_fr_energy", e.Message);
    }

    [Fact]
    public void MismatchedEndTagIsMalformedNotTruncated()
    {
        string text = Document(2).Replace("  </structure>\n", "  </structur>\n", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.False(e.IsTruncation);
        Assert.Equal(LineOf(text, "</structur>"), e.Line);
        Assert.Contains("well-formed XML", e.Message);
    }

    [Fact]
    public void AtomTypeOutOfRange()
    {
        string text = Document(1).Replace("<rc><c>O </c><c>   2</c></rc>", "<rc><c>O </c><c>   3</c></rc>", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "<rc><c>O </c><c>   3</c></rc>"), e.Line);
        Assert.Contains("between 1 and 2", e.Message);
    }

    [Fact]
    public void AtomTypeCountsDisagree()
    {
        string text = Document(1).Replace("<rc><c>   2</c><c>Li</c>", "<rc><c>   3</c><c>Li</c>", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "<rc><c>   3</c><c>Li</c>"), e.Line);
        Assert.Contains("expected 3 atoms of type 1", e.Message);
    }

    [Fact]
    public void NoAtomInfo()
    {
        string text = Header[..Header.IndexOf(" <atominfo>", StringComparison.Ordinal)] + Calculation(1) + Footer;
        var e = Fails(text);
        Assert.Equal(LineOf(text, "<calculation>"), e.Line);
        Assert.Contains("<atominfo>", e.Message);
    }

    [Fact]
    public void WrongRoot()
    {
        var e = Fails("<?xml version=\"1.0\"?>\n<html>\n</html>\n");
        Assert.Equal(2, e.Line);
        Assert.Contains("<modeling>", e.Message);
    }

    [Fact]
    public void BadPotim()
    {
        string text = Document(1).Replace("<i name=\"POTIM\">      2.00000000</i>", "<i name=\"POTIM\">  two</i>", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "POTIM"), e.Line);
        Assert.Contains("POTIM", e.Message);
    }

    [Fact]
    public void NoCalculationsIsEmpty()
    {
        using var reader = Open(Header + Footer);
        Assert.Empty(ReadAll(reader));
    }
}
