using GbAtomistics.Analysis.Transport.Dynamics;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>dynamics</c> step: reads the trajectory once in time order (frames parsed in parallel by
/// <see cref="OrderedFrameReader"/> when threads &gt; 1), keeps the unwrapped positions of the mobile ions, and writes
/// <c>vanhove-self.csv</c>, <c>vanhove-distinct.csv</c>, <c>alpha2.csv</c>, <c>hops.csv</c>, <c>hop-summary.csv</c>,
/// <c>hop-lengths.csv</c>, <c>dynamics.json</c> and the plots <c>vanhove-self.png</c>, <c>vanhove-distinct.png</c>,
/// <c>alpha2.png</c>, <c>hop-lengths.png</c> (each with its SVG).
/// </summary>
public static class DynamicsStep
{
    public static DynamicsResult Compute(TrajectoryInput input, DynamicsOptions options, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = TimestepSource.Resolve(input);
        var analyzer = new DynamicsAnalyzer(options);
        if (threads <= 1)
        {
            RunOutcome outcome = FrameRunner.Run(input, [], threads: 1, ordered: [f => analyzer.Begin(f)]);
            return analyzer.Finish((DynamicsAccumulator)outcome.Accumulators[0], threads);
        }

        DynamicsAccumulator accumulator = SpeciesInOrder.Read(
            input, threads, analyzer.OnlySpecies, "the dynamics need", analyzer.Begin, (a, frame) => a.Accumulate(frame), a => a.Inner);
        return analyzer.Finish(accumulator, threads);
    }

    public static object Write(DynamicsResult result, TrajectoryInput input, OutputFolder output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        string species = result.Options.Transport.Species;
        output.WriteTable("vanhove-self.csv", result.SelfCsv(), "no atom of that region at any time origin of that lag, so there is nothing to histogram");
        if (result.Distinct.Count > 0)
        {
            output.WriteTable("vanhove-distinct.csv", result.DistinctCsv(), "no ion of that region at the time origins used");
        }
        else
        {
            output.WriteTable("vanhove-distinct.csv", result.DistinctCsv(), "not computed");
            output.Note("vanhove-distinct.csv", $"only the header: the distinct part was {result.DistinctNote}");
        }

        object summary = Summary(result, input);
        output.WriteJson("dynamics.json", summary, () =>
        {
            output.WriteTable("alpha2.csv", result.Alpha2Csv(), "no atom of that region at the time origins of that lag, or no displacement at all (α₂ undefined)");
            output.WriteTable("hops.csv", result.HopsCsv(), "residence_ps is empty for an ion's first hop (its time at the old site began before the run: censored); crosses_plane is empty without boundary planes");
            output.WriteTable("hop-summary.csv", result.HopSummaryCsv(), "undefined for that region: no hops (mean length, residence estimates, crossing fraction), fewer than two complete residences (their error), or no boundary planes (crossings)");
            output.WriteTable("hop-lengths.csv", result.HopLengthsCsv(), "never empty");
            output.WritePlot("vanhove-self.png", path => DynamicsPlot.SelfVanHove(result, path, $"Self van Hove function of {species} ({input.Label})"));
            if (result.Distinct.Count > 0)
            {
                output.WritePlot("vanhove-distinct.png", path => DynamicsPlot.DistinctVanHove(result, path, $"Distinct van Hove function of {species} ({input.Label})"));
            }

            output.WritePlot("alpha2.png", path => DynamicsPlot.Alpha2(result, path, $"Non-Gaussian parameter of {species} ({input.Label})"));
            output.WritePlot("hop-lengths.png", path => DynamicsPlot.HopLengths(result, path, $"Hop lengths of {species} ({input.Label})"));
        });
        return summary;
    }

    public static object Summary(DynamicsResult result, TrajectoryInput input)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(input);
        TrajectoryInput resolved = TimestepSource.Resolve(input);
        DynamicsOptions o = result.Options;
        int limit = result.PeakLagLimit;
        return new
        {
            analysis = "dynamics",
            input = input.Path,
            species = o.Transport.Species,
            atoms = result.Atoms,
            frames_used = result.Frames,
            frame_interval_ps = result.TimestepPs,
            timestep_ps = resolved.ReadOptions.TimestepPs,
            timestep_source = resolved.TimestepSource,
            first_step = result.FirstStep,
            last_step = result.LastStep,
            unwrap = result.Unwrap.ToString().ToLowerInvariant(),
            unwrap_warning = result.UnwrapWarning,
            options = new
            {
                transport = MsdStep.Options(o.Transport, input),
                lags_ps = o.LagsPs,
                lag_count = o.LagCount,
                r_max_A = o.SelfRMax,
                distinct_r_max_A = o.DistinctRMax,
                bins = o.Bins,
                hop_distance_A = o.HopDistance,
                hop_window_ps = o.HopWindowPs,
            },
            normal = new[] { result.Normal.X, result.Normal.Y, result.Normal.Z },
            regions = result.Regions,
            region_membership = "at the time origin (the MSD's start): an (atom, origin) pair counts for the region the atom is in at the origin",
            memory = new
            {
                stored_bytes = result.MemoryBytes,
                rule = "unwrapped positions of the mobile ions only: frames × ions × 3 doubles, plus frames × ions bytes of GB membership and one cell per frame",
            },
            self_van_hove = new
            {
                lags_ps = result.Lags.Select(k => k * result.TimestepPs),
                r_max_A = result.SelfRMax,
                bin_width_A = result.SelfRMax / o.Bins,
                normalisation = "G_s(r,t) = (1/N) Σ_i <δ(r − |r_i(t0+t) − r_i(t0)|)> over all time origins; ∫4πr²G_s dr = 1 (total, Å⁻³), ∫2πr G_s dr = 1 (parallel, Å⁻²), ∫G_s dz = 1 over the signed displacement along the normal (perpendicular, Å⁻¹)",
                curves = result.Self.Select(s => new
                {
                    region = s.Region,
                    direction = DynamicsDirections.Name(s.Direction),
                    lag_ps = s.LagPs,
                    samples = s.Samples,
                    beyond_r_max = s.Beyond,
                    integral = s.Normalisation,
                }),
            },
            distinct_van_hove = new
            {
                computed = result.Distinct.Count > 0,
                note = result.DistinctNote,
                lags_ps = result.DistinctLags.Select(k => k * result.TimestepPs),
                r_max_A = result.DistinctRMax,
                origin_stride_frames = result.DistinctOriginStride,
                per_region = result.Regions.Count > 1,
                normalisation = "G_d(r,t) = (1/N) Σ_i Σ_{j≠i} <δ(r − |r_j(t0+t) − r_i(t0)|)>, minimum image in the cell of frame t0+t, divided by the ideal-gas value (N−1)/V × shell volume: → 1 at large r; t = 0 is the ion–ion g(r); per region, i is in the region at t0",
                curves = result.Distinct.Select(d => new
                {
                    region = d.Region,
                    lag_ps = d.LagPs,
                    origins = d.Origins,
                    centres = d.Centres,
                    mean_beyond_half_r_max = Mean(d.R.Select((r, b) => r > result.DistinctRMax / 2 ? d.G[b] : double.NaN)),
                }),
            },
            alpha2 = new
            {
                definition = "α₂(t) = <Δr⁴>/((1 + 2/d)<Δr²>²) − 1: 3<Δr⁴>/(5<Δr²>²) − 1 (total, d = 3), <Δr⁴>/(2<Δr²>²) − 1 (parallel, d = 2), <Δx⁴>/(3<Δx²>²) − 1 (perpendicular, d = 1); Rahman, Phys. Rev. 136, A405 (1964)",
                method = "direct sums over atoms and time origins at every lag (no transform)",
                origin_stride_frames = result.Alpha2OriginStride,
                peak_search_up_to_ps = limit * result.TimestepPs,
                curves = result.Alpha2.Select(c =>
                {
                    (double peak, int lag) = c.Peak(limit);
                    return new
                    {
                        region = c.Region,
                        direction = DynamicsDirections.Name(c.Direction),
                        peak = lag > 0 ? peak : (double?)null,
                        peak_time_ps = lag > 0 ? lag * result.TimestepPs : (double?)null,
                        first_lag_value = c.Alpha2.Count > 1 ? c.Alpha2[1] : double.NaN,
                    };
                }),
            },
            hops = new
            {
                criterion = "positions averaged over a centred window of τ frames; a hop when the averaged position is more than d_hop from the last assigned site; the new site is the mean position over the τ frames from that frame on",
                hop_distance_A = result.Hops.Distance,
                hop_distance_source = result.Hops.DistanceSource,
                window_frames = result.Hops.WindowFrames,
                window_ps = result.Hops.WindowPs,
                observed_ps_per_ion = result.Hops.ObservedPs,
                total_hops = result.Hops.Events.Count,
                warning = HopWindowWarning(result),
                errors = "rate error √n/exposure (Poisson); rate_upper_95 the exact one-sided Poisson limit χ²(0.95; 2n+2)/(2·exposure); mean residence error sd/√n over complete intervals; residence_mle = exposure/hops (censoring-aware exponential estimate) ± estimate/√n; crossing fraction error √(f(1−f)/n)",
                per_region = result.Hops.Summaries.Select(s => new
                {
                    region = s.Region,
                    hops = s.Hops,
                    exposure_ion_ps = s.ExposureIonPs,
                    mean_ions = s.MeanIons,
                    rate_per_ion_per_ps = s.Rate,
                    rate_error_per_ion_per_ps = s.RateError,
                    rate_upper_95_per_ion_per_ps = s.RateUpper95,
                    mean_length_A = s.MeanLength,
                    complete_residences = s.CompleteResidences,
                    mean_residence_ps = s.MeanResidencePs,
                    mean_residence_error_ps = s.MeanResidenceErrorPs,
                    censored_intervals = s.CensoredIntervals,
                    residence_mle_ps = s.ResidenceMlePs,
                    residence_mle_error_ps = s.ResidenceMleErrorPs,
                    crossing_hops = s.CrossingHops,
                    crossing_fraction = s.CrossingFraction,
                    crossing_fraction_error = s.CrossingFractionError,
                }),
            },
            units = new { lag = "ps", r = "Å", G_s = "Å⁻ᵈ (d = 3, 2, 1)", probability = "1/Å", G_d = "dimensionless (ideal gas = 1)", msd = "Å²", quartic = "Å⁴", rate = "hops per ion per ps", residence = "ps", length = "Å" },
        };
    }

    /// <summary>
    /// A warning when the hop window is a single frame: positions are then not averaged, so a vibrational excursion
    /// beyond d_hop counts as a hop; null otherwise.
    /// </summary>
    public static string? HopWindowWarning(DynamicsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Hops.WindowFrames > 1
            ? null
            : FormattableString.Invariant(
                $"the hop window is one frame ({result.TimestepPs:G4} ps between frames): vibration is not averaged out, so an excursion beyond d_hop counts as a hop; use frames closer than the vibration period (about 0.1 ps) and a window of several frames (--hop-window)");
    }

    private static double Mean(IEnumerable<double> values)
    {
        double[] v = values.Where(double.IsFinite).ToArray();
        return v.Length > 0 ? v.Average() : double.NaN;
    }
}
