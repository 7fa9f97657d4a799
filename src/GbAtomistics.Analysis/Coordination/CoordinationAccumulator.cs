using System.Buffers;
using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Analysis.Coordination;

/// <summary>
/// Raw coordination sums over a block of frames: per pair and region (all, gb, bulk) a histogram of coordination
/// numbers; per pair and slab along the normal the sum of coordination numbers and of central atoms; per slab the
/// number of atoms whose coordination differs from the modal value of their species in that frame (for boundary
/// detection); and the per-atom values of one frame (the snapshot). Accumulators of disjoint frame blocks merge.
/// </summary>
public sealed class CoordinationAccumulator : IReducibleAccumulator
{
    private readonly CoordinationOptions _options;
    private readonly SpeciesIndex _species;
    private readonly int[] _pairOf;     // [central species * S + neighbour species] → pair index or −1
    private readonly int[] _centralOf;  // species index of A for each pair
    private readonly double[] _cutoffSquared;
    private int[] _cn = [];             // during a frame: [pair * n + atom]
    private int[] _speciesOfAtom = [];  // during a frame, as the three below
    private byte[] _inRegion = [];
    private int[] _slabOf = [];
    private int[] _frameHistogram = new int[16];
    private readonly SpeciesPairLoop _chosenPairs;
    private readonly SnapshotHolder _snapshot;
    private readonly int _lane;                   // this accumulator's place among the lanes sharing the snapshot
    private readonly string[] _snapshotColumns;   // cn_A-B per pair, then in_gb with a region

    internal CoordinationAccumulator(CoordinationOptions options, SpeciesIndex species, int[] pairOf, int[] centralOf, SnapshotHolder snapshot)
    {
        _options = options;
        _snapshot = snapshot;
        _lane = snapshot.Lanes++;
        _snapshotColumns = [.. options.Pairs.Select(p => $"cn_{p}"), .. options.Region is null ? [] : new[] { "in_gb" }];
        _species = species;
        _pairOf = pairOf;
        _centralOf = centralOf;
        _cutoffSquared = options.Cutoffs.Select(c => c * c).ToArray();
        int s = species.Count;
        _chosenPairs = new SpeciesPairLoop(
            s, Enumerable.Range(0, s * s).Where(k => pairOf[k] >= 0).Select(k => (k / s, k % s, options.Cutoffs[pairOf[k]])));
        int pairs = options.Pairs.Count;
        Histograms = new long[pairs * 3][];
        for (int k = 0; k < Histograms.Length; k++)
        {
            Histograms[k] = [];
        }

        CentralFrames = new int[pairs * 3];
        ProfileSum = new double[pairs * options.ProfileBins];
        ProfileCount = new long[pairs * options.ProfileBins];
        DeviatingCount = new long[options.ProfileBins];
        AtomCount = new long[options.ProfileBins];
    }

    public CoordinationOptions Options => _options;

    internal IReadOnlyList<string> SpeciesNames => _species.Names;

    /// <summary>Counts of each coordination number, [pair * 3 + region] with region 0 = all, 1 = gb, 2 = bulk.</summary>
    internal long[][] Histograms { get; }

    /// <summary>Frames with at least one central atom, [pair * 3 + region].</summary>
    internal int[] CentralFrames { get; }

    /// <summary>Σ of coordination numbers of central atoms per pair and slab.</summary>
    internal double[] ProfileSum { get; }

    /// <summary>Number of central atoms per pair and slab (Σ over frames).</summary>
    internal long[] ProfileCount { get; }

    /// <summary>Atoms per slab whose coordination differs from their species' modal value in that frame.</summary>
    internal long[] DeviatingCount { get; }

    /// <summary>Atoms per slab that are central in at least one pair.</summary>
    internal long[] AtomCount { get; }

    /// <summary>Σ over frames of the perpendicular width of the cell along the normal (Å).</summary>
    internal double WidthSum { get; private set; }

