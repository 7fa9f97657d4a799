using System.Text;
using System.Text.Json;
using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Comparison;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis.Roles;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>compare</c> step: for each system (a trajectory with a label) the coordination run of
/// <see cref="CoordinationStep"/> (cut-offs and region resolved per system), then one pass computing g_AB(r) over
/// central atoms of each region (bulk and gb with a region, else all; neighbours anywhere, whole-box density). The
/// table gives per system, region and pair the first peak of g (position Å, height), the first minimum, the cut-off and
/// the mean CN, and for GB rows the change against the bulk. Pairs absent from a system are left out for it, so an
/// oxide and its sulphide can be compared with <c>--species Li-O,Li-S</c>. Writes <c>compare.csv</c>,
/// <c>compare.json</c>, <c>compare.md</c>, and per pair an RDF overlay and a CN distribution overlay.
/// With roles (<see cref="RoleRequest"/>) pairs may be written as role pairs (<c>cation-anion</c>), the cation–anion and
/// centre–anion pairs are always analysed, the same pass also computes the polyhedra and bond-valence sums by role
/// (<see cref="RoleAnalyzer"/>), rows are aligned by role pair, <c>compare-roles.csv</c>/<c>.md</c> hold the role
/// table, and the overlays are per role pair (<c>compare-rdf-cation-anion.png</c>) with each system's real pair in the
/// legend.
/// </summary>
public static class CompareStep
{
    public static IReadOnlyList<ComparedSystem> Compute(
        IReadOnlyList<(string Label, TrajectoryInput Input)> systems, CoordinationRequest request, int threads = 1, RoleRequest? roles = null)
    {
        if (systems.Count == 0)
        {
            throw new InputException("compare: expected at least one input");
        }

        var labels = systems.Select(s => s.Label).ToArray();
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            throw new InputException($"--labels {string.Join(",", labels)}: expected a different label for each input");
        }

        var results = new List<ComparedSystem>();
        for (int k = 0; k < systems.Count; k++)
        {
            results.Add(ComputeOne(systems[k].Label, systems[k].Input, request, threads, roles?.For(k, systems.Count), roles?.Parameters));
        }

        if (results.Count == 1 && results[0].Rdfs.Count == 1)
        {
            throw new InputException(
                "compare: one input without grain-boundary slabs leaves nothing to compare; give two or more inputs, or " +
                "--boundaries auto|FILE.gb.json or --planes to compare bulk and GB");
        }

