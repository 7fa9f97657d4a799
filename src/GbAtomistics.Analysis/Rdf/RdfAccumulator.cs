using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Analysis.Rdf;

/// <summary>
/// Raw RDF sums over a block of frames. Per frame and pair A–B it adds count/(N_A ρ_B) per bin, with
/// ρ_B = (N_B − δ_AB)/V of that frame, and count/N_A for the cumulative coordination; <see cref="RdfAnalyzer.Finish"/>
/// divides by the number of frames and the exact shell volumes. Accumulators of disjoint frame blocks merge.
/// </summary>
public sealed class RdfAccumulator : IReducibleAccumulator
{
    private readonly RdfOptions _options;
    private readonly SpeciesIndex _species;
    private readonly int _slots;            // species of the first frame, then one slot for any other species
    private readonly int[] _histogram;      // scratch: one frame's pair counts per (species i, species j) and bin
    private readonly int[] _speciesCount;
    private readonly int[] _centralCount;
    private readonly (int Central, int Neighbour)[] _pairSpecies; // species indices of each pair
    private readonly SpeciesPairLoop? _chosenPairs; // without the total: the requested species pairs only

    internal RdfAccumulator(RdfOptions options, SpeciesIndex species, IReadOnlyList<SpeciesPair> pairs)
    {
        _options = options;
        _species = species;
        Pairs = pairs;
        _pairSpecies = pairs.Select(p => (species.IndexOf(p.Central), species.IndexOf(p.Neighbour))).ToArray();
        int histograms = pairs.Count + 1;
        Normalised = new double[histograms * options.Bins];
        PerCentral = new double[histograms * options.Bins];
        FramesWithCentral = new int[histograms];
        CentralSum = new double[histograms];
        _slots = species.Count + 1;
        _histogram = new int[_slots * _slots * options.Bins];
        _speciesCount = new int[_slots];
        _centralCount = new int[_slots];
        if (!options.Total)
        {
            _chosenPairs = new SpeciesPairLoop(species.Count, _pairSpecies.Select(p => (p.Central, p.Neighbour, options.RMax)));
        }
    }

    public IReadOnlyList<SpeciesPair> Pairs { get; }

    /// <summary>Σ over frames of count/(N_A ρ_B) per bin (Å³), pairs then the total.</summary>
    internal double[] Normalised { get; }

    /// <summary>Σ over frames of count/N_A per bin.</summary>
    internal double[] PerCentral { get; }

    /// <summary>Frames that had at least one central atom, per histogram.</summary>
    internal int[] FramesWithCentral { get; }

    /// <summary>Σ over frames of the number of central atoms, per histogram.</summary>
    internal double[] CentralSum { get; }

    /// <summary>The loop over the chosen species pairs only (its frames, of this accumulator alone, are not merged).</summary>
    internal SpeciesPairLoop? ChosenPairs => _chosenPairs;

    public int Frames { get; private set; }

