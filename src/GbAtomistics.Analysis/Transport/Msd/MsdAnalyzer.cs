using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;

namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// Mean-squared displacement over all time origins, MSD(k) = (1/(N(T−k))) Σ_i Σ_{t=0}^{T−k−1} |u_i(t+k) − u_i(t)|²,
/// computed per atom by FFT in O(T log T): Σ_t (x(t+k) − x(t))² = Σ_t [x(t)² + x(t+k)²] − 2 Σ_t x(t) x(t+k), the last
/// sum an autocorrelation with zero padding. Components x, y, z; ⊥ = projection on the boundary normal n and
/// ∥ = total − ⊥. D = slope / (2d), d the number of components.
/// </summary>
/// <remarks>
/// Region MSDs count an (atom, origin, lag) triple when the atom is in the region at the origin (<c>start</c>:
/// Σ_t m(t) (x(t+k) − x(t))² from a prefix sum and two cross-correlations by FFT; bulk = all − gb exactly) or at every
/// frame of the lag (<c>stay</c>: the plain FFT sums over each uninterrupted stay). Membership uses the frame's wrapped
/// position and the slab planes in fractional coordinates.
/// </remarks>
public sealed class MsdAnalyzer
{
    public MsdAnalyzer(MsdOptions options)
    {
        Options = options;
    }

    public MsdOptions Options { get; }

    /// <summary>
    /// The species whose atoms are all the MSD needs (no drift correction and no charges, which need other atoms), for
    /// <c>ReadOptions.OnlySpecies</c>; null when it needs every atom.
    /// </summary>
    internal string? OnlySpecies => Options.DriftReference is null && Options.Charges is null && !Options.ChargesFromFile ? Options.Species : null;

    /// <summary>Selects the atoms on the first frame and returns an empty accumulator.</summary>
    public MsdAccumulator Begin(Frame first) => Begin(first, splitOverRanks: true);

    /// <summary>
    /// The accumulator; with <paramref name="splitOverRanks"/> false every MPI rank keeps all atoms (for analyses of
    /// their own that need every atom on every rank, such as the ion dynamics).
    /// </summary>
    internal MsdAccumulator Begin(Frame first, bool splitOverRanks)
    {
        var species = new SpeciesIndex(first);
        int s = species.Require(Options.Species);
        var selected = Enumerable.Range(0, first.Count).Where(i => species.Of(first, i) == s).ToArray();

        double[]? drift = null;
        if (Options.DriftReference is { } reference)
        {
            int r = string.Equals(reference, "all", StringComparison.OrdinalIgnoreCase) ? -1 : species.Require(reference);
            drift = new double[first.Count];
            bool masses = Enumerable.Range(0, first.Count).All(i => Elements.Mass(first.SpeciesName(i)) is not null);
            for (int i = 0; i < first.Count; i++)
            {
                if (r < 0 || species.Of(first, i) == r)
                {
                    drift[i] = masses ? Elements.Mass(first.SpeciesName(i))!.Value : 1.0;
                }
            }
        }

        int[]? charged = null;
        double[]? charges = null;
        if (Options.ChargesFromFile)
        {
            double[] q = first.Charges ?? throw new InputException("charges from the file: the first frame has no charge column (q); give --charges such as Li=1,O=-2");
            charged = Enumerable.Range(0, first.Count).Where(i => q[i] != 0).ToArray();
            charges = charged.Select(i => q[i]).ToArray();
        }
        else if (Options.Charges is { } map)
        {
            var bySpecies = new double?[species.Count];
            foreach (var (name, q) in map)
            {
                bySpecies[species.Require(name)] = q;
            }

            charged = Enumerable.Range(0, first.Count).Where(i => bySpecies[species.Of(first, i)] is { } q && q != 0).ToArray();
            charges = charged.Select(i => bySpecies[species.Of(first, i)]!.Value).ToArray();
        }

        double? speciesCharge = null;
        if (Options.Charges?.FirstOrDefault(c => string.Equals(c.Key, species.Names[s], StringComparison.OrdinalIgnoreCase)) is { Key: not null } entry)
        {
            speciesCharge = entry.Value;
        }
        else if (first.Charges is { } fileCharges && selected.Length > 0)
        {
            speciesCharge = selected.Average(i => fileCharges[i]);
        }

        Vec3 row = first.Box.HInverse.Row(Options.NormalAxis);
        Vec3 normal = row / row.Length;
        return new MsdAccumulator(Options, first.Count, selected, normal, drift, charged, charges, speciesCharge, splitOverRanks);
    }

