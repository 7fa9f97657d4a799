using GbAtomistics.Core;
using static GbAtomistics.IO.Tests.Lammps.LammpsDumpTestHelpers;

namespace GbAtomistics.IO.Tests.Lammps;

public sealed class LammpsDumpReaderTests
{
    private const string Header =
        "ITEM: TIMESTEP\n10\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 20\n0 30\n";

    [Fact]
    public void ReadsAnyColumnOrderAndSortsById()
    {
        List<Frame> frames = ReadAll(Header + "ITEM: ATOMS x type id z y\n3 2 30 6 4.5\n1 1 10 3 2\n2 1 20 4 3\n");
        Frame f = Assert.Single(frames);
        Assert.Equal(10, f.Step);
        Assert.Equal([10L, 20, 30], f.Ids);
        Assert.Equal([1, 1, 2], f.Types);
        Assert.Equal(new Vec3(1, 2, 3), f.Positions[0]);
        Assert.Equal(new Vec3(3, 4.5, 6), f.Positions[2]);
        Assert.Null(f.Time);
        Assert.Null(f.Images);
        Assert.Null(f.Species);
    }

    [Theory]
    [InlineData("7", "2", 7L, 2)]
    [InlineData("007", "02", 7L, 2)]
    [InlineData("+7", "+2", 7L, 2)]
    [InlineData("123456789012345678", "2147483647", 123456789012345678L, int.MaxValue)]
    [InlineData("9223372036854775807", "1", long.MaxValue, 1)]
    public void IdAndTypeReadAlikeWhereverTheyAreParsed(string id, string type, long expectedId, int expectedType)
    {
        // Plain digit runs of up to 18 digits are parsed where they stand in the line; a sign or a longer run goes
        // through the token parser. Both give the same values, before a space, a tab or the end of the line.
        foreach (string blank in new[] { " ", "\t" })
        {
            string text = Header.Replace("ATOMS\n3\n", "ATOMS\n1\n") + $"ITEM: ATOMS id x y z type\n{id}{blank}1 1 1{blank}{type}\n";
            Frame f = Assert.Single(ReadAll(text));
            Assert.Equal(expectedId, f.Ids[0]);
            Assert.Equal(expectedType, f.Types[0]);
        }
    }

    [Fact]
    public void SparseIdsUseTheGeneralSort()
    {
        List<Frame> frames = ReadAll(Header + "ITEM: ATOMS id type x y z\n900000000 1 1 1 1\n5 1 2 2 2\n70000 1 3 3 3\n");
        Assert.Equal([5L, 70000, 900000000], frames[0].Ids);
        Assert.Equal(new Vec3(2, 2, 2), frames[0].Positions[0]);
    }

    [Fact]
    public void ScaledTriclinicCoordinatesUseLoPlusHs()
    {
        // xy = 1, xz = -2, yz = 0.5 → xlo = xlo_bound − min(0, 1, −2, −1) = −1 + 2 = 1, xhi = 12 − 1 = 11,
        // ylo = 0, yhi = 20.5 − 0.5 = 20.
        string text = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS xy xz yz pp pp ff\n" +
            "-1 12 1\n0 20.5 -2\n0 30 0.5\nITEM: ATOMS id type xs ys zs\n1 1 0.5 0.5 0.5\n";
        Frame f = Assert.Single(ReadAll(text));
        Assert.Equal(new Vec3(1, 0, 0), f.Box.Origin);
        Assert.Equal(new Vec3(10, 0, 0), f.Box.A);
        Assert.Equal(new Vec3(1, 20, 0), f.Box.B);
        Assert.Equal(new Vec3(-2, 0.5, 30), f.Box.C);
        Assert.Equal(new PeriodicFlags(true, true, false), f.Box.Periodic);
        AssertClose(new Vec3(1 + 5 + 0.5 - 1, 10 + 0.25, 15), f.Positions[0], 1e-14, "position");
    }

    [Fact]
    public void PositionPriorityAndDerivedImageFlags()
    {
        // x wins over xs; xu with x and no ix gives image flags.
        string text = Header + "ITEM: ATOMS id type xs ys zs xu yu zu x y z\n" +
            "1 1 0.9 0.9 0.9 21 -18 2 1 2 2\n2 1 0 0 0 5 5 5 5 5 5\n3 1 0 0 0 1 2 3 1 2 3\n";
        Frame f = Assert.Single(ReadAll(text));
        Assert.Equal(CoordinateKind.Wrapped, f.Coordinates);
        Assert.Equal(new Vec3(1, 2, 2), f.Positions[0]);
        Assert.Equal(new Int3(2, -1, 0), f.Images![0]);
        Assert.Equal(Int3.Zero, f.Images[1]);
        Assert.Empty(f.ExtraNames);
    }

