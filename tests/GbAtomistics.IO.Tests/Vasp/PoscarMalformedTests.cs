using System.Text;
using GbAtomistics.Core;
using GbAtomistics.IO.Vasp;

namespace GbAtomistics.IO.Tests.Vasp;

/// <summary>Malformed POSCAR content: one <see cref="InputFormatException"/> with the offending line each.</summary>
public sealed class PoscarMalformedTests
{
    private const string Cell = "title\n1.0\n4 0 0\n0 4 0\n0 0 4\n";

    internal static Frame Read(string text, ReadOptions? options = null)
    {
        using var reader = new PoscarReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "mem.vasp", options);
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        return frame;
    }

    public static TheoryData<string, string, long, string> Cases => new()
    {
        { "empty file", "", 1, "empty file" },
        { "non-numeric scale", "t\nabc\n4 0 0\n0 4 0\n0 0 4\nLi\n1\nDirect\n0 0 0\n", 2, "scaling factor" },
        { "zero scale", "t\n0.0\n4 0 0\n0 4 0\n0 0 4\nLi\n1\nDirect\n0 0 0\n", 2, "non-zero scaling factor" },
        { "NaN scale", "t\nNaN\n4 0 0\n0 4 0\n0 0 4\nLi\n1\nDirect\n0 0 0\n", 2, "non-zero scaling factor" },
        { "negative one of three scales", "t\n1 -1 1\n4 0 0\n0 4 0\n0 0 4\nLi\n1\nDirect\n0 0 0\n", 2, "three positive" },
        { "two scales", "t\n1 1\n4 0 0\n0 4 0\n0 0 4\nLi\n1\nDirect\n0 0 0\n", 2, "one or three" },
        { "non-numeric lattice", "t\n1\n4 0 0\n0 x 0\n0 0 4\nLi\n1\nDirect\n0 0 0\n", 4, "lattice vector b" },
        { "zero-volume lattice", "t\n1\n4 0 0\n0 4 0\n4 4 0\nLi\n1\nDirect\n0 0 0\n", 5, "zero volume" },
        { "species/count mismatch", Cell + "Li O\n1 2 3\nDirect\n0 0 0\n", 7, "expected 2 counts" },
        { "negative count", Cell + "Li O\n1 -2\nDirect\n0 0 0\n", 7, "non-negative" },
        { "truncated coordinates", Cell + "Li O\n1 1\nDirect\n0 0 0\n", 10, "found 1 before the end" },
        { "non-numeric coordinate", Cell + "Li O\n1 1\nDirect\n0 0 0\n0.5 zz 0.5\n", 10, "atom 2 of 2" },
        { "NaN coordinate", Cell + "Li O\n1 1\nDirect\n0 0 0\n0.5 NaN 0.5\n", 10, "atom 2 of 2" },
        { "unknown mode line", Cell + "Li O\n1 1\nFractional\n0 0 0\n0.5 0.5 0.5\n", 8, "coordinate mode" },
        { "unknown mode after selective", Cell + "Li O\n1 1\nSelective dynamics\nXYZ\n0 0 0 T T T\n0.5 0.5 0.5 T T T\n", 9, "'Direct' or 'Cartesian'" },
        { "missing selective flags", Cell + "Li O\n1 1\nSelective\nDirect\n0 0 0 T T T\n0.5 0.5 0.5 T T\n", 11, "T/F" },
        { "more coordinate lines than counts", Cell + "Li O\n1 1\nDirect\n0 0 0\n0.5 0.5 0.5\n0.2 0.2 0.2\n", 11, "expected 2 coordinate lines" },
        { "VASP 4 without species", "my structure\n1\n4 0 0\n0 4 0\n0 0 4\n1 1\nDirect\n0 0 0\n0.5 0.5 0.5\n", 6, "type map" },
        { "truncated velocities", Cell + "Li O\n1 1\nDirect\n0 0 0\n0.5 0.5 0.5\n\n0.1 0.1 0.1\n", 13, "velocity lines" },
        { "bad velocity", Cell + "Li O\n1 1\nDirect\n0 0 0\n0.5 0.5 0.5\n\n0.1 0.1\n0 0 0\n", 12, "velocity components" },
        { "header ends early", Cell + "Li O\n", 7, "counts line" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThrowsWithLine(string name, string text, long line, string fragment)
    {
        var e = Assert.Throws<InputFormatException>(() => Read(text));
        Assert.True(line == e.Line, $"{name}: expected line {line}, got {e.Line}: {e.Message}");
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.Contains("expected", e.Detail, StringComparison.Ordinal);
        Assert.StartsWith("mem.vasp:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncationCarriesCompleteFrames()
    {
        var e = Assert.Throws<InputFormatException>(() => Read(Cell + "Li O\n1 1\nDirect\n0 0 0\n"));
        Assert.True(e.IsTruncation);
        Assert.Equal(0, e.CompleteFrames);
    }

    [Fact]
    public void AcceptsVariantsOfTheFormat()
    {
        // Three per-component scale factors, 'k' for Cartesian, tabs, a species label, CRLF, trailing blank lines.
        Frame f = Read("t\r\n2 1 0.5\r\n1 0 0\r\n0 2 0\r\n0 0 8\r\nLi_sv O\r\n1 1\r\nkartesian\r\n1\t1\t1 Li\r\n0.5 0.5 0.5 O\r\n\r\n\r\n");
        Assert.Equal(new Vec3(2, 0, 0), f.Box.A);
        Assert.Equal(new Vec3(0, 2, 0), f.Box.B);
        Assert.Equal(new Vec3(0, 0, 4), f.Box.C);
        Assert.Equal(new Vec3(2, 1, 0.5), f.Positions[0]);
        Assert.Equal("Li", f.Species!.NameOf(1));
        Assert.Null(f.Velocities);

        // Repeated species entries keep their own types.
        Frame g = Read(Cell + "Ce O C O\n1 2 1 1\nd\n0 0 0\n0.1 0 0\n0.2 0 0\n0.3 0 0\n0.4 0 0\n");
        Assert.Equal([1, 2, 2, 3, 4], g.Types);
        Assert.Equal("O", g.Species!.NameOf(4));

        // Direct velocities are fractions of the cell vectors per fs.
        Frame h = Read(Cell + "Li\n1\nDirect\n0 0 0\nDirect\n0.001 0 0\n");
        Assert.Equal(4.0, h.Velocities![0].X, 1e-12);

        // An ISIF=3 CONTCAR: the lattice-velocity block (8 lines) is skipped before the ionic velocities.
        Frame l = Read(Cell + "Li\n1\nDirect\n0 0 0\nLattice velocities and vectors\n  1\n0 0 0\n0 0 0\n0 0 0\n4 0 0\n0 4 0\n0 0 4\n\n0.002 0 0\n");
        Assert.Equal(2.0, l.Velocities![0].X, 1e-12);
    }
}