    /// <summary>Adds one frame.</summary>
    public void Accumulate(Frame frame)
    {
        // Per-atom scratch is borrowed for the frame, not kept per accumulator (a run keeps one per lane).
        int n = frame.Count;
        int[] speciesOf = ArrayPool<int>.Shared.Rent(n);
        bool[] centralOf = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            Accumulate(frame, speciesOf, centralOf);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(speciesOf);
            ArrayPool<bool>.Shared.Return(centralOf);
        }
    }

    private void Accumulate(Frame frame, int[] speciesOf, bool[] centralOf)
    {
        int centralTotal = BeginFrame(frame, speciesOf, centralOf);
        int n = frame.Count;
        ReadOnlySpan<Vec3> positions = frame.Positions.AsSpan(0, n);
        var binning = new Binning(_options.Bins, _options.Bins / _options.RMax);
        if (_options.Region is null)
        {
            var distances = new SpeciesPairVisitor(_histogram, _slots, _options.Bins, binning);
            if (_chosenPairs is null || !_chosenPairs.TryVisitDistances(frame.Box, positions, speciesOf.AsSpan(0, n), ref distances))
            {
                var visitor = new AllCentralVisitor(_histogram, speciesOf, _slots, _options.Bins, binning);
                CellListPool.VisitPairs(frame.Box, positions, _options.RMax, ref visitor);
            }
        }
        else
        {
            var visitor = new RegionVisitor(_histogram, speciesOf, centralOf, _slots, _options.Bins, binning);
            if (_chosenPairs is null || !_chosenPairs.TryVisit(frame.Box, positions, speciesOf.AsSpan(0, n), ref visitor))
            {
                CellListPool.VisitPairs(frame.Box, positions, _options.RMax, ref visitor);
            }
        }

        EndFrame(frame, centralTotal);
    }

    /// <summary>Species slots of the histogram: the species of the first frame, then one for any other.</summary>
    internal int Slots => _slots;

    /// <summary>One frame's pair counts per (species i, species j, bin), filled between <see cref="BeginFrame"/> and <see cref="EndFrame"/>.</summary>
    internal int[] Histogram => _histogram;

    internal RdfOptions Options => _options;

    /// <summary>
    /// Starts a frame: each atom's species slot and whether it is central, the counts per species, an empty
    /// histogram. Returns the number of central atoms.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per frame: optimised from its first call, not left precompiled
    internal int BeginFrame(Frame frame, int[] speciesOf, bool[] centralOf)
    {
        int n = frame.Count;
        int other = _slots - 1;
        Array.Clear(_speciesCount);
        Array.Clear(_centralCount);
        int centralTotal = 0;
        SlabRegion? region = _options.Region;
        for (int i = 0; i < n; i++)
        {
            int sp = _species.Of(frame, i);
            sp = sp >= 0 ? sp : other;
            speciesOf[i] = sp;
            bool central = region?.Contains(frame.Box, frame.Positions[i]) ?? true;
            centralOf[i] = central;
            _speciesCount[sp]++;
            if (central)
            {
                _centralCount[sp]++;
                centralTotal++;
            }
        }

        Array.Clear(_histogram);
        return centralTotal;
    }

    /// <summary>Adds the frame's histogram (filled after <see cref="BeginFrame"/>) to the sums.</summary>
    internal void EndFrame(Frame frame, int centralTotal)
    {
        AddFrame(frame.Box.Volume, frame.Count, centralTotal, symmetric: _options.Region is null);
        Frames++;
    }

    /// <summary>
    /// Turns the frame's histogram into the per-pair sums. Without a region every atom is central and each visited
    /// pair was recorded once, at (species i, species j): the count of B around A is then the sum of both orders,
    /// and twice the entry for A = B. With a region each end that is central recorded the pair as its own.
    /// </summary>
    private void AddFrame(double volume, int n, int centralTotal, bool symmetric)
    {
        int bins = _options.Bins;
        int ends = symmetric ? 2 : 1;
        for (int p = 0; p <= Pairs.Count; p++)
        {
            int nCentral, nNeighbour;
            bool same;
            if (p < Pairs.Count)
            {
                (int a, int b) = _pairSpecies[p];
                nCentral = _centralCount[a];
                nNeighbour = _speciesCount[b];
                same = a == b;
            }
            else
            {
                nCentral = centralTotal;
                nNeighbour = n;
                same = true;
            }

            double neighbours = nNeighbour - (same ? 1 : 0);
            if (nCentral == 0 || neighbours <= 0)
            {
                continue;
            }

            double density = neighbours / volume;
            FramesWithCentral[p]++;
            CentralSum[p] += nCentral;
            if (p == Pairs.Count && !_options.Total)
            {
                continue; // the histogram may hold the chosen species pairs only; the total is left NaN
            }

            int offset = p * bins;
            double toNormalised = 1 / (nCentral * density);
            double toPerCentral = 1.0 / nCentral;
            for (int k = 0; k < bins; k++)
            {
                double c = Count(p, k, symmetric, ends);
                Normalised[offset + k] += c * toNormalised;
                PerCentral[offset + k] += c * toPerCentral;
            }
        }
    }

    /// <summary>Pairs in bin <paramref name="k"/> seen from the central atoms of pair <paramref name="p"/> (or all).</summary>
    private double Count(int p, int k, bool symmetric, int ends)
    {
        int bins = _options.Bins;
        if (p == Pairs.Count)
        {
            long sum = 0;
            for (int h = 0; h < _slots * _slots; h++)
            {
                sum += _histogram[(h * bins) + k];
            }

            return ends * (double)sum;
        }

        (int a, int b) = _pairSpecies[p];
        int ab = _histogram[(((a * _slots) + b) * bins) + k];
        if (!symmetric)
        {
            return ab;
        }

        return a == b ? 2.0 * ab : ab + (double)_histogram[(((b * _slots) + a) * bins) + k];
    }

    /// <summary>Adds the sums of another accumulator over a disjoint block of frames.</summary>
    /// <inheritdoc/>
    public SumBuffer Sums() => new SumBuffer()
        .Add(Normalised).Add(PerCentral).Add(FramesWithCentral).Add(CentralSum)
        .Add(() => Frames, v => Frames = (int)v);

    public void Merge(IFrameAccumulator other)
    {
        if (other is not RdfAccumulator o || o.Pairs.Count != Pairs.Count || o.Normalised.Length != Normalised.Length)
        {
            throw new ArgumentException("accumulators of different RDF set-ups cannot be merged", nameof(other));
        }

        Merge(o);
    }

    private void Merge(RdfAccumulator other)
    {
        for (int k = 0; k < Normalised.Length; k++)
        {
            Normalised[k] += other.Normalised[k];
            PerCentral[k] += other.PerCentral[k];
        }

        for (int p = 0; p < FramesWithCentral.Length; p++)
        {
            FramesWithCentral[p] += other.FramesWithCentral[p];
            CentralSum[p] += other.CentralSum[p];
        }

        Frames += other.Frames;
    }

    /// <summary>
    /// Bin k holds k Δr ≤ r &lt; (k + 1) Δr (the convention of LAMMPS compute rdf and numpy histograms). A table of
    /// r² slices was tried instead of the square root and was slower: its edge comparisons mispredict. The platform's
    /// own truncation is used (r/Δr is finite and non-negative here, so it needs no saturation checks).
    /// </summary>
    internal readonly struct Binning(int bins, double inverseWidth)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Of(double r2) => Bin(r2, inverseWidth, bins - 1);

        /// <summary>
        /// Adds one count to <paramref name="counts"/> (the <c>bins</c> counts of one species pair) for each squared
        /// distance, in its bin <see cref="Of"/>: eight at a time with AVX-512, then (or from the start with AVX2 alone)
        /// four at a time, the rest one at a time. The vectors take the same correctly rounded square root, product and
        /// truncation, so each distance lands in the same bin as one at a time.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void CountAll(ReadOnlySpan<double> distancesSquared, ref int counts)
        {
            ref double r2 = ref MemoryMarshal.GetReference(distancesSquared);
            int n = distancesSquared.Length, k = 0, last = bins - 1;
            double scale = inverseWidth;
            if (Avx512F.IsSupported && Vector512.IsHardwareAccelerated)
            {
                for (; k <= n - Vector512<double>.Count; k += Vector512<double>.Count)
                {
                    Vector512<double> r = Vector512.Sqrt(Vector512.LoadUnsafe(ref r2, (nuint)k)) * Vector512.Create(scale);
                    Vector256<int> bin = Vector256.Min(Avx512F.ConvertToVector256Int32WithTruncation(r), Vector256.Create(last));
                    Add(ref counts, bin.GetLower());
                    Add(ref counts, bin.GetUpper());
                }
            }

            if (Avx.IsSupported && Vector256.IsHardwareAccelerated)
            {
                for (; k <= n - Vector256<double>.Count; k += Vector256<double>.Count)
                {
                    Vector256<double> r = Vector256.Sqrt(Vector256.LoadUnsafe(ref r2, (nuint)k)) * Vector256.Create(scale);
                    Add(ref counts, Vector128.Min(Avx.ConvertToVector128Int32WithTruncation(r), Vector128.Create(last)));
                }
            }

            for (; k < n; k++)
            {
                Unsafe.Add(ref counts, Bin(Unsafe.Add(ref r2, k), scale, last))++;
            }
        }

        /// <summary>The bin of one squared distance, given 1/Δr and the last bin (r &lt; r_max from the cell list).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Bin(double r2, double inverseWidth, int last) =>
            Math.Min(double.ConvertToIntegerNative<int>(Math.Sqrt(r2) * inverseWidth), last);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Add(ref int counts, Vector128<int> bin)
        {
            Unsafe.Add(ref counts, bin.ToScalar())++;
            Unsafe.Add(ref counts, bin.GetElement(1))++;
            Unsafe.Add(ref counts, bin.GetElement(2))++;
            Unsafe.Add(ref counts, bin.GetElement(3))++;
        }
    }

    /// <summary>Pairs of known species from the species-pair loop: one count per distance at (central, neighbour).</summary>
    private readonly struct SpeciesPairVisitor(int[] histogram, int slots, int bins, Binning binning) : ISpeciesDistanceVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int central, int neighbour, ReadOnlySpan<double> distancesSquared) =>
            binning.CountAll(distancesSquared, ref histogram[((central * slots) + neighbour) * bins]);
    }

    /// <summary>Every atom central: one count per visited pair at (species i, species j).</summary>
    private readonly struct AllCentralVisitor(int[] histogram, int[] speciesOf, int slots, int bins, Binning binning) : IPairVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int i, int j, double distanceSquared)
        {
            int bin = binning.Of(distanceSquared);
            histogram[(((speciesOf[i] * slots) + speciesOf[j]) * bins) + bin]++;
        }
    }

    /// <summary>Central atoms in a region: each central end counts the pair at (its species, the other's).</summary>
    private readonly struct RegionVisitor(int[] histogram, int[] speciesOf, bool[] central, int slots, int bins, Binning binning) : IPairVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int i, int j, double distanceSquared)
        {
            int bin = binning.Of(distanceSquared);
            int si = speciesOf[i];
            int sj = speciesOf[j];
            if (central[i])
            {
                histogram[(((si * slots) + sj) * bins) + bin]++;
            }

            if (central[j])
            {
                histogram[(((sj * slots) + si) * bins) + bin]++;
            }
        }
    }
}
