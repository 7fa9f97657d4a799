using GbAtomistics.Core;
using MathNet.Numerics.Distributions;

namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// Finds hops with the criterion of <see cref="HopAnalysis"/>, in parallel over ions (each ion's hops are found
/// independently and gathered in ion order, so the result does not depend on the number of threads).
/// </summary>
internal static class HopDetector
{
    /// <summary>Width of the hop-length histogram bins (Å).</summary>
    public const double LengthBin = 0.1;

    /// <summary>
    /// Half the median over the ions of the distance to the nearest other mobile ion (minimum image) in frame 0: in an
    /// ordered lattice of sites, half the shortest site–site distance. At most 2000 ions (evenly spaced) are centres.
    /// </summary>
    public static (double Distance, double NearestNeighbour) DefaultDistance(DynamicsFrames f, int threads)
    {
        int atoms = f.Atoms;
        if (atoms < 2)
        {
            throw new InputException("hops: the default --hop-distance needs at least two mobile ions; give --hop-distance in Å");
        }

        Box box = f.Boxes[0];
        int step = Math.Max(1, atoms / 2000);
        int[] centres = Enumerable.Range(0, atoms).Where(i => i % step == 0).ToArray();
        var nearest = new double[centres.Length];
        Parallel.For(0, centres.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            int i = centres[c];
            Vec3 ri = f.Position(0, i);
            double best = double.MaxValue;
            for (int j = 0; j < atoms; j++)
            {
                if (j != i)
                {
                    best = Math.Min(best, box.MinimumImage(f.Position(0, j) - ri).LengthSquared);
                }
            }

            nearest[c] = Math.Sqrt(best);
        });
        Array.Sort(nearest);
        double median = nearest.Length % 2 == 1 ? nearest[nearest.Length / 2] : 0.5 * (nearest[(nearest.Length / 2) - 1] + nearest[nearest.Length / 2]);
        if (!(median > 0))
        {
            throw new InputException("hops: mobile ions overlap in the first frame (nearest-neighbour distance 0); give --hop-distance in Å");
        }