    /// <summary>Computes the curves and fits, in parallel over blocks of atoms (<paramref name="threads"/> workers).</summary>
    public MsdResult Finish(MsdAccumulator accumulator, int threads = 1)
    {
        int frames = accumulator.Frames;
        if (frames < 4)
        {
            throw new InputException($"the MSD needs at least 4 frames; {frames} were selected");
        }

        double dt = TimeStep(accumulator);
        int atoms = accumulator.Selected.Length;
        bool hasRegion = Options.Region is not null;
        int regions = hasRegion ? 3 : 1;
        Vec3 n = accumulator.Normal;
        int axisComponent = AxisAligned(n);

        int[] lags = Options.Fit.Lags(frames, dt);
        int stride = SpreadStride(atoms, lags.Length, frames);
        // A fixed number of atom blocks, merged in order: the sums (and the jackknife groups) do not depend on the
        // number of threads, so every output is the same for any --threads.
        int blocks = Math.Max(1, Math.Min(atoms, Blocks));
        // Under MPI, each rank computes its own contiguous run of blocks (the atoms it stored); the other ranks hold zeros
        // for them, so adding the blocks over the ranks gives every rank every block exactly, and the merge below is the
        // serial one.
        var partial = new (MsdSums Sums, MsdSpread Spread)[blocks];
        Exception? failure = null;
        try
        {
            Parallel.For(
                0,
                blocks,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
                b => partial[b] = b >= FirstBlock(blocks, MpiWorld.Rank) && b < FirstBlock(blocks, MpiWorld.Rank + 1)
                    ? Block(accumulator, (int)((long)b * atoms / blocks), (int)((long)(b + 1) * atoms / blocks), regions, axisComponent, lags, stride)
                    : (new MsdSums(regions, frames), new MsdSpread(regions, lags.Length)));
        }
        catch (Exception e) when (MpiWorld.IsParallel)
        {
            failure = e;
        }

        MpiWorld.Agree(failure);
        if (MpiWorld.IsParallel)
        {
            var buffer = new SumBuffer();
            foreach (var (blockSums, blockSpread) in partial)
            {
                blockSums.Register(buffer);
                blockSpread.Register(buffer);
            }

            buffer.SumOverRanks();
        }

        var (sums, spread) = partial[0];
        for (int b = 1; b < blocks; b++)
        {
            sums.Merge(partial[b].Sums);
            spread.Merge(partial[b].Spread);
        }

        for (int k = 0; k < frames; k++)
        {
            sums.Pairs[0][k] = (double)atoms * (frames - k);
        }

        if (hasRegion && Options.Membership == RegionMembership.Start)
        {
            // bulk = all − gb, exactly, for start membership
            for (int c = 0; c < MsdSums.ComponentCount; c++)
            {
                for (int k = 0; k < frames; k++)
                {
                    sums.Sum[2][c][k] = sums.Sum[0][c][k] - sums.Sum[1][c][k];
                }
            }

            for (int k = 0; k < frames; k++)
            {
                sums.Pairs[2][k] = sums.Pairs[0][k] - sums.Pairs[1][k];
            }
        }

        string[] names = hasRegion ? ["all", "gb", "bulk"] : ["all"];
        var curves = new List<MsdCurve>();
        double sampling = spread.Sampled > 0 ? (double)atoms / spread.Sampled : 0;
        for (int r = 0; r < regions; r++)
        {
            double walkers = r == 0 ? atoms : lags.Average(k => sums.Pairs[r][k] / (frames - k));
            curves.AddRange(Curves(names[r], sums.Sum[r], sums.Pairs[r], axisComponent, lags, frames, dt, walkers, (spread, r, sampling)));
        }

        var collective = new List<MsdCurve>();
        if (accumulator.ChargedAtoms is not null)
        {
            collective.AddRange(CollectiveCurves(accumulator, n, lags, frames, dt));
        }

        return new MsdResult(
            Options,
            atoms,
            frames,
            dt,
            n,
            curves,
            collective,
            accumulator.ChargedAtoms?.Length ?? 0,
            accumulator.VolumeSum / frames,
            accumulator.RegionAtomSum / frames,
            accumulator.RegionVolumeSum / frames,
            accumulator.UnwrapMode,
            accumulator.UnwrapWarning,
            lags,
            accumulator.SpeciesCharge)
        {
            FirstStep = accumulator.Steps[0],
            LastStep = accumulator.Steps[^1],
        };
    }

