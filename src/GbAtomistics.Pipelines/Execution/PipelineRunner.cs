using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Profiles;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis.Transport.Arrhenius;
using GbAtomistics.Analysis.Transport.Conductivity;
using GbAtomistics.Analysis.Transport.Dynamics;
using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Analysis.Transport.Polycrystal;
using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;
using GbAtomistics.Pipelines.Definition;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Execution;

/// <summary>
/// Runs a <see cref="PipelineDefinition"/>. For each input, one pass over the trajectory feeds every analysis asked of it
/// (RDFs, profiles and coordination in parallel over frames, the MSD in time order from the reading thread); a second
/// pass is made only when a coordination cut-off is automatic (the first pass supplies the g(r) whose first minimum is
/// the cut-off), and inputs with <c>boundaries: auto</c> get detection passes first. Every step calls the same analysis
/// code with the same option records as the single commands, so the numbers are the same. Outputs go to one folder:
/// a subfolder per input, comparison, Arrhenius set and the polycrystal curve, JSON with provenance, PNG and SVG plots,
/// <c>pipeline.json</c> and <c>report.md</c>. A step that fails is reported and the others go on.
/// </summary>
public sealed class PipelineRunner
{
    private readonly PipelineDefinition _definition;
    private readonly string _toolVersion;
    private readonly int _threads;
    private readonly IPipelineProgress? _progress;
    private readonly List<StepFailure> _failures = [];
    private readonly List<string> _written = [];
    private readonly Dictionary<string, Task<InputFileInfo>> _hashes = [];
    private readonly string[] _inputPaths;

    public PipelineRunner(PipelineDefinition definition, string toolVersion, int? threads = null, IPipelineProgress? progress = null)
    {
        _definition = definition;
        _toolVersion = toolVersion;
        _threads = threads ?? definition.Threads ?? Environment.ProcessorCount;
        if (_threads < 1)
        {
            throw new InputException($"--threads {_threads}: expected at least 1");
        }

        _progress = progress;
        _inputPaths = definition.Inputs.Select(i => i.Trajectory.Path)
            .Concat(definition.Inputs.Select(i => i.Resolved.Metadata is null ? null : MetadataPath(i)).OfType<string>())
            .Append(definition.File)
            .Distinct()
            .ToArray();
    }

    /// <summary>Runs every step; returns what was written. Input errors of a step are collected, not thrown.</summary>
    public PipelineOutcome Run()
    {
        var watch = Stopwatch.StartNew();
        foreach (string path in _inputPaths)
        {
            _hashes[path] = Task.Run(() => InputFileInfo.Of(path));
        }

        var root = new OutputFolder(_definition.Output, _inputPaths);
        var results = _definition.Inputs.Select(i => new InputResults(i)).ToDictionary(r => r.Input.Name);
        foreach (InputResults r in results.Values)
        {
            Step($"input {r.Input.Name}", () => RunInput(r));
        }

        foreach (InputResults r in results.Values)
        {
            Step($"outputs of {r.Input.Name}", () => WriteInput(r, Folder(root, r.Input.Name)));
        }

        foreach (CompareStage c in _definition.Comparisons)
        {
            Step($"compare {c.Name}", () => RunCompare(c, results, Folder(root, $"compare-{c.Name}")));
        }

        var fits = new Dictionary<string, ArrheniusFit>();
        foreach (ArrheniusStage a in _definition.Arrhenius)
        {
            Step($"arrhenius {a.Name}", () => fits[a.Name] = RunArrhenius(a, results, Folder(root, $"arrhenius-{a.Name}")));
        }

        (BrickLayerModel Model, string[] Sources)? polycrystal = null;
        if (_definition.Polycrystal is { } poly)
        {
            Step("polycrystal", () => polycrystal = RunPolycrystal(poly, results, fits, root));
        }

        object pipeline = new
        {
            analysis = "pipeline",
            passes_per_input = results.Values.ToDictionary(r => r.Input.Name, r => r.Passes),
            pass_contents = results.Values.ToDictionary(r => r.Input.Name, r => r.PassContents),
            failures = _failures.Select(f => new { step = f.Step, message = f.Message }),
            notes = root.Notes,
            wall_time_s = watch.Elapsed.TotalSeconds,
        };
        WriteJson(root, "pipeline.json", pipeline);
        string report = new ReportWriter(_definition, root.Path, results.Values.ToArray(), _compared, _roleTables, fits, polycrystal, _failures, root.Notes, Provenance(), watch.Elapsed, _threads).Write();
        string reportPath = root.WriteText("report.md", report);
        _written.Add(reportPath);
        return new PipelineOutcome(reportPath, _written.Distinct().ToArray(), results.Values.ToDictionary(r => r.Input.Name, r => r.Passes), _failures, watch.Elapsed);
    }

