using System.Text.RegularExpressions;
using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis.Transport.Arrhenius;
using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GbAtomistics.Pipelines.Definition;

/// <summary>
/// Reads a pipeline file (YAML) into a <see cref="PipelineDefinition"/>, checking everything that can be checked before
/// a trajectory is read: the schema (unknown keys are errors listing the valid ones), value types, option values (through
/// the same option records as the commands), names referred to, files (relative paths resolve against the pipeline
/// file's folder) and regions (metadata read, planes checked). Every error is a <see cref="PipelineException"/> with
/// file:line:column and the key path. The schema is documented in the README ("Pipelines").
/// </summary>
public static partial class PipelineParser
{
    internal static readonly string[] TopKeys = ["version", "output", "threads", "defaults", "inputs", "analyses"];
    internal static readonly string[] InputKeys =
        ["file", "format", "type-map", "timestep", "units", "first-frame", "last-frame", "every", "temperature", "charges", "boundaries", "normal", "planes", "half-width", "smoothing"];

    internal static readonly string[] AnalysisKeys = ["rdf", "coordination", "profile", "msd", "conductivity", "dynamics", "compare", "arrhenius", "polycrystal"];
    private static readonly string[] RdfKeys = ["inputs", "r-max", "bins", "species", "regions"];
    private static readonly string[] CoordinationKeys = ["inputs", "species", "cutoff", "r-max", "bins", "profile-bins", "atoms", "snapshot-step"];
    private static readonly string[] ProfileKeys = ["inputs", "species", "cutoff", "r-max", "bins", "profile-bins", "bulk-reference"];
    private static readonly string[] MsdKeys = ["inputs", "species", "membership", "unwrap", "drift", "fit-start", "fit-end"];
    private static readonly string[] ConductivityKeys = ["inputs"];
    private static readonly string[] CompareKeys = ["name", "inputs", "species", "cutoff", "r-max", "bins", "profile-bins", "roles", "bv-r0"];
    private static readonly string[] DynamicsKeys = ["inputs", "species", "lags", "hop-distance", "hop-window"];
    private static readonly string[] ArrheniusKeys = ["name", "inputs", "kind", "region", "direction", "quantity", "extrapolate-to"];
    private static readonly string[] PolycrystalKeys = ["sigma-bulk", "sigma-gb-parallel", "sigma-gb-perpendicular", "temperature", "width", "min-size", "max-size"];
    private static readonly string[] SourceKeys = ["arrhenius", "input", "kind", "region", "direction"];

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    public static PipelineDefinition Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such pipeline file");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses pipeline text; <paramref name="path"/> names the file in errors and anchors relative paths.</summary>
    public static PipelineDefinition Parse(string text, string path)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner and parser fail these ways on some damaged text (found by tools/GbAtomistics.Fuzz:
            // "The current event is of an unsupported type" is an ArgumentException).
            Mark at = parser.Current?.End ?? Mark.Empty;
            throw new PipelineException(path, Math.Max(1, at.Line), Math.Max(1, at.Column), string.Empty,
                $"expected valid YAML, found text after this point that the YAML scanner cannot read ({e.Message})");
        }
        catch (YamlException e)
        {
            string message = e.InnerException?.Message ?? e.Message;
            int colon = message.IndexOf("): ", StringComparison.Ordinal);
            throw new PipelineException(path, e.Start.Line, e.Start.Column, string.Empty, $"expected valid YAML: {(colon >= 0 ? message[(colon + 3)..] : message)}");
        }

        if (stream.Documents.Count == 0)
        {
            throw new PipelineException(path, 1, 1, string.Empty, "expected a pipeline (keys inputs, analyses, ...), found an empty file");
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        YamlMap top = new YamlValue(path, stream.Documents[0].RootNode, string.Empty).Map().Check(TopKeys);
        if (top.Get("version") is { } version && version.Integer() != 1)
        {
            throw version.Expected("1 (the only pipeline version)");
        }

        string output = top.Text("output") is { } o ? Resolve(folder, o) : Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + "-results");
        int? threads = top.Get("threads") is { } t ? t.At(() => t.Integer() >= 1 ? t.Integer() : throw t.Expected("a number of threads ≥ 1")) : null;