    /// <summary>Atom blocks of the MSD sums (whatever the number of threads).</summary>
    private const int Blocks = 32;

    /// <summary>The selected atoms [from, to) whose blocks this MPI rank computes (all of them serially).</summary>
    internal static (int From, int To) RankAtoms(int atoms) => RankAtoms(atoms, MpiWorld.Rank);

    /// <summary>The selected atoms [from, to) whose blocks MPI rank <paramref name="rank"/> computes.</summary>
    internal static (int From, int To) RankAtoms(int atoms, int rank)
    {
        int blocks = Math.Max(1, Math.Min(atoms, Blocks));
        return ((int)((long)FirstBlock(blocks, rank) * atoms / blocks), (int)((long)FirstBlock(blocks, rank + 1) * atoms / blocks));
    }

    /// <summary>The first of the <paramref name="blocks"/> atom blocks of <paramref name="rank"/> (ranks get contiguous runs).</summary>
    private static int FirstBlock(int blocks, int rank) => (int)((long)rank * blocks / MpiWorld.Size);

    /// <summary>
    /// Every stride-th atom feeds the jackknife, so that its direct sums cost at most about 2·10⁷ squared
    /// displacements (a few hundred atoms are plenty for 32 groups; the variance is scaled to all atoms).
    /// </summary>
    internal static int SpreadStride(int atoms, int points, int frames) =>
        Math.Max(1, (int)Math.Ceiling((double)atoms * points * frames / 2e7));

    private (MsdSums Sums, MsdSpread Spread) Block(MsdAccumulator acc, int from, int to, int regions, int axisComponent, int[] lags, int stride)
    {
        const int Chunk = 16;
        int frames = acc.Frames;
        var sums = new MsdSums(regions, frames);
        var spread = new MsdSpread(regions, lags.Length);
        var spreadWork = new SpreadWork(regions, lags.Length, frames);
        var corr = new Correlation();
        var cx = new double[Chunk][];
        var cy = new double[Chunk][];
        var cz = new double[Chunk][];
        var cp = new double[Chunk][];
        for (int c = 0; c < Chunk; c++)
        {
            cx[c] = new double[frames];
            cy[c] = new double[frames];
            cz[c] = new double[frames];
            cp[c] = new double[frames];
        }

        var mask = new double[frames];
        var work = new double[frames];
        var work2 = new double[frames];
        int padded = Correlation.PaddedSize(frames);
        var power = new double[4][];
        for (int c = 0; c < 4; c++)
        {
            power[c] = new double[padded];
        }

        Vec3 n = acc.Normal;
        for (int j0 = from; j0 < to; j0 += Chunk)
        {
            int count = Math.Min(Chunk, to - j0);

            // Gather the chunk's time series frame by frame (contiguous reads of each stored frame).
            for (int t = 0; t < frames; t++)
            {
                double[] f = acc.Positions[t];
                for (int c = 0; c < count; c++)
                {
                    int o = 3 * (j0 + c - acc.StoredFrom);
                    double px = f[o], py = f[o + 1], pz = f[o + 2];
                    cx[c][t] = px;
                    cy[c][t] = py;
                    cz[c][t] = pz;
                    cp[c][t] = (n.X * px) + (n.Y * py) + (n.Z * pz);
                }
            }

            for (int c = 0; c < count; c++)
            {
                corr.AddPower(cx[c], cy[c], power[0], power[1]);
                Correlation.AddSquareSums(cx[c], sums.Sum[0][0]);
                Correlation.AddSquareSums(cy[c], sums.Sum[0][1]);
                Correlation.AddSquareSums(cz[c], sums.Sum[0][2]);
                if (axisComponent < 0)
                {
                    corr.AddPower(cz[c], cp[c], power[2], power[3]);
                    Correlation.AddSquareSums(cp[c], sums.Sum[0][3]);
                }
                else if (c % 2 == 0)
                {
                    // two atoms' z series share one complex FFT
                    corr.AddPower(cz[c], c + 1 < count ? cz[c + 1] : [], power[2], power[2]);
                }
            }

            for (int c = 0; c < count && regions > 1; c++)
            {
                RegionSums(acc, sums, corr, j0 + c, cx[c], cy[c], cz[c], cp[c], mask, work, work2, axisComponent);
            }

            for (int c = 0; c < count; c++)
            {
                if ((j0 + c) % stride == 0)
                {
                    AddSpread(acc, spread, spreadWork, j0 + c, (j0 + c) / stride, cx[c], cy[c], cz[c], cp[c], lags, regions);
                }
            }
        }

        // Σ_atoms autocorrelation = inverse FFT of Σ_atoms power spectrum: one inverse transform per component pair.
        corr.SubtractAutocorrelation(power[0], power[1], sums.Sum[0][0], sums.Sum[0][1], frames);
        corr.SubtractAutocorrelation(power[2], power[3], sums.Sum[0][2], sums.Sum[0][3], frames);
        return (sums, spread);
    }

