using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GbAtomistics.Core.Neighbors;

/// <summary>
/// A cell list over the fractional coordinates of a periodic (or partly periodic) cell, orthogonal or triclinic,
/// that visits every pair of atoms closer than the cut-off exactly once, including pairs between an atom and
/// periodic images of another atom or of itself. <see cref="Rebuild(Box, ReadOnlySpan{Vec3})"/> refills it for the
/// next frame without allocating when the number of atoms does not grow. Several threads may visit one list at once,
/// but not while it is rebuilt. A list may hold a subset of the atoms (those of one species, say) and be visited from
/// another subset (<see cref="VisitPairsFrom{TVisitor}"/>), so that an analysis of A–B pairs scans only those. Each
/// loop hands its pairs to an <see cref="IPairVisitor"/> one at a time, or, for an analysis that needs nothing but
/// the distances, to an <see cref="IDistanceVisitor"/> a scan at a time (<see cref="VisitDistances{TVisitor}"/>,
/// <see cref="VisitDistancesFrom{TVisitor}"/>): the same pairs and squared distances either way.
/// </summary>
/// <remarks>
/// The cell is divided into n_a × n_b × n_c bins with n_a = max(1, ⌊m w_a / r_c⌋) for the perpendicular width w_a
/// and a subdivision m of 1 to 3 chosen so that a bin holds a few atoms on average (finer bins test fewer
/// distances). Two atoms closer than r_c differ in fractional coordinate a by at most r_c / w_a, so their bins
/// differ by at most k_a = ⌈r_c n_a / w_a⌉. Bin offsets run over −k_a … k_a as unwrapped indices: a neighbouring bin
/// beyond the edge is the wrapped bin plus a lattice shift. Distinct offsets therefore give distinct (bin, image)
/// pairs, so every image within the cut-off is found once however large the cut-off is compared with the cell (no
/// minimum-image assumption). Half of the offsets (lexicographically positive, plus the zero offset with j &gt; i)
/// visit each unordered pair once. Offsets whose bins cannot hold a pair closer than r_c are dropped: along each
/// axis the atoms of bins d apart differ by more than (|d| − 1)/n_a in fractional coordinate, hence by more than
/// w_a (|d| − 1)/n_a in distance; in an orthogonal cell these axis distances add in quadrature, in a triclinic cell
/// the largest of them is the bound used. m = ⌊∛(ρ r_c³ / 4)⌋ limited to 1 … 3 (ρ the mean number density), and the
/// bins are coarsened when there would be more than twice as many as atoms. The kept offsets of one (d_a, d_b) form
/// a range of d_c, whose bins lie next to each other in memory, so each piece of the range between wraps is one run
/// of atoms. Each bin is further cut into slices along c (about two atoms each, at most 16) and its atoms ordered by
/// slice, so a run is ordered by slice too, and each central atom scans only the slices it can reach: those within
/// h = √(r_c² − g²) of it along the perpendicular of c, g being its distance to the run's column of bins across a and
/// b in an orthogonal cell (h = r_c in a triclinic one, where the distance along that perpendicular alone is the
/// bound), a column farther than r_c being skipped. With bins of edge r_c this halves the distances tested. The
/// reachable slots are scanned eight or four distances at a time where the hardware has 512- or 256-bit vectors
/// (AVX-512 or AVX2), the hits of each vector packed to the front without a branch.
/// </remarks>
public sealed class CellList
{
    private const int MaxBinsPerAxis = 1 << 10;

    /// <summary>Slots after the last atom that are readable (a vector may start at any atom) and room for packed hits.</summary>
    private const int Padding = 8;

    /// <summary>
    /// Factor on r_c² for the geometric bounds that drop bins and slices (distances from bin coordinates, rounded
    /// otherwise than the positions' own distances), so that rounding never drops a pair closer than r_c.
    /// </summary>
    private const double BoundSlack = 1 + 1e-9;

    /// <summary>Central atoms whose windows are computed together before they are scanned.</summary>
    private const int WindowBatch = 64;

    /// <summary>The most slices a bin is cut into along c.</summary>
    private const int MaxSlices = 16;

    /// <summary>Slices added at each end of a central atom's reach along c, against rounding of the bin coordinates.</summary>
    private const double SliceMargin = 1e-6;

    /// <summary>
    /// The most bin offsets (images of the bins within the cut-off) one build may enumerate: 2²⁴, which a cut-off
    /// up to about 125 times the narrowest width of the cell stays under. Beyond it the work grows as the cube of the
    /// ratio, so the build is refused rather than left to run for hours.
    /// </summary>
    public const long MaxOffsets = 1L << 24;

    /// <summary>
    /// The most pairs closer than the cut-off one build may expect (half the atoms times the mean density times the
    /// volume of the cut-off sphere): 10¹¹, minutes per frame. A cell squeezed far below any physical density (a
    /// damaged box) would otherwise have every atom neighbour billions of images.
    /// </summary>
    public const double MaxExpectedPairs = 1e11;

    private double _cutoffSquared;
    private int _count;
    private int _na, _nb, _nc;
    private int _ka, _kb, _kc;
    private int[] _cellStart = [];
    private int[] _sliceStart = []; // per slice (bin × _slices + slice along c): its first slot, then the end
    private int[] _sliceFill = [];
    private int[] _sliceOf = [];
    private int _slices;            // slices per bin along c
    private int[] _atoms = [];      // atom indices sorted by bin, then by slice within the bin
    private double[] _keyA = [];    // bin coordinates (see Keys) in bin order
    private double[] _keyB = [];
    private double[] _keyC = [];
    private double[] _x = [];       // wrapped Cartesian positions relative to the origin, in bin order
    private double[] _y = [];
    private double[] _z = [];
    private Vec3[] _frac = [];
    private Strip[] _strips = [];
    private int _stripCount;
    private int[] _wrap = [];       // per axis, for unwrapped bin u + k: wrapped bin (or −1 beyond a wall), then shift
    private Strip[] _fullStrips = []; // every offset (both halves), for visits from atoms outside the list
    private int _fullStripCount;
    private Vec3 _low;              // lower fractional bound of the binned range per axis
    private Vec3 _scale;            // bins per unit of fractional coordinate per axis
    private double _stepA, _stepB;  // Å between bin walls along the perpendiculars of a and b
    private double _slicesPerAngstrom; // slices per Å along the perpendicular of c
    private bool _orthogonal;
    private double _density;        // atoms of the list per Å³ of the binned range

