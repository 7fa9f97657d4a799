using System.Buffers;
using System.Runtime.CompilerServices;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Analysis;

/// <summary>
/// A pair loop over chosen unordered species pairs {A, B} only. Each pair is given a neighbour species (for A–A, A
/// itself; for A–B, the species shared by more of the chosen pairs); per frame one cell list is built over the atoms
/// of each neighbour species B, with the largest cut-off (Å) of its pairs, and shared by those pairs: it is visited
/// within itself for B–B (each unordered pair once) and from the atoms of the other species A of its pairs (each A–B
/// pair once, the A atom first). So every unordered pair of atoms of a chosen species pair, with each of its periodic
/// images, closer than that cut-off reaches the visitor exactly once, as in <see cref="CellList.VisitPairs{TVisitor}"/>
/// over all atoms, but the pairs of other species are never scanned. The squared distance may differ from the
/// all-atom loop's in the last bit (the two atoms may be subtracted in the other order).
/// </summary>
internal sealed class SpeciesPairLoop
{
    /// <summary>
    /// The loop is taken when its pair count (Σ over the lists of N_B²/2 for B–B plus N_B Σ N_A for the A–B pairs,
    /// with the numbers of atoms of the frame) is below this fraction of the all-atom count N²/2: it builds several
    /// lists, and its lists are sparser (coarser bins test more distances per pair).
    /// </summary>
    private const double Worthwhile = 0.75;

    private readonly int _species;
    private readonly int[] _listSpecies;       // per list: its neighbour species B
    private readonly bool[] _self;             // per list: B–B chosen
    private readonly int[][] _centralSpecies;  // per list: the species A ≠ B of its A–B pairs
    private readonly double[] _cutoff;         // per list (Å)
    private readonly int[] _start;             // per species: first slot in _bySpecies, then the end
    private int[] _bySpecies = [];             // during a visit: atom indices grouped by species, ascending within a species

    /// <summary>
    /// The loop over <paramref name="pairs"/> (species indices 0 … <paramref name="species"/> − 1, either order, with
    /// the cut-off in Å each needs; repeated pairs take the largest).
    /// </summary>
    public SpeciesPairLoop(int species, IEnumerable<(int A, int B, double Cutoff)> pairs)
    {
        _species = species;
        var cutoffs = new Dictionary<(int, int), double>();
        foreach ((int a, int b, double cutoff) in pairs)
        {
            if (a < 0 || b < 0 || a >= species || b >= species)
            {
                throw new ArgumentOutOfRangeException(nameof(pairs), $"species {a}, {b} outside 0…{species - 1}");
            }

            var key = (Math.Min(a, b), Math.Max(a, b));
            cutoffs[key] = Math.Max(cutoff, cutoffs.GetValueOrDefault(key));
        }

        // The neighbour species of A–B: the one in more of the chosen pairs (then the later one), so lists are shared.
        var uses = new int[species];
        foreach ((int a, int b) in cutoffs.Keys)
        {
            uses[a]++;
            if (b != a)
            {
                uses[b]++;
            }
        }

        var self = new bool[species];
        var centrals = Enumerable.Range(0, species).Select(_ => new SortedSet<int>()).ToArray();
        var listCutoff = new double[species];
        foreach (((int a, int b), double cutoff) in cutoffs.OrderBy(kv => kv.Key))
        {
            int neighbour = a == b || uses[b] >= uses[a] ? b : a;
            int central = neighbour == b ? a : b;
            if (central == neighbour)
            {
                self[neighbour] = true;
            }
            else
            {
                centrals[neighbour].Add(central);
            }

            listCutoff[neighbour] = Math.Max(listCutoff[neighbour], cutoff);
        }

        int[] used = Enumerable.Range(0, species).Where(b => self[b] || centrals[b].Count > 0).ToArray();
        _listSpecies = used;
        _self = used.Select(b => self[b]).ToArray();
        _centralSpecies = used.Select(b => centrals[b].ToArray()).ToArray();
        _cutoff = used.Select(b => listCutoff[b]).ToArray();
        _start = new int[species + 1];
    }

