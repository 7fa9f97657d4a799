using System.Globalization;
using System.Text;
using GbAtomistics.Core;
using static GbAtomistics.IO.Tests.Lammps.LammpsDumpTestHelpers;

namespace GbAtomistics.IO.Tests.Lammps;

/// <summary>
/// <see cref="ReadOptions.OnlySpecies"/>: the dump reader leaves out the atoms of other species (counting them in
/// <see cref="Frame.AtomsLeftOut"/>) and gives the atoms of that species exactly as a full read does (ids, order, positions, images, every optional column), parsed on one core
/// or on all; where the species is not the type number alone (an element column, no type column) it gives every atom.
/// </summary>
public sealed class OnlySpeciesTests
{
    private const int Atoms = 60;

    /// <summary>Two frames of <see cref="Atoms"/> atoms of types 1-3 with shuffled ids, under the given column header.</summary>
    private static string Dump(string columns, Func<int, int, Random, string> values)
    {
        var random = new Random(7);
        var sb = new StringBuilder();
        for (int f = 0; f < 2; f++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"ITEM: TIMESTEP\n{f * 10}\nITEM: NUMBER OF ATOMS\n{Atoms}\n");
            sb.Append("ITEM: BOX BOUNDS pp pp pp\n0 12\n0 12\n0 12\n");
            sb.Append(CultureInfo.InvariantCulture, $"ITEM: ATOMS {columns}\n");
            foreach (int i in Enumerable.Range(0, Atoms).OrderBy(_ => random.Next()))
            {
                sb.Append(values(i, 1 + (i * 7 % 3), random)).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Number(Random random, double scale) => (scale * random.NextDouble()).ToString("F5", CultureInfo.InvariantCulture);

    public static TheoryData<string, int> Layouts()
    {
        var data = new TheoryData<string, int>();
        foreach (string layout in new[] { "plain", "unwrapped", "everything", "type last" })
        {
            data.Add(layout, int.MaxValue); // one core
            data.Add(layout, 1); // all cores
        }

        return data;
    }

    private static string LayoutDump(string layout) => layout switch
    {
        "plain" => Dump("id type x y z", (i, t, r) => $"{i + 1} {t} {Number(r, 12)} {Number(r, 12)} {Number(r, 12)}"),
        "unwrapped" => Dump("id type x y z xu yu zu", (i, t, r) =>
        {
            double x = 12 * r.NextDouble(), y = 12 * r.NextDouble(), z = 12 * r.NextDouble();
            return FormattableString.Invariant($"{i + 1} {t} {x:F5} {y:F5} {z:F5} {x + (12 * ((i % 3) - 1)):F5} {y:F5} {z - 12:F5}");
        }),
        "everything" => Dump("id type x y z ix iy iz vx vy vz fx fy fz q c_pe", (i, t, r) =>
            $"{i + 1} {t} {Number(r, 12)} {Number(r, 12)} {Number(r, 12)} {i % 3} -1 0 {Number(r, 1)} {Number(r, 1)} {Number(r, 1)} {Number(r, 2)} {Number(r, 2)} {Number(r, 2)} {Number(r, 3)} -{Number(r, 5)}"),
        "type last" => Dump("x y z id type", (i, t, r) => $"{Number(r, 12)} {Number(r, 12)} {Number(r, 12)} {i + 1} {t}"),
        _ => throw new ArgumentException(layout),
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void TheSpeciesAtomsAreTheFullReadsAndNoOthers(string layout, int parallelAtoms)
    {
        string text = LayoutDump(layout);
        var options = new ReadOptions { ParallelAtoms = parallelAtoms };
        List<Frame> full = ReadAll(text, options);
        foreach (int type in new[] { 1, 2, 3 })
        {
            List<Frame> only = ReadAll(text, options with { OnlySpecies = type.ToString(CultureInfo.InvariantCulture) });
            Assert.Equal(full.Count, only.Count);
            for (int f = 0; f < full.Count; f++)
            {
                AssertSameFrame(Subset(full[f], type), only[f], 0);
                Assert.Equal(full[f].Count - only[f].Count, only[f].AtomsLeftOut);
                Assert.Equal(0, full[f].AtomsLeftOut);
            }
        }
    }

    [Fact]
    public void ATypeMapNameSelectsItsTypesWhateverTheCase()
    {
        string text = LayoutDump("plain");
        var map = SpeciesMap.Parse("1=Li,2=O,3=Li");
        List<Frame> full = ReadAll(text, new ReadOptions { TypeMap = map });
        List<Frame> only = ReadAll(text, new ReadOptions { TypeMap = map, OnlySpecies = "li" });
        Frame expected = Subset(full[0], 1, 3);
        AssertSameFrame(expected, only[0], 0);
        Assert.Equal(Enumerable.Repeat("Li", expected.Count), Enumerable.Range(0, only[0].Count).Select(only[0].SpeciesName));

        // Renamed by the map, type 1 is no longer species "1"; an unmapped type keeps its number as its name.
        Assert.Equal(0, ReadAll(text, new ReadOptions { TypeMap = map, OnlySpecies = "1" })[0].Count);
        AssertSameFrame(Subset(full[0], 3), ReadAll(text, new ReadOptions { TypeMap = SpeciesMap.Parse("1=Li,2=O"), OnlySpecies = "3" })[0], 0);
    }

    [Fact]
    public void WhereTheSpeciesIsNotTheTypeEveryAtomIsRead()
    {
        string elements = Dump("id type element x y z", (i, t, r) => $"{i + 1} {t} {(t == 1 ? "Li" : "O")} {Number(r, 12)} {Number(r, 12)} {Number(r, 12)}");
        Assert.Equal(Atoms, ReadAll(elements, new ReadOptions { OnlySpecies = "Li" })[0].Count);

        string untyped = Dump("id x y z", (i, t, r) => $"{i + 1} {Number(r, 12)} {Number(r, 12)} {Number(r, 12)}");
        Assert.Equal(Atoms, ReadAll(untyped, new ReadOptions { TypeMap = SpeciesMap.Parse("1=Cu"), OnlySpecies = "Ni" })[0].Count);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    public void AnErrorAmongTheKeptAtomsNamesItsFileLines(int parallelAtoms)
    {
        // Lines 10-14 hold the atoms; ids 5 (type 2) on lines 11 and 14, an atom of type 1 between them.
        string text = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n5\nITEM: BOX BOUNDS pp pp pp\n0 9\n0 9\n0 9\nITEM: ATOMS id type x y z\n" +
            "1 1 1 1 1\n5 2 2 2 2\n2 1 3 3 3\n3 1 4 4 4\n5 2 5 5 5\n";
        var options = new ReadOptions { ParallelAtoms = parallelAtoms, OnlySpecies = "2" };
        InputFormatException e = Assert.Throws<InputFormatException>(() => ReadAll(text, options));
        Assert.StartsWith("mem.dump:14:", e.Message);
        Assert.Contains("first on line 11", e.Message);

        // The same id twice among the atoms left out is not read, so not reported.
        Assert.Equal([1L, 2L, 3L], ReadAll(text, options with { OnlySpecies = "1" })[0].Ids.Take(3));
    }

    /// <summary>The atoms of <paramref name="frame"/> whose type is one of <paramref name="types"/>, in order, as a new frame.</summary>
    private static Frame Subset(Frame frame, params int[] types)
    {
        int[] keep = Enumerable.Range(0, frame.Count).Where(i => types.Contains(frame.Types[i])).ToArray();
        var subset = new Frame { Step = frame.Step, Time = frame.Time, Box = frame.Box, Coordinates = frame.Coordinates, Species = frame.Species };
        subset.Resize(keep.Length);
        subset.SetExtraNames(frame.ExtraNames);
        for (int j = 0; j < keep.Length; j++)
        {
            subset.Ids[j] = frame.Ids[keep[j]];
            subset.Types[j] = frame.Types[keep[j]];
            subset.Positions[j] = frame.Positions[keep[j]];
        }

        if (frame.Images is { } images) Fill(subset.EnsureImages(), images);
        if (frame.Velocities is { } velocities) Fill(subset.EnsureVelocities(), velocities);
        if (frame.Forces is { } forces) Fill(subset.EnsureForces(), forces);
        if (frame.Charges is { } charges) Fill(subset.EnsureCharges(), charges);
        for (int k = 0; k < frame.ExtraNames.Count; k++)
        {
            Fill(subset.Extra(k), frame.Extra(k));
        }

        return subset;

        void Fill<T>(T[] into, T[] from)
        {
            for (int j = 0; j < keep.Length; j++)
            {
                into[j] = from[keep[j]];
            }
        }
    }
}
