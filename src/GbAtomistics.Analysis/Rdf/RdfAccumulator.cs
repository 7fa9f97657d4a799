using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Analysis.Rdf;

/// <summary>
/// Raw RDF sums over a block of frames. Per frame and pair A–B it adds count/(N_A ρ_B) per bin, with
/// ρ_B = (N_B − δ_AB)/V of that frame, and count/N_A for the cumulative coordination; <see cref="RdfAnalyzer.Finish"/>
/// divides by the number of frames and the exact shell volumes. Accumulators of disjoint frame blocks merge.
/// </summary>
public sealed class RdfAccumulator : IFrameAccumulator
{
    private readonly RdfOptions _options;
    private readonly SpeciesIndex _species;
    private readonly int[] _pairOf;        // [central species * S + neighbour species] → pair index or −1
    private readonly double[] _frameCounts; // scratch: raw counts of one frame, pairs then total
    private bool[] _central = [];
    private int[] _speciesOfAtom = [];

    internal RdfAccumulator(RdfOptions options, SpeciesIndex species, IReadOnlyList<SpeciesPair> pairs, int[] pairOf)
    {
        _options = options;
        _species = species;
        Pairs = pairs;
        _pairOf = pairOf;
        int histograms = pairs.Count + 1;
        Normalised = new double[histograms * options.Bins];
        PerCentral = new double[histograms * options.Bins];
        FramesWithCentral = new int[histograms];
        CentralSum = new double[histograms];
        _frameCounts = new double[histograms * options.Bins];
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

    public int Frames { get; private set; }

    /// <summary>Adds one frame.</summary>
    public void Accumulate(Frame frame)
    {
        int n = frame.Count;
        if (_central.Length != n)
        {
            _central = new bool[n];
            _speciesOfAtom = new int[n];
        }

        int s = _species.Count;
        int[] speciesCount = new int[s];
        int[] centralCount = new int[s];
        int centralTotal = 0;
        for (int i = 0; i < n; i++)
        {
            int sp = _species.Of(frame, i);
            _speciesOfAtom[i] = sp;
            bool central = _options.Region?.Contains(frame.Box, frame.Positions[i]) ?? true;
            _central[i] = central;
            if (sp >= 0)
            {
                speciesCount[sp]++;
                if (central) centralCount[sp]++;
            }

            if (central) centralTotal++;
        }

        Array.Clear(_frameCounts);
        var visitor = new Visitor
        {
            Counts = _frameCounts,
            Central = _central,
            SpeciesOf = _speciesOfAtom,
            PairOf = _pairOf,
            SpeciesCount = s,
            Bins = _options.Bins,
            InverseWidth = _options.Bins / _options.RMax,
            TotalOffset = Pairs.Count * _options.Bins,
        };
        new CellList(frame.Box, frame.Positions.AsSpan(0, n), _options.RMax).VisitPairs(ref visitor);

        double volume = frame.Box.Volume;
        for (int p = 0; p <= Pairs.Count; p++)
        {
            int nCentral, nNeighbour;
            bool same;
            if (p < Pairs.Count)
            {
                int a = _species.IndexOf(Pairs[p].Central);
                int b = _species.IndexOf(Pairs[p].Neighbour);
                nCentral = centralCount[a];
                nNeighbour = speciesCount[b];
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
            int offset = p * _options.Bins;
            for (int k = 0; k < _options.Bins; k++)
            {
                double c = _frameCounts[offset + k];
                Normalised[offset + k] += c / (nCentral * density);
                PerCentral[offset + k] += c / nCentral;
            }
        }

        Frames++;
    }

    /// <summary>Adds the sums of another accumulator over a disjoint block of frames.</summary>
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
        if (other.Pairs.Count != Pairs.Count || other.Normalised.Length != Normalised.Length)
        {
            throw new ArgumentException("accumulators of different RDF set-ups cannot be merged", nameof(other));
        }

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

    private struct Visitor : IPairVisitor
    {
        public double[] Counts;
        public bool[] Central;
        public int[] SpeciesOf;
        public int[] PairOf;
        public int SpeciesCount;
        public int Bins;
        public double InverseWidth;
        public int TotalOffset;

        public void Visit(int i, int j, double distanceSquared)
        {
            int bin = (int)(Math.Sqrt(distanceSquared) * InverseWidth);
            if (bin >= Bins)
            {
                return;
            }

            int si = SpeciesOf[i];
            int sj = SpeciesOf[j];
            if (Central[i])
            {
                Counts[TotalOffset + bin]++;
                if (si >= 0 && sj >= 0 && PairOf[(si * SpeciesCount) + sj] is int p and >= 0)
                {
                    Counts[(p * Bins) + bin]++;
                }
            }

            if (Central[j])
            {
                Counts[TotalOffset + bin]++;
                if (si >= 0 && sj >= 0 && PairOf[(sj * SpeciesCount) + si] is int p and >= 0)
                {
                    Counts[(p * Bins) + bin]++;
                }
            }
        }
    }
}
