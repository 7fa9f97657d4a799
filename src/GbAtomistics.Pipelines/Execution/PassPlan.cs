using System.Globalization;
using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Profiles;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis.Transport.Dynamics;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Execution;

/// <summary>
/// The analyses of one pass over one trajectory, each registered once however many pipeline steps ask for it (two
/// steps asking for the same options share one accumulator and get the same result). Frame-parallel analyses (RDF,
/// coordination, profile) go to <see cref="FrameRunner"/> workers; the MSD is fed in time order from the reading thread.
/// </summary>
internal sealed class PassPlan
{
    private readonly List<Func<Frame, IFrameAccumulator>> _parallel = [];
    private readonly List<Func<Frame, IFrameAccumulator>> _ordered = [];
    private readonly Dictionary<string, (RdfAnalyzer Analyzer, int Slot, int Member)> _rdf = [];
    private readonly Dictionary<string, (List<RdfAnalyzer> Members, int Slot)> _rdfGroups = []; // by all but the region
    private readonly Dictionary<string, (CoordinationAnalyzer Analyzer, int Slot)> _coordination = [];
    private readonly Dictionary<string, (ProfileAnalyzer Analyzer, int Slot)> _profile = [];
    private readonly Dictionary<string, (MsdAnalyzer Analyzer, int Slot)> _msd = [];
    private readonly Dictionary<DynamicsOptions, (DynamicsAnalyzer Analyzer, int Slot)> _dynamics = [];
    private readonly Dictionary<string, object> _results = [];
    private RunOutcome? _outcome;

    public bool IsEmpty => _parallel.Count == 0 && _ordered.Count == 0;

    /// <summary>Names of the analyses in the pass, for the report.</summary>
    public List<string> Contents { get; } = [];

    public void Add(RdfOptions options)
    {
        string key = Key(options);
        if (_rdf.ContainsKey(key))
        {
            return;
        }

        // RDFs differing only in their region (whole cell, boundary, bulk) share one traversal of each frame's pairs.
        string traversal = TraversalKey(options);
        if (!_rdfGroups.TryGetValue(traversal, out var group))
        {
            group = ([], _parallel.Count);
            _rdfGroups[traversal] = group;
            List<RdfAnalyzer> members = group.Members;
            _parallel.Add(f => new RdfAccumulatorGroup(members.Select(a => a.Begin(f)).ToArray()));
        }

        var analyzer = new RdfAnalyzer(options);
        _rdf[key] = (analyzer, group.Slot, group.Members.Count);
        group.Members.Add(analyzer);
        Contents.Add($"rdf {key}");
    }

    public void Add(CoordinationOptions options)
    {
        string key = Key(options);
        if (!_coordination.ContainsKey(key))
        {
            var analyzer = new CoordinationAnalyzer(options);
            _coordination[key] = (analyzer, _parallel.Count);
            _parallel.Add(f => analyzer.Begin(f));
            Contents.Add($"coordination {key}");
        }
    }

    public void Add(ProfileOptions options)
    {
        string key = Key(options);
        if (!_profile.ContainsKey(key))
        {
            var analyzer = new ProfileAnalyzer(options);
            _profile[key] = (analyzer, _parallel.Count);
            _parallel.Add(f => analyzer.Begin(f));
            Contents.Add($"profile {key}");
        }
    }

    public void Add(MsdOptions options)
    {
        string key = Key(options);
        if (!_msd.ContainsKey(key))
        {
            var analyzer = new MsdAnalyzer(options);
            _msd[key] = (analyzer, _ordered.Count);
            _ordered.Add(f => analyzer.Begin(f));
            Contents.Add($"msd {key}");
        }
    }

    public void Add(DynamicsOptions options)
    {
        if (!_dynamics.ContainsKey(options))
        {
            var analyzer = new DynamicsAnalyzer(options);
            _dynamics[options] = (analyzer, _ordered.Count);
            _ordered.Add(f => analyzer.Begin(f));
            Contents.Add($"dynamics of {options.Transport.Species}");
        }
    }

