using System.Globalization;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Lammps;

/// <summary>Every LAMMPS dump of the shared corpus against the facts in its MANIFEST.md.</summary>
public sealed class LammpsDumpCorpusTests
{
    private const double BoxTolerance = 1e-5;
    private const double PositionTolerance = 1e-4; // facts are quoted to 5 decimals

    public static TheoryData<string, int, int, long, long, string, double[], double[], long, double[]> Files => new()
    {
        // file, frames, atoms, first step, last step, type counts, {lx ly lz xy xz yz}, origin, lowest id, its position
        { "dpdata_shift_origin.dump", 2, 4, 0, 100, "1:4", [8, 5, 3, 0, 0, 0], [-2, 0, 0], 1, [-2, 0, 0] },
        { "dpdata_traj_spin.dump", 2, 17, 0, 10, "1:16,2:1", [5.726578, 5.652356, 5.66558, -0.00591791152954102, -0.0114874148368835, 0.000682773590087889], [-0.022675, 0.014436, 0.007824], 1, [0.00141, 5.64869, 0.01006] },
        { "dpdata_traj_with_random_type_id.dump", 2, 16, 0, 10, "2:1,3:3,4:11,6:1", [6.592645, 6.716903, 6.680186, 0.0253851986, 0.1863076146, 0.065204177], [0, 0, 0], 1, [3.48873, 0.06972, 6.67774] },
        { "mda_WIN_wat_crlf.lammpstrj", 3, 24, 0, 1000, "1:16,2:8", [6.2, 6.2, 6.2, 0, 0, 0], [0, 0, 0], 1, [1.55, 1.55, 1.5] },
        { "mda_albite_triclinic.dump", 1, 17, 0, 0, "1:17", [17.152224, 26.082688, 13.03943, 1.506743915478767, -6.266414551929444, -0.42179319547892025], [-0.321155, -0.123724, -0.045447], 43, [6.84796, 0.43491, 0.74549] },
        { "mda_chain_dump_1.lammpstrj", 6, 22, 0, 5, "1:2,2:20", [10, 10, 10, 0, 0, 0], [0, 0, 0], 1, [5.19899, 5.00015, 5.48947] },
        { "mda_image_vf.lammpstrj", 3, 7, 0, 2000, "1:2,2:5", [10, 10, 10, 0, 0, 0], [0, 0, 0], 1, [4.99944, 5.00015, 5.50088] },
        { "mda_spce_all_coords.lammpstrj.bz2", 11, 4500, 0, 1000, "1:1500,2:3000", [35.50635, 35.50635, 35.44719, 0, 0, 0], [0.02645, 0.02645, 0.02641], 1, [12.4986, 28.1114, 23.3456] },
        { "mdanse_lammps_moly_custom.lammpstrj", 11, 1024, 1, 11, "1:1024", [48, 48, 48, 0, 0, 0], [0, 0, 0], 1, [0, 0, 0] },
        { "mdanse_lammps_test_oldbox.lammpstrj", 25, 20, 2000, 50000, "1:1,2:1,3:1,4:1,5:3,6:3,7:1,8:1,9:1,10:2,11:1,12:1,13:3", [40, 40, 40, 0, 0, 0], [0, 0, 0], 1, [3.2899, 1.24446, 5.98076] },
        { "pyiron_dump.out", 6, 81, 0, 1000, "1:81", [9.312893, 9.312797, 9.312845, 0.02999984434408, 0, 0], [0, 0, 0], 1, [0.70225, 0.69774, 0] },
        { "pyiron_dump_average.out", 2, 2, 0, 100, "1:2", [2.855313, 2.855313, 2.855313, 0, 0, 0], [0, 0, 0], 1, [0, 0, 0] },
        // Not in MANIFEST.md: facts from the file itself (one frame, box 35..48, id 1 at lo + 13·s).
        { "pmg_dump.rdx_wc.50", 1, 21, 50, 50, "1:3,2:6,3:6,4:6", [13, 13, 13, 0, 0, 0], [35, 35, 35], 1, [39.264416, 41.423612, 38.961828] },
    };

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void ReadsManifestFacts(
        string file, int frames, int atoms, long firstStep, long lastStep, string typeCounts,
        double[] cell, double[] origin, long lowestId, double[] lowestPosition)
    {
        string path = TestPaths.Corpus("lammps/dump/" + file);
        using var reader = new LammpsDumpReader(path);
        Assert.Equal("lammps-dump", reader.FormatName);
        var frame = new Frame();
        var all = new List<Frame>();
        while (reader.Read(frame))
        {
            all.Add(frame.Clone());
        }

        Assert.Equal(frames, all.Count);
        Assert.Equal(frames, reader.FrameIndex);
        Frame first = all[0];
        Assert.Equal(firstStep, first.Step);
        Assert.Equal(lastStep, all[^1].Step);
        Assert.Equal(atoms, first.Count);

        string counts = string.Join(",", first.Types.GroupBy(t => t).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"));
        Assert.Equal(typeCounts, counts);

        Box box = first.Box;
        Assert.Equal(cell[0], box.A.X, BoxTolerance);
        Assert.Equal(cell[1], box.B.Y, BoxTolerance);
        Assert.Equal(cell[2], box.C.Z, BoxTolerance);
        Assert.Equal(cell[3], box.B.X, BoxTolerance);
        Assert.Equal(cell[4], box.C.X, BoxTolerance);
        Assert.Equal(cell[5], box.C.Y, BoxTolerance);
        Assert.Equal(0, box.A.Y);
        Assert.Equal(0, box.A.Z);
        Assert.Equal(0, box.B.Z);
        Assert.Equal(origin[0], box.Origin.X, BoxTolerance);
        Assert.Equal(origin[1], box.Origin.Y, BoxTolerance);
        Assert.Equal(origin[2], box.Origin.Z, BoxTolerance);

        Assert.Equal(lowestId, first.Ids[0]);
        Assert.Equal(lowestPosition[0], first.Positions[0].X, PositionTolerance);
        Assert.Equal(lowestPosition[1], first.Positions[0].Y, PositionTolerance);
        Assert.Equal(lowestPosition[2], first.Positions[0].Z, PositionTolerance);

        foreach (Frame f in all)
        {
            Assert.Equal(atoms, f.Count);
            Assert.Equal(first.Ids, f.Ids); // ordered by id, the same atoms in every frame
            Assert.True(f.Ids.Zip(f.Ids.Skip(1)).All(p => p.First < p.Second));
            Assert.All(f.Positions, r => Assert.True(r.IsFinite));
        }
    }

    [SkippableFact]
    public void OldBoxHeaderWithoutFlagsIsPeriodicAndKeepsImageFlags()
    {
        using var reader = new LammpsDumpReader(TestPaths.Corpus("lammps/dump/mdanse_lammps_test_oldbox.lammpstrj"));
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.Equal(PeriodicFlags.All, frame.Box.Periodic);
        Assert.NotNull(frame.Images);
        Assert.Equal(CoordinateKind.Wrapped, frame.Coordinates);
    }

    [SkippableFact]
    public void ImageVelocityForceColumns()
    {
        using var reader = new LammpsDumpReader(TestPaths.Corpus("lammps/dump/mda_image_vf.lammpstrj"));
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        // id 1 in frame 0: "1 0 1 0 4.99944 5.00015 5.50088 0 0 0 1.67739 0.920692 -2.57313 -0.00114452 0.000290546 -0.00139512"
        Assert.Equal(new Vec3(1.67739, 0.920692, -2.57313), frame.Velocities![0]);
        Assert.Equal(new Vec3(-0.00114452, 0.000290546, -0.00139512), frame.Forces![0]);
        Assert.Equal(0, frame.Charges![0]);
        Assert.Equal(["mol"], frame.ExtraNames);
        Assert.True(reader.Read(frame));
        // frame 1: "1 0 1 0 8.86026 1.45707 6.49955 1 1 -2 ..."
        Assert.Equal(new Int3(1, 1, -2), frame.Images![0]);
        Assert.Equal(new Vec3(8.86026, 1.45707, 6.49955), frame.Positions[0]);
    }

    [SkippableFact]
    public void UnwrappedOnlyDumpIsMarkedUnwrapped()
    {
        using var reader = new LammpsDumpReader(TestPaths.Corpus("lammps/dump/mda_chain_dump_1.lammpstrj"));
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.Equal(CoordinateKind.Unwrapped, frame.Coordinates);
        Assert.Null(frame.Images);
        Assert.NotNull(frame.Charges);
        Assert.Equal(["mol"], frame.ExtraNames);
    }

    [SkippableFact]
    public void ScaledUnwrappedTriclinicWithExtraColumns()
    {
        using var reader = new LammpsDumpReader(TestPaths.Corpus("lammps/dump/pyiron_dump_average.out"));
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.Equal(CoordinateKind.Unwrapped, frame.Coordinates);
        Assert.NotNull(frame.Velocities);
        Assert.NotNull(frame.Forces);
        Assert.Equal(9, frame.ExtraNames.Count);
        Assert.Equal("f_mean_positions[1]", frame.ExtraNames[0]);
    }

    [SkippableFact]
    public void ComputeColumnsAreKeptByName()
    {
        using var reader = new LammpsDumpReader(TestPaths.Corpus("lammps/dump/dpdata_traj_spin.dump"));
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.Equal(10, frame.ExtraNames.Count);
        Assert.Equal("c_spin[1]", frame.ExtraNames[0]);
        // "1 1 0.00141160 5.64868599 0.01005602 1.54706291 ..."
        Assert.Equal(1.54706291, frame.Extra("c_spin[1]")![0]);
    }

    [SkippableFact]
    public void NoTypeColumnNeedsASingleTypeMap()
    {
        string path = TestPaths.Corpus("lammps/dump/mda_additional_columns.lammpstrj");
        using (var reader = new LammpsDumpReader(path))
        {
            var e = Assert.Throws<InputFormatException>(() => reader.Read(new Frame()));
            Assert.Equal(9, e.Line);
            Assert.Contains("type", e.Detail);
            Assert.Contains("1=Cu", e.Detail);
        }

        using (var reader = new LammpsDumpReader(path, new ReadOptions { TypeMap = SpeciesMap.Parse("1=Cu") }))
        {
            var frame = new Frame();
            Assert.True(reader.Read(frame));
            Assert.Equal(10, frame.Count);
            Assert.All(frame.Types, t => Assert.Equal(1, t));
            Assert.Equal("Cu", frame.SpeciesName(0));
            Assert.Equal(new PeriodicFlags(true, true, false), frame.Box.Periodic);
            Assert.Equal(new Vec3(2.84, 8.17, -25), frame.Positions[0]);
            Assert.Equal(0.00258855, frame.Charges![0]);
            Assert.Equal(1.1, frame.Extra("p")![0]);
            Assert.Equal(42.6, frame.Box.A.X, BoxTolerance);
            Assert.Equal(-25.1, frame.Box.Origin.Z, BoxTolerance);
            Assert.False(reader.Read(frame));
        }
    }

    [SkippableFact]
    public void NoCoordinateColumnsIsAClearError()
    {
        using var reader = new LammpsDumpReader(TestPaths.Corpus("lammps/dump/mda_spce_no_coords.lammpstrj"));
        var e = Assert.Throws<InputFormatException>(() => reader.Read(new Frame()));
        Assert.Equal(9, e.Line);
        Assert.Contains("coordinate columns", e.Detail);
        Assert.Contains("id type", e.Detail);
    }

    [SkippableFact]
    public void DerivedImageFlagsUnwrapToTheUnwrappedColumns()
    {
        string path = TestPaths.Corpus("lammps/dump/mda_spce_all_coords.lammpstrj.bz2");
        List<Dictionary<long, Vec3>> unwrapped = ReadColumnsByHand(path, "xu", "yu", "zu");
        using var reader = new LammpsDumpReader(path);
        var frame = new Frame();
        int f = 0;
        int crossed = 0;
        while (reader.Read(frame))
        {
            Assert.Equal(CoordinateKind.Wrapped, frame.Coordinates);
            Assert.NotNull(frame.Images);
            for (int i = 0; i < frame.Count; i++)
            {
                Vec3 u = frame.Box.Unwrap(frame.Positions[i], frame.Images![i]);
                Vec3 expected = unwrapped[f][frame.Ids[i]];
                Assert.True((u - expected).Length < 1e-3, $"frame {f} id {frame.Ids[i]}: {u} vs {expected}");
                if (frame.Images[i] != Int3.Zero) crossed++;
            }

            f++;
        }

        Assert.Equal(11, f);
        Assert.True(crossed > 0, "expected some atoms with non-zero image flags");
    }

    [SkippableTheory]
    [InlineData("mdanse_lammps_moly_custom.lammpstrj")]
    [InlineData("mda_WIN_wat_crlf.lammpstrj")]
    [InlineData("mda_spce_all_coords.lammpstrj.bz2")]
    public void SkipThenReadEqualsDirectRead(string file)
    {
        string path = TestPaths.Corpus("lammps/dump/" + file);
        var direct = new List<Frame>();
        using (var reader = new LammpsDumpReader(path))
        {
            var frame = new Frame();
            while (reader.Read(frame))
            {
                direct.Add(frame.Clone());
            }
        }

        using (var reader = new LammpsDumpReader(path))
        {
            var frame = new Frame();
            for (int i = 0; i < direct.Count; i++)
            {
                if (i % 2 == 0)
                {
                    Assert.True(reader.Skip());
                }
                else
                {
                    Assert.True(reader.Read(frame));
                    LammpsDumpTestHelpers.AssertSameFrame(direct[i], frame, 0);
                }

                Assert.Equal(i + 1, reader.FrameIndex);
            }

            Assert.False(reader.Skip());
            Assert.False(reader.Read(frame));
        }
    }

    [SkippableFact]
    public void TriclinicCorpusFileRoundTripsThroughTheWriter()
    {
        string path = TestPaths.Corpus("lammps/dump/mda_albite_triclinic.dump");
        var original = new Frame();
        using (var reader = new LammpsDumpReader(path))
        {
            Assert.True(reader.Read(original));
        }

        string dir = TestPaths.NewTempDir();
        string output = Path.Combine(dir, "albite.dump");
        using (var writer = new LammpsDumpWriter(output))
        {
            writer.Write(original);
            writer.Complete();
        }

        var back = new Frame();
        using (var reader = new LammpsDumpReader(output))
        {
            Assert.True(reader.Read(back));
        }

        LammpsDumpTestHelpers.AssertSameFrame(original, back, 1e-12);
    }

    [SkippableFact]
    public void CutCompressedFileIsATruncationError()
    {
        string path = TestPaths.Corpus("lammps/dump/mda_spce_all_coords.lammpstrj.bz2");
        byte[] bytes = File.ReadAllBytes(path);
        string cut = Path.Combine(TestPaths.NewTempDir(), "cut.lammpstrj.bz2");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        using var reader = new LammpsDumpReader(cut);
        var frame = new Frame();
        var e = Assert.Throws<InputFormatException>(() =>
        {
            while (reader.Read(frame))
            {
            }
        });
        Assert.True(e.IsTruncation);
        Assert.InRange(e.CompleteFrames!.Value, 1, 6); // bzip2 gives data in whole blocks of 900 kB
        Assert.True(e.Line > 4509);
    }

    /// <summary>Parses the named columns by id with plain string handling, independently of the reader.</summary>
    private static List<Dictionary<long, Vec3>> ReadColumnsByHand(string path, string cx, string cy, string cz)
    {
        var frames = new List<Dictionary<long, Vec3>>();
        using var text = new StreamReader(InputFile.OpenRead(path));
        string? line;
        while ((line = text.ReadLine()) is not null)
        {
            if (!line.StartsWith("ITEM: ATOMS", StringComparison.Ordinal))
            {
                continue;
            }

            string[] names = line["ITEM: ATOMS".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int id = Array.IndexOf(names, "id"), ix = Array.IndexOf(names, cx), iy = Array.IndexOf(names, cy), iz = Array.IndexOf(names, cz);
            var map = new Dictionary<long, Vec3>();
            int pending = 4500;
            while (pending-- > 0 && (line = text.ReadLine()) is not null)
            {
                string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                map[long.Parse(f[id], CultureInfo.InvariantCulture)] = new Vec3(
                    double.Parse(f[ix], CultureInfo.InvariantCulture),
                    double.Parse(f[iy], CultureInfo.InvariantCulture),
                    double.Parse(f[iz], CultureInfo.InvariantCulture));
            }

            frames.Add(map);
        }

        return frames;
    }
}