    /// <summary>
    /// One atom's squared displacements summed over its time origins at each fit lag, per region (membership as for
    /// the curves: at the origin for <c>start</c>, throughout the lag for <c>stay</c>), added to <paramref name="spread"/>.
    /// Direct sums, O(points × frames) per atom.
    /// </summary>
    private void AddSpread(
        MsdAccumulator acc, MsdSpread spread, SpreadWork w, int j, int sample, double[] x, double[] y, double[] z, double[] p, int[] lags, int regions)
    {
        int frames = acc.Frames;
        int m = lags.Length;
        spread.Sampled++;
        for (int r = 0; r < regions; r++)
        {
            Array.Clear(w.Raw[r]);
            Array.Clear(w.Count[r]);
        }

        bool stay = Options.Membership == RegionMembership.Stay;
        if (regions > 1)
        {
            // runEnd[t]: last frame of the run of equal membership that contains t.
            for (int t = frames - 1; t >= 0; t--)
            {
                w.Inside[t] = acc.InRegion[t][j - acc.StoredFrom];
                w.RunEnd[t] = t + 1 < frames && acc.InRegion[t + 1][j - acc.StoredFrom] == w.Inside[t] ? w.RunEnd[t + 1] : t;
            }
        }

        for (int q = 0; q < m; q++)
        {
            int k = lags[q];
            for (int t = 0; t + k < frames; t++)
            {
                double dx = x[t + k] - x[t], dy = y[t + k] - y[t], dz = z[t + k] - z[t], dp = p[t + k] - p[t];
                double sx = dx * dx, sy = dy * dy, sz = dz * dz, sp = dp * dp;
                Add(w, 0, q, m, sx, sy, sz, sp);
                if (regions > 1 && (!stay || w.RunEnd[t] >= t + k))
                {
                    Add(w, w.Inside[t] == 1 ? 1 : 2, q, m, sx, sy, sz, sp);
                }
            }
        }

        for (int r = 0; r < regions; r++)
        {
            spread.Add(r, sample, w.Raw[r], w.Count[r]);
        }

        static void Add(SpreadWork w, int r, int q, int m, double sx, double sy, double sz, double sp)
        {
            double[] raw = w.Raw[r];
            raw[q] += sx;
            raw[m + q] += sy;
            raw[(2 * m) + q] += sz;
            raw[(3 * m) + q] += sp;
            w.Count[r][q]++;
        }
    }

