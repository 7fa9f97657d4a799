using System.Text.Json;
using System.Text;
using GbAtomistics.Analysis.Comparison;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis;
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
/// </summary>
public static class CompareStep
{
    public static IReadOnlyList<ComparedSystem> Compute(
        IReadOnlyList<(string Label, TrajectoryInput Input)> systems, CoordinationRequest request, int threads = 1)
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
        foreach (var (label, input) in systems)
        {
            IReadOnlyList<string> species = FirstFrame.Species(input);
            IReadOnlyList<SpeciesPair> pairs = request.Pairs is { } asked
                ? asked.Where(p => Has(species, p.Central) && Has(species, p.Neighbour)).ToArray()
                : FirstFrame.DefaultPairs(species);
            if (pairs.Count == 0)
            {
                throw new InputException($"{input.Path}: none of the pairs {string.Join(", ", request.Pairs!)} is present (species: {string.Join(", ", species)})");
            }

            CoordinationRun run = CoordinationStep.Compute(input, request with { Pairs = pairs, AtomFormats = [] }, threads);
            SlabRegion? region = run.Result.Options.Region;
            var regions = region is null
                ? new List<(string, RdfOptions)> { ("all", new RdfOptions(request.RdfRMax, request.RdfBins, pairs)) }
                : [("bulk", new RdfOptions(request.RdfRMax, request.RdfBins, pairs, region.Invert("bulk"))), ("gb", new RdfOptions(request.RdfRMax, request.RdfBins, pairs, region))];
            var analyzers = regions.Select(r => new RdfAnalyzer(r.Item2)).ToArray();
            RunOutcome outcome = FrameRunner.Run(input, analyzers.Select(a => (Func<Frame, IFrameAccumulator>)(f => a.Begin(f))).ToArray(), threads);
            var rdfs = regions.Select((r, k) => (r.Item1, analyzers[k].Finish((RdfAccumulator)outcome.Accumulators[k]))).ToArray();
            results.Add(new ComparedSystem(label, input, run, rdfs));
        }

        if (results.Count == 1 && results[0].Rdfs.Count == 1)
        {
            throw new InputException(
                "compare: one input without grain-boundary slabs leaves nothing to compare; give two or more inputs, or " +
                "--boundaries auto|FILE.gb.json or --planes to compare bulk and GB");
        }

        return results;
    }

    /// <summary>The comparison table of the systems, rows in system order, bulk before gb.</summary>
    public static ComparisonTable Table(IReadOnlyList<ComparedSystem> systems) => ComparisonTable.Build(
        systems.SelectMany(s => s.Rdfs.Select(r => new ComparisonEntry(s.Label, r.Region, r.Rdf, s.Coordination.Result))).ToArray());

    /// <summary>Writes the table (CSV, Markdown), overlays and JSON; returns the summary.</summary>
    public static object Write(IReadOnlyList<ComparedSystem> systems, OutputFolder output, string prefix = "compare")
    {
        ComparisonTable table = Table(systems);
        output.WriteTable($"{prefix}.csv", table.ToCsv(), "no peak or minimum was found in the g(r), no coordination was computed for that region, or there is no bulk row to compare with");
        output.WriteText($"{prefix}.md", table.ToMarkdown());
        var pairs = systems.SelectMany(s => s.Coordination.Result.Pairs).Distinct().ToArray();
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

    public static object Summary(IReadOnlyList<ComparedSystem> systems, ComparisonTable table) => new
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
