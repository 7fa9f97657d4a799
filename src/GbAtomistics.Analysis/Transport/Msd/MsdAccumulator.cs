using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;
using GbAtomistics.Core.Unwrapping;

namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// Streams a trajectory in time order: unwraps every frame, applies the drift correction, and keeps only the
/// unwrapped positions of the selected atoms (T × N × 3 doubles), their region membership, the charge displacement
/// sum and the volumes. Frames must arrive in order, so this accumulator runs on one thread; the MSD itself is computed
/// in parallel over blocks of atoms in <see cref="MsdAnalyzer.Finish"/>.
/// </summary>
/// <remarks>
/// Under MPI with a trajectory split into byte ranges (<see cref="IFrameBlockAccumulator"/>), each rank reads its own
/// block of consecutive frames and keeps every selected atom. <see cref="ExchangeOverRanks"/> joins the blocks so that
/// the result is the serial one bit for bit: with unwrapped columns or image flags the positions of a frame do not
/// depend on earlier frames and only the drift origin (the centre of the file's first frame) is handed over; with
/// minimum-image unwrapping each rank keeps its frames' steps, and the serial recurrence u(t) = u(t−1) + step(t) runs
/// block after block, each rank continuing from the continuous and wrapped positions of the last frame before its
/// block (one hand-over per rank, a pass over memory, cheap beside the parsing). An all-to-all exchange then gives
/// each rank every frame of its own atom blocks, so memory per rank is frames × atoms / ranks after the exchange
/// (frames / ranks × all atoms while reading, with minimum-image unwrapping), and the times, steps, volumes and
/// warnings are gathered.
/// </remarks>
public sealed class MsdAccumulator : IFrameBlockAccumulator
{
    private readonly Unwrapper _unwrapper;
    private readonly List<double[]> _positions = [];
    private readonly List<byte[]> _inRegion = [];
    private readonly List<double> _charge = [];
    private readonly double[]? _driftWeights;
    private readonly bool _splitOverRanks;
    private readonly double _totalCharge; // Σ of Charges in their order, as Store adds it
    private Vec3 _driftOrigin;

    // A block of frames read by this rank alone (HoldFrameBlock): positions are kept without the drift shift, whose
    // centre of mass per frame is kept instead, and the first and last wrapped frames for the junctions.
    private bool _block;
    private readonly List<Vec3> _blockCentre = [];
    private readonly List<Vec3[]> _blockSteps = [];
    private readonly List<double> _blockVolumes = [];
    private Vec3[]? _firstWrapped;
    private Box? _firstBox;
    private Vec3[]? _lastWrapped;
    private UnwrapMode? _unwrapMode;
    private string? _unwrapWarning;

    internal MsdAccumulator(MsdOptions options, int atomCount, int[] selected, Vec3 normal, double[]? driftWeights, int[]? chargedAtoms, double[]? charges, double? speciesCharge, bool splitOverRanks = true)
    {
        AtomCount = atomCount;
        SpeciesCharge = speciesCharge;
        Options = options;
        Selected = selected;
        Normal = normal;
        _driftWeights = driftWeights;
        ChargedAtoms = chargedAtoms;
        Charges = charges;
        _unwrapper = new Unwrapper(options.Unwrap);
        _splitOverRanks = splitOverRanks;
        foreach (double q in charges ?? [])
        {
            _totalCharge += q;
        }

        (StoredFrom, StoredTo) = Share(MpiWorld.Rank);
    }

    /// <summary>
    /// The selected atoms whose positions are kept, [<see cref="StoredFrom"/>, <see cref="StoredTo"/>): all of them
    /// serially; under MPI those of this rank's atom blocks, so that memory per rank is frames × atoms / ranks.
    /// </summary>
    internal int StoredFrom { get; private set; }

    /// <inheritdoc cref="StoredFrom"/>
    internal int StoredTo { get; private set; }

    public MsdOptions Options { get; }

    /// <summary>Atoms per frame (all species).</summary>
    internal int AtomCount { get; }

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

    /// <summary>How positions were unwrapped (decided on the first frame).</summary>
    internal UnwrapMode UnwrapMode => _unwrapMode ?? _unwrapper.Resolved;

    /// <summary>The warning about large steps between frames, or null.</summary>
    internal string? UnwrapWarning => _unwrapMode is null ? _unwrapper.Warning : _unwrapWarning;