    /// <summary>Reads the trajectory once, feeding every registered analysis.</summary>
    public RunOutcome Run(TrajectoryInput input, int threads, Action<int, long>? progress)
    {
        _outcome = FrameRunner.Run(input, _parallel, threads, _ordered, progress);
        return _outcome;
    }

    public RdfResult Rdf(RdfOptions options) => Result(Key(options), () =>
    {
        var (analyzer, slot, member) = _rdf[Key(options)];
        return analyzer.Finish(((RdfAccumulatorGroup)Accumulator(slot)).Members[member]);
    });

    public CoordinationResult Coordination(CoordinationOptions options) => Result(Key(options), () =>
    {
        var (analyzer, slot) = _coordination[Key(options)];
        return analyzer.Finish((CoordinationAccumulator)Accumulator(slot));
    });

    public ProfileResult Profile(ProfileOptions options) => Result(Key(options), () =>
    {
        var (analyzer, slot) = _profile[Key(options)];
        return analyzer.Finish((ProfileAccumulator)Accumulator(slot));
    });

    public MsdResult Msd(MsdOptions options, int threads) => Result(Key(options), () =>
    {
        var (analyzer, slot) = _msd[Key(options)];
        return analyzer.Finish((MsdAccumulator)Accumulator(_parallel.Count + slot), threads);
    });

    public DynamicsResult Dynamics(DynamicsOptions options, int threads)
    {
        var (analyzer, slot) = _dynamics[options];
        return analyzer.Finish((DynamicsAccumulator)Accumulator(_parallel.Count + slot), threads);
    }

    public bool Has(RdfOptions options) => _rdf.ContainsKey(Key(options));

    public bool Has(CoordinationOptions options) => _coordination.ContainsKey(Key(options));

    public bool Has(ProfileOptions options) => _profile.ContainsKey(Key(options));

    public bool Has(MsdOptions options) => _msd.ContainsKey(Key(options));

    private IFrameAccumulator Accumulator(int slot) =>
        (_outcome ?? throw new InvalidOperationException("the pass has not run")).Accumulators[slot];

    private T Result<T>(string key, Func<T> finish)
        where T : class
    {
        string k = typeof(T).Name + "|" + key;
        if (!_results.TryGetValue(k, out object? r))
        {
            r = finish();
            _results[k] = r;
        }

        return (T)r;
    }

    private static string Key(RdfOptions o) => $"{PairsKey(o)}, region {Key(o.Region)}";

    private static string TraversalKey(RdfOptions o) => $"{PairsKey(o)}, total {o.Total}";

    private static string PairsKey(RdfOptions o) =>
        $"r-max {N(o.RMax)}, bins {o.Bins}, pairs {(o.Pairs is null ? "all" : string.Join(",", o.Pairs))}";

    private static string Key(CoordinationOptions o) =>
        $"pairs {string.Join(",", o.Pairs)}, cut-offs {string.Join(",", o.Cutoffs.Select(c => N(c)))}, region {Key(o.Region)}, " +
        $"normal {o.NormalAxis}, profile-bins {o.ProfileBins}, snapshot {o.SnapshotStep?.ToString(CultureInfo.InvariantCulture) ?? "last"}";

    private static string Key(ProfileOptions o) => $"normal {o.NormalAxis}, bins {o.Bins}";

    private static string Key(MsdOptions o) =>
        $"species {o.Species}, normal {o.NormalAxis}, region {Key(o.Region)}, membership {o.Membership}, unwrap {o.Unwrap}, drift {o.DriftReference ?? "none"}, " +
        $"fit {N(o.Fit.StartPs)}-{N(o.Fit.EndPs)}, charges {(o.Charges is null ? "none" : string.Join(",", o.Charges.OrderBy(c => c.Key).Select(c => $"{c.Key}={N(c.Value)}")))}, file {o.ChargesFromFile}";

    private static string Key(SlabRegion? r) => r is null
        ? "none"
        : $"{r.Name}{(r.Complement ? "!" : "")}@{r.Axis}:{string.Join("/", r.Planes.Select(p => N(p)))}±{N(r.HalfWidth)}";

    private static string N(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "default";
}
