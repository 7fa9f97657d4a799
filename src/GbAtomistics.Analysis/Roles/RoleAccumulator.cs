using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// Raw sums of the role analysis over a block of frames: per species with a role and per region (all, gb, bulk) a
/// histogram of the coordination number by the counter-ions, and per frame the sums of CN, mean bond length and
/// bond-valence sum (kept per frame, with the step, so standard errors can be taken over blocks of frames).
/// Accumulators of disjoint frame blocks merge.
/// </summary>
public sealed class RoleAccumulator : IReducibleAccumulator
{
    private readonly RoleOptions _options;
    private readonly SpeciesIndex _species;
    private readonly int[] _groupOf;        // species index → group index or −1
    private readonly double[] _cutoffSquared; // [si * S + sj], 0 when not bonded
    private readonly double[] _r0;          // [si * S + sj]
    private readonly int[] _sign;           // per group: +1 cation/centre, −1 anion
    private int[] _cn = [];
    private double[] _length = [];
    private double[] _bvs = [];
    private int[] _speciesOfAtom = [];
    private readonly SpeciesPairLoop _bondedPairs;

    internal RoleAccumulator(RoleOptions options, SpeciesIndex species, int[] groupOf, double[] cutoffSquared, double[] r0, int[] sign)
    {
        _options = options;
        _species = species;
        _groupOf = groupOf;
        _cutoffSquared = cutoffSquared;
        _r0 = r0;
        _sign = sign;
        int s = species.Count;

        // Each bonded species pair once; the lists' cut-offs are a hair longer than √(r_c²) so that rounding cannot
        // drop a bond the visitor's r² < r_c² test keeps.
        _bondedPairs = new SpeciesPairLoop(
            s,
            Enumerable.Range(0, s * s).Where(k => k / s <= k % s && cutoffSquared[k] > 0)
                .Select(k => (k / s, k % s, Math.Sqrt(cutoffSquared[k]) * (1 + 1e-12))));
        Histograms = new long[sign.Length * 3][];
        for (int k = 0; k < Histograms.Length; k++)
        {
            Histograms[k] = [];
        }
    }

    /// <summary>Counts of each CN, [group * 3 + region] with region 0 = all, 1 = gb, 2 = bulk.</summary>
    internal long[][] Histograms { get; }

    /// <summary>Per frame: its step, the order it was seen in, and the sums [group * 3 + region].</summary>
    internal List<(long Step, RoleFrameSums[] Sums)> FrameSums { get; } = [];

    internal SpeciesIndex Species => _species;

    /// <summary>The loop over the chosen species pairs only (its frames, of this accumulator alone, are not merged).</summary>
    internal SpeciesPairLoop BondedPairs => _bondedPairs;

    public int Frames => FrameSums.Count;

    public void Accumulate(Frame frame)
    {
        int n = frame.Count;
        int s = _species.Count;
        if (_speciesOfAtom.Length != n)
        {
            _cn = new int[n];
            _length = new double[n];
            _bvs = new double[n];
            _speciesOfAtom = new int[n];
        }

        Array.Clear(_cn);
        Array.Clear(_length);
        Array.Clear(_bvs);
        for (int i = 0; i < n; i++)
        {
            _speciesOfAtom[i] = _species.Of(frame, i);
        }

        double maxCutoff = Math.Sqrt(_cutoffSquared.Max());
        var visitor = new Visitor
        {
            Cn = _cn,
            Length = _length,
            Bvs = _bvs,
            SpeciesOf = _speciesOfAtom,
            SpeciesCount = s,
            CutoffSquared = _cutoffSquared,
            R0 = _r0,
        };
        // Only the bonded species pairs when that is cheaper, else all pairs (the visitor drops the others). The
        // bond lengths and valences of an atom are then added in another order: equal to about 1e-15 relative.
        ReadOnlySpan<Vec3> positions = frame.Positions.AsSpan(0, n);
        if (n > 0 && maxCutoff > 0 && !_bondedPairs.TryVisit(frame.Box, positions, _speciesOfAtom, ref visitor))
        {
            CellListPool.VisitPairs(frame.Box, positions, maxCutoff, ref visitor);
        }

        var sums = new RoleFrameSums[_sign.Length * 3];
        for (int i = 0; i < n; i++)
        {
            int sp = _speciesOfAtom[i];
            int g = sp >= 0 ? _groupOf[sp] : -1;
            if (g < 0)
            {
                continue;
            }

            int cn = _cn[i];
            double v = _sign[g] * _bvs[i];
            var atom = new RoleFrameSums { Atoms = 1, Cn = cn, Cn2 = (double)cn * cn, Bvs = v, Bvs2 = v * v };
            if (cn > 0)
            {
                double mean = _length[i] / cn;
                atom.Bonded = 1;
                atom.Length = mean;
                atom.Length2 = mean * mean;
            }

            int region = _options.Region is { } r ? (r.Contains(frame.Box, frame.Positions[i]) ? 1 : 2) : 0;
            Add(sums, g * 3, cn, atom);
            if (region != 0)
            {
                Add(sums, (g * 3) + region, cn, atom);
            }
        }

        FrameSums.Add((frame.Step, sums));
    }