    internal double VolumeSum { get; private set; }

    internal double RegionVolumeSum { get; private set; }

    internal double RegionAtomSum { get; private set; }

    public int Frames => _positions.Count;

    public void Accumulate(Frame frame)
    {
        _unwrapper.Update(frame);
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

        if (_block)
        {
            _blockVolumes.Add(frame.Box.Volume);
            _blockVolumes.Add(Options.Region?.Volume(frame.Box) ?? 0);
        }

        if (!_block)
        {
            Vec3? centre = Centre(_unwrapper.Positions);
            if (centre is { } c && _positions.Count == 0)
            {
                _driftOrigin = c;
            }

            Store(_unwrapper.Positions, centre is { } com ? com - _driftOrigin : Vec3.Zero);
        }
        else if (_unwrapper.Resolved == UnwrapMode.Displacements)
        {
            // Continuous positions need the frames before this block: keep the steps, join the blocks in the exchange.
            if (_firstWrapped is null)
            {
                _firstWrapped = frame.Positions.AsSpan(0, frame.Count).ToArray();
                _firstBox = frame.Box;
                _lastWrapped = new Vec3[frame.Count];
            }
            else
            {
                _blockSteps.Add(_unwrapper.Steps.ToArray());
            }

            frame.Positions.AsSpan(0, frame.Count).CopyTo(_lastWrapped);
        }
        else
        {
            // Positions are exact; the drift shift needs the centre of the file's first frame: applied in the exchange.
            if (Centre(_unwrapper.Positions) is { } c)
            {
                _blockCentre.Add(c);
            }

            Store(_unwrapper.Positions, Vec3.Zero);
        }
    }

    /// <summary>This rank reads only its own block of frames: keep every selected atom until the exchange.</summary>
    public void HoldFrameBlock()
    {
        if (Times.Count > 0)
        {
            throw new InvalidOperationException("HoldFrameBlock must come before the first frame");
        }

        _block = true;
        (StoredFrom, StoredTo) = (0, Selected.Length);
    }

    /// <summary>Joins the ranks' blocks of frames (collective; see the remarks on the type).</summary>
    public void ExchangeOverRanks()
    {
        if (!_block)
        {
            throw new InvalidOperationException("ExchangeOverRanks needs HoldFrameBlock first");
        }

        int size = MpiWorld.Size, rank = MpiWorld.Rank;
        int local = Times.Count;
        int[] counts = [.. MpiWorld.Gather(local).Select(c => (int)c)];
        int before = counts.Take(rank).Sum(), total = counts.Sum();
        _unwrapMode = (UnwrapMode)MpiWorld.Gather(local > 0 ? (double)_unwrapper.Resolved : -1).Max();
        long large = _unwrapper.LargeSteps;
        double largest = _unwrapper.LargestStepFraction;
        int firstLarge = _unwrapper.FirstLargeStepFrame >= 0 ? before + _unwrapper.FirstLargeStepFrame : int.MaxValue;

        if (_unwrapMode == UnwrapMode.Displacements)
        {
            // The serial recurrence u(t) = u(t−1) + step(t), block after block: rank r continues from the last
            // continuous and wrapped positions of the ranks before it (one hand-over per rank, in rank order).
            double[] state = [];
            for (int round = 0; round < size; round++)
            {
                if (round > 0)
                {
                    var sendCounts = new int[size];
                    sendCounts[round] = rank == round - 1 ? state.Length : 0;
                    double[] received = MpiWorld.Exchange<double>(rank == round - 1 ? state : [], sendCounts);
                    if (rank == round)
                    {
                        state = received;
                    }
                }

                if (rank == round)
                {
                    state = JoinBlock(state, before, ref large, ref largest, ref firstLarge);
                }
            }
        }
        else if (_driftWeights is not null)
        {
            // The file's first frame is on the first rank with frames; the others add zeros.
            Span<double> o = [0, 0, 0];
            if (before == 0 && _blockCentre.Count > 0)
            {
                (o[0], o[1], o[2]) = (_blockCentre[0].X, _blockCentre[0].Y, _blockCentre[0].Z);
            }

            MpiWorld.Sum(o);
            _driftOrigin = new Vec3(o[0], o[1], o[2]);
            for (int t = 0; t < local; t++)
            {
                Shift(t, _blockCentre[t] - _driftOrigin);
            }
        }

        double[] largeAll = MpiWorld.Gather(large), largestAll = MpiWorld.Gather(largest), firstAll = MpiWorld.Gather(firstLarge);
        _unwrapWarning = Unwrapper.Describe((long)largeAll.Sum(), largestAll.Max(), (int)firstAll.Min());

        // Collective (charge) displacement of every frame on every rank.
        if (ChargedAtoms is not null)
        {
            double[] charge = MpiWorld.AllGather<double>([.. _charge]);
            _charge.Clear();
            _charge.AddRange(charge);
        }

        ExchangeAtomBlocks(size, rank, total);

        // Times, steps and the sums over frames (rank order is frame order).
        double[] times = MpiWorld.AllGather<double>([.. Times.Select(t => t ?? double.NaN)]);
        long[] steps = MpiWorld.AllGather<long>([.. Steps]);
        double[] volumes = MpiWorld.AllGather<double>([.. _blockVolumes]);
        Times.Clear();
        Times.AddRange(times.Select(t => double.IsNaN(t) ? (double?)null : t));
        Steps.Clear();
        Steps.AddRange(steps);

        // Volumes added in frame order as serially; atom counts are integers (any order is exact).
        (VolumeSum, RegionVolumeSum) = (0, 0);
        for (int t = 0; t < total; t++)
        {
            VolumeSum += volumes[2 * t];
            RegionVolumeSum += volumes[(2 * t) + 1];
        }

        Span<double> atoms = [RegionAtomSum];
        MpiWorld.Sum(atoms);
        RegionAtomSum = atoms[0];
        _block = false;
        _blockCentre.Clear();
        _blockSteps.Clear();
        _blockVolumes.Clear();
        (_firstWrapped, _lastWrapped, _firstBox) = (null, null, null);
    }