        YamlMap? defaults = top.Get("defaults")?.Map().Check(InputKeys.Where(k => k != "file").ToArray());
        YamlMap inputsMap = top.Require("inputs", "the trajectories, by name").Map();
        var inputs = new List<PipelineInput>();
        foreach (var (key, value) in inputsMap.Entries)
        {
            string name = key.Text();
            if (!NamePattern().IsMatch(name))
            {
                throw key.Expected("an input name of letters, digits, '.', '_' or '-'");
            }

            inputs.Add(ParseInput(name, value.Map().Check(InputKeys), defaults, folder));
        }

        if (inputs.Count == 0)
        {
            throw inputsMap.Self.Expected("at least one input");
        }

        var names = inputs.Select(i => i.Name).ToArray();
        YamlMap analyses = top.Require("analyses", "what to compute").Map().Check(AnalysisKeys);

        RdfStage? rdf = analyses.Get("rdf") is { } r ? ParseRdf(r.Map().Check(RdfKeys), names) : null;
        StructureStage? coordination = analyses.Get("coordination") is { } c ? ParseStructure(c.Map().Check(CoordinationKeys), names, true) : null;
        StructureStage? profile = analyses.Get("profile") is { } p ? ParseStructure(p.Map().Check(ProfileKeys), names, false) : null;
        if (profile is not null && analyses.Get("profile")!.Map().Get("bulk-reference") is { } reference)
        {
            // The bulk density of the excess volume from another input (its own pass), as --bulk-reference.
            string name = reference.Text();
            profile = profile with { BulkReference = names.Contains(name) ? name : throw reference.Expected($"the name of an input ({string.Join(", ", names)})") };
        }

        MsdStage? msd = analyses.Get("msd") is { } m ? ParseMsd(m.Map().Check(MsdKeys), names) : null;
        IReadOnlyList<string> conductivity = [];
        if (analyses.Has("conductivity"))
        {
            YamlValue node = analyses.Get("conductivity") ?? new YamlValue(path, new YamlMappingNode(), "analyses.conductivity");
            YamlMap map = node.Map().Check(ConductivityKeys);
            conductivity = InputList(map, msd?.Inputs ?? names, names);
            msd ??= new MsdStage(conductivity, "Li", RegionMembership.Start, UnwrapMode.Auto, null, FitWindow.Default);
            foreach (string name in conductivity.Where(n => !msd.Inputs.Contains(n)))
            {
                msd = msd with { Inputs = [.. msd.Inputs, name] };
            }
        }

        var comparisons = new List<CompareStage>();
        if (analyses.Get("compare") is { } cmp)
        {
            foreach (YamlValue item in cmp.Items())
            {
                YamlMap map = item.Map().Check(CompareKeys);
                string name = FileName(map.Require("name", "a name for the comparison's files"));
                IReadOnlyList<string> members = InputList(map, null, names);
                comparisons.Add(new CompareStage(name, members, StructureRequest(map, false), ParseRoles(map, members.Count)));
            }

            Unique(cmp, comparisons.Select(x => x.Name), "comparison");
        }

        var arrhenius = new List<ArrheniusStage>();
        if (analyses.Get("arrhenius") is { } arr)
        {
            foreach (YamlValue item in arr.Items())
            {
                YamlMap map = item.Map().Check(ArrheniusKeys);
                string name = FileName(map.Require("name", "a name for the set's files"));
                IReadOnlyList<string> members = InputList(map, null, conductivity);
                arrhenius.Add(new ArrheniusStage(
                    name,
                    members,
                    map.Get("kind")?.Choice("tracer", "collective") ?? "tracer",
                    map.Get("region")?.Choice("all", "gb", "bulk") ?? "all",
                    map.Get("direction")?.Choice("total", "x", "y", "z", "parallel", "perpendicular") ?? "total",
                    map.Get("quantity")?.Choice("sigma", "D") is "D" ? ArrheniusQuantity.Diffusion : ArrheniusQuantity.Conductivity,
                    map.Get("extrapolate-to") is { } at ? Positive(at, "a temperature in K") : 300));
            }

            Unique(arr, arrhenius.Select(x => x.Name), "Arrhenius set");
        }