    /// <summary>Frames whose pairs this loop visited (rather than leaving them to the all-atom loop).</summary>
    public int FramesVisited { get; private set; }

    /// <summary>
    /// Visits the chosen pairs of one frame when that is cheaper than the all-atom loop (see <see cref="Worthwhile"/>);
    /// returns false, having visited nothing, when it is not. <paramref name="speciesOf"/> gives each atom's species
    /// index; atoms of other values (an unknown species) are never visited.
    /// </summary>
    public bool TryVisit<TVisitor>(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> speciesOf, ref TVisitor visitor)
        where TVisitor : struct, IPairVisitor
    {
        var pairs = new Pairs<TVisitor> { Visitor = visitor };
        bool visited = TryVisitLists(box, positions, speciesOf, ref pairs);
        visitor = pairs.Visitor;
        return visited;
    }

    /// <summary>
    /// As <see cref="TryVisit{TVisitor}"/>, but hands the pairs on as squared distances by species pair, several at a
    /// time: for analyses that need only the species and the distance of a pair (the partial RDF), which are then
    /// spared looking up the atoms.
    /// </summary>
    public bool TryVisitDistances<TVisitor>(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> speciesOf, ref TVisitor visitor)
        where TVisitor : struct, ISpeciesDistanceVisitor
    {
        var distances = new Distances<TVisitor> { Visitor = visitor, Batch = ArrayPool<double>.Shared.Rent(Distances<TVisitor>.BatchSize) };
        try
        {
            bool visited = TryVisitLists(box, positions, speciesOf, ref distances);
            visitor = distances.Visitor;
            return visited;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(distances.Batch);
        }
    }

    private bool TryVisitLists<TLists>(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> speciesOf, ref TLists lists)
        where TLists : struct, IListVisit
    {
        // The per-atom scratch is borrowed for the frame, not kept per loop (a run keeps one loop per lane).
        int n = positions.Length;
        _bySpecies = ArrayPool<int>.Shared.Rent(n);
        try
        {
            return TryVisitGrouped(box, positions, speciesOf, ref lists);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(_bySpecies);
            _bySpecies = [];
        }
    }

    private bool TryVisitGrouped<TLists>(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> speciesOf, ref TLists lists)
        where TLists : struct, IListVisit
    {
        int n = positions.Length;
        Group(speciesOf, n);
        double cost = 0;
        for (int l = 0; l < _listSpecies.Length; l++)
        {
            double nb = Count(_listSpecies[l]);
            cost += _self[l] ? 0.5 * nb * nb : 0;
            foreach (int a in _centralSpecies[l])
            {
                cost += nb * Count(a);
            }
        }

        if (!(cost < Worthwhile * 0.5 * n * (double)n))
        {
            return false;
        }

        for (int l = 0; l < _listSpecies.Length; l++)
        {
            int b = _listSpecies[l];
            ReadOnlySpan<int> atoms = _bySpecies.AsSpan(_start[b], Count(b));
            CellList list = CellListPool.Rent(box, positions, atoms, _cutoff[l]);
            try
            {
                lists.Visit(this, list, l, positions);
            }
            finally
            {
                CellListPool.Return(list);
            }
        }

        FramesVisited++;
        return true;
    }

    /// <summary>The pairs of list <paramref name="l"/>: within it for B–B, from the atoms of its central species for A–B.</summary>
    private void VisitPairs<TVisitor>(CellList list, int l, ReadOnlySpan<Vec3> positions, ref TVisitor visitor)
        where TVisitor : struct, IPairVisitor
    {
        if (_self[l])
        {
            list.VisitPairs(ref visitor);
        }

        int m = 0;
        foreach (int a in _centralSpecies[l])
        {
            m += Count(a);
        }

        if (m == 0)
        {
            return;
        }

        int[] centrals = ArrayPool<int>.Shared.Rent(m);
        try
        {
            m = 0;
            foreach (int a in _centralSpecies[l])
            {
                _bySpecies.AsSpan(_start[a], Count(a)).CopyTo(centrals.AsSpan(m));
                m += Count(a);
            }

            list.VisitPairsFrom(positions, centrals.AsSpan(0, m), ref visitor);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(centrals);
        }
    }