    private void RegionSums(
        MsdAccumulator acc, MsdSums sums, Correlation corr, int j, double[] x, double[] y, double[] z, double[] p, double[] mask, double[] work, double[] work2, int axisComponent)
    {
        int frames = acc.Frames;
        var series = new[] { x, y, z, p };
        for (int t = 0; t < frames; t++)
        {
            mask[t] = acc.InRegion[t][j - acc.StoredFrom];
        }

        int components = axisComponent >= 0 ? 3 : 4;
        if (Options.Membership == RegionMembership.Start)
        {
            for (int c = 0; c < components; c++)
            {
                AddStartSums(corr, series[c], mask, sums.Sum[1][c], work, work2);
            }

            double count = 0;
            for (int t = 0; t < frames; t++)
            {
                count += mask[t];
            }

            for (int k = 0; k < frames; k++)
            {
                sums.Pairs[1][k] += count;
                count -= mask[frames - 1 - k];
            }
        }
        else
        {
            for (int r = 1; r <= 2; r++)
            {
                byte want = (byte)(r == 1 ? 1 : 0);
                int t0 = 0;
                while (t0 < frames)
                {
                    if (mask[t0] != want)
                    {
                        t0++;
                        continue;
                    }

                    int t1 = t0;
                    while (t1 + 1 < frames && mask[t1 + 1] == want)
                    {
                        t1++;
                    }

                    int length = t1 - t0 + 1;
                    if (length > 1)
                    {
                        corr.AddSquaredDisplacementSums(x.AsSpan(t0, length), y.AsSpan(t0, length), sums.Sum[r][0], sums.Sum[r][1]);
                        if (axisComponent >= 0)
                        {
                            corr.AddSquaredDisplacementSums(z.AsSpan(t0, length), sums.Sum[r][2]);
                        }
                        else
                        {
                            corr.AddSquaredDisplacementSums(z.AsSpan(t0, length), p.AsSpan(t0, length), sums.Sum[r][2], sums.Sum[r][3]);
                        }
                    }

                    for (int k = 0; k < length; k++)
                    {
                        sums.Pairs[r][k] += length - k;
                    }

                    t0 = t1 + 1;
                }
            }
        }
    }

    /// <summary>Adds Σ_{t&lt;T−k} m(t) (x(t+k) − x(t))² = A + B − 2C (see the class remarks) to <paramref name="sum"/>.</summary>
    private static void AddStartSums(Correlation corr, double[] x, double[] m, double[] sum, double[] work, double[] work2)
    {
        int frames = x.Length;
        var squares = new double[frames];
        var weighted = new double[frames];
        for (int t = 0; t < frames; t++)
        {
            squares[t] = x[t] * x[t];
            weighted[t] = m[t] * x[t];
        }

        corr.CrossCorrelation(m, squares, work);    // B(k) = Σ m(t) x(t+k)²
        corr.CrossCorrelation(weighted, x, work2);  // C(k) = Σ m(t) x(t) x(t+k)
        double a = 0;
        for (int t = 0; t < frames; t++)
        {
            a += m[t] * squares[t];
        }

        for (int k = 0; k < frames; k++)
        {
            if (k > 0)
            {
                a -= m[frames - k] * squares[frames - k];
            }

            sum[k] += k == 0 ? 0 : Math.Max(0, a + work[k] - (2 * work2[k]));
        }
    }

