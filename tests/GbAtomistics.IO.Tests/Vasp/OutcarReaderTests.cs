using System.Text;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.IO.Vasp;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Vasp;

public sealed class OutcarReaderTests
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

    private static OutcarReader Open(string text, ReadOptions? options = null) =>
        new(new MemoryStream(Encoding.ASCII.GetBytes(text)), "OUTCAR", options);

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

    /// <summary>1-based number of the <paramref name="occurrence"/>-th line containing <paramref name="marker"/>.</summary>
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

    // ---- corpus files (facts from MANIFEST.md; energies are VASP's TOTEN, see the note per test) ----

    [SkippableFact]
    public void H2oMdTriclinic()
    {
        using var reader = new OutcarReader(TestPaths.Corpus("vasp/outcar/dpdata_OUTCAR.h2o.md"));
        Assert.Equal("vasp-outcar", reader.FormatName);
        List<Frame> frames = ReadAll(reader);
        Assert.Equal(3, frames.Count);
        Frame f0 = frames[0];
        Assert.Equal(6, f0.Count);
        Assert.Equal(new Dictionary<string, int> { ["O"] = 2, ["H"] = 4 }, ElementCounts(f0));
        Assert.Equal("O", f0.Species!.NameOf(1));
        Assert.Equal("H", f0.Species!.NameOf(2));
        AssertVec(new Vec3(10.0, 0.0, 0.0), f0.Box.A);
        AssertVec(new Vec3(-0.011409, 10.0, 0.0), f0.Box.B);
        AssertVec(new Vec3(0.141108, -0.059557, 10.0), f0.Box.C, 1e-6);
        Assert.Equal(Vec3.Zero, f0.Box.Origin);
        AssertVec(new Vec3(4.34854, 4.20903, 5.2), f0.Positions[0]);
        AssertVec(new Vec3(-0.141986, -0.573729, 0.356515), f0.Forces![0]);
        Assert.Equal([1L, 2, 3, 4, 5, 6], f0.Ids);
        Assert.Equal([1, 1, 2, 2, 2, 2], f0.Types);
        Assert.Equal(-28.38622624, f0.PotentialEnergy!.Value, 1e-8);
        Assert.Equal(-28.46658469, frames[^1].PotentialEnergy!.Value, 1e-8);
        Assert.Equal([1L, 2, 3], frames.Select(f => f.Step));
        // POTIM = 1 fs, IBRION = 0: time at the end of step n is n fs.
        Assert.Equal(0.001, f0.Time!.Value, 1e-12);
        Assert.Equal(0.003, frames[^1].Time!.Value, 1e-12);
        Assert.Equal(3, reader.FrameIndex);
        Assert.True(reader.BytesRead > 100000);
    }

    [SkippableFact]
    public void TiOTiVasp6SinglePoint()
    {
        using var reader = new OutcarReader(TestPaths.Corpus("vasp/outcar/dpdata_OUTCAR_Ti-O-Ti-v6"));
        List<Frame> frames = ReadAll(reader);
        Frame f = Assert.Single(frames);
        Assert.Equal(8, f.Count);
        // Three POTCAR types Ti, O, Ti (3 + 2 + 3 atoms).
        Assert.Equal(3, f.Species!.Count);
        Assert.Equal(new Dictionary<string, int> { ["Ti"] = 6, ["O"] = 2 }, ElementCounts(f));
        AssertVec(new Vec3(5.871982, 0, 0), f.Box.A);
        AssertVec(new Vec3(0, 5.082806, 0), f.Box.B);
        AssertVec(new Vec3(0, 0, 4.64769), f.Box.C);
        AssertVec(new Vec3(0.24853, 0.521, 1.1528), f.Positions[0]);
        AssertVec(new Vec3(1.344461, -0.201954, 4.4e-05), f.Forces![0]);
        // TOTEN (free energy). MANIFEST's -57.474954 is ASE's energy(sigma->0) from the same block.
        Assert.Equal(-57.48343729, f.PotentialEnergy!.Value, 1e-8);
        Assert.NotEqual(-57.474954, f.PotentialEnergy!.Value, 1e-4);
        // IBRION = -1 (single point): no time.
        Assert.Null(f.Time);
    }

    [SkippableFact]
    public void Nwrite0IsAClearError()
    {
        using var reader = new OutcarReader(TestPaths.Corpus("vasp/outcar/dpdata_OUTCAR_Ti-aimd-nwrite0"));
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.Equal(32, frame.Count);
        Assert.Equal(new Dictionary<string, int> { ["Ti"] = 32 }, ElementCounts(frame));
        Assert.Equal(-253.15557734, frame.PotentialEnergy!.Value, 1e-8);
        Assert.Equal(0.002, frame.Time!.Value, 1e-12); // POTIM = 2 fs
        var e = Assert.Throws<InputFormatException>(() => reader.Read(frame));
        Assert.Equal(2122, e.Line); // the TOTEN line of ionic step 2
        Assert.Equal(1, e.FrameIndex);
        Assert.False(e.IsTruncation);
        Assert.Contains("10 'free  energy   TOTEN' lines but 2 POSITION blocks", e.Message);
        Assert.Contains("NWRITE = 0", e.Message);
        Assert.Contains("only written for some ionic steps", e.Message);
        Assert.Contains("XDATCAR or vasprun.xml", e.Message);
    }

    [SkippableFact]
    public void AbortedRelaxationHasNoCompleteStep()
    {
        using var reader = new OutcarReader(TestPaths.Corpus("vasp/outcar/pyiron_OUTCAR_aborted_relax"));
        var e = Assert.Throws<InputFormatException>(() => reader.Read(new Frame()));
        Assert.Equal(0, e.CompleteFrames);
        Assert.Equal(2057, e.Line); // last line of the file
        Assert.Contains("no complete ionic step was found", e.Message);
        Assert.Contains("ionic step 1", e.Message);
    }

    [SkippableFact]
    public void SkipMatchesRead()
    {
        string path = TestPaths.Corpus("vasp/outcar/dpdata_OUTCAR.h2o.md");
        List<Frame> all;
        using (var reader = new OutcarReader(path))
        {
            all = ReadAll(reader);
        }

        using var skipping = new OutcarReader(path);
        Assert.True(skipping.Skip());
        Assert.True(skipping.Skip());
        var frame = new Frame();
        Assert.True(skipping.Read(frame));
        Assert.Equal(3, frame.Step);
        Assert.Equal(all[2].Positions, frame.Positions);
        Assert.Equal(all[2].PotentialEnergy, frame.PotentialEnergy);
        Assert.False(skipping.Skip());
        Assert.False(skipping.Read(frame));
    }

    // ---- synthetic files ----

    private const string Header =
        " vasp.5.4.4 (test)\n" +
        " POTCAR:    PAW_PBE Li_sv 10Sep2004\n" +
        " POTCAR:    PAW_PBE O_h 08Apr2002\n" +
        " POTCAR:    PAW_PBE Li_sv 10Sep2004\n" +
        "   TITEL  = PAW_PBE Li_sv 10Sep2004\n" +
        "   TITEL  = PAW_PBE O_h 08Apr2002\n" +
        "   number of dos      NEDOS =    301   number of ions     NIONS =      3\n" +
        "   ions per type =               2   1\n" +
        "   NWRITE =      2    write-flag & timer\n" +
        "   IBRION =      0    ionic relax: 0-MD 1-quasi-New 2-CG\n" +
        "   POTIM  = 2.0000    time-step for ionic-motion\n";

    private static string Step(int n, double energy = -10.5, string lattice0 = "   -10.000000000-10.000000000  0.000000000     0.0 0.0 0.0") =>
        $"--------------------------------------- Iteration {n,6}(   1)  ---------------------------------------\n" +
        "  free energy    TOTEN  =       999.00000000 eV\n" +
        "      direct lattice vectors                 reciprocal lattice vectors\n" +
        lattice0 + "\n" +
        "    10.000000000-10.000000000  0.000000000     0.0 0.0 0.0\n" +
        "     0.000000000  0.000000000 12.000000000     0.0 0.0 0.0\n" +
        "\n" +
        " POSITION                                       TOTAL-FORCE (eV/Angst)\n" +
        " -----------------------------------------------------------------------------------\n" +
        $"      {n}.00000      0.50000      0.25000         0.100000     -0.200000      0.300000\n" +
        "      1.00000      2.00000      3.00000        -0.100000      0.200000     -0.300000\n" +
        "      4.00000      5.00000      6.00000         0.000000      0.000000      0.000000\n" +
        " -----------------------------------------------------------------------------------\n" +
        "    total drift:                               -0.005850     -0.002026      0.008629\n" +
        "\n" +
        "  FREE ENERGIE OF THE ION-ELECTRON SYSTEM (eV)\n" +
        "  ---------------------------------------------------\n" +
        FormattableString.Invariant($"  free  energy   TOTEN  =       {energy:F8} eV\n") +
        "\n" +
        "  energy  without entropy=      -10.40000000  energy(sigma->0) =      -10.45000000\n";

    private static string File(int steps) =>
        Header + string.Concat(Enumerable.Range(1, steps).Select(i => Step(i, -10 - i))) + " General timing and accounting informations for this job:\n";

    [Fact]
    public void SyntheticStepsWithGluedLatticeNumbers()
    {
        using var reader = Open(File(2));
        List<Frame> frames = ReadAll(reader);
        Assert.Equal(2, frames.Count);
        Frame f = frames[1];
        AssertVec(new Vec3(-10, -10, 0), f.Box.A);
        AssertVec(new Vec3(10, -10, 0), f.Box.B);
        AssertVec(new Vec3(0, 0, 12), f.Box.C);
        AssertVec(new Vec3(2, 0.5, 0.25), f.Positions[0]);
        AssertVec(new Vec3(-0.1, 0.2, -0.3), f.Forces![1]);
        Assert.Equal([1, 1, 2], f.Types);
        Assert.Equal("Li", f.Species!.NameOf(1));
        Assert.Equal("O", f.Species!.NameOf(2));
        Assert.Equal(-12.0, f.PotentialEnergy!.Value, 1e-12);
        Assert.Equal(2, f.Step);
        Assert.Equal(0.004, f.Time!.Value, 1e-12);
    }

    [Fact]
    public void TypeMapAndTimestepOptionsWin()
    {
        var options = new ReadOptions { TypeMap = SpeciesMap.Parse("2=S"), TimestepPs = 0.0005 };
        using var reader = Open(File(1), options);
        Frame f = Assert.Single(ReadAll(reader));
        Assert.Equal("Li", f.Species!.NameOf(1));
        Assert.Equal("S", f.Species!.NameOf(2));
        Assert.Equal(0.0005, f.Time!.Value, 1e-15);
    }

    [Fact]
    public void RelaxationHasNoTime()
    {
        using var reader = Open(File(1).Replace("IBRION =      0", "IBRION =      2", StringComparison.Ordinal));
        Assert.Null(Assert.Single(ReadAll(reader)).Time);
    }

    [Fact]
    public void LastEnergyOfAStepIsKept()
    {
        string text = File(1).Replace(" General timing",
            "  free  energy   TOTEN  =       -11.50000000 eV\n General timing", StringComparison.Ordinal);
        using var reader = Open(text);
        Assert.Equal(-11.5, Assert.Single(ReadAll(reader)).PotentialEnergy!.Value, 1e-12);
    }

    [Fact]
    public void CrLfLineEndings()
    {
        using var reader = Open(File(2).Replace("\n", "\r\n", StringComparison.Ordinal));
        List<Frame> frames = ReadAll(reader);
        Assert.Equal(2, frames.Count);
        Assert.Equal(-12.0, frames[1].PotentialEnergy!.Value, 1e-12);
    }

    [Fact]
    public void UnreadableIncarEchoIsIgnored()
    {
        string text = File(1).Replace("   POTIM  = 2.0000", "   POTIM = 1.5; NSW = 10\n   POTIM  = 2.0000", StringComparison.Ordinal);
        using var reader = Open(text);
        Assert.Equal(0.002, Assert.Single(ReadAll(reader)).Time!.Value, 1e-12);
    }

    private static InputFormatException Fails(string text)
    {
        using var reader = Open(text);
        var frame = new Frame();
        return Assert.Throws<InputFormatException>(() =>
        {
            while (reader.Read(frame))
            {
            }
        });
    }

    [Fact]
    public void TruncatedPositionBlock()
    {
        string text = File(2);
        long cut = LineOf(text, "      1.00000      2.00000", occurrence: 2);
        text = string.Join('\n', text.Split('\n').Take((int)cut)) + "\n";
        var e = Fails(text);
        Assert.Equal(1, e.CompleteFrames);
        Assert.Equal(cut, e.Line);
        Assert.Contains("expected 3 atom lines in the POSITION block, found 2", e.Message);
    }

    [Fact]
    public void NonNumericForce()
    {
        string text = File(2).Replace("-0.100000      0.200000", "-0.100000      0.2x0000", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "0.2x0000"), e.Line);
        Assert.Contains("'0.2x0000'", e.Message);
        Assert.Null(e.CompleteFrames);
    }

    [Fact]
    public void NaNPosition()
    {
        string text = File(2).Replace("      4.00000      5.00000", "      4.00000      NaN", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "NaN"), e.Line);
        Assert.Contains("finite", e.Message);
    }

    [Fact]
    public void MissingToten()
    {
        string text = File(2);
        text = text.Replace(FormattableString.Invariant($"  free  energy   TOTEN  =       {-11.0:F8} eV\n"), string.Empty, StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, " POSITION ", occurrence: 2), e.Line);
        Assert.Contains("second POSITION block", e.Message);
    }

    [Fact]
    public void MissingTotenAtTheEndIsTruncation()
    {
        string text = File(2);
        text = text[..text.LastIndexOf("  FREE ENERGIE", StringComparison.Ordinal)];
        var e = Fails(text);
        Assert.Equal(1, e.CompleteFrames);
        Assert.Equal(LineCount(text), e.Line);
        Assert.Contains("ionic step 2", e.Message);
    }

    [Fact]
    public void TooManyAtomLines()
    {
        string text = File(1).Replace("      4.00000      5.00000      6.00000         0.000000      0.000000      0.000000\n",
            "      4.00000      5.00000      6.00000         0.000000      0.000000      0.000000\n      7.00000      5.00000      6.00000         0.000000      0.000000      0.000000\n",
            StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "      7.00000"), e.Line);
        Assert.Contains("NIONS = 3", e.Message);
    }

    [Fact]
    public void FiveColumnsOnAnAtomLine()
    {
        string text = File(1).Replace("      1.00000      2.00000      3.00000        -0.100000      0.200000     -0.300000",
            "      1.00000      2.00000      3.00000        -0.100000      0.200000", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "      1.00000      2.00000"), e.Line);
        Assert.Contains("expected 6 numbers", e.Message);
    }

    [Fact]
    public void NonNumericLattice()
    {
        string text = File(2).Replace("     0.000000000  0.000000000 12.000000000", "     0.000000000  0.000000000 ************", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "************"), e.Line);
        Assert.Contains("lattice", e.Message);
    }

    [Fact]
    public void CountsDisagreeWithNions()
    {
        string text = File(1).Replace("ions per type =               2   1", "ions per type =               2   2", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "Iteration"), e.Line);
        Assert.Contains("NIONS = 3", e.Message);
    }

    [Fact]
    public void NonNumericEnergy()
    {
        string text = File(1).Replace(FormattableString.Invariant($"TOTEN  =       {-11.0:F8} eV"), "TOTEN  =       ************ eV", StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "************"), e.Line);
        Assert.Contains("energy", e.Message);
    }

    [Fact]
    public void HeaderOnlyHasNoCompleteStep()
    {
        var e = Fails(Header);
        Assert.Equal(0, e.CompleteFrames);
        Assert.Equal(LineCount(Header), e.Line);
        Assert.Contains("no complete ionic step was found", e.Message);
    }

    [Fact]
    public void EnergyWithoutPositionsNamesTheCounts()
    {
        // Step 2 written as NWRITE = 0 would: energy but no POSITION block.
        string step2 = Step(2, -12);
        step2 = step2[..step2.IndexOf(" POSITION", StringComparison.Ordinal)] + step2[step2.IndexOf("  FREE ENERGIE", StringComparison.Ordinal)..];
        string text = Header + Step(1, -11) + step2 + Step(3, -13);
        var e = Fails(text);
        Assert.Equal(LineOf(text, FormattableString.Invariant($"{-12.0:F8}")), e.Line);
        Assert.Contains("3 'free  energy   TOTEN' lines but 2 POSITION blocks", e.Message);
        Assert.Contains("NWRITE = 2", e.Message);
    }

    [Fact]
    public void MissingIonsPerType()
    {
        string text = File(1).Replace("   ions per type =               2   1\n", string.Empty, StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(LineOf(text, "Iteration"), e.Line);
        Assert.Contains("ions per type", e.Message);
    }
}