    /// <summary>
    /// Continues the serial unwrapping through this rank's block from <paramref name="state"/> (empty for the first
    /// block; else whether a frame came before, the drift origin, and the continuous and wrapped positions of the
    /// last frame before the block) and stores the block's positions; returns the state after the block.
    /// </summary>
    private double[] JoinBlock(double[] state, int before, ref long large, ref double largest, ref int firstLarge)
    {
        int n = AtomCount;
        if (Times.Count == 0)
        {
            return state;
        }

        Vec3[] u = _firstWrapped!.ToArray();
        bool continued = state.Length > 0;
        if (continued)
        {
            _driftOrigin = Get(state, 0);
            Box box = _firstBox!;
            Mat3 h = box.H, inverse = box.HInverse;
            for (int i = 0; i < n; i++)
            {
                Vec3 step = Unwrapper.MinimumImage(h, inverse, box.Periodic, u[i] - Get(state, 1 + n + i), out double m);
                if (m > Unwrapper.WarningFraction)
                {
                    large++;
                    firstLarge = Math.Min(firstLarge, before);
                }

                largest = Math.Max(largest, m);
                u[i] = Get(state, 1 + i) + step;
            }
        }

        for (int t = 0; t < Times.Count; t++)
        {
            if (t > 0)
            {
                Vec3[] steps = _blockSteps[t - 1];
                for (int i = 0; i < n; i++)
                {
                    u[i] += steps[i];
                }

                _blockSteps[t - 1] = [];
            }

            Vec3? centre = Centre(u);
            if (centre is { } c && t == 0 && !continued)
            {
                _driftOrigin = c;
            }

            Store(u, centre is { } com ? com - _driftOrigin : Vec3.Zero);
        }

        double[] next = new double[3 * (1 + (2 * n))];
        Set(next, 0, _driftOrigin);
        for (int i = 0; i < n; i++)
        {
            Set(next, 1 + i, u[i]);
            Set(next, 1 + n + i, _lastWrapped![i]);
        }

        return next;
    }

