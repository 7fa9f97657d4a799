using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;
using static GbAtomistics.IO.Tests.Lammps.LammpsDumpTestHelpers;

namespace GbAtomistics.IO.Tests;

/// <summary><see cref="TrajectorySummary.Scan"/>: the species counts of the first frame, and the frame and atom counts.</summary>
public sealed class TrajectorySummaryTests
{
    /// <summary>Eight atoms of types 3, 1, 2 in the first frame, five in the second.</summary>
    private const string Dump =
        "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n8\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\nITEM: ATOMS id type x y z\n" +
        "1 3 1 1 1\n2 1 2 2 2\n3 2 3 3 3\n4 1 4 4 4\n5 3 5 5 5\n6 3 6 6 6\n7 1 7 7 7\n8 1 8 8 8\n" +
        "ITEM: TIMESTEP\n10\nITEM: NUMBER OF ATOMS\n5\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\nITEM: ATOMS id type x y z\n" +
        "1 3 1 1 1\n2 1 2 2 2\n3 2 3 3 3\n4 1 4 4 4\n5 3 5 5 5\n";

    [Fact]
    public void SpeciesAreCountedInTheOrderOfTheirTypes()
    {
        using LammpsDumpReader reader = Open(Dump);
        TrajectorySummary summary = TrajectorySummary.Scan(reader);
        Assert.Equal([("1", 4), ("2", 1), ("3", 3)], summary.SpeciesCounts);
        Assert.Equal(2, summary.Frames);
        Assert.Equal((5, 8), summary.AtomCount);
        Assert.Equal(1, summary.FirstAtomCountChange);
    }

    [Fact]
    public void TypesOfOneNameAreCountedTogetherWhereTheirSmallestTypeStands()
    {
        using LammpsDumpReader reader = Open(Dump, new ReadOptions { TypeMap = SpeciesMap.Parse("1=O,2=Li,3=O") });
        TrajectorySummary summary = TrajectorySummary.Scan(reader);
        Assert.Equal([("O", 7), ("Li", 1)], summary.SpeciesCounts);
    }
}
