using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>msd</c> step: reads the trajectory once in time order (frames parsed in parallel by
/// <see cref="OrderedFrameReader"/> when threads &gt; 1; the MSD itself is parallel over atoms),
/// and writes <c>msd.csv</c> (lag in ps, MSDs in Å²), <c>msd.json</c> (options, fit window, D ± GLS error, OLS beside
/// it) and <c>msd.png</c>.
/// </summary>
public static class MsdStep
{
    public static MsdResult Compute(TrajectoryInput input, MsdOptions options, int threads = 1)
    {
        input = TimestepSource.Resolve(input);
        var analyzer = new MsdAnalyzer(options);
        if (threads <= 1)
        {
            RunOutcome outcome = FrameRunner.Run(input, [], threads: 1, ordered: [f => analyzer.Begin(f)]);
            return analyzer.Finish((MsdAccumulator)outcome.Accumulators[0], threads);
        }

        // Frames must reach the accumulator in time order; with several threads they are parsed in parallel.
        MsdAccumulator accumulator = SpeciesInOrder.Read(
            input, threads, analyzer.OnlySpecies, "the MSD needs", analyzer.Begin, (a, frame) => a.Accumulate(frame), a => a);
        return analyzer.Finish(accumulator, threads);
    }

    public static object Write(MsdResult result, TrajectoryInput input, OutputFolder output, string prefix = "msd")
    {
        object summary = Summary(result, input);
        output.WriteJson($"{prefix}.json", summary, () =>
        {
            output.WriteTable($"{prefix}.csv", result.ToCsv(), "no atom was in that region at any time origin of that lag (or, counting stays, throughout such a lag), so there is nothing to average");
            output.WritePlot($"{prefix}.png", path => MsdPlot.Save(result, path, $"MSD of {result.Options.Species} ({input.Label})"));
        });
        return summary;
    }

    public static object Summary(MsdResult result, TrajectoryInput input) => new
    {
        analysis = "msd",
        input = input.Path,
        species = result.Options.Species,
        atoms = result.Atoms,
        frames_used = result.Frames,
        frame_interval_ps = result.TimestepPs,
        timestep_ps = TimestepSource.Resolve(input).ReadOptions.TimestepPs,
        timestep_source = TimestepSource.Resolve(input).TimestepSource,
        first_step = result.FirstStep,
        last_step = result.LastStep,
        unwrap = result.Unwrap.ToString().ToLowerInvariant(),
        unwrap_warning = result.UnwrapWarning,
        options = Options(result.Options, input),
        normal = new[] { result.Normal.X, result.Normal.Y, result.Normal.Z },
        fit_window_ps = new[] { result.LagTimes[result.FitLags[0]], result.LagTimes[result.FitLags[^1]] },
        fit_points = result.FitLags.Count,
        region = result.Options.Region is null ? null : new
        {
            membership = result.Options.Membership.ToString().ToLowerInvariant(),
            mean_atoms_in_gb = result.MeanRegionAtoms,
            mean_gb_volume_A3 = result.MeanRegionVolume,
        },
        mean_volume_A3 = result.MeanVolume,
        diffusion = result.Curves.Concat(result.Collective).Select(c => Fit(c)),
        definitions = "MSD over all time origins by FFT; D = slope/(2d), d = 3 (total), 2 (parallel), 1 (x, y, z, perpendicular); " +
            "GLS error with the model covariance of free diffusion for N independent walkers (Bullerjahn, von Bülow & Hummer 2020); " +
            "OLS error ignores correlations between MSD points and is shown for comparison only",
        units = new { lag = "ps", msd = "Å²", collective = "e²·Å²", D = "Å²/ps (1 Å²/ps = 1e-4 cm²/s)" },
    };

    internal static object Options(MsdOptions o, TrajectoryInput input) => new
    {
        species = o.Species,
        normal_axis = "xyz"[o.NormalAxis].ToString(),
        region = o.Region is { } r
            ? new { planes_fractional = r.Planes, half_width_angstrom = r.HalfWidth, membership = o.Membership.ToString().ToLowerInvariant() }
            : null,
        unwrap = o.Unwrap.ToString().ToLowerInvariant(),
        drift = o.DriftReference ?? "none",
        fit_start_ps = o.Fit.StartPs,
        fit_end_ps = o.Fit.EndPs,
        fit_default = $"{FitWindow.DefaultStartFraction:P0} to {FitWindow.DefaultEndFraction:P0} of the trajectory length when not given",
        charges = o.Charges,
        charges_from_file = o.ChargesFromFile,
        first_frame = input.Frames.First,
        last_frame = input.Frames.Last,
        every = input.Frames.Every,
    };

    private static double? Measured(DiffusionEstimate fit, double value) => fit.IsMeasurable ? value : null;

    private static string Status(DiffusionStatus status) => status switch
    {
        DiffusionStatus.Diffusive => "diffusive",
        DiffusionStatus.NotDiffusive => "not diffusive",
        _ => "undetermined",
    };

    private static object Fit(MsdCurve c) => new
    {
        curve = c.Name,
        dimensions = c.Dimensions,
        status = Status(c.Fit.Status),
        measurable = c.Fit.IsMeasurable,
        D_A2_per_ps = Measured(c.Fit, c.Fit.D),
        D_error_A2_per_ps = Measured(c.Fit, c.Fit.StandardError),
        D_cm2_per_s = Measured(c.Fit, c.Fit.D * DiffusionEstimate.CmSquaredPerSecond),
        D_error_cm2_per_s = Measured(c.Fit, c.Fit.StandardError * DiffusionEstimate.CmSquaredPerSecond),
        D_upper_95_A2_per_ps = c.Fit.UpperBound,
        summary = c.Fit.Summary(),
        fit_estimate_A2_per_ps = c.Fit.D,
        fit_error_A2_per_ps = c.Fit.StandardError,
        intercept_A2 = c.Fit.Intercept,
        fit_start_ps = c.Fit.StartPs,
        fit_end_ps = c.Fit.EndPs,
        local_exponent = c.Fit.LocalExponent,
        suggested_fit_start_ps = c.Fit.SuggestedStartPs,
        independent_walkers = c.Fit.Walkers,
        covariance = c.Fit.CovarianceSource,
        reduced_chi_square = c.Fit.ReducedChiSquare,
        p_value = c.Fit.PValue,
        error_widening = c.Fit.Widening,
        ols_D_A2_per_ps = c.Fit.OlsD,
        ols_error_A2_per_ps_ignores_correlation = c.Fit.OlsStandardError,
    };
}
