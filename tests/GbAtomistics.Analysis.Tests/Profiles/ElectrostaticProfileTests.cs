using GbAtomistics.Analysis.Profiles;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Profiles;

/// <summary>The 1-D Poisson solution against electrostatics done by hand.</summary>
public sealed class ElectrostaticProfileTests
{
    private static ProfileResult Profile(Frame frame, int bins)
    {
        var analyzer = new ProfileAnalyzer(new ProfileOptions(2, bins));
        ProfileAccumulator acc = analyzer.Begin(frame);
        acc.Accumulate(frame);
        return analyzer.Finish(acc);
    }

    /// <summary>Sheets of +σ at L/4 and −σ at 3L/4: a periodic capacitor.</summary>
    private static Frame Capacitor(double lx, double ly, double lz, int perSheet)
    {
        var frame = new Frame { Box = Box.Orthogonal(lx, ly, lz), Species = SpeciesMap.FromOrderedNames(["Na", "Cl"]) };
        frame.Resize(2 * perSheet);
        var random = new Random(3);
        for (int i = 0; i < 2 * perSheet; i++)
        {
            frame.Ids[i] = i + 1;
            frame.Types[i] = i < perSheet ? 1 : 2;
            frame.Positions[i] = new Vec3(lx * random.NextDouble(), ly * random.NextDouble(), i < perSheet ? lz / 4 : 3 * lz / 4);
        }

        return frame;
    }

    [Fact]
    public void PeriodicCapacitorHasTheTextbookFieldAndPotentialDifference()
    {
        // σ = N/(Lx Ly) e/Å²; zero mean field: E = +σ/(2ε₀) between the sheets and −σ/(2ε₀) outside, and the
        // potential drops by σ L/(4ε₀) from the positive to the negative sheet; each sheet is spread over its slab of
        // width h, which makes the drop between the slab centres σ (L − h)/(4ε₀).
        double lx = 10, ly = 12, lz = 40;
        int n = 30;
        ProfileResult profile = Profile(Capacitor(lx, ly, lz, n), 80);
        ElectrostaticProfile p = ElectrostaticProfile.Compute(profile, [1, -1]);
        double sigma = n / (lx * ly);
        double field = ElectrostaticProfile.InverseEpsilon0 * sigma / 2;
        Assert.Equal(field, p.Field[40], 9);       // centre of the cell: between the sheets
        Assert.Equal(-field, p.Field[5], 9);       // near z = 0: outside
        Assert.Equal(-field, p.Field[75], 9);
        int plus = 20, minus = 60;                 // the slabs that hold the sheets (centres at L/4 and 3L/4)
        double h = lz / 80;
        Assert.Equal(ElectrostaticProfile.InverseEpsilon0 * sigma * (lz - h) / 4, p.Potential[plus] - p.Potential[minus], 9);
        Assert.Equal(0, p.Potential.Average(), 12);
        Assert.Equal(0, p.Field.Average(), 12);
        Assert.Equal(sigma / (lz / 80), p.ChargeDensity[plus], 9);
    }

    [Fact]
    public void PerfectCrystalHasAPeriodicPotentialThatTheMacroscopicAverageFlattens()
    {
        // CsCl: (001) layers of Cs and of Cl alternate every a/2.
        double a = 4.12;
        Frame crystal = Crystals.Build([("Cs", new Vec3(0, 0, 0)), ("Cl", new Vec3(0.5, 0.5, 0.5))], a, 4);
        for (int i = 0; i < crystal.Count; i++)
        {
            crystal.Positions[i] += new Vec3(0, 0, 0.3 * a / 40); // no layer on a slab edge
        }

        ProfileResult profile = Profile(crystal, 160);    // 40 slabs per cell, (001) layers every a/2
        ElectrostaticProfile planar = ElectrostaticProfile.Compute(profile, [1, -1]);
        Assert.True(planar.Potential.Max() - planar.Potential.Min() > 1, "layers of opposite charge give a planar-average ripple of volts");
        for (int b = 0; b < 120; b++)
        {
            // the ripple repeats with the lattice (a = 40 slabs) and changes sign with the layer (a/2 = 20 slabs)
            Assert.Equal(planar.Potential[b], planar.Potential[b + 40], 9);
            Assert.Equal(-planar.Potential[b], planar.Potential[b + 20], 9);
        }

        ElectrostaticProfile averaged = ElectrostaticProfile.Compute(profile, [1, -1], windowAngstrom: a);
        Assert.True(averaged.MacroscopicPotential!.Max() - averaged.MacroscopicPotential!.Min() < 1e-9, "one lattice period of averaging leaves a flat potential");
        var region = new SlabRegion(2, [0.25, 0.75], 2);
        Assert.All(averaged.Steps(region, profile.MeanWidth), step => Assert.Equal(0, step, 9));
    }

    [Fact]
    public void ChargedCellsAndBadWindowsAreRefused()
    {
        Frame frame = Capacitor(10, 10, 20, 10);
        ProfileResult profile = Profile(frame, 20);
        Assert.Contains("net charge", Assert.Throws<InputException>(() => ElectrostaticProfile.Compute(profile, [1, -0.5])).Message);
        Assert.Contains("--average", Assert.Throws<InputException>(() => ElectrostaticProfile.Compute(profile, [1, -1], 25)).Message);
    }
}
