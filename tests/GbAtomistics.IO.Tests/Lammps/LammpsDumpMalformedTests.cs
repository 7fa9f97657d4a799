using GbAtomistics.Core;
using static GbAtomistics.IO.Tests.Lammps.LammpsDumpTestHelpers;

namespace GbAtomistics.IO.Tests.Lammps;

/// <summary>Malformed dumps: each gives an <see cref="InputFormatException"/> at the right line.</summary>
public sealed class LammpsDumpMalformedTests
{
    private const string Good =
        "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\n" +
        "ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 1 2 2 2\n";

    private static InputFormatException Fails(string text, long line, string contains, ReadOptions? options = null)
    {
        var e = Assert.Throws<InputFormatException>(() => ReadAll(text, options));
        Assert.Equal(line, e.Line);
        Assert.Contains(contains, e.Detail);
        Assert.Equal("mem.dump", e.FilePath);
        return e;
    }

    [Fact]
    public void GoodTextReads() => Assert.Equal(2, ReadAll(Good + Good).Count);

    [Fact]
    public void FirstLineNotAnItem() => Fails("hello\n" + Good, 1, "expected 'ITEM: TIMESTEP', found 'hello'");

    [Fact]
    public void NonIntegerTimestep() => Fails(Good.Replace("TIMESTEP\n0", "TIMESTEP\n1.5"), 2, "integer timestep");

    [Fact]
    public void MissingNumberOfAtomsItem() =>
        Fails(Good.Replace("ITEM: NUMBER OF ATOMS\n2\n", ""), 3, "expected 'ITEM: NUMBER OF ATOMS', found 'ITEM: BOX BOUNDS pp pp pp'");

    [Theory]
    [InlineData("-5")]
    [InlineData("3.5")]
    [InlineData("3000000000")]
    [InlineData("many")]
    public void AbsurdNumberOfAtoms(string count) =>
        Fails(Good.Replace("ATOMS\n2\n", $"ATOMS\n{count}\n"), 4, "expected a number of atoms between 0 and 2147483647");

    [Fact]
    public void ZeroVolumeBox() => Fails(Good.Replace("0 10\n0 10\n0 10\n", "0 10\n3 3\n0 10\n"), 7, "yhi > ylo");

    [Fact]
    public void BadBoundaryFlags() => Fails(Good.Replace("pp pp pp", "pp xx pp"), 5, "boundary flags");

    [Fact]
    public void TooFewBoxNumbers() => Fails(Good.Replace("0 10\n0 10\n0 10\n", "0 10\n0\n0 10\n"), 7, "expected 2 numbers");

    [Fact]
    public void TriclinicBoundsNeedTilt() =>
        Fails(Good.Replace("BOUNDS pp pp pp", "BOUNDS xy xz yz pp pp pp"), 6, "expected 3 numbers (lo hi tilt)");

    [Fact]
    public void TooFewColumns() => Fails(Good.Replace("2 1 2 2 2", "2 1 2 2"), 11, "expected 5 columns (id type x y z), found 4");

    [Fact]
    public void TooManyColumns() => Fails(Good.Replace("1 1 1 1 1", "1 1 1 1 1 7"), 10, "expected 5 columns (id type x y z), found 6");

    [Fact]
    public void NonNumericField() => Fails(Good.Replace("2 1 2 2 2", "2 1 2 abc 2"), 11, "column 'y', found 'abc'");

    [Theory]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("-Infinity")]
    public void NonFiniteCoordinate(string token) =>
        Fails(Good.Replace("2 1 2 2 2", $"2 1 {token} 2 2"), 11, "finite number in column 'x'");

    [Fact]
    public void NonFiniteVelocity()
    {
        string text = Good.Replace("id type x y z", "id type x y z vx vy vz").Replace("1 1 1 1 1", "1 1 1 1 1 0 0 0")
            .Replace("2 1 2 2 2", "2 1 2 2 2 0 NaN 0");
        Fails(text, 11, "column 'vy'");
    }

    [Fact]
    public void NonIntegerType() => Fails(Good.Replace("2 1 2 2 2", "2 1.0 2 2 2"), 11, "column 'type'");

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("3000000000")]
    [InlineData("2x")]
    [InlineData("2,")]
    public void TypeThatIsNotAPositiveInteger(string type) =>
        Fails(Good.Replace("2 1 2 2 2", $"2 {type} 2 2 2"), 11, $"an integer type ≥ 1 in column 'type', found '{type}'");

    [Theory]
    [InlineData("2x")]
    [InlineData("99999999999999999999")]
    [InlineData("2.0")]
    public void IdThatIsNotAnInteger(string id) =>
        Fails(Good.Replace("2 1 2 2 2", $"{id} 1 2 2 2"), 11, $"an integer in column 'id', found '{id}'");

    [Fact]
    public void DuplicateIdNamesBothLines() => Fails(Good.Replace("2 1 2 2 2", "1 1 2 2 2"), 11, "id 1 again (first on line 10)");

    [Fact]
    public void DuplicateSparseId()
    {
        string text = Good.Replace("ATOMS\n2\n", "ATOMS\n3\n").Replace("1 1 1 1 1\n2 1 2 2 2\n", "900000000 1 1 1 1\n5 1 2 2 2\n900000000 1 3 3 3\n");
        Fails(text, 12, "id 900000000 again (first on line 10)");
    }

    [Fact]
    public void NoIdColumn() => Fails(Good.Replace("id type x y z", "type x y z"), 9, "expected an 'id' column");

    [Fact]
    public void DuplicateColumnName() => Fails(Good.Replace("id type x y z", "id type x y z x"), 9, "'x' twice");

    [Fact]
    public void TruncatedLastFrame()
    {
        string text = Good + Good[..^"2 1 2 2 2\n".Length];
        InputFormatException e = Fails(text, 22, "expected 2 atom lines after 'ITEM: ATOMS' on line 20, found 1");
        Assert.True(e.IsTruncation);
        Assert.Equal(1, e.CompleteFrames);
        Assert.Equal(1, e.FrameIndex);
    }

    [Fact]
    public void TruncatedInsideHeader()
    {
        InputFormatException e = Fails(Good + "ITEM: TIMESTEP\n100\nITEM: NUMBER OF ATOMS\n", 15, "the number of atoms");
        Assert.Equal(1, e.CompleteFrames);
    }

    [Fact]
    public void TruncatedFirstFrameWhenSkipping()
    {
        using var reader = Open(Good[..^"2 1 2 2 2\n".Length]);
        var e = Assert.Throws<InputFormatException>(() => reader.Skip());
        Assert.Equal(11, e.Line);
        Assert.Equal(0, e.CompleteFrames);
    }

    [Fact]
    public void ElementMissingFromTypeMap() =>
        Fails(Good.Replace("id type x y z", "id element x y z").Replace("2 1 2 2 2", "2 Zr 2 2 2").Replace("1 1 1 1 1", "1 O 1 1 1"),
            11, "found 'Zr'", new ReadOptions { TypeMap = SpeciesMap.Parse("1=O") });

    [Fact]
    public void NoTypeColumnWithSeveralTypesInTheMap() =>
        Fails(Good.Replace("id type x y z", "id x y z").Replace("1 1 1 1 1", "1 1 1 1").Replace("2 1 2 2 2", "2 2 2 2"),
            9, "single type", new ReadOptions { TypeMap = SpeciesMap.Parse("1=O,2=Li") });

    [Fact]
    public void UnknownUnitStyle() => Fails("ITEM: UNITS\nfurlongs\n" + Good, 2, "unit style");
}