    /// <summary>Builds the list for <paramref name="positions"/> (Å) in <paramref name="box"/> with cut-off (Å).</summary>
    public CellList(Box box, ReadOnlySpan<Vec3> positions, double cutoff) => Rebuild(box, positions, cutoff);

    /// <summary>
    /// Builds the list over the atoms <paramref name="atoms"/> only (indices into <paramref name="positions"/>, Å) in
    /// <paramref name="box"/> with cut-off (Å); the visitors receive those original indices.
    /// </summary>
    public CellList(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> atoms, double cutoff) => Rebuild(box, positions, atoms, cutoff);

    /// <summary>The cell of the last build.</summary>
    public Box Box { get; private set; }

    /// <summary>The cut-off in Å.</summary>
    public double Cutoff { get; private set; }

    /// <summary>Number of atoms of the last build.</summary>
    public int Count => _count;

    /// <summary>
    /// Refills the list with the atoms of another frame (any box and number of atoms), reusing its arrays: no
    /// allocation unless the number of atoms or bins grows.
    /// </summary>
    [MemberNotNull(nameof(Box))]
    public void Rebuild(Box box, ReadOnlySpan<Vec3> positions) => Build(box, positions, [], useSubset: false);

    /// <summary>
    /// Refills the list with the atoms <paramref name="atoms"/> (indices into <paramref name="positions"/>) of another
    /// frame, reusing its arrays; the other atoms are left out of the list (the bins and density are those of the
    /// subset).
    /// </summary>
    [MemberNotNull(nameof(Box))]
    public void Rebuild(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> atoms) => Build(box, positions, atoms, useSubset: true);

    /// <summary>Refills the list as <see cref="Rebuild(Box, ReadOnlySpan{Vec3})"/> with another cut-off (Å).</summary>
    [MemberNotNull(nameof(Box))]
    public void Rebuild(Box box, ReadOnlySpan<Vec3> positions, double cutoff)
    {
        SetCutoff(cutoff);
        Build(box, positions, [], useSubset: false);
    }

    /// <summary>Refills the list as <see cref="Rebuild(Box, ReadOnlySpan{Vec3}, ReadOnlySpan{int})"/> with another cut-off (Å).</summary>
    [MemberNotNull(nameof(Box))]
    public void Rebuild(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> atoms, double cutoff)
    {
        SetCutoff(cutoff);
        Build(box, positions, atoms, useSubset: true);
    }