    /// <summary>The loop over the chosen species pairs only (its frames, of this accumulator alone, are not merged).</summary>
    internal SpeciesPairLoop ChosenPairs => _chosenPairs;

    public int Frames { get; private set; }

    /// <summary>
    /// The kept frame with columns <c>cn_A-B</c> (and <c>in_gb</c> with a region), or null; shared with the other lanes
    /// of the run.
    /// </summary>
    internal Frame? Snapshot
    {
        get => _snapshot.Frame;
        private set => _snapshot.Frame = value;
    }

    public void Accumulate(Frame frame)
    {
        // The per-atom scratch is borrowed for the frame, not kept per accumulator (a run keeps one per lane).
        int n = frame.Count;
        _cn = ArrayPool<int>.Shared.Rent(_options.Pairs.Count * n);
        _speciesOfAtom = ArrayPool<int>.Shared.Rent(n);
        _inRegion = ArrayPool<byte>.Shared.Rent(n);
        _slabOf = ArrayPool<int>.Shared.Rent(n);
        try
        {
            AccumulateFrame(frame);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(_cn);
            ArrayPool<int>.Shared.Return(_speciesOfAtom);
            ArrayPool<byte>.Shared.Return(_inRegion);
            ArrayPool<int>.Shared.Return(_slabOf);
            (_cn, _speciesOfAtom, _inRegion, _slabOf) = ([], [], [], []);
        }
    }

    private void AccumulateFrame(Frame frame)
    {
        int n = frame.Count;
        int pairs = _options.Pairs.Count;
        int bins = _options.ProfileBins;
        int axis = _options.NormalAxis;
        Box box = frame.Box;
        for (int i = 0; i < n; i++)
        {
            _speciesOfAtom[i] = _species.Of(frame, i);
            Vec3 position = frame.Positions[i];
            _inRegion[i] = _options.Region is { } region ? (region.Contains(box, position) ? (byte)1 : (byte)2) : (byte)0;
            double s = box.ToFractional(position)[axis];
            s -= Math.Floor(s);
            _slabOf[i] = Math.Clamp((int)(s * bins), 0, bins - 1);
        }

        Array.Clear(_cn, 0, pairs * n);
        double maxCutoff = _options.Cutoffs.Max();
        var visitor = new Visitor
        {
            Cn = _cn,
            Atoms = n,
            SpeciesOf = _speciesOfAtom,
            PairOf = _pairOf,
            SpeciesCount = _species.Count,
            CutoffSquared = _cutoffSquared,
        };
        // Only the requested species pairs when that is cheaper, else all pairs (the visitor drops the others).
        ReadOnlySpan<Vec3> positions = frame.Positions.AsSpan(0, n);
        if (n > 0 && !_chosenPairs.TryVisit(box, positions, _speciesOfAtom, ref visitor))
        {
            CellListPool.VisitPairs(box, positions, maxCutoff, ref visitor);
        }

        WidthSum += box.PerpendicularWidths[axis];
        int[] modal = new int[pairs];
        for (int p = 0; p < pairs; p++)
        {
            modal[p] = AddPair(p, n);
        }

        for (int i = 0; i < n; i++)
        {
            int sp = _speciesOfAtom[i];
            bool central = false, deviates = false;
            for (int p = 0; p < pairs; p++)
            {
                if (_centralOf[p] == sp && sp >= 0)
                {
                    central = true;
                    deviates |= _cn[(p * n) + i] != modal[p];
                }
            }

            if (central)
            {
                AtomCount[_slabOf[i]]++;
                if (deviates)
                {
                    DeviatingCount[_slabOf[i]]++;
                }
            }
        }

        KeepSnapshot(frame);
        Frames++;
    }