    private void RunInput(InputResults r)
    {
        PipelineInput input = r.Input;
        TrajectoryInput trajectory = input.Trajectory;
        if (input.Resolved.Source == "auto")
        {
            r.Input = input = input with { Resolved = DetectBoundaries(input, r) };
        }

        SlabRegion? region = input.Resolved.Region;
        int axis = region?.Axis ?? input.Region.NormalAxis;
        var first = new PassPlan();
        var second = new PassPlan();

        // RDFs of the rdf step, one per region.
        RdfStage? rdf = Applies(_definition.Rdf?.Inputs, input) ? _definition.Rdf : null;
        var rdfOptions = new List<(string Region, RdfOptions Options)>();
        if (rdf is not null)
        {
            IReadOnlyList<string> regions = rdf.Regions ?? (region is null ? ["all"] : ["all", "bulk", "gb"]);
            foreach (string name in regions)
            {
                SlabRegion? slab = name == "all" ? null : Part(region, name, input);
                rdfOptions.Add((name, new RdfOptions(rdf.RMax, rdf.Bins, rdf.Pairs, slab)));
                first.Add(rdfOptions[^1].Options);
            }
        }

        // Coordination-based steps: their cut-off g(r) in the first pass, coordination once cut-offs are known.
        var structure = new List<(string Step, IReadOnlyList<SpeciesPair> Pairs, CoordinationRequest Request, SlabRegion? Region)>();
        if (Applies(_definition.Coordination?.Inputs, input))
        {
            CoordinationRequest q = _definition.Coordination!.Request;
            structure.Add(("coordination", q.Pairs ?? FirstFrame.DefaultPairs(FirstFrame.Species(trajectory)), q, region));
        }

        ProfileOptions? profileOptions = null;
        if (Applies(_definition.Profile?.Inputs, input))
        {
            profileOptions = new ProfileOptions(axis, _definition.Profile!.Request.ProfileBins);
            first.Add(profileOptions);
            if (_definition.Profile.Coordination)
            {
                CoordinationRequest q = _definition.Profile.Request;
                structure.Add(("profile", q.Pairs ?? FirstFrame.DefaultPairs(FirstFrame.Species(trajectory)), q, null));
            }
        }

        foreach (CompareStage c in _definition.Comparisons.Where(c => c.Inputs.Contains(input.Name)))
        {
            IReadOnlyList<string> species = FirstFrame.Species(trajectory);
            IReadOnlyList<SpeciesPair> pairs = c.Request.Pairs is { } asked
                ? asked.Where(p => Has(species, p.Central) && Has(species, p.Neighbour)).ToArray()
                : FirstFrame.DefaultPairs(species);
            if (pairs.Count == 0)
            {
                throw new InputException($"compare {c.Name}: none of the pairs {string.Join(", ", c.Request.Pairs!)} is present in {input.Name} (species: {string.Join(", ", species)})");
            }

            structure.Add(($"compare {c.Name}", pairs, c.Request, region));
            foreach (RdfOptions o in CompareRdfs(c.Request, pairs, region))
            {
                first.Add(o);
            }
        }

        var cutoffRdfs = new List<RdfOptions?>();
        foreach (var s in structure)
        {
            RdfOptions? o = CutoffRdf(s.Pairs, s.Request);
            cutoffRdfs.Add(o);
            if (o is not null)
            {
                first.Add(o);
            }
        }

        bool twoPasses = cutoffRdfs.Any(o => o is not null);
        MsdOptions? msdOptions = null;
        bool conductivity = _definition.ConductivityInputs.Contains(input.Name);
        if (Applies(_definition.Msd?.Inputs, input))
        {
            MsdStage m = _definition.Msd!;
            msdOptions = new MsdOptions(
                m.Species, axis, region is null ? null : Part(region, "gb", input), m.Membership, m.Unwrap, m.Drift, m.Fit, conductivity ? input.Charges : null);
            first.Add(msdOptions);
        }

        // Ion dynamics, in time order in the same first pass as the MSD (positions of the mobile ions, as gbat dynamics).
        DynamicsOptions? dynamicsOptions = null;
        if (Applies(_definition.Dynamics?.Inputs, input))
        {
            DynamicsStage d = _definition.Dynamics!;
            var transport = new MsdOptions(d.Species, axis, region is null ? null : Part(region, "gb", input), RegionMembership.Start, UnwrapMode.Auto, null, FitWindow.Default);
            dynamicsOptions = new DynamicsOptions(transport, d.Lags, hopDistance: d.HopDistance, hopWindowPs: d.HopWindowPs);
            first.Add(dynamicsOptions);
        }

        // Coordination needs its cut-offs: with every cut-off given it joins the first (only) pass; an automatic one
        // comes from the first minimum of a g(r) of the first pass, so coordination takes a second pass.
        var coordinationOptions = new List<(CoordinationOptions Options, string[] Sources, RdfResult? Rdf)>();
        void PlanCoordination(PassPlan pass, PassPlan rdfPass)
        {
            for (int k = 0; k < structure.Count; k++)
            {
                var s = structure[k];
                RdfResult? cutoffRdf = cutoffRdfs[k] is { } o ? rdfPass.Rdf(o) : null;
                var (cutoffs, sources) = Cutoffs(s.Pairs, s.Request, cutoffRdf);
                var options = new CoordinationOptions(s.Pairs, cutoffs, s.Region, s.Region?.Axis ?? axis, s.Request.ProfileBins, s.Request.SnapshotStep);
                coordinationOptions.Add((options, sources, cutoffRdf));
                pass.Add(options);
            }
        }

        if (!twoPasses)
        {
            PlanCoordination(first, first);
        }

        RunPass(first, r, "pass 1");
        PassPlan coordinationPass = first;
        if (twoPasses)
        {
            PlanCoordination(second, first);
            RunPass(second, r, "pass 2 (coordination, with cut-offs from the g(r) of pass 1)");
            coordinationPass = second;
        }

        foreach (var (name, options) in rdfOptions)
        {
            r.Rdfs.Add((name, first.Rdf(options)));
        }

        int passes = r.Passes;
        for (int k = 0; k < structure.Count; k++)
        {
            var s = structure[k];
            var c = coordinationOptions[k];
            CoordinationResult cn = coordinationPass.Coordination(c.Options);
            if (s.Step == "coordination")
            {
                r.Coordination = new CoordinationRun(cn, c.Sources, c.Rdf, input.Resolved, passes);
            }
            else if (s.Step == "profile")
            {
                r.Profile = new ProfileRun(first.Profile(profileOptions!), cn, c.Sources, input.Resolved, passes);
            }
        }

        if (profileOptions is not null && r.Profile is null)
        {
            r.Profile = new ProfileRun(first.Profile(profileOptions), null, [], input.Resolved, passes);
        }

        if (msdOptions is not null)
        {
            r.Msd = first.Msd(msdOptions, _threads);
            if (conductivity)
            {
                TemperatureEstimate temperature = TemperatureSource.Estimate(input.Temperature, trajectory.Path, r.Msd.FirstStep, r.Msd.LastStep);
                r.Conductivity = ConductivityCalculator.Compute(r.Msd, new ConductivityOptions(temperature.Kelvin));
                r.Temperature = temperature;
                r.TemperatureSource = $"{temperature.Text()}, {temperature.Source}";
            }
        }

        _structure[input.Name] = (structure.Select(s => s.Step).ToArray(), coordinationOptions.Select(c => (c.Options, c.Sources, c.Rdf)).ToArray(), coordinationPass, first);

        if (dynamicsOptions is not null)
        {
            r.Dynamics = first.Dynamics(dynamicsOptions, _threads);
        }
    }