    private void SetCutoff(double cutoff)
    {
        if (!(cutoff > 0) || !double.IsFinite(cutoff))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "cut-off must be a positive number of Å");
        }

        Cutoff = cutoff;
        _cutoffSquared = cutoff * cutoff;
    }

    [MemberNotNull(nameof(Box))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per frame: optimised from its first call, not left precompiled
    private void Build(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> subset, bool useSubset)
    {
        ArgumentNullException.ThrowIfNull(box);
        Box = box;
        int n = useSubset ? subset.Length : positions.Length;
        _count = n;
        EnsureCapacity(ref _frac, n);
        EnsureCapacity(ref _sliceOf, n);
        EnsureCapacity(ref _atoms, n);
        EnsureCapacity(ref _keyA, n + Padding);
        EnsureCapacity(ref _keyB, n + Padding);
        EnsureCapacity(ref _keyC, n + Padding);
        EnsureCapacity(ref _x, n + Padding);
        EnsureCapacity(ref _y, n + Padding);
        EnsureCapacity(ref _z, n + Padding);

        // Fractional coordinates, wrapped along periodic axes; the range of non-periodic axes is the atoms' extent.
        PeriodicFlags periodic = box.Periodic;
        Mat3 inverse = box.HInverse;
        Vec3 origin = box.Origin;
        Vec3 lo = new(periodic.A ? 0 : double.MaxValue, periodic.B ? 0 : double.MaxValue, periodic.C ? 0 : double.MaxValue);
        Vec3 hi = new(periodic.A ? 1 : double.MinValue, periodic.B ? 1 : double.MinValue, periodic.C ? 1 : double.MinValue);
        bool anyOpen = !(periodic.A && periodic.B && periodic.C);
        for (int i = 0; i < n; i++)
        {
            Vec3 s = inverse * (positions[useSubset ? subset[i] : i] - origin);
            s = new Vec3(Wrap(s.X, periodic.A), Wrap(s.Y, periodic.B), Wrap(s.Z, periodic.C));
            _frac[i] = s;
            if (anyOpen)
            {
                lo = new Vec3(periodic.A ? 0 : Math.Min(lo.X, s.X), periodic.B ? 0 : Math.Min(lo.Y, s.Y), periodic.C ? 0 : Math.Min(lo.Z, s.Z));
                hi = new Vec3(periodic.A ? 1 : Math.Max(hi.X, s.X), periodic.B ? 1 : Math.Max(hi.Y, s.Y), periodic.C ? 1 : Math.Max(hi.Z, s.Z));
            }
        }

        Vec3 widths = box.PerpendicularWidths;
        Span<double> low = [lo.X, lo.Y, lo.Z];
        Span<double> span = [0, 0, 0];
        Span<double> extent = [0, 0, 0];
        Span<int> bins = [1, 1, 1];
        Span<int> reach = [0, 0, 0];
        for (int axis = 0; axis < 3; axis++)
        {
            if (n == 0 || hi[axis] < lo[axis])
            {
                low[axis] = 0;
                span[axis] = 1;
            }
            else
            {
                span[axis] = Math.Max(hi[axis] - low[axis], 1e-12);
            }

            extent[axis] = widths[axis] * span[axis];
        }

        // About four atoms per bin of edge r_c/m at the mean density, m at most 3; m = 1 for sparse systems.
        double density = n / Math.Max(extent[0] * extent[1] * extent[2], 1e-300);
        double expectedPairs = 0.5 * n * density * (4.0 / 3.0) * Math.PI * Cutoff * Cutoff * Cutoff;
        if (!(expectedPairs <= MaxExpectedPairs))
        {
            throw new InputException(FormattableString.Invariant(
                $"cut-off {Cutoff:G6} Å in a cell of {n} atoms at {density:G3} atoms/Å³ would give about {expectedPairs:G3} pairs per frame, more than the {MaxExpectedPairs:G3} allowed; check the cell (a damaged box?) or use a shorter cut-off"));
        }

        int m = Math.Clamp((int)Math.Cbrt(density * Cutoff * Cutoff * Cutoff / 4), 1, 3);
        for (int axis = 0; axis < 3; axis++)
        {
            bins[axis] = Math.Clamp((int)Math.Floor(m * extent[axis] / Cutoff), 1, MaxBinsPerAxis);
        }

        // Keep the number of bins of the order of the number of atoms (a huge cell with a short cut-off would
        // otherwise allocate mostly empty bins); fewer bins only widen the reach.
        while ((long)bins[0] * bins[1] * bins[2] > Math.Max(27, 2L * n))
        {
            int widest = bins[0] >= bins[1] && bins[0] >= bins[2] ? 0 : bins[1] >= bins[2] ? 1 : 2;
            bins[widest] = Math.Max(1, bins[widest] / 2);
        }

        for (int axis = 0; axis < 3; axis++)
        {
            reach[axis] = (int)Math.Ceiling(Cutoff * bins[axis] / extent[axis]);
            if (!periodic[axis])
            {
                reach[axis] = Math.Min(reach[axis], bins[axis] - 1);
            }
        }

        double offsets = (2.0 * reach[0] + 1) * (2.0 * reach[1] + 1) * (2.0 * reach[2] + 1);
        if (!(offsets <= MaxOffsets))
        {
            double narrowest = Math.Min(extent[0], Math.Min(extent[1], extent[2]));
            throw new InputException(FormattableString.Invariant(
                $"cut-off {Cutoff:G6} Å is {Cutoff / narrowest:G3} times the narrowest width of the cell ({narrowest:G6} Å): enumerating its periodic images would take {offsets:G3} bin offsets, more than the {MaxOffsets} allowed; use a shorter cut-off or a larger (replicated) cell"));
        }

        (_na, _nb, _nc) = (bins[0], bins[1], bins[2]);
        (_ka, _kb, _kc) = (reach[0], reach[1], reach[2]);
        int cells = _na * _nb * _nc;
        _low = new Vec3(low[0], low[1], low[2]);
        _scale = new Vec3(_na / span[0], _nb / span[1], _nc / span[2]);
        _density = density;

        // Each bin is cut into slices along c holding about two atoms each (at most MaxSlices), and the atoms of a
        // bin are ordered by slice: a central atom then scans only the slices within its reach (see the remarks).
        int slices = Math.Clamp((int)Math.Ceiling(n / (2.0 * cells)), 1, MaxSlices);
        _slices = slices;
        int sliceCount = cells * slices;
        EnsureCapacity(ref _cellStart, cells + 1);
        EnsureCapacity(ref _sliceStart, sliceCount + 1);
        EnsureCapacity(ref _sliceFill, sliceCount);
        Array.Clear(_sliceStart, 0, sliceCount + 1);
        for (int i = 0; i < n; i++)
        {
            int slice = SliceOf(Keys(_frac[i]));
            _sliceOf[i] = slice;
            _sliceStart[slice + 1]++;
        }

        for (int k = 0; k < sliceCount; k++)
        {
            _sliceStart[k + 1] += _sliceStart[k];
        }

        for (int c = 0; c <= cells; c++)
        {
            _cellStart[c] = _sliceStart[c * slices];
        }

        Array.Copy(_sliceStart, _sliceFill, sliceCount);
        Mat3 h = box.H;
        for (int i = 0; i < n; i++)
        {
            int slot = _sliceFill[_sliceOf[i]]++;
            _atoms[slot] = useSubset ? subset[i] : i;
            Vec3 t = Keys(_frac[i]);
            (_keyA[slot], _keyB[slot], _keyC[slot]) = (t.X, t.Y, t.Z);
            Vec3 r = h * _frac[i];
            _x[slot] = r.X;
            _y[slot] = r.Y;
            _z[slot] = r.Z;
        }

        BuildWrapTable(periodic);
        BuildStrips(widths, span, box.IsOrthogonal);
    }

    /// <summary>Visits every unordered pair (with images) closer than the cut-off once.</summary>
    public void VisitPairs<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IPairVisitor
    {
        var hits = new PairHits<TVisitor>(visitor, _atoms);
        VisitAll(ref hits);
        visitor = hits.Visitor;
    }

    /// <summary>
    /// The pairs of <see cref="VisitPairs{TVisitor}"/>, each unordered pair (with images) closer than the cut-off
    /// once, as squared distances from one of its atoms, several at a time.
    /// </summary>
    public void VisitDistances<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IDistanceVisitor
    {
        var hits = new DistanceHits<TVisitor>(visitor, _atoms);
        VisitAll(ref hits);
        visitor = hits.Visitor;
    }

    private void VisitAll<TSink>(ref TSink sink)
        where TSink : struct, IHitSink
    {
        Scratch scratch = Scratch.Rent(_count);
        try
        {
            VisitAll(ref sink, scratch);
        }
        finally
        {
            scratch.Return();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first frame: skip the unoptimised tier
    private void VisitAll<TSink>(ref TSink sink, Scratch scratch)
        where TSink : struct, IHitSink
    {
        Mat3 h = Box.H;
        Vec3 a = h.C0, b = h.C1, c = h.C2;
        int wrapB = 2 * (_na + (2 * _ka));
        int wrapC = wrapB + (2 * (_nb + (2 * _kb)));
        bool periodicC = Box.Periodic.C;
        ReadOnlySpan<int> wrap = _wrap;
        ReadOnlySpan<int> cellStart = _cellStart;
        ReadOnlySpan<Strip> strips = _strips.AsSpan(0, _stripCount);
        for (int ia = 0; ia < _na; ia++)
        {
            for (int ib = 0; ib < _nb; ib++)
            {
                for (int ic = 0; ic < _nc; ic++)
                {
                    int c1 = (((ia * _nb) + ib) * _nc) + ic;
                    int start1 = cellStart[c1], end1 = cellStart[c1 + 1];
                    if (start1 == end1)
                    {
                        continue;
                    }

                    foreach (Strip strip in strips)
                    {
                        int ua = 2 * (ia + strip.A + _ka);
                        int ub = wrapB + (2 * (ib + strip.B + _kb));
                        int ja = wrap[ua], jb = wrap[ub];
                        if ((ja | jb) < 0)
                        {
                            continue; // beyond a non-periodic wall
                        }

                        Vec3 shiftAb = (wrap[ua + 1] * a) + (wrap[ub + 1] * b);
                        int row = ((ja * _nb) + jb) * _nc;

                        // The bins ic + LowC … ic + HighC along c, cut where they wrap: each piece is one run of
                        // atoms in bin order with one lattice shift.
                        int u = ic + strip.LowC;
                        int last = ic + strip.HighC;
                        if (!periodicC)
                        {
                            u = Math.Max(u, 0);
                            last = Math.Min(last, _nc - 1);
                        }

                        while (u <= last)
                        {
                            int uc = wrapC + (2 * (u + _kc));
                            int jc = wrap[uc];
                            int run = Math.Min(last - u, _nc - 1 - jc); // bins after jc in this piece
                            if (cellStart[row + jc] < cellStart[row + jc + run + 1])
                            {
                                Vec3 shift = shiftAb + (wrap[uc + 1] * c);
                                bool sameImage = strip.A == 0 && strip.B == 0 && u == ic;
                                var piece = new Run(ia + strip.A, ib + strip.B, u, (row + jc) * _slices, ((run + 1) * _slices) - 1);
                                VisitRuns(ref sink, start1, end1, piece, shift, sameImage, scratch);
                            }

                            u += run + 1;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Pairs between atoms start1…end1 and the atoms of <paramref name="piece"/> within each one's reach, shifted by
    /// <paramref name="shift"/>; with <paramref name="sameImage"/> the piece starts with the first atoms' bin (no
    /// shift), and only later atoms pair.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void VisitRuns<TSink>(
        ref TSink sink, int start1, int end1, Run piece, Vec3 shift, bool sameImage, Scratch scratch)
        where TSink : struct, IHitSink
    {
        ref double keyA = ref MemoryMarshal.GetArrayDataReference(_keyA);
        ref double keyB = ref MemoryMarshal.GetArrayDataReference(_keyB);
        ref double keyC = ref MemoryMarshal.GetArrayDataReference(_keyC);
        ref double x = ref MemoryMarshal.GetArrayDataReference(_x);
        ref double y = ref MemoryMarshal.GetArrayDataReference(_y);
        ref double z = ref MemoryMarshal.GetArrayDataReference(_z);
        ref int atoms = ref MemoryMarshal.GetArrayDataReference(_atoms);
        ref int hitSlot = ref MemoryMarshal.GetArrayDataReference(scratch.HitSlot);
        ref double hitR2 = ref MemoryMarshal.GetArrayDataReference(scratch.HitR2);
        ref int window = ref MemoryMarshal.GetArrayDataReference(scratch.Windows);
        ref int sliceStart = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sliceStart), piece.FirstSlice);
        double cutoffSquared = _cutoffSquared;
        for (int p0 = start1; p0 < end1; p0 += WindowBatch)
        {
            int count = Math.Min(end1 - p0, WindowBatch);
            Windows(ref Unsafe.Add(ref keyA, p0), ref Unsafe.Add(ref keyB, p0), ref Unsafe.Add(ref keyC, p0), count, piece, ref window);
            for (int k = 0; k < count; k++)
            {
                int p = p0 + k;
                int from = Unsafe.Add(ref sliceStart, Unsafe.Add(ref window, k));
                int to = Unsafe.Add(ref sliceStart, Unsafe.Add(ref window, WindowBatch + k) + 1);
                from = sameImage ? Math.Max(from, p + 1) : from;
                if (from >= to)
                {
                    continue;
                }

                double xi = Unsafe.Add(ref x, p) - shift.X;
                double yi = Unsafe.Add(ref y, p) - shift.Y;
                double zi = Unsafe.Add(ref z, p) - shift.Z;
                int hits = Scan(ref x, ref y, ref z, from, to, xi, yi, zi, cutoffSquared, ref hitSlot, ref hitR2);
                sink.Take(Unsafe.Add(ref atoms, p), MemoryMarshal.CreateSpan(ref hitSlot, hits), MemoryMarshal.CreateSpan(ref hitR2, hits), self: false);
            }
        }
    }

    /// <summary>
    /// Visits, for every central atom i of <paramref name="centrals"/> (indices into <paramref name="positions"/>, the
    /// positions in Å of the frame of the last build), every atom j of the list and every periodic image of it closer
    /// than the cut-off, as <c>Visit(i, j, r²)</c> with the central atom first: an ordered pair, so two atoms that are
    /// both central and in the list are visited in both orders. An atom that is in the list is not its own neighbour
    /// at zero shift; its periodic images within the cut-off are visited (both ± images). The centrals need not be in
    /// the list: a list over the atoms of species B visited from the atoms of species A gives each A–B pair once.
    /// </summary>
    /// <remarks>
    /// The central atoms are binned with the list's bins (clamped to the first or last bin along a non-periodic axis
    /// when they lie outside the range of the list's atoms, which only makes them farther from the bins they skip), then
    /// every bin offset −k … k of the list is scanned, so each (atom, image) within the cut-off is found once.
    /// </remarks>
    public void VisitPairsFrom<TVisitor>(ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> centrals, ref TVisitor visitor)
        where TVisitor : struct, IPairVisitor
    {
        var hits = new PairHits<TVisitor>(visitor, _atoms);
        VisitFrom(positions, centrals, ref hits);
        visitor = hits.Visitor;
    }

    /// <summary>
    /// The pairs of <see cref="VisitPairsFrom{TVisitor}"/>, central atom first, as squared distances from the central
    /// atom, several at a time.
    /// </summary>
    public void VisitDistancesFrom<TVisitor>(ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> centrals, ref TVisitor visitor)
        where TVisitor : struct, IDistanceVisitor
    {
        var hits = new DistanceHits<TVisitor>(visitor, _atoms);
        VisitFrom(positions, centrals, ref hits);
        visitor = hits.Visitor;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per frame: optimised from its first call, not left precompiled
    private void VisitFrom<TSink>(ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> centrals, ref TSink sink)
        where TSink : struct, IHitSink
    {
        int m = centrals.Length;
        if (m == 0 || _count == 0)
        {
            return;
        }

        double expectedPairs = m * _density * (4.0 / 3.0) * Math.PI * Cutoff * Cutoff * Cutoff;
        if (!(expectedPairs <= MaxExpectedPairs))
        {
            throw new InputException(FormattableString.Invariant(
                $"cut-off {Cutoff:G6} Å from {m} atoms among {_count} atoms at {_density:G3} atoms/Å³ would give about {expectedPairs:G3} pairs per frame, more than the {MaxExpectedPairs:G3} allowed; check the cell (a damaged box?) or use a shorter cut-off"));
        }

        int cells = _na * _nb * _nc;
        Scratch scratch = Scratch.Rent(_count);
        int[] cellOf = ArrayPool<int>.Shared.Rent(m);
        Vec3[] fracOf = ArrayPool<Vec3>.Shared.Rent(m);
        int[] start = ArrayPool<int>.Shared.Rent(cells + 1);
        int[] fill = ArrayPool<int>.Shared.Rent(cells);
        int[] atoms = ArrayPool<int>.Shared.Rent(m);
        double[] x = ArrayPool<double>.Shared.Rent(m);
        double[] y = ArrayPool<double>.Shared.Rent(m);
        double[] z = ArrayPool<double>.Shared.Rent(m);
        double[] keyA = ArrayPool<double>.Shared.Rent(m + Padding);
        double[] keyB = ArrayPool<double>.Shared.Rent(m + Padding);
        double[] keyC = ArrayPool<double>.Shared.Rent(m + Padding);
        try
        {
            // The central atoms sorted by bin (a counting sort), with wrapped Cartesian positions computed as the
            // list's own: an atom that is also in the list lands in its bin at the same position.
            Array.Clear(start, 0, cells + 1);
            for (int k = 0; k < m; k++)
            {
                Vec3 s = Fractional(positions[centrals[k]]);
                fracOf[k] = s;
                int cell = CellOf(Keys(s));
                cellOf[k] = cell;
                start[cell + 1]++;
            }

            for (int c = 0; c < cells; c++)
            {
                start[c + 1] += start[c];
            }

            Array.Copy(start, fill, cells);
            Mat3 h = Box.H;
            for (int k = 0; k < m; k++)
            {
                int slot = fill[cellOf[k]]++;
                atoms[slot] = centrals[k];
                Vec3 s = fracOf[k];
                Vec3 t = Keys(s);
                (keyA[slot], keyB[slot], keyC[slot]) = (t.X, t.Y, t.Z);
                Vec3 r = h * s;
                x[slot] = r.X;
                y[slot] = r.Y;
                z[slot] = r.Z;
            }

            VisitAllFrom(ref sink, new Centrals(atoms, x, y, z, keyA, keyB, keyC, start), scratch);
        }
        finally
        {
            scratch.Return();
            ArrayPool<int>.Shared.Return(cellOf);
            ArrayPool<Vec3>.Shared.Return(fracOf);
            ArrayPool<int>.Shared.Return(start);
            ArrayPool<int>.Shared.Return(fill);
            ArrayPool<int>.Shared.Return(atoms);
            ArrayPool<double>.Shared.Return(x);
            ArrayPool<double>.Shared.Return(y);
            ArrayPool<double>.Shared.Return(z);
            ArrayPool<double>.Shared.Return(keyA);
            ArrayPool<double>.Shared.Return(keyB);
            ArrayPool<double>.Shared.Return(keyC);
        }
    }

    /// <summary>Fractional coordinates of a position, wrapped along the periodic axes as in the build.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per atom per frame in the build
    private Vec3 Fractional(Vec3 position)
    {
        PeriodicFlags periodic = Box.Periodic;
        Vec3 s = Box.HInverse * (position - Box.Origin);
        return new Vec3(Wrap(s.X, periodic.A), Wrap(s.Y, periodic.B), Wrap(s.Z, periodic.C));
    }

    /// <summary>
    /// Bin coordinates of wrapped fractional coordinates: (s − low) times bins per unit along each axis, so that bin
    /// i holds i ≤ t &lt; i + 1 (an atom outside the binned range, a central atom beyond a wall, keeps its true t).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per atom per frame in the build
    private Vec3 Keys(Vec3 s) => new((s.X - _low.X) * _scale.X, (s.Y - _low.Y) * _scale.Y, (s.Z - _low.Z) * _scale.Z);

    /// <summary>The bin of bin coordinates, as in the build (clamped to the binned range).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per atom per frame in the build
    private int CellOf(Vec3 t) => (((Bin(t.X, _na) * _nb) + Bin(t.Y, _nb)) * _nc) + Bin(t.Z, _nc);

    /// <summary>The slice of bin coordinates: the bin times the slices per bin plus the slice of t_c within it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per atom per frame in the build
    private int SliceOf(Vec3 t)
    {
        int cell = CellOf(t);
        return (cell * _slices) + Math.Clamp((int)((t.Z - Bin(t.Z, _nc)) * _slices), 0, _slices - 1);
    }

    /// <summary>
    /// For each of <paramref name="count"/> central atoms at bin coordinates (keyA, keyB, keyC), the slices of
    /// <paramref name="piece"/> (counted from its first) that can hold an atom closer than the cut-off to it: the first
    /// in windows[k], the last in windows[WindowBatch + k]. They run from the slice of t_c − h to that of t_c + h
    /// (clamped to the piece), with h the reach along c: √(r_c² − g²) for the distance g to the piece's column of bins
    /// in an orthogonal cell, r_c otherwise (the distance along the perpendicular of c never exceeds the distance
    /// itself); none (the last before the first) when g &gt; r_c. Computed for a batch, four at a time where 256-bit
    /// vectors are accelerated (the key arrays have <see cref="Padding"/> readable slots after the atoms), before any
    /// is scanned, so that each scan's length is known early.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Windows(ref double keyA, ref double keyB, ref double keyC, int count, Run piece, ref int windows)
    {
        double reachSquared = _cutoffSquared * BoundSlack;
        double stepA = _orthogonal ? _stepA : 0, stepB = _orthogonal ? _stepB : 0;
        double columnA = piece.A, columnB = piece.B, firstC = piece.C, last = piece.LastSlice;
        double perAngstrom = _slicesPerAngstrom, slices = _slices;
        int k = 0;
        if (Avx.IsSupported && Vector256.IsHardwareAccelerated)
        {
            Vector256<double> zero = Vector256<double>.Zero, one = Vector256<double>.One;
            for (; k < count; k += Vector256<double>.Count)
            {
                Vector256<double> ta = Vector256.LoadUnsafe(ref keyA, (nuint)k) - Vector256.Create(columnA);
                Vector256<double> tb = Vector256.LoadUnsafe(ref keyB, (nuint)k) - Vector256.Create(columnB);
                Vector256<double> ga = Vector256.MaxNative(zero, Vector256.MaxNative(-ta, ta - one)) * Vector256.Create(stepA);
                Vector256<double> gb = Vector256.MaxNative(zero, Vector256.MaxNative(-tb, tb - one)) * Vector256.Create(stepB);
                Vector256<double> rest = Vector256.Create(reachSquared) - (ga * ga) - (gb * gb);
                Vector256<double> half = (Vector256.Sqrt(Vector256.MaxNative(rest, zero)) * Vector256.Create(perAngstrom)) + Vector256.Create(SliceMargin);
                Vector256<double> centre = (Vector256.LoadUnsafe(ref keyC, (nuint)k) - Vector256.Create(firstC)) * Vector256.Create(slices);
                Vector256<double> first = Vector256.Floor(Vector256.ClampNative(centre - half, zero, Vector256.Create(last)));
                Vector256<double> final = Vector256.Floor(Vector256.ClampNative(centre + half, zero, Vector256.Create(last)));
                final = Vector256.ConditionalSelect(Vector256.LessThan(rest, zero), first - one, final);
                Avx.ConvertToVector128Int32WithTruncation(first).StoreUnsafe(ref windows, (nuint)k);
                Avx.ConvertToVector128Int32WithTruncation(final).StoreUnsafe(ref windows, (nuint)(WindowBatch + k));
            }

            return;
        }

        for (; k < count; k++)
        {
            double ta = Unsafe.Add(ref keyA, k) - columnA, tb = Unsafe.Add(ref keyB, k) - columnB;
            double ga = double.MaxNative(0, double.MaxNative(-ta, ta - 1)) * stepA;
            double gb = double.MaxNative(0, double.MaxNative(-tb, tb - 1)) * stepB;
            double rest = reachSquared - (ga * ga) - (gb * gb);
            double half = (Math.Sqrt(double.MaxNative(rest, 0)) * perAngstrom) + SliceMargin;
            double centre = (Unsafe.Add(ref keyC, k) - firstC) * slices;
            int first = (int)double.ClampNative(centre - half, 0, last);
            Unsafe.Add(ref windows, k) = first;
            Unsafe.Add(ref windows, WindowBatch + k) = rest < 0 ? first - 1 : (int)double.ClampNative(centre + half, 0, last);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void VisitAllFrom<TSink>(ref TSink sink, Centrals centrals, Scratch scratch)
        where TSink : struct, IHitSink
    {
        Mat3 h = Box.H;
        Vec3 a = h.C0, b = h.C1, c = h.C2;
        int wrapB = 2 * (_na + (2 * _ka));
        int wrapC = wrapB + (2 * (_nb + (2 * _kb)));
        bool periodicC = Box.Periodic.C;
        ReadOnlySpan<int> wrap = _wrap;
        ReadOnlySpan<int> cellStart = _cellStart;
        ReadOnlySpan<int> centralStart = centrals.Start;
        ReadOnlySpan<Strip> strips = _fullStrips.AsSpan(0, _fullStripCount);
        for (int ia = 0; ia < _na; ia++)
        {
            for (int ib = 0; ib < _nb; ib++)
            {
                for (int ic = 0; ic < _nc; ic++)
                {
                    int c1 = (((ia * _nb) + ib) * _nc) + ic;
                    int start1 = centralStart[c1], end1 = centralStart[c1 + 1];
                    if (start1 == end1)
                    {
                        continue;
                    }

                    foreach (Strip strip in strips)
                    {
                        int ua = 2 * (ia + strip.A + _ka);
                        int ub = wrapB + (2 * (ib + strip.B + _kb));
                        int ja = wrap[ua], jb = wrap[ub];
                        if ((ja | jb) < 0)
                        {
                            continue; // beyond a non-periodic wall
                        }

                        Vec3 shiftAb = (wrap[ua + 1] * a) + (wrap[ub + 1] * b);
                        int row = ((ja * _nb) + jb) * _nc;
                        int u = ic + strip.LowC;
                        int last = ic + strip.HighC;
                        if (!periodicC)
                        {
                            u = Math.Max(u, 0);
                            last = Math.Min(last, _nc - 1);
                        }

                        while (u <= last)
                        {
                            int uc = wrapC + (2 * (u + _kc));
                            int jc = wrap[uc];
                            int run = Math.Min(last - u, _nc - 1 - jc);
                            if (cellStart[row + jc] < cellStart[row + jc + run + 1])
                            {
                                Vec3 shift = shiftAb + (wrap[uc + 1] * c);
                                // Unshifted: the run may hold the central atom itself (in its bin, anywhere in the run).
                                bool sameImage = strip.A == 0 && strip.B == 0 && wrap[uc + 1] == 0;
                                var piece = new Run(ia + strip.A, ib + strip.B, u, (row + jc) * _slices, ((run + 1) * _slices) - 1);
                                VisitRunsFrom(ref sink, centrals, start1, end1, piece, shift, sameImage, scratch);
                            }

                            u += run + 1;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Pairs between central atoms start1…end1 and the list atoms of <paramref name="piece"/> within each one's reach,
    /// shifted by <paramref name="shift"/>; with <paramref name="sameImage"/> (no shift: the piece may hold the
    /// central's own bin) a central atom that is in the list skips itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void VisitRunsFrom<TSink>(
        ref TSink sink, Centrals centrals, int start1, int end1, Run piece, Vec3 shift, bool sameImage, Scratch scratch)
        where TSink : struct, IHitSink
    {
        ref double x = ref MemoryMarshal.GetArrayDataReference(_x);
        ref double y = ref MemoryMarshal.GetArrayDataReference(_y);
        ref double z = ref MemoryMarshal.GetArrayDataReference(_z);
        ref int hitSlot = ref MemoryMarshal.GetArrayDataReference(scratch.HitSlot);
        ref double hitR2 = ref MemoryMarshal.GetArrayDataReference(scratch.HitR2);
        ref int window = ref MemoryMarshal.GetArrayDataReference(scratch.Windows);
        ref double keyA = ref MemoryMarshal.GetArrayDataReference(centrals.KeyA);
        ref double keyB = ref MemoryMarshal.GetArrayDataReference(centrals.KeyB);
        ref double keyC = ref MemoryMarshal.GetArrayDataReference(centrals.KeyC);
        ref int sliceStart = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sliceStart), piece.FirstSlice);
        double cutoffSquared = _cutoffSquared;
        for (int p0 = start1; p0 < end1; p0 += WindowBatch)
        {
            int count = Math.Min(end1 - p0, WindowBatch);
            Windows(ref Unsafe.Add(ref keyA, p0), ref Unsafe.Add(ref keyB, p0), ref Unsafe.Add(ref keyC, p0), count, piece, ref window);
            for (int k = 0; k < count; k++)
            {
                int p = p0 + k;
                int from = Unsafe.Add(ref sliceStart, Unsafe.Add(ref window, k));
                int to = Unsafe.Add(ref sliceStart, Unsafe.Add(ref window, WindowBatch + k) + 1);
                if (from >= to)
                {
                    continue;
                }

                double xi = centrals.X[p] - shift.X;
                double yi = centrals.Y[p] - shift.Y;
                double zi = centrals.Z[p] - shift.Z;
                int hits = Scan(ref x, ref y, ref z, from, to, xi, yi, zi, cutoffSquared, ref hitSlot, ref hitR2);
                sink.Take(centrals.Atoms[p], MemoryMarshal.CreateSpan(ref hitSlot, hits), MemoryMarshal.CreateSpan(ref hitR2, hits), sameImage);
            }
        }
    }

    /// <summary>
    /// The slots q of from…to with |r_q − r_i|² below <paramref name="cutoffSquared"/>, r_i = (xi, yi, zi), written to
    /// hitSlot with their squared distances; returns how many. With 512- or 256-bit vectors the run is scanned a whole
    /// vector at a time, the last one masked (the coordinate arrays have <see cref="Padding"/> readable slots after
    /// the atoms), and the hits of each vector are packed to the front without a branch: a data-dependent branch per
    /// vector would mispredict for about a third of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Scan(
        ref double x, ref double y, ref double z, int q, int to, double xi, double yi, double zi, double cutoffSquared, ref int hitSlot, ref double hitR2)
    {
        int hits = 0;
        if (Avx512F.IsSupported && Vector512.IsHardwareAccelerated)
        {
            Vector512<double> vx = Vector512.Create(xi), vy = Vector512.Create(yi), vz = Vector512.Create(zi);
            Vector512<double> vc = Vector512.Create(cutoffSquared);
            Vector512<long> lanes = Vector512.Create(0L, 1, 2, 3, 4, 5, 6, 7);
            Vector512<long> end = Vector512.Create((long)to);
            for (; q < to; q += Vector512<double>.Count)
            {
                Vector512<double> dx = Vector512.LoadUnsafe(ref x, (nuint)q) - vx;
                Vector512<double> dy = Vector512.LoadUnsafe(ref y, (nuint)q) - vy;
                Vector512<double> dz = Vector512.LoadUnsafe(ref z, (nuint)q) - vz;
                Vector512<double> r2 = (dx * dx) + (dy * dy) + (dz * dz);
                Vector512<long> slots = lanes + Vector512.Create((long)q);
                Vector512<double> inside = Vector512.LessThan(r2, vc) & Vector512.LessThan(slots, end).AsDouble();
                Avx512F.Compress(r2, inside, r2).StoreUnsafe(ref hitR2, (nuint)hits);
                Avx512F.ConvertToVector256Int32(Avx512F.Compress(slots, inside.AsInt64(), slots)).StoreUnsafe(ref hitSlot, (nuint)hits);
                hits += BitOperations.PopCount(inside.ExtractMostSignificantBits());
            }

            return hits;
        }

        if (Avx2.IsSupported)
        {
            Vector256<double> vx = Vector256.Create(xi), vy = Vector256.Create(yi), vz = Vector256.Create(zi);
            Vector256<double> vc = Vector256.Create(cutoffSquared);
            ref Vector256<int> packR2 = ref MemoryMarshal.GetArrayDataReference(PackR2);
            ref Vector128<int> packSlot = ref MemoryMarshal.GetArrayDataReference(PackSlot);
            for (; q < to; q += Vector256<double>.Count)
            {
                Vector256<double> dx = Vector256.LoadUnsafe(ref x, (nuint)q) - vx;
                Vector256<double> dy = Vector256.LoadUnsafe(ref y, (nuint)q) - vy;
                Vector256<double> dz = Vector256.LoadUnsafe(ref z, (nuint)q) - vz;
                Vector256<double> r2 = (dx * dx) + (dy * dy) + (dz * dz);
                int mask = (int)Vector256.LessThan(r2, vc).ExtractMostSignificantBits() & ((1 << Math.Min(to - q, 4)) - 1);
                Avx2.PermuteVar8x32(r2.AsSingle(), Unsafe.Add(ref packR2, mask)).AsDouble().StoreUnsafe(ref hitR2, (nuint)hits);
                (Vector128.Create(q) + Unsafe.Add(ref packSlot, mask)).StoreUnsafe(ref hitSlot, (nuint)hits);
                hits += BitOperations.PopCount((uint)mask);
            }

            return hits;
        }

        for (; q < to; q++)
        {
            double dx = Unsafe.Add(ref x, q) - xi;
            double dy = Unsafe.Add(ref y, q) - yi;
            double dz = Unsafe.Add(ref z, q) - zi;
            double r2 = (dx * dx) + (dy * dy) + (dz * dz);
            Unsafe.Add(ref hitSlot, hits) = q;
            Unsafe.Add(ref hitR2, hits) = r2;
            hits += r2 < cutoffSquared ? 1 : 0;
        }

        return hits;
    }

    /// <summary>Per 4-bit hit mask: the float-lane permutation that packs the hit doubles of a vector to the front.</summary>
    private static readonly Vector256<int>[] PackR2 = Enumerable.Range(0, 16).Select(mask =>
    {
        int[] lanes = new int[8];
        int k = 0;
        for (int d = 0; d < 4; d++)
        {
            if ((mask >> d & 1) != 0)
            {
                lanes[2 * k] = 2 * d;
                lanes[(2 * k) + 1] = (2 * d) + 1;
                k++;
            }
        }

        return Vector256.Create(lanes);
    }).ToArray();

    /// <summary>Per 4-bit hit mask: the lanes of the hits in order (the slot offsets of the packed hits).</summary>
    private static readonly Vector128<int>[] PackSlot = Enumerable.Range(0, 16).Select(mask =>
    {
        int[] lanes = new int[4];
        int k = 0;
        for (int d = 0; d < 4; d++)
        {
            if ((mask >> d & 1) != 0)
            {
                lanes[k++] = d;
            }
        }

        return Vector128.Create(lanes);
    }).ToArray();

    /// <summary>For each axis and unwrapped bin index u ∈ [−k, n + k): the wrapped bin and the lattice shift.</summary>
    private void BuildWrapTable(PeriodicFlags periodic)
    {
        int length = 2 * ((_na + (2 * _ka)) + (_nb + (2 * _kb)) + (_nc + (2 * _kc)));
        EnsureCapacity(ref _wrap, length);
        int at = 0;
        Span<int> bins = [_na, _nb, _nc];
        Span<int> reach = [_ka, _kb, _kc];
        for (int axis = 0; axis < 3; axis++)
        {
            for (int u = -reach[axis]; u < bins[axis] + reach[axis]; u++)
            {
                int shift = (int)Math.Floor((double)u / bins[axis]);
                bool inside = periodic[axis] || (u >= 0 && u < bins[axis]);
                _wrap[at++] = inside ? u - (shift * bins[axis]) : -1;
                _wrap[at++] = periodic[axis] ? shift : 0;
            }
        }
    }

    /// <summary>
    /// The half of the bin offsets that can hold pairs closer than the cut-off, grouped by (d_a, d_b) into
    /// contiguous ranges of d_c (the distance bound grows with |d_c|, so the kept d_c of one (d_a, d_b) are contiguous).
    /// </summary>
    private void BuildStrips(Vec3 widths, ReadOnlySpan<double> span, bool orthogonal)
    {
        int most = (((2 * _ka) + 1) * ((2 * _kb) + 1) / 2) + 1;
        EnsureCapacity(ref _strips, most);
        // Smallest distance between atoms of bins d apart along an axis, in Å (see the remarks).
        double stepA = widths.X * span[0] / _na, stepB = widths.Y * span[1] / _nb, stepC = widths.Z * span[2] / _nc;
        (_stepA, _stepB, _slicesPerAngstrom, _orthogonal) = (stepA, stepB, _slices / stepC, orthogonal);
        double limit = _cutoffSquared * BoundSlack;
        _stripCount = 0;
        for (int da = 0; da <= _ka; da++)
        {
            for (int db = da == 0 ? 0 : -_kb; db <= _kb; db++)
            {
                int low = da == 0 && db == 0 ? 0 : -_kc;
                int high = int.MinValue;
                for (int dc = low; dc <= _kc; dc++)
                {
                    double ga = Gap(da) * stepA, gb = Gap(db) * stepB, gc = Gap(dc) * stepC;
                    double bound = orthogonal
                        ? (ga * ga) + (gb * gb) + (gc * gc)
                        : Math.Max(ga * ga, Math.Max(gb * gb, gc * gc));
                    if (bound < limit)
                    {
                        high = dc;
                    }
                    else if (high == int.MinValue)
                    {
                        low = dc + 1;
                    }
                }

                if (high >= low)
                {
                    _strips[_stripCount++] = new Strip(da, db, low, high);
                }
            }
        }

        // The other half is the negated offsets (the bound depends on |d| only); the zero (d_a, d_b) strip, which
        // starts at d_c = 0, extends to −HighC.
        EnsureCapacity(ref _fullStrips, 2 * _stripCount);
        _fullStripCount = 0;
        for (int k = 0; k < _stripCount; k++)
        {
            Strip strip = _strips[k];
            if (strip.A == 0 && strip.B == 0)
            {
                _fullStrips[_fullStripCount++] = new Strip(0, 0, -strip.HighC, strip.HighC);
            }
            else
            {
                _fullStrips[_fullStripCount++] = strip;
                _fullStrips[_fullStripCount++] = new Strip(-strip.A, -strip.B, -strip.HighC, -strip.LowC);
            }
        }
    }

    private static int Gap(int d) => Math.Max(0, Math.Abs(d) - 1);

    private static void EnsureCapacity<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[length];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per atom per frame in the build
    private static int Bin(double t, int bins) => Math.Clamp((int)t, 0, bins - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per atom per frame in the build
    private static double Wrap(double s, bool periodic)
    {
        if (!periodic)
        {
            return s;
        }

        double w = s - Math.Floor(s);
        return w >= 1 ? 0 : w;
    }

    /// <summary>Bin offsets (A, B, c) for c from LowC to HighC.</summary>
    private readonly record struct Strip(int A, int B, int LowC, int HighC);

    /// <summary>
    /// A run of bins next to each other along c with one lattice shift: the unwrapped bin indices A, B of its
    /// column and C of its first bin (the central atom's bin coordinates are unwrapped), its first slice and the
    /// index of its last slice counted from the first.
    /// </summary>
    private readonly record struct Run(int A, int B, int C, int FirstSlice, int LastSlice);

    /// <summary>
    /// Scratch of one visit, from the shared pool so that visits may run on several threads at once and repeated
    /// visits do not allocate: the hits of one central atom (slots and squared distances) and the windows of a batch.
    /// </summary>
    private readonly record struct Scratch(int[] HitSlot, double[] HitR2, int[] Windows)
    {
        public static Scratch Rent(int atoms) => new(
            ArrayPool<int>.Shared.Rent(atoms + Padding), ArrayPool<double>.Shared.Rent(atoms + Padding), ArrayPool<int>.Shared.Rent((2 * WindowBatch) + Padding));

        public void Return()
        {
            ArrayPool<int>.Shared.Return(HitSlot);
            ArrayPool<double>.Shared.Return(HitR2);
            ArrayPool<int>.Shared.Return(Windows);
        }
    }

    /// <summary>Central atoms of a directed visit in bin order: original index, wrapped position (Å), bin coordinates, bin starts.</summary>
    private readonly record struct Centrals(
        int[] Atoms, double[] X, double[] Y, double[] Z, double[] KeyA, double[] KeyB, double[] KeyC, int[] Start);
}
