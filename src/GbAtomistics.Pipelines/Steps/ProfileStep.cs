using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Profiles;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>profile</c> step: number density per species (atoms/Å³), composition and mean coordination in slabs along
/// the boundary normal, averaged over frames, in one pass (after a g(r) pass when a cut-off is automatic). With
/// <c>--boundaries auto</c> the planes are detected from the same pass; known planes (given or from metadata) are
/// reported. Writes <c>profile.csv</c>, <c>profile.json</c> and density, composition and coordination plots.
/// </summary>
public static class ProfileStep
{
    /// <param name="input">The trajectory.</param>
    /// <param name="request">Pairs, cut-offs, slabs and region; <paramref name="coordination"/> false leaves coordination out.</param>
    /// <param name="coordination">Whether to compute the mean coordination per slab.</param>
    /// <param name="threads">Worker threads over frames.</param>
    public static ProfileRun Compute(TrajectoryInput input, CoordinationRequest request, bool coordination = true, int threads = 1)
    {
        ResolvedRegion region = request.RegionRequest.ResolveWithoutDetection(input.Path);
        int axis = region.Region?.Axis ?? request.RegionRequest.NormalAxis;
        var profileAnalyzer = new ProfileAnalyzer(new ProfileOptions(axis, request.ProfileBins));
        if (!coordination && region.Source == "auto")
        {
            throw new InputException("--boundaries auto needs coordination numbers; do not combine it with --species none");
        }

        if (!coordination)
        {
            RunOutcome plain = FrameRunner.Run(input, [f => profileAnalyzer.Begin(f)], threads);
            return new ProfileRun(profileAnalyzer.Finish((ProfileAccumulator)plain.Accumulators[0]), null, [], region, 1);
        }

        IReadOnlyList<SpeciesPair> pairs = request.Pairs ?? FirstFrame.DefaultPairs(FirstFrame.Species(input));
        var (cutoffs, sources, rdf) = CutoffResolver.Resolve(input, pairs, request.CutoffSpec, request.RdfRMax, request.RdfBins, threads);
        var coordinationAnalyzer = new CoordinationAnalyzer(new CoordinationOptions(pairs, cutoffs, null, axis, request.ProfileBins, request.SnapshotStep));
        RunOutcome outcome = FrameRunner.Run(input, [f => profileAnalyzer.Begin(f), f => coordinationAnalyzer.Begin(f)], threads);
        ProfileResult profile = profileAnalyzer.Finish((ProfileAccumulator)outcome.Accumulators[0]);
        CoordinationResult cn = coordinationAnalyzer.Finish((CoordinationAccumulator)outcome.Accumulators[1]);
        if (region.Source == "auto")
        {
            region = CoordinationStep.Detect(cn, request.RegionRequest);
        }

        return new ProfileRun(profile, cn, sources, region, rdf is null ? 1 : 2);
    }

    /// <summary>
    /// Writes the table, plots and JSON summary; returns the summary. With <paramref name="charges"/> (e per species)
    /// also the electrostatic profile (<see cref="ElectrostaticProfile"/>): <c>potential.csv</c> and
    /// <c>potential.png</c>, macroscopically averaged over <paramref name="averageAngstrom"/> when given.
    /// </summary>
    /// <remarks>
    /// With boundaries, the summary also gives the boundary excess volume (<see cref="ExcessVolume"/>) with the bulk
    /// density <paramref name="bulkReferenceDensity"/> (atoms/Å³, from <see cref="ReferenceDensity"/>) or, without it,
    /// that of the grain interiors.
    /// </remarks>
    public static object Write(
        ProfileRun run, TrajectoryInput input, OutputFolder output, string prefix = "profile",
        IReadOnlyDictionary<string, double>? charges = null, double? averageAngstrom = null, double? bulkReferenceDensity = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        string name = input.Label;
        SlabRegion? region = run.Region.Region;
        ElectrostaticProfile? potential = charges is null ? null : Potential(run.Profile, charges, averageAngstrom);
        if (potential is not null)
        {
            output.WriteTable("potential.csv", PotentialCsv(run.Profile, potential), "a potential that could not be computed");
            output.WritePlot("potential.png", path => ProfilePlot.SavePotential(
                potential, run.Profile, region, path, $"Electrostatic potential along the normal ({name})"));
            if (Aliasing(potential, run.Profile, region) is { } warning)
            {
                output.Note("potential.csv", warning);
            }
        }

        object summary = Summary(run, input, potential, Excess(run, bulkReferenceDensity));
        output.WriteJson($"{prefix}.json", summary, () =>
        {
            output.WriteTable($"{prefix}.csv", run.Profile.ToCsv(run.Coordination), "a slab that held no atom (of the central species, for a mean coordination) in any frame has no composition or mean coordination");
            output.WritePlot($"{prefix}-density.png", path => ProfilePlot.SaveDensity(run.Profile, path, $"Number density along the normal ({name})", region));
            output.WritePlot($"{prefix}-composition.png", path => ProfilePlot.SaveComposition(run.Profile, path, $"Composition along the normal ({name})", region));
            if (run.Coordination is { } cn)
            {
                output.WritePlot($"{prefix}-coordination.png", path => CoordinationPlot.SaveProfile(cn, path, $"Mean coordination along the normal ({name})", region));
            }
        });
        return summary;
    }