        return (median / 2, median);
    }

    public static HopAnalysis Detect(DynamicsFrames f, long[] ids, IReadOnlyList<long> steps, double dt, double distance, string source, int window, int threads)
    {
        int frames = f.Count;
        if (window >= frames)
        {
            throw new InputException(FormattableString.Invariant(
                $"--hop-window: {window} frames ({window * dt:G4} ps) is not shorter than the {frames} frames analysed; give a shorter window"));
        }

        int lo = (window - 1) / 2, hi = window - 1 - lo;
        int first = lo, last = frames - 1 - hi;
        string[] names = f.RegionNames;
        int regions = names.Length;
        var perAtom = new AtomHops[f.Atoms];
        Parallel.For(0, f.Atoms, new ParallelOptions { MaxDegreeOfParallelism = threads }, j =>
        {
            perAtom[j] = One(f, j, ids[j], steps, dt, distance, window, lo, hi, first, last);
        });

        var events = perAtom.SelectMany(a => a.Events).ToList();
        var summaries = new List<HopRegionSummary>();
        double observed = (last - first) * dt;
        for (int r = 0; r < regions; r++)
        {
            string name = names[r];
            bool Here(string region) => r == 0 || region == name;
            HopEvent[] hops = events.Where(e => Here(e.FromRegion)).ToArray();
            double exposure = perAtom.Sum(a => r == 0 ? a.Exposure.Values.Sum() : a.Exposure.GetValueOrDefault(name));
            double[] complete = perAtom.SelectMany(a => a.Complete.Where(c => Here(c.Region)).Select(c => c.Ps)).ToArray();
            int censored = perAtom.Sum(a => a.Censored.Count(c => Here(c)));
            int n = hops.Length;
            double mean = complete.Length > 0 ? complete.Average() : double.NaN;
            double sd = complete.Length > 1 ? Math.Sqrt(complete.Sum(c => (c - mean) * (c - mean)) / (complete.Length - 1)) : double.NaN;
            int? crossing = f.Region is null ? null : hops.Count(h => h.CrossesPlane == true);
            double? fraction = crossing is { } x && n > 0 ? (double)x / n : null;
            summaries.Add(new HopRegionSummary(
                name,
                n,
                exposure,
                observed > 0 ? exposure / observed : double.NaN,
                exposure > 0 ? n / exposure : double.NaN,
                exposure > 0 ? Math.Sqrt(n) / exposure : double.NaN,
                exposure > 0 ? ChiSquared.InvCDF((2 * n) + 2, 0.95) / 2 / exposure : double.NaN,
                n > 0 ? hops.Average(h => h.Length) : double.NaN,
                complete.Length,
                mean,
                sd / Math.Sqrt(complete.Length),
                censored,
                n > 0 ? exposure / n : double.NaN,
                n > 0 ? exposure / n / Math.Sqrt(n) : double.NaN,
                crossing,
                fraction,
                fraction is { } fr ? Math.Sqrt(fr * (1 - fr) / n) : null));
        }

        double longest = events.Count > 0 ? events.Max(e => e.Length) : 0;
        int bins = Math.Max(1, (int)Math.Floor(longest / LengthBin) + 1);
        var histogram = new Dictionary<string, int[]>();
        for (int r = 0; r < regions; r++)
        {
            var counts = new int[bins];
            foreach (HopEvent e in events.Where(e => r == 0 || e.FromRegion == names[r]))
            {
                counts[Math.Min(bins - 1, (int)(e.Length / LengthBin))]++;
            }

            histogram[names[r]] = counts;
        }

        return new HopAnalysis(distance, source, window, window * dt, observed, events, summaries, LengthBin, histogram);
    }

    private static AtomHops One(DynamicsFrames f, int j, long id, IReadOnlyList<long> steps, double dt, double distance, int window, int lo, int hi, int first, int last)
    {
        int frames = f.Count;
        // prefix sums of the unwrapped position: mean over [a, b] = (P[b + 1] − P[a]) / (b − a + 1)
        var prefix = new Vec3[frames + 1];
        for (int t = 0; t < frames; t++)
        {
            prefix[t + 1] = prefix[t] + f.Position(t, j);
        }

        Vec3 Mean(int a, int b) => (prefix[b + 1] - prefix[a]) / (b - a + 1);

        var result = new AtomHops();
        double d2 = distance * distance;
        Vec3 site = Mean(first - lo, first + hi);
        int assigned = first;
        string region = RegionOf(f, site, first);
        int previousHop = -1;
        for (int t = first + 1; t <= last; t++)
        {
            Vec3 smooth = Mean(t - lo, t + hi);
            if ((smooth - site).LengthSquared <= d2)
            {
                continue;
            }

            Vec3 next = Mean(t, Math.Min(frames - 1, t + window - 1));
            string to = RegionOf(f, next, t);
            bool? crosses = f.Region is { } slabs ? Crosses(slabs, f.Boxes[t], site, next) : null;
            double? residence = previousHop >= 0 ? (t - previousHop) * dt : null;
            result.Events.Add(new HopEvent(id, t, steps[t], t * dt, site, next, region, to, crosses, residence));
            result.AddExposure(region, (t - assigned) * dt);
            if (residence is { } ps)
            {
                result.Complete.Add((region, ps));
            }
            else
            {
                result.Censored.Add(region);
            }

            site = next;
            assigned = t;
            region = to;
            previousHop = t;
        }

        result.AddExposure(region, (last - assigned) * dt);
        result.Censored.Add(region);
        return result;
    }

    private static string RegionOf(DynamicsFrames f, Vec3 site, int t) =>
        f.Region is not { } slabs ? "all" : slabs.Contains(f.Boxes[t], site) ? "gb" : "bulk";

    /// <summary>Whether the segment from <paramref name="a"/> to <paramref name="b"/> (unwrapped) passes a plane p + m (any whole m) along the slab axis.</summary>
    internal static bool Crosses(SlabRegion slabs, Box box, Vec3 a, Vec3 b)
    {
        double fa = box.ToFractional(a)[slabs.Axis], fb = box.ToFractional(b)[slabs.Axis];
        double low = Math.Min(fa, fb), high = Math.Max(fa, fb);
        return slabs.Planes.Any(p => Math.Floor(high - p) > Math.Floor(low - p));
    }

    /// <summary>One ion's hops, residence intervals and time per region.</summary>
    private sealed class AtomHops
    {
        public List<HopEvent> Events { get; } = [];

        public List<(string Region, double Ps)> Complete { get; } = [];

        public List<string> Censored { get; } = [];

        public Dictionary<string, double> Exposure { get; } = [];

        public void AddExposure(string region, double ps) => Exposure[region] = Exposure.GetValueOrDefault(region) + ps;
    }
}
