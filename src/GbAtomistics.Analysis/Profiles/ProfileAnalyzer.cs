using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Profiles;

/// <summary>
/// Profiles along the boundary normal in slabs of equal fractional width (each of volume V/bins): number density of
/// each species ρ_s(slab) = ⟨N_s(slab) / (V/bins)⟩ over frames (atoms/Å³), and composition x_s(slab) =
/// Σ N_s(slab) / Σ N(slab) over frames. Slabs follow the box, so NPT runs are right. Positions are slab centres in
/// Å from the cell origin along the normal, using the mean perpendicular width.
/// </summary>
public sealed class ProfileAnalyzer
{
    public ProfileAnalyzer(ProfileOptions options)
    {
        Options = options;
    }

    public ProfileOptions Options { get; }

    public ProfileAccumulator Begin(Frame first) => new(Options, new SpeciesIndex(first));

    public ProfileResult Finish(ProfileAccumulator accumulator)
    {
        int bins = Options.Bins;
        int species = accumulator.SpeciesNames.Count;
        int frames = accumulator.Frames;
        var density = new double[species][];
        var composition = new double[species][];
        for (int sp = 0; sp < species; sp++)
        {
            density[sp] = new double[bins];
            composition[sp] = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                density[sp][b] = frames > 0 ? accumulator.DensitySum[(sp * bins) + b] / frames : double.NaN;
                long total = 0;
                for (int t = 0; t < species; t++)
                {
                    total += accumulator.CountSum[(t * bins) + b];
                }

                composition[sp][b] = total > 0 ? (double)accumulator.CountSum[(sp * bins) + b] / total : double.NaN;
            }
        }

        return new ProfileResult(
            Options,
            frames,
            accumulator.SpeciesNames.ToArray(),
            frames > 0 ? accumulator.WidthSum / frames : double.NaN,
            frames > 0 ? accumulator.MeanDensitySum / frames : double.NaN,
            density,
            composition);
    }
}