    /// <summary>Adds pair <paramref name="p"/> of the current frame to the sums; returns its modal coordination.</summary>
    private int AddPair(int p, int n)
    {
        int a = _centralOf[p];
        int bins = _options.ProfileBins;
        int max = 0;
        bool any = false;
        bool[] regionSeen = new bool[3];
        for (int i = 0; i < n; i++)
        {
            if (_speciesOfAtom[i] != a)
            {
                continue;
            }

            int cn = _cn[(p * n) + i];
            if (cn > CoordinationOptions.MaxCoordination)
            {
                throw new InputException(
                    $"--cutoff {_options.Pairs[p]}={_options.Cutoffs[p]}: an atom has {cn} neighbours, more than " +
                    $"{CoordinationOptions.MaxCoordination}; expected a first-shell cut-off");
            }

            any = true;
            max = Math.Max(max, cn);
            if (_frameHistogram.Length <= cn)
            {
                Array.Resize(ref _frameHistogram, Math.Max(cn + 1, 2 * _frameHistogram.Length));
            }

            _frameHistogram[cn]++;
            Add(p * 3, cn);
            regionSeen[0] = true;
            if (_inRegion[i] != 0)
            {
                Add((p * 3) + _inRegion[i], cn);
                regionSeen[_inRegion[i]] = true;
            }

            ProfileSum[(p * bins) + _slabOf[i]] += cn;
            ProfileCount[(p * bins) + _slabOf[i]]++;
        }

        for (int r = 0; r < 3; r++)
        {
            if (regionSeen[r])
            {
                CentralFrames[(p * 3) + r]++;
            }
        }

        int modal = 0;
        for (int c = 0; any && c <= max; c++)
        {
            if (_frameHistogram[c] > _frameHistogram[modal])
            {
                modal = c;
            }
        }

        Array.Clear(_frameHistogram, 0, Math.Min(_frameHistogram.Length, max + 1));
        return modal;
    }

    private void Add(int histogram, int cn)
    {
        long[] h = Histograms[histogram];
        if (h.Length <= cn)
        {
            Array.Resize(ref h, cn + 1);
            Histograms[histogram] = h;
        }

        h[cn]++;
    }

    private void KeepSnapshot(Frame frame)
    {
        lock (_snapshot)
        {
            KeepSnapshotLocked(frame);
        }
    }

    private void KeepSnapshotLocked(Frame frame)
    {
        // The requested step, else the latest; on a tie the earlier lane (as when each lane kept its own and the lanes
        // were merged in order).
        Frame? kept = Snapshot;
        bool earlierLane = kept is null || _lane < _snapshot.Lane;
        bool take = _options.SnapshotStep is { } step
            ? frame.Step == step && earlierLane
            : kept is null || frame.Step > kept.Step || (frame.Step == kept.Step && earlierLane);
        if (!take)
        {
            return;
        }

        _snapshot.Lane = _lane;

        int n = frame.Count;
        Snapshot ??= new Frame();
        // Refilled in place (its arrays and columns reused), not cleared: a new frame's worth of arrays per frame
        // would be garbage the collector reclaims only late.
        Frame s = Snapshot;
        s.Resize(n);
        s.Step = frame.Step;
        s.Time = frame.Time;
        s.PotentialEnergy = null;
        s.Box = frame.Box;
        s.Species = frame.Species;
        s.Coordinates = frame.Coordinates;
        (s.Velocities, s.Forces, s.Charges) = (null, null, null);
        Array.Copy(frame.Ids, s.Ids, n);
        Array.Copy(frame.Types, s.Types, n);
        Array.Copy(frame.Positions, s.Positions, n);
        if (frame.Images is { } images)
        {
            Array.Copy(images, s.EnsureImages(), n);
        }
        else
        {
            s.Images = null;
        }

        s.SetExtraNames(_snapshotColumns);
        for (int p = 0; p < _options.Pairs.Count; p++)
        {
            double[] column = s.Extra(p);
            int a = _centralOf[p];
            for (int i = 0; i < n; i++)
            {
                // Atoms that are not of the central species get −1 so they can be filtered out in OVITO.
                column[i] = _speciesOfAtom[i] == a ? _cn[(p * n) + i] : -1;
            }
        }

        if (_options.Region is not null)
        {
            double[] column = s.Extra(_options.Pairs.Count);
            for (int i = 0; i < n; i++)
            {
                column[i] = _inRegion[i] == 1 ? 1 : 0;
            }
        }
    }

