using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Regions;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.IO.Lammps;
using GbAtomistics.IO.Xyz;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>coordination</c> step. Passes over the trajectory: (1) when a cut-off is automatic, g_AB(r) of those pairs
/// over the selected frames, whose first minimum becomes the cut-off; (2) with automatic boundaries, coordination
/// without a region, whose deviation profile locates the planes; (3) coordination with the region. Writes
/// <c>coordination.csv</c> (distributions), <c>coordination-summary.csv</c>, <c>coordination-profile.csv</c>,
/// <c>coordination.json</c> (options, cut-offs and their source, region, means), plots, and the per-atom values of
/// one frame as <c>coordination-atoms.dump</c> / <c>coordination-atoms.extxyz</c> (columns <c>cn_A-B</c>, −1 for atoms
/// not of species A, and <c>in_gb</c> 1/0 with a region) for colouring in OVITO.
/// </summary>
public static class CoordinationStep
{
    public static CoordinationRun Compute(TrajectoryInput input, CoordinationRequest request, int threads = 1)
    {
        IReadOnlyList<SpeciesPair> pairs = request.Pairs ?? FirstFrame.DefaultPairs(FirstFrame.Species(input));
        ResolvedRegion region = request.RegionRequest.ResolveWithoutDetection(input.Path);
        var (cutoffs, sources, rdf) = CutoffResolver.Resolve(input, pairs, request.CutoffSpec, request.RdfRMax, request.RdfBins, threads);
        int passes = rdf is null ? 0 : 1;
        int axis = region.Region?.Axis ?? request.RegionRequest.NormalAxis;
        if (region.Source == "auto")
        {
            CoordinationResult plain = Run(input, new CoordinationOptions(pairs, cutoffs, null, axis, request.ProfileBins, request.SnapshotStep), threads);
            passes++;
            region = Detect(plain, request.RegionRequest);
        }

        var options = new CoordinationOptions(pairs, cutoffs, region.Region, axis, request.ProfileBins, request.SnapshotStep);
        CoordinationResult result = Run(input, options, threads);
        return new CoordinationRun(result, sources, rdf, region, passes + 1);
    }

    /// <summary>Boundaries detected from the deviation profile of <paramref name="plain"/>.</summary>
    public static ResolvedRegion Detect(CoordinationResult plain, RegionRequest request)
    {
        DetectedBoundaries found = BoundaryDetector.Detect(
            plain.DeviatingPerFrame, plain.AtomsPerFrame, plain.Options.NormalAxis, plain.MeanWidth, request.Count, request.Smoothing);
        return new ResolvedRegion(found.Region(request.HalfWidth), "auto", found, null);
    }

    internal static CoordinationResult Run(TrajectoryInput input, CoordinationOptions options, int threads)
    {
        var analyzer = new CoordinationAnalyzer(options);
        RunOutcome outcome = FrameRunner.Run(input, [f => analyzer.Begin(f)], threads);
        return analyzer.Finish((CoordinationAccumulator)outcome.Accumulators[0]);
    }

    /// <summary>Writes tables, plots and per-atom files; returns the JSON summary.</summary>
    public static object Write(CoordinationRun run, TrajectoryInput input, CoordinationRequest request, OutputFolder output, string prefix = "coordination")
    {
        CoordinationResult result = run.Result;
        string name = input.Label;
        object summary = Summary(run, input, request);
        output.WriteJson($"{prefix}.json", summary, () =>
        {
            output.WriteTable($"{prefix}.csv", result.ToDistributionCsv(), "a region with no central atom in any frame has no distribution");
            output.WriteTable($"{prefix}-summary.csv", result.ToSummaryCsv(), "a region with no central atom in any frame has no mean, spread or modal coordination");
            output.WriteTable($"{prefix}-profile.csv", result.ToProfileCsv(), "a slab with no central atom in any frame has no mean coordination, and one with no atom at all no deviating fraction");
            output.WritePlot($"{prefix}.png", path => CoordinationPlot.SaveDistributions(result, path, $"Coordination ({name})"));
            output.WritePlot($"{prefix}-profile.png", path => CoordinationPlot.SaveProfile(result, path, $"Mean coordination along the normal ({name})", run.Region.Region));
            WriteAtoms(result, request.Formats, output, prefix);
        });
        return summary;
    }

    /// <summary>Writes the per-atom snapshot in the requested formats (<c>dump</c>, <c>extxyz</c>).</summary>
    internal static void WriteAtoms(CoordinationResult result, IReadOnlyList<string> formats, OutputFolder output, string prefix)
    {
        if (result.Snapshot is not { } frame)
        {
            if (formats.Count > 0 && result.Options.SnapshotStep is { } step)
            {
                throw new InputException($"--snapshot-step {step}: no analysed frame has this step");
            }

            return;
        }

        var options = new WriteOptions { Overwrite = true, Inputs = output.Inputs };
        foreach (string format in formats)
        {
            switch (format.ToLowerInvariant())
            {
                case "dump":
                    output.WritePlot($"{prefix}-atoms.dump", path => Save(new LammpsDumpWriter(path, options), frame));
                    break;
                case "extxyz":
                    output.WritePlot($"{prefix}-atoms.extxyz", path => Save(new ExtxyzWriter(path, options), frame));
                    break;
                default:
                    throw new InputException($"--atoms {format}: expected dump, extxyz or none");
            }
        }
    }

    private static void Save(IFrameWriter writer, Frame frame)
    {
        using (writer)
        {
            writer.Write(frame);
            writer.Complete();
        }
    }

    public static object Summary(CoordinationRun run, TrajectoryInput input, CoordinationRequest request)
    {
        CoordinationResult r = run.Result;
        return new
        {
            analysis = "coordination",
            input = input.Path,
            frames_used = r.Frames,
            passes_over_trajectory = run.Passes,
            options = new
            {
                pairs = r.Pairs.Select(p => p.ToString()),
                cutoff_request = request.Cutoffs is null ? "auto" : "given per --cutoff (auto where not given)",
                rdf_r_max_angstrom_for_auto_cutoffs = request.RdfRMax,
                rdf_bins_for_auto_cutoffs = request.RdfBins,
                profile_bins = r.Options.ProfileBins,
                normal_axis = "abc"[r.Options.NormalAxis].ToString(),
                snapshot_step = request.SnapshotStep,
                atoms_formats = request.Formats,
                first_frame = input.Frames.First,
                last_frame = input.Frames.Last,
                every = input.Frames.Every,
            },
            region = run.Region.Summary(),
            definitions = "CN_i(A-B) = number of B atoms (periodic images included, i excluded) closer than the cut-off to A atom i; " +
                "distributions pool (atom, frame) samples; region membership is decided per frame; the profile is the mean CN of A atoms in slabs of equal fractional width along the normal",
            pairs = r.Pairs.Select((p, i) => new
            {
                pair = p.ToString(),
                cutoff_angstrom = r.Options.Cutoffs[i],
                cutoff_source = run.CutoffSources[i],
                regions = r.Regions.Select(region =>
                {
                    CoordinationDistribution d = r.Distribution(i, region);
                    return new
                    {
                        region,
                        mean_cn = d.Mean,
                        std_cn = d.StandardDeviation,
                        modal_cn = d.Modal,
                        atoms_per_frame = d.MeanAtomsPerFrame,
                        fractions = d.Fractions,
                    };
                }),
            }),
            snapshot_step = r.Snapshot?.Step,
            units = new { cutoff = "Å", cn = "atoms", position = "Å", fractions = "dimensionless" },
        };
    }
}