    [Fact]
    public void ImageColumnsWinOverDerivedFlags()
    {
        string text = Header + "ITEM: ATOMS id type x y z xu yu zu ix iy iz\n" +
            "1 1 1 2 2 21 -18 2 7 8 9\n2 1 5 5 5 5 5 5 0 0 0\n3 1 1 2 3 1 2 3 0 0 -1\n";
        Frame f = Assert.Single(ReadAll(text));
        Assert.Equal(new Int3(7, 8, 9), f.Images![0]);
        Assert.Equal(new Int3(0, 0, -1), f.Images[2]);
    }

    [Fact]
    public void UnitsAndTimeItemsConvertToMetal()
    {
        string text = "ITEM: UNITS\nreal\nITEM: TIME\n250\n" + Header +
            "ITEM: ATOMS id type x y z vx vy vz fx fy fz q\n" +
            "1 1 1 1 1 0.001 0 0 1 0 0 0.5\n2 1 2 2 2 0 0 0 0 0 0 0\n3 1 3 3 3 0 0 0 0 0 0 -0.5\n";
        Frame f = Assert.Single(ReadAll(text));
        Assert.Equal(0.25, f.Time!.Value, 12); // 250 fs
        Assert.Equal(1.0, f.Velocities![0].X, 12); // 0.001 Å/fs = 1 Å/ps
        Assert.Equal(4184.0 / 96485.33212331, f.Forces![0].X, 12); // 1 kcal/mol/Å in eV/Å
        Assert.Equal(0.5, f.Charges![0]);
    }

    [Fact]
    public void TimestepOptionGivesTime()
    {
        Frame f = Assert.Single(ReadAll(Header + "ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 1 2 2 2\n3 1 3 3 3\n", new ReadOptions { TimestepPs = 0.002 }));
        Assert.Equal(0.02, f.Time!.Value, 12);
    }

    [Fact]
    public void ElementColumnWithoutTypeNamesTypesInOrderOfAppearance()
    {
        string text = Header + "ITEM: ATOMS id element x y z\n1 O 1 1 1\n2 Li 2 2 2\n3 O 3 3 3\n";
        Frame f = Assert.Single(ReadAll(text));
        Assert.Equal([1, 2, 1], f.Types);
        Assert.Equal("O", f.SpeciesName(0));
        Assert.Equal("Li", f.SpeciesName(1));
    }

    [Fact]
    public void ElementColumnWithTypeMapUsesTheMapTypes()
    {
        string text = Header + "ITEM: ATOMS id element x y z\n1 O 1 1 1\n2 Li 2 2 2\n3 O 3 3 3\n";
        Frame f = Assert.Single(ReadAll(text, new ReadOptions { TypeMap = SpeciesMap.Parse("1=Li,2=O") }));
        Assert.Equal([2, 1, 2], f.Types);
    }

    [Fact]
    public void ElementBesideTypeNamesTheTypes()
    {
        string text = Header + "ITEM: ATOMS id type element x y z\n1 3 Cl 1 1 1\n2 1 Li 2 2 2\n3 3 Cl 3 3 3\n";
        Frame f = Assert.Single(ReadAll(text));
        Assert.Equal([3, 1, 3], f.Types);
        Assert.Equal("Cl", f.Species!.NameOf(3));
        Assert.Equal("Li", f.Species.NameOf(1));
    }

    [Fact]
    public void AtomCountMayChangeAndTrailingBlankLinesEndCleanly()
    {
        string second = "ITEM: TIMESTEP\n20\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 20\n0 30\n" +
            "ITEM: ATOMS id type x y z\n2 1 1 1 1\n1 1 2 2 2\n";
        List<Frame> frames = ReadAll(Header + "ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 1 2 2 2\n3 1 3 3 3\n" + second + "\n\n");
        Assert.Equal(2, frames.Count);
        Assert.Equal(3, frames[0].Count);
        Assert.Equal(2, frames[1].Count);
        Assert.Equal(new Vec3(2, 2, 2), frames[1].Positions[0]);
    }

    [Fact]
    public void EmptyInputHasNoFrames()
    {
        Assert.Empty(ReadAll(""));
    }

    [Fact]
    public void RepeatedReadsReuseTheFrameArrays()
    {
        string frame = Header + "ITEM: ATOMS id type x y z\n3 1 1 1 1\n1 1 2 2 2\n2 1 3 3 3\n";
        using var reader = Open(frame + frame.Replace("10\nITEM: NUMBER", "20\nITEM: NUMBER"));
        var f = new Frame();
        Assert.True(reader.Read(f));
        Vec3[] positions = f.Positions;
        Box box = f.Box;
        Assert.True(reader.Read(f));
        Assert.Same(positions, f.Positions);
        Assert.Same(box, f.Box);
        Assert.Equal(20, f.Step);
        Assert.Equal(new Vec3(2, 2, 2), f.Positions[0]);
    }
}