    private static IEnumerable<MsdCurve> Curves(
        string region, double[][] sum, double[] pairs, int axisComponent, int[] lags, int frames, double dt, double walkers,
        (MsdSpread Spread, int Region, double Scale)? spread)
    {
        double[] perpendicularSum = axisComponent >= 0 ? sum[axisComponent] : sum[3];
        double[] Mean(Func<int, double> value) => Enumerable.Range(0, frames)
            .Select(k => pairs[k] > 0 ? value(k) / pairs[k] : double.NaN).ToArray();
        var values = new Dictionary<MsdComponent, double[]>
        {
            [MsdComponent.Total] = Mean(k => sum[0][k] + sum[1][k] + sum[2][k]),
            [MsdComponent.X] = Mean(k => sum[0][k]),
            [MsdComponent.Y] = Mean(k => sum[1][k]),
            [MsdComponent.Z] = Mean(k => sum[2][k]),
            [MsdComponent.Parallel] = Mean(k => sum[0][k] + sum[1][k] + sum[2][k] - perpendicularSum[k]),
            [MsdComponent.Perpendicular] = Mean(k => perpendicularSum[k]),
        };
        foreach (var (component, v) in values)
        {
            Jackknife? jackknife = null;
            if (spread is { } s && s.Scale > 0 && s.Spread.LeaveOneGroupOut(s.Region, (int)component) is { Length: > 0 } curves)
            {
                // The jackknife of the sampled atoms, scaled to all atoms (variance ∝ 1/atoms).
                jackknife = new Jackknife(curves, 1 / s.Scale);
            }

            DiffusionEstimate fit = DiffusionFitter.Fit(v, lags, frames, dt, MsdCurve.DimensionsOf(component), walkers, jackknife);
            yield return new MsdCurve(region, component, v, (double[])pairs.Clone(), fit);
        }
    }

    private static IEnumerable<MsdCurve> CollectiveCurves(MsdAccumulator acc, Vec3 n, int[] lags, int frames, double dt)
    {
        var m = new double[4][];
        for (int c = 0; c < 4; c++)
        {
            m[c] = new double[frames];
        }

        for (int t = 0; t < frames; t++)
        {
            m[0][t] = acc.ChargeDisplacement[3 * t];
            m[1][t] = acc.ChargeDisplacement[(3 * t) + 1];
            m[2][t] = acc.ChargeDisplacement[(3 * t) + 2];
            m[3][t] = (n.X * m[0][t]) + (n.Y * m[1][t]) + (n.Z * m[2][t]);
        }

        var corr = new Correlation();
        var sums = new double[][] { new double[frames], new double[frames], new double[frames], new double[frames] };
        corr.AddSquaredDisplacementSums(m[0], m[1], sums[0], sums[1]);
        corr.AddSquaredDisplacementSums(m[2], m[3], sums[2], sums[3]);
        double[] pairs = Enumerable.Range(0, frames).Select(k => (double)(frames - k)).ToArray();
        return Curves("collective", sums, pairs, -1, lags, frames, dt, 1.0, null);
    }

    /// <summary>Buffers of <see cref="AddSpread"/> for one block.</summary>
    private sealed class SpreadWork(int regions, int points, int frames)
    {
        public double[][] Raw { get; } = Enumerable.Range(0, regions).Select(_ => new double[4 * points]).ToArray();

        public double[][] Count { get; } = Enumerable.Range(0, regions).Select(_ => new double[points]).ToArray();

        public byte[] Inside { get; } = new byte[frames];

        public int[] RunEnd { get; } = new int[frames];
    }

    private static int AxisAligned(Vec3 n)
    {
        if (n.Y == 0 && n.Z == 0) return 0;
        if (n.X == 0 && n.Z == 0) return 1;
        if (n.X == 0 && n.Y == 0) return 2;
        return -1;
    }

    internal static double TimeStep(MsdAccumulator acc)
    {
        if (acc.Times.Any(t => t is null))
        {
            throw new InputException("the frames carry no time: give the MD timestep with --timestep (e.g. 2fs) so lag times are known");
        }

        double t0 = acc.Times[0]!.Value;
        double dt = acc.Times[1]!.Value - t0;
        if (!(dt > 0))
        {
            throw new InputException(FormattableString.Invariant($"frames 0 and 1 are at times {t0} and {acc.Times[1]} ps: expected increasing times"));
        }

        for (int k = 2; k < acc.Times.Count; k++)
        {
            double expected = t0 + (k * dt);
            if (Math.Abs(acc.Times[k]!.Value - expected) > 1e-6 * Math.Max(dt, Math.Abs(expected)))
            {
                throw new InputException(FormattableString.Invariant(
                    $"analysed frame {k} (step {acc.Steps[k]}) is at {acc.Times[k]} ps but {expected} ps was expected: the MSD needs evenly spaced frames (a restart or missing frames?)"));
            }
        }

        return dt;
    }
}
