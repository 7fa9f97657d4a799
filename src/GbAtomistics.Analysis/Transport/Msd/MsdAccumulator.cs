using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;

namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// Streams a trajectory in time order: unwraps every frame, applies the drift correction, and keeps only the
/// unwrapped positions of the selected atoms (T × N × 3 doubles), their region membership, the charge displacement
/// sum and the volumes. Frames must arrive in order, so this accumulator runs on one thread; the MSD itself is computed
/// in parallel over blocks of atoms in <see cref="MsdAnalyzer.Finish"/>.
/// </summary>
public sealed class MsdAccumulator : IFrameAccumulator
{
    private readonly Unwrapper _unwrapper;
    private readonly List<double[]> _positions = [];
    private readonly List<byte[]> _inRegion = [];
    private readonly List<double> _charge = [];
    private readonly double[]? _driftWeights;
    private Vec3 _driftOrigin;

    internal MsdAccumulator(MsdOptions options, int[] selected, Vec3 normal, double[]? driftWeights, int[]? chargedAtoms, double[]? charges, double? speciesCharge, bool splitOverRanks = true)
    {
        SpeciesCharge = speciesCharge;
        Options = options;
        Selected = selected;
        Normal = normal;
        _driftWeights = driftWeights;
        ChargedAtoms = chargedAtoms;
        Charges = charges;
        _unwrapper = new Unwrapper(options.Unwrap);
        (StoredFrom, StoredTo) = splitOverRanks ? MsdAnalyzer.RankAtoms(selected.Length) : (0, selected.Length);
    }

    /// <summary>
    /// The selected atoms whose positions are kept, [<see cref="StoredFrom"/>, <see cref="StoredTo"/>): all of them
    /// serially; under MPI those of this rank's atom blocks, so that memory per rank is frames × atoms / ranks.
    /// </summary>
    internal int StoredFrom { get; }

    /// <inheritdoc cref="StoredFrom"/>
    internal int StoredTo { get; }

    public MsdOptions Options { get; }

    internal int[] Selected { get; }

    internal Vec3 Normal { get; }

    internal int[]? ChargedAtoms { get; }

    internal double? SpeciesCharge { get; }

    internal double[]? Charges { get; }

    internal IReadOnlyList<double[]> Positions => _positions;

    internal IReadOnlyList<byte[]> InRegion => _inRegion;

    /// <summary>Σ_i q_i u_i(t), three numbers per frame (e·Å), when charges were given.</summary>
    internal IReadOnlyList<double> ChargeDisplacement => _charge;

    internal List<double?> Times { get; } = [];

    internal List<long> Steps { get; } = [];

    internal Unwrapper Unwrapper => _unwrapper;

    internal double VolumeSum { get; private set; }

    internal double RegionVolumeSum { get; private set; }

    internal double RegionAtomSum { get; private set; }

    public int Frames => _positions.Count;

    public void Accumulate(Frame frame)
    {
        _unwrapper.Update(frame);
        ReadOnlySpan<Vec3> u = _unwrapper.Positions;
        Vec3 shift = Vec3.Zero;
        if (_driftWeights is not null)
        {
            Vec3 com = Vec3.Zero;
            double total = 0;
            for (int i = 0; i < u.Length; i++)
            {
                double w = _driftWeights[i];
                if (w != 0)
                {
                    com += w * u[i];
                    total += w;
                }
            }

            com /= total;
            if (_positions.Count == 0)
            {
                _driftOrigin = com;
            }

            shift = com - _driftOrigin;
        }

        var stored = new double[(StoredTo - StoredFrom) * 3];
        for (int j = StoredFrom; j < StoredTo; j++)
        {
            Vec3 p = u[Selected[j]] - shift;
            int o = 3 * (j - StoredFrom);
            stored[o] = p.X;
            stored[o + 1] = p.Y;
            stored[o + 2] = p.Z;
        }

        _positions.Add(stored);
        Times.Add(frame.Time);
        Steps.Add(frame.Step);
        VolumeSum += frame.Box.Volume;

        if (Options.Region is { } region)
        {
            var inside = new byte[StoredTo - StoredFrom];
            int count = 0;
            for (int j = 0; j < Selected.Length; j++)
            {
                if (region.Contains(frame.Box, frame.Positions[Selected[j]]))
                {
                    if (j >= StoredFrom && j < StoredTo)
                    {
                        inside[j - StoredFrom] = 1;
                    }

                    count++;
                }
            }

            _inRegion.Add(inside);
            RegionAtomSum += count;
            RegionVolumeSum += region.Volume(frame.Box);
        }

        if (ChargedAtoms is not null && Charges is not null)
        {
            Vec3 m = Vec3.Zero;
            double q = 0;
            for (int j = 0; j < ChargedAtoms.Length; j++)
            {
                m += Charges[j] * u[ChargedAtoms[j]];
                q += Charges[j];
            }

            m -= q * shift;
            _charge.Add(m.X);
            _charge.Add(m.Y);
            _charge.Add(m.Z);
        }
    }

    /// <summary>Not supported: the MSD needs every frame in order in one accumulator (run it on one thread).</summary>
    public void Merge(IFrameAccumulator other) =>
        throw new InvalidOperationException("the MSD accumulator needs all frames in time order; run it with one frame worker (it parallelises over atoms in Finish)");
}