    /// <summary>
    /// The additive sums. The CN histograms grow with the largest CN seen, so their lengths are first made equal over
    /// the MPI ranks, and the per-atom snapshot (the frame of the requested step, else the latest one) is sent from the
    /// rank that read it to every rank: a collective call.
    /// </summary>
    public SumBuffer Sums()
    {
        ShareSnapshot();
        SumBuffer buffer = new SumBuffer().AddGrowing(Histograms);

        return buffer.Add(CentralFrames).Add(ProfileSum).Add(ProfileCount).Add(DeviatingCount).Add(AtomCount)
            .Add(() => WidthSum, v => WidthSum = v).Add(() => Frames, v => Frames = (int)v);
    }

    private void ShareSnapshot()
    {
        if (!MpiWorld.IsParallel)
        {
            return;
        }

        var steps = new double[MpiWorld.Size];
        Array.Fill(steps, 0);
        steps[MpiWorld.Rank] = Snapshot is null ? -1 : _options.SnapshotStep is not null ? 0 : Snapshot.Step;
        MpiWorld.Sum(steps);
        int root = Array.IndexOf(steps, steps.Max());
        if (steps[root] >= 0)
        {
            Snapshot = FrameTransfer.Broadcast(Snapshot, root);
        }
    }

    public void Merge(IFrameAccumulator other)
    {
        if (other is not CoordinationAccumulator o || o._options.Pairs.Count != _options.Pairs.Count ||
            o._options.ProfileBins != _options.ProfileBins)
        {
            throw new ArgumentException("accumulators of different coordination set-ups cannot be merged", nameof(other));
        }

        for (int k = 0; k < Histograms.Length; k++)
        {
            long[] theirs = o.Histograms[k];
            for (int c = 0; c < theirs.Length; c++)
            {
                if (theirs[c] == 0)
                {
                    continue;
                }

                if (Histograms[k].Length <= c)
                {
                    long[] h = Histograms[k];
                    Array.Resize(ref h, theirs.Length);
                    Histograms[k] = h;
                }

                Histograms[k][c] += theirs[c];
            }

            CentralFrames[k] += o.CentralFrames[k];
        }

        for (int k = 0; k < ProfileSum.Length; k++)
        {
            ProfileSum[k] += o.ProfileSum[k];
            ProfileCount[k] += o.ProfileCount[k];
        }

        for (int k = 0; k < DeviatingCount.Length; k++)
        {
            DeviatingCount[k] += o.DeviatingCount[k];
            AtomCount[k] += o.AtomCount[k];
        }

        WidthSum += o.WidthSum;
        Frames += o.Frames;
        if (!ReferenceEquals(o._snapshot, _snapshot) && o.Snapshot is { } theirSnapshot)
        {
            bool take = _options.SnapshotStep is not null
                ? Snapshot is null
                : Snapshot is null || theirSnapshot.Step > Snapshot.Step;
            if (take)
            {
                Snapshot = theirSnapshot.Clone();
            }
        }
    }

    private struct Visitor : IPairVisitor
    {
        public int[] Cn;
        public int Atoms;
        public int[] SpeciesOf;
        public int[] PairOf;
        public int SpeciesCount;
        public double[] CutoffSquared;

        public void Visit(int i, int j, double distanceSquared)
        {
            int si = SpeciesOf[i];
            int sj = SpeciesOf[j];
            if (si < 0 || sj < 0)
            {
                return;
            }

            // i = j is an atom and its own periodic image, visited once for the pair of images ±L: two neighbours.
            int p = PairOf[(si * SpeciesCount) + sj];
            if (p >= 0 && distanceSquared < CutoffSquared[p])
            {
                Cn[(p * Atoms) + i]++;
            }

            p = PairOf[(sj * SpeciesCount) + si];
            if (p >= 0 && distanceSquared < CutoffSquared[p])
            {
                Cn[(p * Atoms) + j]++;
            }
        }
    }
}
