using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;

namespace GbAtomistics.Analysis.Profiles;

/// <summary>
/// Raw sums of the profiles: per species and slab the Σ over frames of count/(V/bins) (atoms/Å³) and of the count,
/// the Σ of the perpendicular width and of N/V. Accumulators of disjoint frame blocks merge.
/// </summary>
public sealed class ProfileAccumulator : IReducibleAccumulator
{
    private readonly ProfileOptions _options;
    private readonly SpeciesIndex _species;
    private readonly long[] _frameCounts;

    internal ProfileAccumulator(ProfileOptions options, SpeciesIndex species)
    {
        _options = options;
        _species = species;
        DensitySum = new double[species.Count * options.Bins];
        CountSum = new long[species.Count * options.Bins];
        _frameCounts = new long[species.Count * options.Bins];
    }

    internal IReadOnlyList<string> SpeciesNames => _species.Names;

    /// <summary>Σ over frames of count / slab volume (Å⁻³), [species * bins + slab].</summary>
    internal double[] DensitySum { get; }

    /// <summary>Σ over frames of the count, [species * bins + slab].</summary>
    internal long[] CountSum { get; }

    internal double WidthSum { get; private set; }

    /// <summary>Σ over frames of N/V over all atoms (Å⁻³).</summary>
    internal double MeanDensitySum { get; private set; }

    public int Frames { get; private set; }

    public void Accumulate(Frame frame)
    {
        int bins = _options.Bins;
        int axis = _options.NormalAxis;
        Box box = frame.Box;
        Array.Clear(_frameCounts);
        int counted = 0;
        for (int i = 0; i < frame.Count; i++)
        {
            int sp = _species.Of(frame, i);
            if (sp < 0)
            {
                continue;
            }

            double s = box.ToFractional(frame.Positions[i])[axis];
            s -= Math.Floor(s);
            _frameCounts[(sp * bins) + Math.Clamp((int)(s * bins), 0, bins - 1)]++;
            counted++;
        }

        double slabVolume = box.Volume / bins;
        for (int k = 0; k < _frameCounts.Length; k++)
        {
            DensitySum[k] += _frameCounts[k] / slabVolume;
            CountSum[k] += _frameCounts[k];
        }

        WidthSum += box.PerpendicularWidths[axis];
        MeanDensitySum += counted / box.Volume;
        Frames++;
    }

    /// <inheritdoc/>
    public SumBuffer Sums() => new SumBuffer()
        .Add(DensitySum).Add(CountSum)
        .Add(() => WidthSum, v => WidthSum = v).Add(() => MeanDensitySum, v => MeanDensitySum = v).Add(() => Frames, v => Frames = (int)v);

    public void Merge(IFrameAccumulator other)
    {
        if (other is not ProfileAccumulator o || o.DensitySum.Length != DensitySum.Length)
        {
            throw new ArgumentException("accumulators of different profile set-ups cannot be merged", nameof(other));
        }

        for (int k = 0; k < DensitySum.Length; k++)
        {
            DensitySum[k] += o.DensitySum[k];
            CountSum[k] += o.CountSum[k];
        }

        WidthSum += o.WidthSum;
        MeanDensitySum += o.MeanDensitySum;
        Frames += o.Frames;
    }
}