    private readonly Dictionary<string, (string[] Steps, (CoordinationOptions Options, string[] Sources, RdfResult? Rdf)[] Coordination, PassPlan CoordinationPass, PassPlan First)> _structure = [];

    /// <summary>The cut-offs of <paramref name="pairs"/>: given ones, else the first minimum of <paramref name="rdf"/> (as <see cref="CutoffResolver"/>).</summary>
    private static (double[] Cutoffs, string[] Sources) Cutoffs(IReadOnlyList<SpeciesPair> pairs, CoordinationRequest request, RdfResult? rdf)
    {
        foreach (string named in request.CutoffSpec.NamedPairs)
        {
            if (!pairs.Any(p => string.Equals(p.ToString(), named, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InputException($"cutoff names pair {named}, which is not analysed (pairs: {string.Join(", ", pairs)})");
            }
        }

        double[] cutoffs = new double[pairs.Count];
        string[] sources = new string[pairs.Count];
        int k = 0;
        for (int p = 0; p < pairs.Count; p++)
        {
            if (request.CutoffSpec.For(pairs[p]) is { } given)
            {
                cutoffs[p] = given;
                sources[p] = "given";
                continue;
            }

            cutoffs[p] = FirstMinimum.Find(rdf!, k++) ?? throw new InputException(
                $"no first minimum of g_{pairs[p]}(r) within r-max {request.RdfRMax} Å, so the cut-off cannot be found; give it with cutoff: {{{pairs[p]}: Å}} or raise r-max");
            sources[p] = "first minimum of g(r)";
        }

        return (cutoffs, sources);
    }

    /// <summary>The g(r) from which automatic cut-offs come (as <see cref="CutoffResolver"/>), or null when all are given.</summary>
    private static RdfOptions? CutoffRdf(IReadOnlyList<SpeciesPair> pairs, CoordinationRequest request)
    {
        var auto = pairs.Where(p => request.CutoffSpec.For(p) is null).ToArray();
        return auto.Length == 0 ? null : new RdfOptions(request.RdfRMax, request.RdfBins, auto);
    }

    private static IEnumerable<RdfOptions> CompareRdfs(CoordinationRequest request, IReadOnlyList<SpeciesPair> pairs, SlabRegion? region) => region is null
        ? [new RdfOptions(request.RdfRMax, request.RdfBins, pairs)]
        : [new RdfOptions(request.RdfRMax, request.RdfBins, pairs, region.Invert("bulk")), new RdfOptions(request.RdfRMax, request.RdfBins, pairs, region)];

    private void RunPass(PassPlan plan, InputResults r, string label)
    {
        if (plan.IsEmpty)
        {
            return;
        }

        TrajectoryInput t = r.Input.Trajectory;
        string name = $"{r.Input.Name} {label}";
        _progress?.PassStarted(name, t.Path, IO.TrajectoryFiles.TotalBytes(t.Path));
        RunOutcome outcome;
        try
        {
            outcome = plan.Run(t, _threads, _progress is null ? null : (frames, bytes) => _progress.FrameRead(name, frames, bytes));
        }
        finally
        {
            _progress?.PassFinished(name);
        }

        r.Passes++;
        r.FramesUsed = outcome.FramesUsed;
        r.PassContents.Add($"{label}: {string.Join("; ", plan.Contents)}");
    }

    /// <summary>Boundaries of an input with <c>boundaries: auto</c>, detected as <c>gbat coordination --boundaries auto</c> does.</summary>
    private ResolvedRegion DetectBoundaries(PipelineInput input, InputResults r)
    {
        CoordinationRequest q = _definition.Coordination?.Request ?? new CoordinationRequest();
        var (region, passes) = RegionResolver.Detect(input.Trajectory, input.Region, q, _threads);
        r.Passes += passes;
        r.PassContents.Add($"boundary detection: {passes} passes (g(r) for cut-offs, coordination defects)");
        return region;
    }

    private static SlabRegion? Part(SlabRegion? region, string part, PipelineInput input)
    {
        if (region is null)
        {
            if (part == "all")
            {
                return null;
            }

            throw new InputException($"rdf region {part} for input {input.Name}: the input has no boundaries (give boundaries, or planes with normal and half-width)");
        }

        return new SlabRegion(region.Axis, region.Planes, region.HalfWidth, complement: part == "bulk", name: part);
    }

    private void WriteInput(InputResults r, OutputFolder folder)
    {
        TrajectoryInput t = r.Input.Trajectory;
        foreach (var (region, rdf) in r.Rdfs)
        {
            string prefix = region == "all" ? "rdf" : $"rdf-{region}";
            object summary = RdfStep.Write(rdf, t, folder, prefix);
            WriteJson(folder, $"{prefix}.json", summary, t.Path);
        }

        if (r.Rdfs.Count > 1)
        {
            RdfResult firstRdf = r.Rdfs[0].Result;
            for (int i = 0; i < firstRdf.Pairs.Count; i++)
            {
                int pair = i;
                string safe = Safe(firstRdf.Pairs[i].ToString());
                var series = r.Rdfs.Select(x => (x.Region, x.Result)).ToArray();
                folder.WritePlot($"rdf-regions-{safe}.png", p => RdfPlot.SaveOverlay(series, pair, p, $"g(r) {firstRdf.Pairs[pair]}: bulk vs GB ({r.Input.Name})"));
            }
        }

        if (r.Coordination is { } cn)
        {
            CoordinationRequest request = _definition.Coordination!.Request;
            object summary = CoordinationStep.Write(cn, t, request, folder);
            WriteJson(folder, "coordination.json", summary, t.Path);
        }

        if (r.Profile is { } profile)
        {
            // The electrostatic potential when the input's charges cover every species (charges given for the mobile
            // species alone serve the conductivity only).
            IReadOnlyDictionary<string, double>? charges = r.Input.Charges is { } q &&
                profile.Profile.Species.All(s => q.Keys.Any(k => string.Equals(k, s, StringComparison.OrdinalIgnoreCase))) ? q : null;
            double? bulkDensity = _definition.Profile?.BulkReference is { } reference
                ? _bulkDensity ??= ProfileStep.ReferenceDensity(_definition.Input(reference).Trajectory, _threads)
                : null;
            object summary = ProfileStep.Write(profile, t, folder, charges: charges, bulkReferenceDensity: bulkDensity);
            r.Excess = ProfileStep.Excess(profile, bulkDensity);
            WriteJson(folder, "profile.json", summary, t.Path);
        }

        if (r.Msd is { } msd)
        {
            if (r.Conductivity is { } sigma)
            {
                object summary = ConductivityStep.Write(msd, sigma, r.Temperature!, t, folder);
                WriteJson(folder, "conductivity.json", summary, t.Path);
                WriteJson(folder, "msd.json", MsdStep.Summary(msd, t), t.Path);
            }
            else
            {
                object summary = MsdStep.Write(msd, t, folder);
                WriteJson(folder, "msd.json", summary, t.Path);
            }
        }

        if (r.Dynamics is { } dynamics)
        {
            OutputFolder sub = folder.Subfolder("dynamics");
            object summary = DynamicsStep.Write(dynamics, t, sub);
            WriteJson(sub, "dynamics.json", summary, t.Path);
            _written.AddRange(sub.Written);
        }

        _written.AddRange(folder.Written);
    }

    private void RunCompare(CompareStage c, Dictionary<string, InputResults> results, OutputFolder folder)
    {
        var systems = new List<ComparedSystem>();
        for (int k = 0; c.Roles is not null && k < c.Inputs.Count; k++)
        {
            // By role: a pass of its own per input (role pairs and bond-valence sums are not in the shared passes).
            InputResults r = results[c.Inputs[k]];
            CoordinationRequest request = c.Request with { Region = r.Input.Region };
            systems.Add(CompareStep.ComputeOne(r.Input.Name, r.Input.Trajectory, request, _threads, c.Roles.For(k, c.Inputs.Count), c.Roles.Parameters));
            r.Passes += 2;
        }

        foreach (string name in c.Roles is null ? c.Inputs : [])
        {
            InputResults r = results[name];
            if (!_structure.TryGetValue(name, out var s))
            {
                throw new InputException($"input {name} was not analysed (see its error above)");
            }

            int k = Array.IndexOf(s.Steps, $"compare {c.Name}");
            var (options, sources, rdf) = s.Coordination[k];
            CoordinationResult cn = s.CoordinationPass.Coordination(options);
            var run = new CoordinationRun(cn, sources, rdf, r.Input.Resolved, r.Passes);
            var rdfs = CompareRdfs(c.Request, options.Pairs, options.Region)
                .Select(o => (o.Region is null ? "all" : o.Region.Complement ? "bulk" : "gb", s.First.Rdf(o)))
                .ToArray();
            systems.Add(new ComparedSystem(name, r.Input.Trajectory, run, rdfs));
        }

        if (systems.Count == 1 && systems[0].Rdfs.Count == 1)
        {
            throw new InputException($"compare {c.Name}: one input without grain-boundary slabs leaves nothing to compare; list two or more inputs, or give the input boundaries");
        }

        object summary = CompareStep.Write(systems, folder);
        WriteJson(folder, "compare.json", summary, c.Inputs.Select(n => results[n].Input.Trajectory.Path).ToArray());
        _written.AddRange(folder.Written);
        _compared[c.Name] = CompareStep.Table(systems);
        if (CompareStep.RoleTable(systems) is { } roles)
        {
            _roleTables[c.Name] = roles;
        }
    }

    private readonly Dictionary<string, Analysis.Roles.RoleComparisonTable> _roleTables = [];

    /// <summary>The mean density of the profile's bulk reference input, read once for every profiled input.</summary>
    private double? _bulkDensity;

    private readonly Dictionary<string, Analysis.Comparison.ComparisonTable> _compared = [];

    internal IReadOnlyDictionary<string, Analysis.Comparison.ComparisonTable> Compared => _compared;

    private ArrheniusFit RunArrhenius(ArrheniusStage a, Dictionary<string, InputResults> results, OutputFolder folder)
    {
        var points = new List<ArrheniusPoint>();
        var leftOut = new List<string>();
        foreach (string name in a.Inputs)
        {
            ConductivityEntry e = Entry(results, name, a.Kind, a.Region, a.Direction);
            double t = results[name].Conductivity!.Temperature;
            bool sigma = a.Quantity == ArrheniusQuantity.Conductivity;
            double value = sigma ? e.Sigma : e.D;
            double error = sigma ? e.SigmaError : e.DError;
            string symbol = sigma ? "σ" : "D";
            if (!e.Measurable)
            {
                leftOut.Add(FormattableString.Invariant($"{name} ({t:G4} K): {a.Kind} {symbol} ({a.Region}, {a.Direction}) is not measurable ({e.Note}; ") +
                    (sigma ? FormattableString.Invariant($"σ < {e.SigmaUpper:G2} S/cm, 95 %") : "see msd.json") + "; a longer run, a higher temperature or a later fit window may help)");
                continue;
            }

            if (!(value > 0) || !double.IsFinite(value) || !(error > 0) || !double.IsFinite(error))
            {
                leftOut.Add(FormattableString.Invariant($"{name} ({t:G4} K): {a.Kind} {symbol} ({a.Region}, {a.Direction}) = {value:G3} ± {error:G2} has no positive, finite value with an error"));
                continue;
            }

            points.Add(new ArrheniusPoint(t, value, error, name));
        }

        ArrheniusFit fit = ArrheniusFitter.Fit(points, a.Quantity, leftOut);
        object summary = ArrheniusStep.Write(fit, folder, a.ExtrapolateTo, a.Name);
        WriteJson(folder, "arrhenius.json", summary, a.Inputs.Select(n => results[n].Input.Trajectory.Path).ToArray(),
            new { set = a.Name, kind = a.Kind, region = a.Region, direction = a.Direction, quantity = a.Quantity.ToString().ToLowerInvariant(), extrapolate_to_K = a.ExtrapolateTo });
        _written.AddRange(folder.Written);
        return fit;
    }

    private (BrickLayerModel, string[]) RunPolycrystal(PolycrystalStage p, Dictionary<string, InputResults> results, Dictionary<string, ArrheniusFit> fits, OutputFolder root)
    {
        BrickLayerInput Value(string key, ConductivitySource s)
        {
            if (s.Value is { } v)
            {
                return BrickLayerInput.Given(key, v, null, "given, no error");
            }

            if (s.Arrhenius is { } set)
            {
                if (!fits.TryGetValue(set, out ArrheniusFit? fit))
                {
                    throw new InputException($"{key}: Arrhenius set {set} was not fitted (see its error above)");
                }

                if (fit.Quantity != ArrheniusQuantity.Conductivity)
                {
                    throw new InputException($"{key}: Arrhenius set {set} fits D; the polycrystal model needs a conductivity set (quantity: sigma)");
                }

                double t = p.Temperature ?? _definition.Arrhenius.First(a => a.Name == set).ExtrapolateTo;
                return BrickLayerInput.FromArrhenius(key, fit, fit.At(t), FormattableString.Invariant($"Arrhenius set {set} at {t:G4} K"));
            }

            ConductivityEntry e = Entry(results, s.Input!, s.Kind, s.Region, s.Direction);
            double kelvin = results[s.Input!].Conductivity!.Temperature;
            string source = FormattableString.Invariant($"{s.Kind} {s.Region} {s.Direction} of {s.Input} at {kelvin:G4} K");
            if (!e.Measurable)
            {
                throw new InputException(FormattableString.Invariant($"{key}: {source}: σ is not measurable ({e.Note}; σ < {e.SigmaUpper:G2} S/cm, 95 %)"));
            }

            if (!(e.Sigma > 0) || !double.IsFinite(e.Sigma) || !(e.SigmaError > 0) || !double.IsFinite(e.SigmaError))
            {
                throw new InputException(FormattableString.Invariant($"{key}: {source}: σ = {e.Sigma:G3} ± {e.SigmaError:G2} S/cm is not measurable"));
            }

            return BrickLayerInput.Given(key, e.Sigma, e.SigmaError, source);
        }

        var model = new BrickLayerModel(Value("sigma-bulk", p.Bulk), Value("sigma-gb-parallel", p.GbParallel), Value("sigma-gb-perpendicular", p.GbPerpendicular), p.Width);
        OutputFolder folder = Folder(root, "polycrystal");
        object summary = PolycrystalStep.Write(model, p.MinSize, p.MaxSize, folder);
        string[] sources = model.Inputs.Select(PolycrystalStep.Describe).ToArray();
        WriteJson(folder, "polycrystal.json", summary, [], new { sigma_bulk = sources[0], sigma_gb_parallel = sources[1], sigma_gb_perpendicular = sources[2] });
        var (sizes, sigma) = model.Curve(p.MinSize, p.MaxSize);
        _written.AddRange(folder.Written);
        return (model, sources);
    }

    private static ConductivityEntry Entry(Dictionary<string, InputResults> results, string name, string kind, string region, string direction)
    {
        ConductivityResult sigma = results[name].Conductivity ?? throw new InputException($"input {name} has no conductivity result (see its error above)");
        MsdComponent component = Enum.Parse<MsdComponent>(direction, ignoreCase: true);
        return sigma.Entry(kind, region, component)
            ?? throw new InputException($"input {name}: no {kind} conductivity for region {region}, direction {direction}" +
                (region != "all" ? " (does the input have boundaries?)" : kind == "collective" ? " (collective needs charges of more than the mobile species?)" : ""));
    }

    private void Step(string name, Action action)
    {
        try
        {
            action();
            _progress?.Step($"{name}: done");
        }
        catch (InputException e)
        {
            _failures.Add(new StepFailure(name, e.Message));
            _progress?.Step($"{name}: failed: {e.Message}");
        }
    }

    private static OutputFolder Folder(OutputFolder root, string name) => root.Subfolder(name);


    /// <summary>Writes <paramref name="summary"/> with a <c>provenance</c> object: tool, version, pipeline file, inputs with sizes and SHA-256.</summary>
    private void WriteJson(OutputFolder folder, string name, object summary, params string[] inputs) => WriteJson(folder, name, summary, inputs, null);

    private void WriteJson(OutputFolder folder, string name, object summary, string[] inputs, object? step)
    {
        JsonNode node = JsonSerializer.SerializeToNode(summary, Json.Options) ?? new JsonObject();
        if (node is JsonObject obj)
        {
            if (step is not null)
            {
                obj["pipeline_step"] = JsonSerializer.SerializeToNode(step, Json.Options);
            }

            obj["provenance"] = JsonSerializer.SerializeToNode(Provenance(inputs), Json.Options);
        }

        folder.WriteText(name, node.ToJsonString(Json.Options));
        _written.Add(Path.Combine(folder.Path, name));
    }

    private void WriteJson(OutputFolder folder, string name, object summary) => WriteJson(folder, name, summary, _inputPaths, null);

    internal object Provenance(IReadOnlyList<string>? inputs = null)
    {
        IEnumerable<string> files = (inputs is null || inputs.Count == 0 ? _inputPaths : inputs.Append(_definition.File)).Distinct();
        return new
        {
            tool = "gbat",
            version = _toolVersion,
            pipeline = _definition.File,
            created_utc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            threads = _threads,
            mpi_ranks = Core.Mpi.MpiWorld.Size,
            inputs = files.Select(f => _hashes.TryGetValue(f, out var h) ? h.Result : InputFileInfo.Of(f))
                .Select(i => new { path = i.Path, bytes = i.Bytes, sha256 = i.Sha256 }),
        };
    }

    private object Provenance() => Provenance(null);

    private static string MetadataPath(PipelineInput input) =>
        input.Region.Boundaries is { } b && !b.Equals("auto", StringComparison.OrdinalIgnoreCase) && !b.Equals("none", StringComparison.OrdinalIgnoreCase)
            ? b
            : RegionSource.FindBeside(input.Trajectory.Path) ?? RegionSource.MetadataPathFor(input.Trajectory.Path);

    private static bool Applies(IReadOnlyList<string>? inputs, PipelineInput input) => inputs?.Contains(input.Name) == true;

    private static bool Has(IReadOnlyList<string> species, string name) => species.Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));

    private static string Safe(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray());
}