        return results;
    }

    /// <summary>
    /// One system of a comparison: coordination (its cut-offs from the first minimum unless given), the g(r) of the whole
    /// cell or of its bulk and GB slabs (the region of <paramref name="request"/> resolved for this input), and with a
    /// role map the polyhedra and bond-valence sums by role, in one pass after the coordination run.
    /// </summary>
    internal static ComparedSystem ComputeOne(
        string label, TrajectoryInput input, CoordinationRequest request, int threads, RoleMap? map, BondValenceParameters? parameters)
    {
        IReadOnlyList<string> species = FirstFrame.Species(input);
        IReadOnlyList<SpeciesPair> pairs = request.Pairs is { } asked
            ? Present(map is null ? asked : asked.SelectMany(map.Expand), species)
            : map is null ? FirstFrame.DefaultPairs(species) : Present(map.DefaultPairs(), species);
        if (map is not null)
        {
            // The bonds of the bond-valence sums need their cut-offs from the same coordination run.
            pairs = pairs.Concat(Present(map.BondPairs(), species).Where(b => !pairs.Contains(b))).ToArray();
        }

        if (pairs.Count == 0)
        {
            throw new InputException(request.Pairs is null
                ? $"{input.Path}: no species of --roles {map} is present (species: {string.Join(", ", species)})"
                : $"{input.Path}: none of the pairs {string.Join(", ", request.Pairs)} is present (species: {string.Join(", ", species)})");
        }

        CoordinationRun run = CoordinationStep.Compute(input, request with { Pairs = pairs, AtomFormats = [] }, threads);
        SlabRegion? region = run.Result.Options.Region;
        var regions = region is null
            ? new List<(string, RdfOptions)> { ("all", new RdfOptions(request.RdfRMax, request.RdfBins, pairs)) }
            : [("bulk", new RdfOptions(request.RdfRMax, request.RdfBins, pairs, region.Invert("bulk"))), ("gb", new RdfOptions(request.RdfRMax, request.RdfBins, pairs, region))];
        var analyzers = regions.Select(r => new RdfAnalyzer(r.Item2)).ToArray();
        var begins = new List<Func<Frame, IFrameAccumulator>> { f => new RdfAccumulatorGroup(analyzers.Select(a => a.Begin(f)).ToArray()) };
        RoleAnalyzer? roleAnalyzer = null;
        if (map is not null)
        {
            CoordinationOptions o = run.Result.Options;
            var bonds = map.BondPairs().Select(b => (b, o.Pairs.ToList().IndexOf(b))).Where(b => b.Item2 >= 0).Select(b => (b.b, o.Cutoffs[b.Item2])).ToArray();
            roleAnalyzer = new RoleAnalyzer(new RoleOptions(map, bonds, parameters!, region));
            begins.Add(f => roleAnalyzer.Begin(f));
        }

        RunOutcome outcome = FrameRunner.Run(input, begins.ToArray(), threads);
        var group = (RdfAccumulatorGroup)outcome.Accumulators[0]; // bulk and gb over one traversal of the pairs
        var rdfs = regions.Select((r, j) => (r.Item1, analyzers[j].Finish(group.Members[j]))).ToArray();
        RoleResult? roleResult = roleAnalyzer?.Finish((RoleAccumulator)outcome.Accumulators[^1]);
        return new ComparedSystem(label, input, run, rdfs, map, roleResult);
    }

    /// <summary>The comparison table of the systems, rows in system order, bulk before gb.</summary>
    public static ComparisonTable Table(IReadOnlyList<ComparedSystem> systems) => ComparisonTable.Build(
        systems.SelectMany(s => s.Rdfs.Select(r => new ComparisonEntry(s.Label, r.Region, r.Rdf, s.Coordination.Result, s.Roles))).ToArray());

    /// <summary>The polyhedra and bond-valence sums by role of the systems that have roles, or null when none has.</summary>
    public static RoleComparisonTable? RoleTable(IReadOnlyList<ComparedSystem> systems)
    {
        var withRoles = systems.Where(s => s.RoleResult is not null).Select(s => (s.Label, s.RoleResult!)).ToArray();
        return withRoles.Length == 0 ? null : RoleComparisonTable.Build(withRoles);
    }

    /// <summary>Writes the table (CSV, Markdown), overlays and JSON; returns the summary.</summary>
    public static object Write(IReadOnlyList<ComparedSystem> systems, OutputFolder output, string prefix = "compare")
    {
        ComparisonTable table = Table(systems);
        output.WriteTable($"{prefix}.csv", table.ToCsv(), "no peak or minimum was found in the g(r), no coordination was computed for that region, or there is no bulk row to compare with");
        output.WriteText($"{prefix}.md", table.ToMarkdown());
        RoleComparisonTable? roleTable = RoleTable(systems);
        if (roleTable is not null)
        {
            output.WriteTable($"{prefix}-roles.csv", roleTable.ToCsv(),
                "a region without atoms of that species has no means; standard errors need two or more blocks of frames; indices exist for gb rows only; " +
                "the formal valence of an element outside the published bond-valence table is unknown");
            output.WriteText($"{prefix}-roles.md", roleTable.ToMarkdown());
            WriteRolePlots(systems, table, roleTable, output, prefix);
        }

        var pairs = roleTable is null ? systems.SelectMany(s => s.Coordination.Result.Pairs).Distinct().ToArray() : [];
        foreach (SpeciesPair pair in pairs)
        {
            var rdfSeries = new List<(string, RdfResult)>();
            var cnSeries = new List<(string, CoordinationDistribution)>();
            foreach (ComparedSystem s in systems)
            {
                CoordinationResult cn = s.Coordination.Result;
                int q = cn.IndexOf(pair);
                if (q < 0)
                {
                    continue;
                }

                foreach (var (region, rdf) in s.Rdfs)
                {
                    string label = systems.Count == 1 ? region : $"{s.Label} {region}";
                    rdfSeries.Add((label, rdf));
                    cnSeries.Add((label, cn.Distribution(q, region)));
                }
            }

            string safe = FileSafe(pair.ToString());
            int index = rdfSeries[0].Item2.IndexOf(pair);
            output.WritePlot($"{prefix}-rdf-{safe}.png", path => RdfPlot.SaveOverlay(rdfSeries, index, path, $"g(r) {pair}"));
            output.WritePlot($"{prefix}-cn-{safe}.png", path => CoordinationPlot.SaveDistributionOverlay(cnSeries, path, $"Coordination {pair}"));
        }

        object summary = Summary(systems, table);
        output.WriteText($"{prefix}.json", JsonSerializer.Serialize(summary, Json.Options));
        return summary;
    }

    /// <summary>Per role pair: the g(r) overlay of every system's real pairs and the CN distributions of the polyhedra.</summary>
    private static void WriteRolePlots(IReadOnlyList<ComparedSystem> systems, ComparisonTable table, RoleComparisonTable roleTable, OutputFolder output, string prefix)
    {
        foreach (string rolePair in table.Rows.Select(r => r.RolePair).OfType<string>().Distinct())
        {
            var series = new List<(string, RdfResult, SpeciesPair)>();
            foreach (ComparedSystem s in systems)
            {
                foreach (var (region, rdf) in s.Rdfs)
                {
                    foreach (SpeciesPair pair in rdf.Pairs.Where(p => s.Roles?.RolePairOf(p) == rolePair))
                    {
                        series.Add(($"{(systems.Count == 1 ? region : $"{s.Label} {region}")} ({pair})", rdf, pair));
                    }
                }
            }

            string title = RoleTitle(rolePair);
            output.WritePlot($"{prefix}-rdf-{FileSafe(rolePair)}.png", path => RdfPlot.SaveOverlay(series, path, $"{title} g(r)", $"g(r) {title}"));
        }

        foreach (string rolePair in roleTable.Rows.Select(r => r.Statistics.RolePair).Distinct())
        {
            var series = roleTable.Rows.Where(r => r.Statistics.RolePair == rolePair && r.Statistics.Coordination.Samples > 0)
                .Where(r => systems.First(s => s.Label == r.System).Rdfs.Any(x => x.Region == r.Statistics.Region))
                .Select(r => ($"{(systems.Count == 1 ? r.Statistics.Region : $"{r.System} {r.Statistics.Region}")} ({r.Statistics.Pair})", r.Statistics.Coordination))
                .ToArray();
            string title = RoleTitle(rolePair);
            output.WritePlot($"{prefix}-cn-{FileSafe(rolePair)}.png", path => CoordinationPlot.SaveDistributionOverlay(series, path, $"{title} coordination"));
        }
    }

    /// <summary><c>cation-anion</c> written with an en dash for titles: cation–anion.</summary>
    private static string RoleTitle(string rolePair) => rolePair.Replace('-', '–');

    /// <summary>
    /// The JSON summary: systems, rows and definitions; with roles also each system's role map, each row's role pair and
    /// a <c>roles</c> block (the role table, bond-valence parameters and definitions).
    /// </summary>
    public static object Summary(IReadOnlyList<ComparedSystem> systems, ComparisonTable table)
    {
        object plain = PlainSummary(systems, table);
        if (!table.ByRole)
        {
            return plain;
        }

        var node = (System.Text.Json.Nodes.JsonObject)JsonSerializer.SerializeToNode(plain, Json.Options)!;
        var rows = (System.Text.Json.Nodes.JsonArray)node["rows"]!;
        for (int k = 0; k < rows.Count; k++)
        {
            ((System.Text.Json.Nodes.JsonObject)rows[k]!)["role_pair"] = table.Rows[k].RolePair;
        }

        var systemNodes = (System.Text.Json.Nodes.JsonArray)node["systems"]!;
        for (int k = 0; k < systemNodes.Count; k++)
        {
            ((System.Text.Json.Nodes.JsonObject)systemNodes[k]!)["roles"] = systems[k].Roles?.ToString();
        }

        node["roles"] = JsonSerializer.SerializeToNode(RoleSummary(systems), Json.Options);
        return node;
    }

    private static object? RoleSummary(IReadOnlyList<ComparedSystem> systems)
    {
        if (RoleTable(systems) is not { } table)
        {
            return null;
        }

        var bonds = systems.Where(s => s.RoleResult is not null).SelectMany(s => s.RoleResult!.Options.BondCutoffs.Select(b => (s.Label, b.Pair, b.Cutoff, Entry: s.RoleResult.Options.Parameters.Require(b.Pair.Central, b.Pair.Neighbour))));
        return new
        {
            definitions = new
            {
                polyhedron = "neighbours of a cation or centre: anions closer than the pair's cut-off; of an anion: cations and centres closer than the pair's cut-off",
                bond_length = "per atom, the mean distance to its bonded neighbours; mean and standard deviation over (atom, frame) samples with at least one bond",
                bond_valence_sum = "V_i = sum_j exp((R0 - r_ij)/b) over the bonds of atom i, b = 0.37 Å, signed as the formal valence (negative for anions); deviation = mean V - formal valence",
                overcoordination_index = "mean CN(gb) / mean CN(bulk) - 1 of the same species; bvs_index likewise with the mean V",
                errors = "standard errors from the spread over B = min(10, frames) contiguous blocks of frames in step order, sd(block values)/sqrt(B); none with one frame",
            },
            bond_valence_b_angstrom = BondValenceParameters.B,
            bonds = bonds.Select(b => new { system = b.Label, pair = b.Pair.ToString(), cutoff_angstrom = b.Cutoff, r0_angstrom = b.Entry.R0, source = b.Entry.Source }),
            rows = table.Rows.Select(r => new
            {
                role_pair = r.Statistics.RolePair,
                region = r.Statistics.Region,
                system = r.System,
                pair = r.Statistics.Pair,
                atoms_per_frame = r.Statistics.Coordination.MeanAtomsPerFrame,
                mean_cn = r.Statistics.Coordination.Mean,
                std_cn = r.Statistics.Coordination.StandardDeviation,
                mean_cn_stderr = r.Statistics.CnError,
                cn_fractions = r.Statistics.Coordination.Fractions,
                mean_bond_length_angstrom = r.Statistics.MeanBondLength,
                std_bond_length_angstrom = r.Statistics.BondLengthSpread,
                mean_bvs = r.Statistics.MeanBvs,
                std_bvs = r.Statistics.BvsSpread,
                mean_bvs_stderr = r.Statistics.BvsError,
                formal_valence = r.Statistics.FormalValence,
                bvs_deviation = r.Statistics.BvsDeviation,
                overcoordination_index = r.Statistics.OverCoordination,
                overcoordination_index_stderr = r.Statistics.OverCoordinationError,
                bvs_index = r.Statistics.BvsIndex,
                bvs_index_stderr = r.Statistics.BvsIndexError,
                error_blocks = r.Statistics.Blocks,
            }),
            units = new { cn = "atoms", bond_length = "Å", bvs = "valence units (v.u.)", index = "fraction" },
        };
    }

    private static object PlainSummary(IReadOnlyList<ComparedSystem> systems, ComparisonTable table) => new
    {
        analysis = "compare",
        systems = systems.Select(s => new
        {
            label = s.Label,
            input = s.Input.Path,
            frames_used = s.Coordination.Result.Frames,
            first_frame = s.Input.Frames.First,
            last_frame = s.Input.Frames.Last,
            every = s.Input.Frames.Every,
            pairs = s.Coordination.Result.Pairs.Select(p => p.ToString()),
            cutoffs_angstrom = s.Coordination.Result.Options.Cutoffs,
            cutoff_sources = s.Coordination.CutoffSources,
            rdf_r_max_angstrom = s.Rdfs[0].Rdf.Options.RMax,
            rdf_bins = s.Rdfs[0].Rdf.Options.Bins,
            region = s.Coordination.Region.Summary(),
        }),
        rows = table.Rows.Select(r => new
        {
            system = r.System,
            region = r.Region,
            pair = r.Pair,
            first_peak_r_angstrom = r.PeakR,
            first_peak_height = r.PeakHeight,
            first_minimum_r_angstrom = r.MinimumR,
            cutoff_angstrom = r.Cutoff,
            mean_cn = r.MeanCoordination,
            peak_shift_vs_bulk_angstrom = r.PeakShiftVsBulk,
            peak_height_change_vs_bulk_relative = r.PeakHeightChangeVsBulk,
            mean_cn_change_vs_bulk_relative = r.MeanCoordinationChangeVsBulk,
        }),
        definitions = "g_AB over central A atoms of the region, neighbours anywhere, whole-box density; first peak and minimum by RdfPeaks; " +
            "relative change = (gb - bulk) / bulk of the same system and pair",
        units = new { r = "Å", g = "dimensionless", cn = "atoms", relative_change = "fraction" },
    };

    private static SpeciesPair[] Present(IEnumerable<SpeciesPair> pairs, IReadOnlyList<string> species) =>
        pairs.Where(p => Has(species, p.Central) && Has(species, p.Neighbour)).Distinct().ToArray();

    private static bool Has(IReadOnlyList<string> species, string name) => species.Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));

    private static string FileSafe(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in text)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_');
        }

        return sb.ToString();
    }
}
