using GbAtomistics.Analysis.Profiles;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Profiles;

public sealed class ProfileAnalyzerTests
{
    private static ProfileResult Compute(ProfileOptions options, params Frame[] frames)
    {
        var analyzer = new ProfileAnalyzer(options);
        ProfileAccumulator acc = analyzer.Begin(frames[0]);
        foreach (Frame f in frames)
        {
            acc.Accumulate(f);
        }

        return analyzer.Finish(acc);
    }

    [Fact]
    public void APerfectCrystalIsUniformWithSlabsOfWholeCells()
    {
        double a = 5.64;
        Frame crystal = Crystals.Build(Crystals.RockSalt, a, 4);
        // One slab per unit cell along z, shifted by a quarter cell so no atomic layer lies on a slab edge.
        for (int i = 0; i < crystal.Count; i++)
        {
            crystal.Positions[i] += new Vec3(0, 0, 0.25 * a);
        }

        ProfileResult result = Compute(new ProfileOptions(2, 4), crystal);
        double nOverV = crystal.Count / crystal.Box.Volume;
        Assert.Equal(nOverV, result.MeanDensity, 12);
        Assert.Equal(["Na", "Cl"], result.Species);
        for (int b = 0; b < 4; b++)
        {
            Assert.Equal(nOverV, result.TotalDensity()[b], 12);
            Assert.Equal(nOverV / 2, result.Density(0)[b], 12);
            Assert.Equal(0.5, result.Composition(1)[b], 12);
        }

        Assert.Equal(4 * a * 0.125, result.SlabCentresAngstrom[0], 12);
    }

    [Fact]
    public void AnIdealGasIsUniformWithinPoissonNoise()
    {
        var random = new Random(9);
        const int atoms = 2000, frames = 10, bins = 20;
        Frame[] gas = Enumerable.Range(0, frames).Select(_ => Crystals.IdealGas(atoms, 25, random)).ToArray();
        ProfileResult result = Compute(new ProfileOptions(0, bins), gas);
        double rho = atoms / (25.0 * 25 * 25);
        double perSlab = (double)atoms * frames / bins;
        double sigma = rho / Math.Sqrt(perSlab);
        Assert.All(result.TotalDensity(), d => Assert.True(Math.Abs(d - rho) < 4.5 * sigma, $"{d} vs {rho} ± {sigma}"));
    }

    [Fact]
    public void TheCsvHasUnitsInItsHeaderAndOneRowPerSlab()
    {
        ProfileResult result = Compute(new ProfileOptions(2, 8), Crystals.Build(Crystals.Antiperovskite, 3.91, 2));
        string[] lines = result.ToCsv().TrimEnd('\n').Split('\n');
        Assert.Equal(9, lines.Length);
        Assert.StartsWith("s_fractional_c,position_angstrom,density_Li_per_angstrom3", lines[0]);
        Assert.Contains("fraction_Cl", lines[0]);
    }

    [Fact]
    public void BadSlabCountsNameTheOption() =>
        Assert.Contains("--profile-bins", Assert.Throws<InputException>(() => new ProfileOptions(2, 0)).Message);
}