    /// <summary>
    /// A warning when the layer ripple of the potential in the grain interiors is larger than the steps at the
    /// boundaries: thin slabs resolve every atomic layer (a sawtooth that aliases the lattice), and a boundary signal
    /// cannot be read against it. Suggests the macroscopic average over one repeat of the layer stacking.
    /// </summary>
    public static string? Aliasing(ElectrostaticProfile potential, ProfileResult profile, SlabRegion? region)
    {
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentNullException.ThrowIfNull(profile);
        if (region is null)
        {
            return null;
        }

        double ripple = potential.InteriorRipple(region, profile.MeanWidth);
        double step = potential.Steps(region, profile.MeanWidth).Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (!(ripple > step))
        {
            return null;
        }

        double? period = profile.LayerPeriod();
        string advice = period is { } p
            ? FormattableString.Invariant($"give --average {p:G3} (Å; the repeat of the layers in the density profile, or a multiple of it)")
            : "give --average with one repeat of the layer stacking along the normal (Å)";
        return potential.WindowAngstrom is { } w
            ? FormattableString.Invariant($"the macroscopic potential ({w:G3} Å window) still ripples by {ripple:G3} V in the grain interiors, more than the largest boundary step ({step:G3} V): the window is not a repeat of the layers, or the run is too short to resolve a step; {advice}")
            : FormattableString.Invariant($"the planar-average potential ripples by {ripple:G3} V peak to peak in the grain interiors, more than the largest boundary step ({step:G3} V): {profile.MeanWidth / profile.Options.Bins:G3} Å slabs resolve every atomic layer, a sawtooth that swamps the boundary signal; {advice}");
    }

    /// <summary>The boundary excess volume of a run with boundaries, or null without them.</summary>
    public static ExcessVolumeResult? Excess(ProfileRun run, double? bulkReferenceDensity = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Region.Region is not { } region)
        {
            if (bulkReferenceDensity is not null)
            {
                throw new InputException("--bulk-reference is for the boundary excess volume: give the boundaries too (--boundaries, --planes or NAME.gb.json)");
            }

            return null;
        }

