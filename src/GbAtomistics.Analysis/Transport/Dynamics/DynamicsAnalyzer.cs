using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// Ion dynamics of one mobile species near grain boundaries: self and distinct van Hove functions
/// (<see cref="SelfVanHove"/>, <see cref="DistinctVanHove"/>), the non-Gaussian parameter α₂ at every lag
/// (<see cref="Alpha2Curve"/>) and hops (<see cref="HopAnalysis"/>), for the whole cell and, with boundaries, for the
/// GB slabs and the rest (membership at the time origin). Frames are streamed in time order and only the unwrapped
/// positions of the mobile ions are kept (T × N × 3 doubles, plus T × N bytes of membership and one cell per frame).
/// </summary>
public sealed class DynamicsAnalyzer
{
    private readonly MsdAnalyzer _msd;

    public DynamicsAnalyzer(DynamicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _msd = new MsdAnalyzer(options.Transport);
    }

    public DynamicsOptions Options { get; }

    /// <summary>The species whose atoms are all the dynamics need (as for the MSD), for <c>ReadOptions.OnlySpecies</c>; null when they need every atom.</summary>
    internal string? OnlySpecies => _msd.OnlySpecies;

    /// <summary>Selects the mobile ions on the first frame and returns an empty accumulator.</summary>
    public DynamicsAccumulator Begin(Frame first)
    {
        ArgumentNullException.ThrowIfNull(first);
        MsdAccumulator inner = _msd.Begin(first, splitOverRanks: false);
        if (inner.Selected.Length == 0)
        {
            throw new InputException($"no {Options.Transport.Species} atoms in the first frame: nothing to follow");
        }

        return new DynamicsAccumulator(Options, inner, inner.Selected.Select(i => first.Ids[i]).ToArray());
    }

    /// <summary>Computes every quantity with up to <paramref name="threads"/> workers; the numbers do not depend on it.</summary>
    public DynamicsResult Finish(DynamicsAccumulator accumulator, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        threads = Math.Max(1, threads);
        MsdAccumulator acc = accumulator.Inner;
        int frames = acc.Frames;
        if (frames < 4)
        {
            throw new InputException($"the dynamics need at least 4 frames; {frames} were selected");
        }

        double dt = MsdAnalyzer.TimeStep(acc);
        var f = new DynamicsFrames(acc.Positions, acc.InRegion, accumulator.Boxes, acc.Normal, Options.Transport.Region);
        int[] lags = Lags(frames, dt);

        double selfRMax = Options.SelfRMax ?? SelfVanHoveCalculator.AutoRMax(f, lags, threads);
        List<SelfVanHove> self = SelfVanHoveCalculator.Compute(f, lags, dt, selfRMax, Options.Bins, threads);

        int alphaStride = NonGaussianCalculator.OriginStride(f.Atoms, frames);
        List<Alpha2Curve> alpha2 = NonGaussianCalculator.Compute(f, alphaStride, threads);

        List<DistinctVanHove> distinct = [];
        string? distinctNote = null;
        int distinctStride = 0;
        double distinctRMax = double.NaN;
        int[] distinctLags = [0, .. lags];
        if (f.Boxes.Any(b => !(b.Periodic.A && b.Periodic.B && b.Periodic.C)))
        {
            distinctNote = "not computed: the cell is not periodic in all three directions, so the ideal-gas normalisation does not hold";
        }
        else if (f.Atoms < 2)
        {
            distinctNote = "not computed: fewer than two mobile ions";
        }
        else
        {
            double half = DistinctVanHoveCalculator.HalfWidth(f);
            distinctRMax = Options.DistinctRMax ?? half;
            if (distinctRMax > half + 1e-9)
            {
                throw new InputException(FormattableString.Invariant(
                    $"--distinct-r-max {distinctRMax:G6} Å: at most half the smallest cell width, {half:G6} Å, so that each pair has one minimum image"));
            }

            distinctStride = DistinctVanHoveCalculator.OriginStride(f.Atoms, frames, distinctLags);
            distinct = DistinctVanHoveCalculator.Compute(f, distinctLags, dt, distinctStride, distinctRMax, Options.Bins, threads);
        }

        int window = Math.Max(1, (int)Math.Round(Options.HopWindowPs / dt));
        double hopDistance;
        string hopSource;
        if (Options.HopDistance is { } given)
        {
            hopDistance = given;
            hopSource = "--hop-distance";
        }
        else
        {
            var (d, nn) = HopDetector.DefaultDistance(f, threads);
            hopDistance = d;
            hopSource = FormattableString.Invariant($"half the median nearest-neighbour distance between {Options.Transport.Species} ions in the first frame ({nn:F3} Å)");
        }

        HopAnalysis hops = HopDetector.Detect(f, accumulator.Ids, acc.Steps, dt, hopDistance, hopSource, window, threads);

        long bytes = ((long)frames * f.Atoms * 3 * sizeof(double)) + (f.InRegion is null ? 0 : (long)frames * f.Atoms);
        return new DynamicsResult(Options, f.Atoms, frames, dt, acc.Normal, f.RegionNames, lags, selfRMax, self, distinctLags, distinctRMax, distinctStride, distinct, distinctNote, alphaStride, alpha2, hops, bytes)
        {
            FirstStep = acc.Steps[0],
            LastStep = acc.Steps[^1],
            Unwrap = acc.UnwrapMode,
            UnwrapWarning = acc.UnwrapWarning,
        };
    }

    /// <summary>The lags in frames: the given times rounded to whole frames, or log-spaced from 1 frame to half the run.</summary>
    internal int[] Lags(int frames, double dt)
    {
        if (Options.LagsPs is { } given)
        {
            var lags = new SortedSet<int>();
            foreach (double ps in given)
            {
                int k = (int)Math.Round(ps / dt);
                if (k < 1 || k > frames - 1)
                {
                    throw new InputException(FormattableString.Invariant(
                        $"--lags {ps:G6} ps: expected a lag from one frame ({dt:G6} ps) to the length of the run ({(frames - 1) * dt:G6} ps)"));
                }

                lags.Add(k);
            }

            return lags.ToArray();
        }

        int end = Math.Max(1, frames / 2);
        int count = Options.LagCount;
        var auto = new SortedSet<int>();
        for (int i = 0; i < count; i++)
        {
            double x = count == 1 ? Math.Log(end) : Math.Log(end) * i / (count - 1);
            auto.Add(Math.Clamp((int)Math.Round(Math.Exp(x)), 1, frames - 1));
        }

        return auto.ToArray();
    }
}