    private void Add(RoleFrameSums[] sums, int k, int cn, in RoleFrameSums atom)
    {
        sums[k].Add(atom);
        long[] h = Histograms[k];
        if (h.Length <= cn)
        {
            Array.Resize(ref h, cn + 1);
            Histograms[k] = h;
        }

        h[cn]++;
    }

    /// <summary>
    /// The sums for MPI: the CN histograms (lengths first made equal over the ranks) and every rank's per-frame sums laid
    /// out one after another (each rank fills its own place, zeros elsewhere), so that adding over the ranks gives every
    /// rank all frames; a collective call.
    /// </summary>
    public SumBuffer Sums()
    {
        SumBuffer buffer = new SumBuffer().AddGrowing(Histograms);

        var counts = new double[MpiWorld.Size];
        counts[MpiWorld.Rank] = FrameSums.Count;
        MpiWorld.Sum(counts);
        int offset = (int)counts.Take(MpiWorld.Rank).Sum(), total = (int)counts.Sum();
        int width = Histograms.Length, stride = 1 + (8 * width);
        var frames = new double[total * stride];
        for (int f = 0; f < FrameSums.Count; f++)
        {
            var (step, sums) = FrameSums[f];
            int o = (offset + f) * stride;
            frames[o] = step;
            for (int k = 0; k < width; k++)
            {
                RoleFrameSums x = sums[k];
                int b = o + 1 + (8 * k);
                (frames[b], frames[b + 1], frames[b + 2], frames[b + 3]) = (x.Atoms, x.Cn, x.Cn2, x.Bonded);
                (frames[b + 4], frames[b + 5], frames[b + 6], frames[b + 7]) = (x.Length, x.Length2, x.Bvs, x.Bvs2);
            }
        }

        return buffer.Add(frames).Then(() =>
        {
            FrameSums.Clear();
            for (int f = 0; f < total; f++)
            {
                int o = f * stride;
                var sums = new RoleFrameSums[width];
                for (int k = 0; k < width; k++)
                {
                    int b = o + 1 + (8 * k);
                    sums[k] = new RoleFrameSums
                    {
                        Atoms = (long)frames[b], Cn = frames[b + 1], Cn2 = frames[b + 2], Bonded = (long)frames[b + 3],
                        Length = frames[b + 4], Length2 = frames[b + 5], Bvs = frames[b + 6], Bvs2 = frames[b + 7],
                    };
                }

                FrameSums.Add(((long)frames[o], sums));
            }
        });
    }

    public void Merge(IFrameAccumulator other)
    {
        if (other is not RoleAccumulator o || o.Histograms.Length != Histograms.Length)
        {
            throw new ArgumentException("accumulators of different role set-ups cannot be merged", nameof(other));
        }

        for (int k = 0; k < Histograms.Length; k++)
        {
            long[] theirs = o.Histograms[k];
            if (Histograms[k].Length < theirs.Length)
            {
                long[] h = Histograms[k];
                Array.Resize(ref h, theirs.Length);
                Histograms[k] = h;
            }

            for (int c = 0; c < theirs.Length; c++)
            {
                Histograms[k][c] += theirs[c];
            }
        }

        FrameSums.AddRange(o.FrameSums);
    }

    private struct Visitor : IPairVisitor
    {
        public int[] Cn;
        public double[] Length;
        public double[] Bvs;
        public int[] SpeciesOf;
        public int SpeciesCount;
        public double[] CutoffSquared;
        public double[] R0;

        public void Visit(int i, int j, double distanceSquared)
        {
            int si = SpeciesOf[i];
            int sj = SpeciesOf[j];
            if (si < 0 || sj < 0)
            {
                return;
            }

            int k = (si * SpeciesCount) + sj;
            if (distanceSquared >= CutoffSquared[k])
            {
                return;
            }

            double r = Math.Sqrt(distanceSquared);
            double s = Math.Exp((R0[k] - r) / BondValenceParameters.B);
            Cn[i]++;
            Cn[j]++;
            Length[i] += r;
            Length[j] += r;
            Bvs[i] += s;
            Bvs[j] += s;
        }
    }
}