        return ExcessVolume.Compute(run.Profile, region, bulkReferenceDensity);
    }

    /// <summary>Mean N/V (atoms/Å³) over the selected frames of a bulk reference run.</summary>
    public static double ReferenceDensity(TrajectoryInput reference, int threads = 1)
    {
        var analyzer = new ProfileAnalyzer(new ProfileOptions(2, 1));
        RunOutcome outcome = FrameRunner.Run(reference, [f => analyzer.Begin(f)], threads);
        ProfileResult result = analyzer.Finish((ProfileAccumulator)outcome.Accumulators[0]);
        return result.Frames > 0 && result.MeanDensity > 0
            ? result.MeanDensity
            : throw new InputException($"{reference.Path}: the bulk reference has no atoms in the selected frames");
    }

    /// <summary>The electrostatic profile with a charge for every species of the profile (an error names a missing one).</summary>
    public static ElectrostaticProfile Potential(ProfileResult profile, IReadOnlyDictionary<string, double> charges, double? averageAngstrom)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(charges);
        double[] q = profile.Species.Select(s =>
            charges.FirstOrDefault(c => string.Equals(c.Key, s, StringComparison.OrdinalIgnoreCase)) is { Key: not null } c
                ? c.Value
                : throw new InputException($"--charges: no charge for {s}; give one for every species ({string.Join(", ", profile.Species)})")).ToArray();
        return ElectrostaticProfile.Compute(profile, q, averageAngstrom);
    }

    private static string PotentialCsv(ProfileResult profile, ElectrostaticProfile potential)
    {
        var text = new System.Text.StringBuilder("position_A,charge_density_e_per_A3,field_V_per_A,potential_V");
        text.Append(potential.MacroscopicPotential is null ? "\n" : ",potential_macroscopic_V\n");
        IReadOnlyList<double> x = profile.SlabCentresAngstrom;
        for (int b = 0; b < x.Count; b++)
        {
            text.Append(string.Join(',', new[] { x[b], potential.ChargeDensity[b], potential.Field[b], potential.Potential[b] }.Select(CsvNumber.Format)));
            if (potential.MacroscopicPotential is { } m)
            {
                text.Append(',').Append(CsvNumber.Format(m[b]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static object Summary(ProfileRun run, TrajectoryInput input, ElectrostaticProfile? potential = null, ExcessVolumeResult? excess = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ProfileResult p = run.Profile;
        SlabRegion? region = run.Region.Region;
        return new
        {
            analysis = "profile",
            input = input.Path,
            frames_used = p.Frames,
            passes_over_trajectory = run.Passes,
            options = new
            {
                normal_axis = "abc"[p.Options.NormalAxis].ToString(),
                profile_bins = p.Options.Bins,
                slab_width_angstrom = p.MeanWidth / p.Options.Bins,
                pairs = run.Coordination?.Pairs.Select(x => x.ToString()),
                cutoffs_angstrom = run.Coordination?.Options.Cutoffs,
                cutoff_sources = run.CutoffSources,
                first_frame = input.Frames.First,
                last_frame = input.Frames.Last,
                every = input.Frames.Every,
            },
            region = run.Region.Summary(),
            mean_width_angstrom = p.MeanWidth,
            mean_density_per_angstrom3 = p.MeanDensity,
            species = p.Species,
            definitions = "slabs of equal fractional width along the normal, volume V/bins each; density = <N_s(slab)/(V/bins)> over frames; " +
                "composition = sum N_s(slab) / sum N(slab); mean CN of A atoms per slab",
            electrostatics = potential is null ? null : new
            {
                definition = "planar-average charge density from the species charges; 1-D periodic Poisson equation, zero mean field, mean potential zero; " +
                    "macroscopic average = running mean over the window (one repeat of the layer stacking makes a perfect crystal flat)",
                average_window_angstrom = potential.WindowAngstrom,
                boundary_steps_V = region is null ? null : potential.Steps(region, p.MeanWidth),
                boundary_planes_fractional = region?.Planes,
                interior_ripple_V = region is null ? (double?)null : potential.InteriorRipple(region, p.MeanWidth),
                potential_range_V = new[] { (potential.MacroscopicPotential ?? potential.Potential).Min(), (potential.MacroscopicPotential ?? potential.Potential).Max() },
                files = new[] { "potential.csv", "potential.png" },
            },
            excess_volume = excess is null ? null : new
            {
                definition = "excess volume per boundary area dV/A = (V - N v_bulk)/(n A) = (L/n)(1 - mean density/bulk density), A = V/L; " +
                    "boundary = GB slab (plane ± half-width); grain interiors = profile slabs entirely outside every GB slab",
                excess_volume_per_area_angstrom = excess.ExcessPerArea,
                bulk_density_source = excess.BulkSource,
                bulk_density_per_angstrom3 = excess.BulkDensity,
                bulk_volume_per_atom_angstrom3 = excess.BulkDensity is { } rho ? 1 / rho : (double?)null,
                interior_excess_volume_per_area_angstrom = excess.InteriorExcessPerArea,
                interior_density_per_angstrom3 = excess.InteriorDensity,
                interior_slabs = excess.InteriorSlabs,
                reference_density_per_angstrom3 = excess.ReferenceDensity,
                boundaries = excess.Boundaries,
                boundary_half_width_angstrom = excess.HalfWidth,
                boundary_width_angstrom = 2 * excess.HalfWidth,
                cell_length_along_normal_angstrom = excess.Length,
                caveat = excess.ReferenceDensity is null
                    ? "grain-interior estimate: exact when the interior slabs hold whole repeats of the layer stacking, otherwise off by up to a layer's atoms per grain; give --bulk-reference for the reference value"
                    : null,
            },
            units = new { position = "Å", density = "atoms/Å³", composition = "fraction", cn = "atoms", charge_density = "e/Å³", field = "V/Å", potential = "V", excess_volume = "Å (Å³ per Å² of boundary)" },
        };
    }
}
