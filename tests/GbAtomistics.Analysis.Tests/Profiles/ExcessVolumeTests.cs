using GbAtomistics.Analysis.Profiles;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Profiles;

/// <summary>Boundary excess volume on layered crystals whose answer is known in closed form.</summary>
public sealed class ExcessVolumeTests
{
    /// <summary>
    /// A crystal of 16 atomic columns on a 2 Å square grid (A = 8 × 8 Å²), each column with one atom every 2 Å along z
    /// and the columns offset by 0.125 Å from each other, so that any window of whole 0.5 Å slabs inside a grain holds
    /// exactly length/0.125 atoms: the interior density is 1/8 atoms/Å³ wherever the window falls. Each grain is 20 Å
    /// thick; <paramref name="gap"/> Å of empty space follows each grain (the expanded slab at each boundary).
    /// </summary>
    private static Frame Columns(double gap)
    {
        double length = 2 * (20 + gap);
        var frame = new Frame { Box = Box.Orthogonal(8, 8, length), Species = SpeciesMap.FromOrderedNames(["Ar"]) };
        frame.Resize(2 * 10 * 16);
        int k = 0;
        for (int grain = 0; grain < 2; grain++)
        for (int c = 0; c < 16; c++)
        for (int layer = 0; layer < 10; layer++)
        {
            frame.Ids[k] = k + 1;
            frame.Types[k] = 1;
            frame.Positions[k] = new Vec3(2 * (c % 4), 2 * (c / 4), (grain * (20 + gap)) + 0.0625 + (0.125 * c) + (2 * layer));
            k++;
        }

        return frame;
    }

    private static ProfileResult Profile(Frame frame, int bins)
    {
        var analyzer = new ProfileAnalyzer(new ProfileOptions(2, bins));
        ProfileAccumulator acc = analyzer.Begin(frame);
        acc.Accumulate(frame);
        return analyzer.Finish(acc);
    }

    [Fact]
    public void APerfectCrystalHasNoExcessVolume()
    {
        Frame crystal = Columns(0);
        ProfileResult profile = Profile(crystal, 80);
        var gb = new SlabRegion(2, [0.25, 0.75], 3);
        ExcessVolumeResult interior = ExcessVolume.Compute(profile, gb);
        Assert.Equal(0.0, interior.ExcessPerArea!.Value, 9);
        Assert.Equal("grain interiors", interior.BulkSource);
        Assert.Equal(0.125, interior.InteriorDensity!.Value, 12);
        ExcessVolumeResult reference = ExcessVolume.Compute(profile, gb, 0.125);
        Assert.Equal(0.0, reference.ExcessPerArea!.Value, 9);
        Assert.Equal("bulk reference", reference.BulkSource);
    }

    /// <summary>
    /// Two grains, each followed by a 1 Å gap: V = 64 × 42 Å³, N = 320, v_bulk = 8 Å³, two boundaries, so
    /// δV/A = (2688 − 2560)/(2 × 64) = 1 Å, the width of each gap. The GB slabs (gap centre ± 2 Å) leave interior slabs
    /// inside the grains only, so the interior estimate is exact too.
    /// </summary>
    [Fact]
    public void AnExpandedSlabGivesItsWidthAsExcessVolume()
    {
        const double gap = 1.0;
        Frame bicrystal = Columns(gap);
        double length = 2 * (20 + gap);
        ProfileResult profile = Profile(bicrystal, 84);
        var gb = new SlabRegion(2, [20.5 / length, 41.5 / length], 2);
        ExcessVolumeResult result = ExcessVolume.Compute(profile, gb);
        Assert.Equal(gap, result.ExcessPerArea!.Value, 9);
        Assert.Equal(2, result.Boundaries);
        Assert.Equal(2 * 34, result.InteriorSlabs); // [1.5, 18.5] and [22.5, 39.5] Å in 0.5 Å slabs
        Assert.Equal(gap, ExcessVolume.Compute(profile, gb, 0.125).ExcessPerArea!.Value, 9);

        // A bulk reference 1 % denser than the grains: δV/A = (L/n)(1 − ρ̄/ρ_ref) moves accordingly.
        double denser = 0.125 * 1.01;
        double expected = length / 2 * (1 - (320 / (64 * length) / denser));
        Assert.Equal(expected, ExcessVolume.Compute(profile, gb, denser).ExcessPerArea!.Value, 9);
        Assert.Equal(gap, ExcessVolume.Compute(profile, gb, denser).InteriorExcessPerArea!.Value, 9);
    }
}
