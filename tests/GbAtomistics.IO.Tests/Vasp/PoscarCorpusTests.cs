using GbAtomistics.Core;
using GbAtomistics.IO.Tests;
using GbAtomistics.IO.Vasp;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Vasp;

/// <summary>Every POSCAR/CONTCAR of the shared corpus against its MANIFEST facts.</summary>
public sealed class PoscarCorpusTests
{
    public static TheoryData<string, int, string, double[], double, double[], double[], bool, bool> Files => new()
    {
        { "dpdata_CONTCAR.h2o.md", 6, "O:2,H:4", [10, 0, 0, -0.011409, 10, 0, 0.141108, -0.059557, 10], 1000.0, [4.34833, 4.208268, 5.200537], [0.427978, 0.423924, 0.520054], false, true },
        { "dpdata_POSCAR.P42nmc", 96, "Hf:32,O:64", [10.00128, 0, 0, 0, 10.00128, 0, 0, 0, 10.16384], 1016.6442, [0, 0, 0], [0, 0, 0], false, false },
        { "dpdata_POSCAR.h2o.md", 6, "O:2,H:4", [10, 0, 0, -0.011409, 10, 0, 0.141108, -0.059557, 10], 1000.0, [4.348539, 4.20903, 5.2], [0.428, 0.424, 0.52], false, false },
        { "dpdata_POSCAR.oh.c", 2, "O:1,H:1", [0, 1.785, 1.785, 1.6065, 0, 1.785, 1.9635, 1.8207, 0], 11.4772, [0, 0, 0], [0, 0, 0], true, false },
        { "gvasp_CONTCAR", 11, "H:5,C:5,N:1", [10, 0, 0, 0, 11, 0, 0, 0, 12], 1320.0, [2.747366, 5.394307, 6.259067], [0.274737, 0.490392, 0.521589], true, true },
        { "gvasp_CONTCAR_fix", 152, "Ce:48,H:3,N:1,O:99,W:1", [13.349089, -7.7071, 0, 0, 15.4142, 0, 0, 0, 19.865999], 4087.7378, [9.140121, -5.027033, 1.176464], [0.6847, 0.01622, 0.05922], true, true },
        { "gvasp_POSCAR_IS_tabs", 192, "Au:192", [20.417833, 0, 0, -10.208916, 17.682362, 0, 0, 0, 22.218794], 8021.7736, [-0.361081, 0.785883, 1.028449], [0.004538, 0.044444, 0.046287], true, false },
        { "pmgdiff_CONTCAR-0_LiFePO4_vac", 111, "Li:15,Fe:16,P:16,O:64", [10.411723, 0, 0, 0, 12.078352, 0, 0, 0, 9.4776], 1191.8693, [5.187402, 8.920524, 2.416781], [0.498227, 0.738555, 0.254999], false, false },
        { "pmgdiff_Li4Sr3Fe2O7_uc.vasp", 16, "Sr:3,Fe:2,O:7,Li:4", [3.830636, -0.010074, -0.7793, -0.145309, 3.827891, -0.7793, 0.155078, 0.160654, 10.545285], 155.5744, [2.57515, 2.667729, 2.796861], [0.683347, 0.683347, 0.366223], false, false },
        { "pmgdiff_POSCAR_NaZr2P3O12", 36, "Na:2,Zr:4,P:6,O:24", [-4.4075, -7.634014, 0, 4.4075, -7.634014, 0, 0, -5.089343, 7.582], 510.2218, [0, 0, 0], [0, 0, 0], false, false },
        { "pyiron_POSCAR_diff_species_ovito", 3, "Ca:1,Mg:1,Al:1", [12.452425, 0, 1.6e-05, -3.113106, 5.392045, -4e-06, 5.3e-05, 0, 40.469719], 2717.3004, [6.226205, 9e-06, 1.903967], [0.5, 2e-06, 0.047047], false, false },
        { "pyiron_POSCAR_metadyn", 6, "C:1,H:3,Cl:2", [12, 0, 0, 0, 12, 0, 0, 0, 12], 1728.0, [6.395384, 6.789003, 5.953607], [0.532949, 0.56575, 0.496134], false, false },
        // VASP 4: species from the title "H Zn" (pymatgen's H/He guess is wrong).
        { "pyiron_POSCAR_no_species", 33, "H:1,Zn:32", [7.9, 0, 0, 0, 7.9, 0, 0, 0, 7.9], 493.039, [0.9875, 0.9875, 0.9875], [0.125, 0.125, 0.125], true, false },
        { "pyiron_POSCAR_velocity", 19, "H:2,Mg:10,Ne:3,O:4", [16.88201, 0, 0, -18.087868, 21.521124, 0, 0, 0, 34.112954], 12393.9127, [-12.580477, 18.414347, 13.808094], [0.171558, 0.855641, 0.404776], true, true },
        // Negative scale = target volume: pymatgen's a = 3.63 Å and V = 47.832147 Å³ are right (ASE's −191.33 Å is wrong).
        { "pyiron_POSCAR_volume_scaled", 256, "Cu:256", [3.63, 0, 0, 0, 3.63, 0, 0, 0, 3.63], 47.832147, [0, 0, 0], [0, 0, 0], false, false },
    };

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void MatchesManifest(string file, int atoms, string counts, double[] cell, double volume, double[] cart, double[] frac, bool selective, bool velocities)
    {
        string path = TestPaths.Corpus("vasp/poscar/" + file);
        using var reader = new PoscarReader(path);
        Assert.Equal("vasp-poscar", reader.FormatName);
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.False(reader.Read(frame));
        Assert.Equal(1, reader.FrameIndex);

        Assert.Equal(atoms, frame.Count);
        Assert.Equal(counts, CountsBySpecies(frame));
        for (int i = 0; i < atoms; i++)
        {
            Assert.Equal(i + 1, frame.Ids[i]);
        }

        Box box = frame.Box;
        Vec3[] rows = [box.A, box.B, box.C];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(cell[3 * r + c], rows[r][c], 1e-5);
            }
        }

        Assert.Equal(volume, box.Volume, 2e-4);
        Assert.Equal(Vec3.Zero, box.Origin);
        Assert.Equal(PeriodicFlags.All, box.Periodic);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(cart[k], frame.Positions[0][k], 1e-5);
            Assert.Equal(frac[k], box.ToFractional(frame.Positions[0])[k], 1e-5);
        }

        Assert.Equal(selective, frame.Extra("sd_x") is not null);
        Assert.Equal(velocities, frame.Velocities is not null);
    }

    internal static string CountsBySpecies(Frame frame)
    {
        var counts = new List<(string Name, int Count)>();
        for (int i = 0; i < frame.Count; i++)
        {
            string name = frame.SpeciesName(i);
            int k = counts.FindIndex(p => p.Name == name);
            if (k < 0)
            {
                counts.Add((name, 1));
            }
            else
            {
                counts[k] = (name, counts[k].Count + 1);
            }
        }

        return string.Join(',', counts.Select(p => $"{p.Name}:{p.Count}"));
    }

    [SkippableFact]
    public void CartesianCoordinatesAreMultipliedByTheScale()
    {
        using var reader = new PoscarReader(TestPaths.Corpus("vasp/poscar/dpdata_POSCAR.oh.c"));
        var frame = new Frame();
        reader.Read(frame);
        Assert.Equal(0.25 * 3.57, frame.Positions[1].X, 1e-12);
        Assert.Equal(0.25 * 3.57, frame.Positions[1].Z, 1e-12);
        Assert.Equal([1.0, 0.0], frame.Extra("sd_x")!);
        Assert.Equal([0.0, 0.0], frame.Extra("sd_z")!);
        Assert.Equal("O", frame.Species!.NameOf(1));
        Assert.Equal("H", frame.Species!.NameOf(2));
    }

    [SkippableFact]
    public void NegativeScaleIsTheCellVolumeAndScalesCartesianCoordinates()
    {
        using var reader = new PoscarReader(TestPaths.Corpus("vasp/poscar/pyiron_POSCAR_volume_scaled"));
        var frame = new Frame();
        reader.Read(frame);
        double s = Math.Cbrt(47.832147 / 64);
        Assert.Equal(47.832147, frame.Box.Volume, 1e-9);
        Assert.Equal(s, frame.Positions[1].Z, 1e-12); // file line "0 0 1"
    }

    [SkippableFact]
    public void VelocitiesAreConvertedFromAngstromPerFsToAngstromPerPs()
    {
        using var reader = new PoscarReader(TestPaths.Corpus("vasp/poscar/pyiron_POSCAR_velocity"));
        var frame = new Frame();
        reader.Read(frame);
        Assert.Equal(1.5272256, frame.Velocities![0].X, 1e-12);
        Assert.Equal(66.860489, frame.Velocities[0].Y, 1e-10);
        Assert.Equal(20.945513, frame.Velocities[0].Z, 1e-10);
        Assert.Equal(1.0, frame.Extra("sd_x")![0]);
        Assert.Equal(0.0, frame.Extra("sd_x")![2]);
    }

    [SkippableFact]
    public void ContcarPredictorCorrectorBlockIsIgnored()
    {
        using var reader = new PoscarReader(TestPaths.Corpus("vasp/poscar/dpdata_CONTCAR.h2o.md"));
        var frame = new Frame();
        reader.Read(frame);
        Assert.Equal(-0.077785652, frame.Velocities![0].X, 1e-12);
        Assert.Equal(-9.7703024, frame.Velocities[5].X, 1e-10);
    }

    [SkippableFact]
    public void TypeMapOverridesAndNamesVasp4Species()
    {
        var options = new ReadOptions { TypeMap = SpeciesMap.Parse("1=Li,2=Cl") };
        using var reader = new PoscarReader(TestPaths.Corpus("vasp/poscar/pyiron_POSCAR_no_species"), options);
        var frame = new Frame();
        reader.Read(frame);
        Assert.Equal("Li:1,Cl:32", CountsBySpecies(frame));
    }
}