    /// <summary>The pairs of list <paramref name="l"/> as distances, one species pair at a time.</summary>
    private void VisitDistances<TVisitor>(CellList list, int l, ReadOnlySpan<Vec3> positions, ref Distances<TVisitor> distances)
        where TVisitor : struct, ISpeciesDistanceVisitor
    {
        int b = _listSpecies[l];
        if (_self[l])
        {
            (distances.Central, distances.Neighbour) = (b, b);
            list.VisitDistances(ref distances);
            distances.Flush();
        }

        foreach (int a in _centralSpecies[l])
        {
            (distances.Central, distances.Neighbour) = (a, b);
            list.VisitDistancesFrom(positions, _bySpecies.AsSpan(_start[a], Count(a)), ref distances);
            distances.Flush();
        }
    }

    private int Count(int species) => _start[species + 1] - _start[species];

    /// <summary>Sorts the atom indices by species (a counting sort, stable).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per frame: optimised from its first call, not left precompiled
    private void Group(ReadOnlySpan<int> speciesOf, int n)
    {
        Array.Clear(_start);
        for (int i = 0; i < n; i++)
        {
            int s = speciesOf[i];
            if ((uint)s < (uint)_species)
            {
                _start[s + 1]++;
            }
        }

        for (int s = 0; s < _species; s++)
        {
            _start[s + 1] += _start[s];
        }

        Span<int> fill = _species <= 64 ? stackalloc int[_species] : new int[_species];
        _start.AsSpan(0, _species).CopyTo(fill);
        for (int i = 0; i < n; i++)
        {
            int s = speciesOf[i];
            if ((uint)s < (uint)_species)
            {
                _bySpecies[fill[s]++] = i;
            }
        }
    }

    /// <summary>How the pairs of one list are handed on: as pairs, or as distances by species pair.</summary>
    private interface IListVisit
    {
        void Visit(SpeciesPairLoop loop, CellList list, int l, ReadOnlySpan<Vec3> positions);
    }

    private struct Pairs<TVisitor> : IListVisit
        where TVisitor : struct, IPairVisitor
    {
        public TVisitor Visitor;

        public void Visit(SpeciesPairLoop loop, CellList list, int l, ReadOnlySpan<Vec3> positions) =>
            loop.VisitPairs(list, l, positions, ref Visitor);
    }

    /// <summary>
    /// The distances of one species pair at a time, central species first, gathered over scans (of any central atom
    /// of the pair) into batches, so the visitor treats hundreds at once rather than the few of one scan.
    /// </summary>
    private struct Distances<TVisitor> : IListVisit, IDistanceVisitor
        where TVisitor : struct, ISpeciesDistanceVisitor
    {
        /// <summary>Distances handed on at once (at least).</summary>
        public const int BatchSize = 1024;

        public TVisitor Visitor;
        public int Central;
        public int Neighbour;
        public double[] Batch;
        private int _count;

        public void Visit(SpeciesPairLoop loop, CellList list, int l, ReadOnlySpan<Vec3> positions) =>
            loop.VisitDistances(list, l, positions, ref this);

        [MethodImpl(MethodImplOptions.AggressiveInlining)] // per scan in the pair loop
        public void Visit(int i, ReadOnlySpan<double> distancesSquared)
        {
            if (_count + distancesSquared.Length > BatchSize)
            {
                Flush();
                if (distancesSquared.Length > BatchSize)
                {
                    Visitor.Visit(Central, Neighbour, distancesSquared);
                    return;
                }
            }

            distancesSquared.CopyTo(Batch.AsSpan(_count));
            _count += distancesSquared.Length;
        }

        /// <summary>Hands on the distances gathered so far (before the species pair changes, and at the end).</summary>
        public void Flush()
        {
            if (_count > 0)
            {
                Visitor.Visit(Central, Neighbour, Batch.AsSpan(0, _count));
                _count = 0;
            }
        }
    }
}