    /// <summary>Every rank gets all frames of its own atom blocks, in frame order (rank order is frame order).</summary>
    private void ExchangeAtomBlocks(int size, int rank, int total)
    {
        var positionCounts = new int[size];
        var regionCounts = new int[size];
        double[] sendPositions = [];
        byte[] sendRegions = [];
        int local = _positions.Count;
        Exception? failure = null;
        try
        {
            // Every selected atom goes to one rank (split), or to every rank (not split).
            long sent = _splitOverRanks ? Selected.Length : (long)Selected.Length * size;
            sendPositions = new double[3 * sent * local];
            sendRegions = new byte[Options.Region is null ? 0 : sent * local];
            long sp = 0, sr = 0;
            for (int q = 0; q < size; q++)
            {
                (int f, int e) = Share(q);
                if (3L * (e - f) * local > int.MaxValue)
                {
                    throw new InputException(
                        $"MPI rank {rank} would send {3L * (e - f) * local} coordinates of its frames to rank {q}, more than one exchange carries: use more ranks");
                }

                positionCounts[q] = 3 * (e - f) * local;
                regionCounts[q] = Options.Region is null ? 0 : (e - f) * local;
                for (int t = 0; t < local; t++)
                {
                    _positions[t].AsSpan(3 * f, 3 * (e - f)).CopyTo(sendPositions.AsSpan((int)sp));
                    sp += 3 * (e - f);
                    if (Options.Region is not null)
                    {
                        _inRegion[t].AsSpan(f, e - f).CopyTo(sendRegions.AsSpan((int)sr));
                        sr += e - f;
                    }
                }
            }
        }
        catch (Exception e) when (e is InputException or OutOfMemoryException)
        {
            failure = e;
        }

        MpiWorld.Agree(failure);
        _positions.Clear();
        _inRegion.Clear();
        double[] mine = MpiWorld.Exchange<double>(sendPositions, positionCounts);
        byte[] mineRegions = MpiWorld.Exchange<byte>(sendRegions, regionCounts);
        (StoredFrom, StoredTo) = Share(rank);
        int width = StoredTo - StoredFrom;
        for (int t = 0; t < total; t++)
        {
            _positions.Add(mine.AsSpan(3 * width * t, 3 * width).ToArray());
            if (Options.Region is not null)
            {
                _inRegion.Add(mineRegions.AsSpan(width * t, width).ToArray());
            }
        }
    }

    /// <summary>The selected atoms [from, to) MPI rank <paramref name="rank"/> keeps: its atom blocks, or all of them when not split.</summary>
    private (int From, int To) Share(int rank) => _splitOverRanks ? MsdAnalyzer.RankAtoms(Selected.Length, rank) : (0, Selected.Length);

    /// <summary>The drift reference's centre of mass (Å) for continuous positions <paramref name="u"/>, or null without drift correction.</summary>
    private Vec3? Centre(ReadOnlySpan<Vec3> u)
    {
        if (_driftWeights is null)
        {
            return null;
        }

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

        return com / total;
    }

    /// <summary>Keeps the stored atoms' positions u − shift and the charge displacement of one frame.</summary>
    private void Store(ReadOnlySpan<Vec3> u, Vec3 shift)
    {
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

    /// <summary>Applies the drift shift to frame <paramref name="t"/> stored unshifted, as <see cref="Store"/> would have.</summary>
    private void Shift(int t, Vec3 shift)
    {
        double[] p = _positions[t];
        for (int o = 0; o < p.Length; o += 3)
        {
            // Same operations as Store: the stored value is u, so u − shift gives the same double.
            (p[o], p[o + 1], p[o + 2]) = (p[o] - shift.X, p[o + 1] - shift.Y, p[o + 2] - shift.Z);
        }

        if (ChargedAtoms is not null && Charges is not null)
        {
            double q = _totalCharge;
            Vec3 m = new Vec3(_charge[3 * t], _charge[(3 * t) + 1], _charge[(3 * t) + 2]) - (q * shift);
            (_charge[3 * t], _charge[(3 * t) + 1], _charge[(3 * t) + 2]) = (m.X, m.Y, m.Z);
        }
    }

    private static Vec3 Get(double[] a, int i) => new(a[3 * i], a[(3 * i) + 1], a[(3 * i) + 2]);

    private static void Set(double[] a, int i, Vec3 v) => (a[3 * i], a[(3 * i) + 1], a[(3 * i) + 2]) = (v.X, v.Y, v.Z);

    /// <summary>Not supported: the MSD needs every frame in order in one accumulator (run it on one thread).</summary>
    public void Merge(IFrameAccumulator other) =>
        throw new InvalidOperationException("the MSD accumulator needs all frames in time order; run it with one frame worker (it parallelises over atoms in Finish)");
}