        PolycrystalStage? polycrystal = analyses.Get("polycrystal") is { } poly
            ? ParsePolycrystal(poly.Map().Check(PolycrystalKeys), arrhenius, conductivity)
            : null;

        DynamicsStage? dynamics = analyses.Get("dynamics") is { } dy ? ParseDynamics(dy.Map().Check(DynamicsKeys), names) : null;
        return new PipelineDefinition(path, output, threads, inputs, rdf, coordination, profile, msd, conductivity, comparisons, arrhenius, polycrystal, dynamics);
    }

    private static PipelineInput ParseInput(string name, YamlMap map, YamlMap? defaults, string folder)
    {
        YamlValue? Get(string key) => map.Get(key) ?? defaults?.Get(key);

        // One file, a glob pattern (dump.*.lammpstrj) or a list of files read as one trajectory in that order.
        YamlValue file = map.Require("file", "the trajectory or structure (or a pattern or list of its files), relative to the pipeline file");
        string path = file.IsSequence
            ? string.Join(Path.PathSeparator, file.TextList().Select(f => Resolve(folder, f)))
            : Resolve(folder, file.Text());
        if (IO.TrajectoryFiles.IsMulti(path))
        {
            file.At(() => IO.TrajectoryFiles.Expand(path));
        }
        else if (!File.Exists(path))
        {
            throw file.Error($"expected an existing file, found no file at {path}");
        }

        var read = new ReadOptions
        {
            TypeMap = Get("type-map") is { } tm ? tm.At(() => SpeciesMap.Parse(TypeMapText(tm))) : null,
            TimestepPs = Get("timestep") is { } ts ? ts.At(() => UnitConversion.ParseTimePs(ts.Text())) : null,
            Units = Get("units") is { } u ? u.At(() => UnitConversion.ParseStyle(u.Text())) : UnitStyle.Metal,
        };
        string? format = Get("format") is { } f ? f.At(() => FormatRegistry.Get(f.Text()).Name) : null;
        int first = Get("first-frame") is { } ff ? NonNegative(ff) : 0;
        int? last = Get("last-frame") is { } lf ? NonNegative(lf) : null;
        int every = Get("every") is { } ev ? ev.At(() => ev.Integer() >= 1 ? ev.Integer() : throw ev.Expected("an integer ≥ 1")) : 1;
        YamlValue selectionNode = Get("last-frame") ?? Get("first-frame") ?? map.Self;
        FrameSelection selection = selectionNode.At(() => new FrameSelection(first, last, every));
        double? temperature = Get("temperature") is { } t ? Positive(t, "a temperature in K") : null;
        IReadOnlyDictionary<string, double>? charges = Get("charges") is { } q ? Charges(q) : null;

        YamlValue? boundaries = Get("boundaries");
        string? boundariesText = boundaries?.Text();
        if (boundariesText is not null && !new[] { "auto", "none" }.Contains(boundariesText, StringComparer.OrdinalIgnoreCase))
        {
            boundariesText = Resolve(folder, boundariesText);
        }

        YamlValue? normal = Get("normal");
        string normalText = normal is null ? "z" : normal.At(() => "xyzabc".Contains(normal.Text().Trim().ToLowerInvariant(), StringComparison.Ordinal) && normal.Text().Trim().Length == 1
            ? normal.Text()
            : throw normal.Expected("x, y or z"));
        YamlValue? planes = Get("planes");
        var region = new RegionRequest(
            boundariesText,
            normalText,
            planes?.NumberList(),
            Get("half-width") is { } hw ? Positive(hw, "a half-width in Å") : null,
            Smoothing: Get("smoothing") is { } sm ? Positive(sm, "a width in Å") : 4.0);
        // Without a timestep, the one of log.lammps beside the file (its timestep command and units), said in msd.json.
        var trajectory = TimestepSource.Resolve(new TrajectoryInput(path, read, format, selection) { Label = name });
        YamlValue regionNode = planes ?? boundaries ?? map.Self;
        ResolvedRegion resolved = regionNode.At(() =>
        {
            ResolvedRegion r = region.ResolveWithoutDetection(path);
            if (r.Region is { } slab)
            {
                CheckRegion(slab);
            }

            return r;
        });
        return new PipelineInput(name, trajectory, temperature, charges, region, resolved);
    }

    private static void CheckRegion(SlabRegion slab)
    {
        foreach (double p in slab.Planes)
        {
            if (p < 0 || p > 1)
            {
                throw new InputException($"plane {p}: expected a fractional position between 0 and 1");
            }
        }
    }

    private static RdfStage ParseRdf(YamlMap map, IReadOnlyList<string> names)
    {
        double rMax = map.Get("r-max") is { } r ? r.Number() : 8.0;
        int bins = map.Get("bins") is { } b ? b.Integer() : 400;
        IReadOnlyList<SpeciesPair>? pairs = Pairs(map);
        map.Self.At(() => new RdfOptions(rMax, bins, pairs));
        IReadOnlyList<string>? regions = map.Get("regions") is { } rg
            ? rg.TextList().Select(t => Array.Find(["all", "bulk", "gb"], c => c.Equals(t, StringComparison.OrdinalIgnoreCase)) ?? throw rg.Expected("regions among all, bulk, gb")).Distinct().ToArray()
            : null;
        return new RdfStage(InputList(map, names, names), rMax, bins, pairs, regions);
    }

    private static StructureStage ParseStructure(YamlMap map, IReadOnlyList<string> names, bool coordination)
    {
        bool none = map.Get("species") is { IsScalar: true } s && s.Text().Equals("none", StringComparison.OrdinalIgnoreCase);
        if (none && coordination)
        {
            throw map.Get("species")!.Expected("species pairs such as [Li-O, O-Li]");
        }

        CoordinationRequest request = none ? new CoordinationRequest(ProfileBins: map.Get("profile-bins")?.Integer() ?? 50) : StructureRequest(map, coordination);
        return new StructureStage(InputList(map, names, names), request, !none);
    }

    /// <summary>The <see cref="CoordinationRequest"/> of a mapping, with the defaults of the commands.</summary>
    private static CoordinationRequest StructureRequest(YamlMap map, bool atoms)
    {
        double rMax = map.Get("r-max") is { } r ? r.At(() => r.Number() > 0 ? r.Number() : throw r.Expected("a positive distance in Å")) : 6.0;
        int bins = map.Get("bins") is { } b ? b.At(() => b.Integer() >= 3 ? b.Integer() : throw b.Expected("at least 3 bins")) : 300;
        int profileBins = map.Get("profile-bins") is { } pb ? pb.At(() => pb.Integer() >= 1 ? pb.Integer() : throw pb.Expected("at least 1 slab")) : 50;
        CutoffSpec cutoff = map.Get("cutoff") is { } c ? c.At(() => CutoffSpec.Parse(CutoffText(c))) : CutoffSpec.Auto;
        IReadOnlyList<string> formats = [];
        if (atoms)
        {
            formats = map.Get("atoms") is { } a ? a.TextList() : ["dump", "extxyz"];
            if (formats.Any(f => f.Equals("none", StringComparison.OrdinalIgnoreCase)))
            {
                formats = [];
            }

            foreach (string format in formats)
            {
                if (!format.Equals("dump", StringComparison.OrdinalIgnoreCase) && !format.Equals("extxyz", StringComparison.OrdinalIgnoreCase))
                {
                    throw map.Get("atoms")!.Expected("dump, extxyz or none");
                }
            }
        }

        long? snapshot = atoms && map.Get("snapshot-step") is { } ss ? ss.Integer() : null;
        return new CoordinationRequest(Pairs(map), cutoff, rMax, bins, profileBins, null, snapshot, formats);
    }

    /// <summary>
    /// <c>roles:</c> of a comparison: one map for every input (<c>{Na: cation, P: centre, O: anion}</c>) or a list of
    /// maps, one per input; <c>bv-r0:</c> bond-valence R0 by pair (<c>{Li-S: 1.94}</c>) beside the published table.
    /// </summary>
    private static RoleRequest? ParseRoles(YamlMap map, int inputs)
    {
        if (map.Get("roles") is not { } roles)
        {
            return map.Get("bv-r0") is { } r0 ? throw r0.Expected("bv-r0 only with roles") : null;
        }

        static string Text(YamlValue v) => string.Join(',', v.Map().Entries.Select(e => $"{e.Key.Text()}={e.Value.Text()}"));
        string[] texts = roles.IsSequence ? roles.Items().Select(Text).ToArray() : [Text(roles)];
        string? r0Text = map.Get("bv-r0") is { } bv ? Text(bv) : null;
        return roles.At(() => RoleRequest.Parse(texts, r0Text, inputs));
    }

    private static DynamicsStage ParseDynamics(YamlMap map, IReadOnlyList<string> names)
    {
        IReadOnlyList<double>? lags = map.Get("lags")?.NumberList();
        double? hop = map.Number("hop-distance");
        double window = map.Number("hop-window") ?? Analysis.Transport.Dynamics.DynamicsOptions.DefaultHopWindowPs;
        return new DynamicsStage(InputList(map, names, names), map.Text("species") ?? "Li", lags, hop, window);
    }

    private static MsdStage ParseMsd(YamlMap map, IReadOnlyList<string> names)
    {
        string species = map.Text("species") ?? "Li";
        var membership = map.Get("membership")?.Choice("start", "stay") is "stay" ? RegionMembership.Stay : RegionMembership.Start;
        UnwrapMode unwrap = (map.Get("unwrap")?.Choice("auto", "columns", "images", "displacements") ?? "auto") switch
        {
            "columns" => UnwrapMode.Columns,
            "images" => UnwrapMode.Images,
            "displacements" => UnwrapMode.Displacements,
            _ => UnwrapMode.Auto,
        };
        string? drift = map.Text("drift") is { } d && !d.Equals("none", StringComparison.OrdinalIgnoreCase) ? d : null;
        double? start = map.Number("fit-start");
        double? end = map.Number("fit-end");
        FitWindow fit = (map.Get("fit-end") ?? map.Get("fit-start") ?? map.Self).At(() => new FitWindow(start, end));
        map.Self.At(() => new MsdOptions(species, 2, null, membership, unwrap, drift, fit));
        return new MsdStage(InputList(map, names, names), species, membership, unwrap, drift, fit);
    }

    private static PolycrystalStage ParsePolycrystal(YamlMap map, IReadOnlyList<ArrheniusStage> sets, IReadOnlyList<string> conductivity)
    {
        ConductivitySource Source(string key)
        {
            YamlValue v = map.Require(key, "a conductivity in S/cm, {arrhenius: SET} or {input: NAME, region: ..., direction: ...}");
            if (v.IsScalar)
            {
                return new ConductivitySource(Positive(v, "a conductivity in S/cm"), null, null);
            }

            YamlMap m = v.Map().Check(SourceKeys);
            if (m.Get("arrhenius") is { } a)
            {
                string name = a.Text();
                return sets.Any(s => s.Name == name)
                    ? new ConductivitySource(null, name, null)
                    : throw a.Expected($"the name of an Arrhenius set ({(sets.Count == 0 ? "none defined" : string.Join(", ", sets.Select(s => s.Name)))})");
            }

            YamlValue input = m.Require("input", "an input with a conductivity result, or 'arrhenius'");
            string inputName = input.Text();
            if (!conductivity.Contains(inputName))
            {
                throw input.Expected($"an input of analyses.conductivity ({(conductivity.Count == 0 ? "none" : string.Join(", ", conductivity))})");
            }

            return new ConductivitySource(
                null,
                null,
                inputName,
                m.Get("kind")?.Choice("tracer", "collective") ?? "tracer",
                m.Get("region")?.Choice("all", "gb", "bulk") ?? "all",
                m.Get("direction")?.Choice("total", "x", "y", "z", "parallel", "perpendicular") ?? "total");
        }

        var bulk = Source("sigma-bulk");
        var parallel = Source("sigma-gb-parallel");
        var perpendicular = Source("sigma-gb-perpendicular");
        double? temperature = map.Get("temperature") is { } t ? Positive(t, "a temperature in K") : null;
        double width = map.Get("width") is { } w ? w.At(() => w.Number() >= 0 ? w.Number() : throw w.Expected("a width ≥ 0 in nm")) : 1.0;
        double min = map.Get("min-size") is { } mn ? Positive(mn, "a grain size in nm") : 1.0;
        double max = map.Get("max-size") is { } mx ? Positive(mx, "a grain size in nm") : 1e5;
        if (!(max > min))
        {
            throw (map.Get("max-size") ?? map.Self).Expected($"max-size above min-size {min} nm");
        }

        return new PolycrystalStage(bulk, parallel, perpendicular, temperature, width, min, max);
    }

    /// <summary>The <c>inputs</c> list of an analysis (all of <paramref name="fallback"/> when absent), each a known name.</summary>
    private static IReadOnlyList<string> InputList(YamlMap map, IReadOnlyList<string>? fallback, IReadOnlyList<string> valid)
    {
        YamlValue? node = map.Get("inputs");
        if (node is null)
        {
            return fallback ?? throw map.Self.Error("expected key 'inputs' (names of inputs), found none");
        }

        IReadOnlyList<YamlValue> items = node.IsSequence ? node.Items() : [node];
        var names = new List<string>();
        foreach (YamlValue item in items)
        {
            string name = item.Text();
            if (!valid.Contains(name))
            {
                throw item.Expected($"the name of an input ({(valid.Count == 0 ? "none available here" : string.Join(", ", valid))})");
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.Count > 0 ? names : throw node.Expected("at least one input name");
    }

    private static IReadOnlyList<SpeciesPair>? Pairs(YamlMap map) =>
        map.Get("species") is { } s ? s.At(() => SpeciesPair.ParseList(string.Join(",", s.TextList()))) : null;

    private static string TypeMapText(YamlValue value) => value.IsMapping
        ? string.Join(",", value.Map().Entries.Select(e => $"{e.Key.Text()}={e.Value.Text()}"))
        : value.Text();

    private static string CutoffText(YamlValue value) => value.IsMapping
        ? string.Join(",", value.Map().Entries.Select(e => $"{e.Key.Text()}={e.Value.Text()}"))
        : value.Text();

    private static IReadOnlyDictionary<string, double> Charges(YamlValue value)
    {
        if (!value.IsMapping)
        {
            throw value.Expected("charges per species in e, e.g. {Li: 1, O: -2}");
        }

        var map = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, v) in value.Map().Entries)
        {
            map[key.Text()] = v.Number();
        }

        return map.Count > 0 ? map : throw value.Expected("at least one species: charge");
    }

    private static string FileName(YamlValue value)
    {
        string name = value.Text();
        return NamePattern().IsMatch(name) ? name : throw value.Expected("a name of letters, digits, '.', '_' or '-'");
    }

    private static void Unique(YamlValue list, IEnumerable<string> names, string what)
    {
        string? twice = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice is not null)
        {
            throw list.Error($"expected a different name for each {what}, found '{twice}' twice");
        }
    }

    private static double Positive(YamlValue v, string what) => v.Number() > 0 ? v.Number() : throw v.Expected($"{what} > 0");

    private static int NonNegative(YamlValue v) => v.Integer() >= 0 ? v.Integer() : throw v.Expected("a frame index ≥ 0");

    private static string Resolve(string folder, string path) => Path.GetFullPath(Path.Combine(folder, path));

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex NamePattern();
}
