using System.Globalization;
using System.Text;
using GbAtomistics.Analysis.Comparison;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis.Transport.Arrhenius;
using GbAtomistics.Analysis.Transport.Conductivity;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Analysis.Transport.Polycrystal;
using GbAtomistics.Pipelines.Definition;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Pipelines.Execution;

/// <summary>
/// Writes <c>report.md</c>: the inputs with their provenance, then for what was computed the RDFs of bulk and GB,
/// coordination, profiles, comparisons, the MSDs with their fits, D and σ (all, bulk, GB; total, ∥, ⊥) with errors, the
/// Arrhenius fits and the polycrystal curve, each table beside its plot; failed steps are listed, not hidden.
/// </summary>
internal sealed class ReportWriter(
    PipelineDefinition definition,
    string root,
    IReadOnlyList<InputResults> results,
    IReadOnlyDictionary<string, ComparisonTable> compared,
    IReadOnlyDictionary<string, Analysis.Roles.RoleComparisonTable> roleTables,
    IReadOnlyDictionary<string, ArrheniusFit> fits,
    (BrickLayerModel Model, string[] Sources)? polycrystal,
    IReadOnlyList<StepFailure> failures,
    IReadOnlyList<string> notes,
    object provenance,
    TimeSpan elapsed,
    int threads)
{
    private readonly StringBuilder _md = new();

    public string Write()
    {
        Line("# GbAtomistics pipeline report");
        Line();
        Line($"Pipeline `{Path.GetFileName(definition.File)}`, {results.Count} inputs, {threads} threads, {elapsed.TotalSeconds:F1} s. " +
            "Every table below is also in the CSV/JSON files of the folders named; JSON files carry the options and the provenance " +
            "(tool version, input sizes and SHA-256).");
        Line();
        Inputs();
        Structure();
        Comparisons();
        Transport();
        Dynamics();
        Arrhenius();
        Polycrystal();
        Failures();
        Notes();
        Line("## Provenance");
        Line();
        Line("```json");
        Line(System.Text.Json.JsonSerializer.Serialize(provenance, Json.Options));
        Line("```");
        return _md.ToString();
    }

    private void Inputs()
    {
        Line("## Inputs");
        Line();
        Line("| input | file | frames used | passes | temperature (K) | boundaries |");
        Line("|---|---|---|---|---|---|");
        foreach (InputResults r in results)
        {
            string t = r.Conductivity is { } c ? F(c.Temperature, "G5") : r.Input.Temperature is { } k ? F(k, "G5") : "—";
            string region = r.Input.Resolved.Region is { } g
                ? $"{r.Input.Resolved.Source}: planes {string.Join(", ", g.Planes.Select(p => F(p, "F4")))} along {"abc"[g.Axis]}, half-width {F(g.HalfWidth, "F2")} Å"
                : r.Input.Resolved.Source;
            Line($"| {r.Input.Name} | `{Relative(r.Input.Trajectory.Path)}` | {r.FramesUsed} | {r.Passes} | {t} | {region} |");
        }

        Line();
    }

    private void Structure()
    {
        var withRdf = results.Where(r => r.Rdfs.Count > 0).ToArray();
        var withCn = results.Where(r => r.Coordination is not null).ToArray();
        var withProfile = results.Where(r => r.Profile is not null).ToArray();
        if (withRdf.Length + withCn.Length + withProfile.Length == 0)
        {
            return;
        }

        Line("## Structure");
        Line();
        if (withRdf.Length > 0)
        {
            Line("### Radial distribution functions: bulk vs GB");
            Line();
            Line("g_AB(r) over central atoms A of the region (neighbours anywhere, whole-box density), so a bulk-like boundary gives the bulk curve.");
            Line();
            Line("| input | region | pair | first peak r (Å) | height | first minimum r (Å) |");
            Line("|---|---|---|---|---|---|");
            foreach (InputResults r in withRdf)
            {
                foreach (var (region, rdf) in r.Rdfs)
                {
                    for (int i = 0; i < rdf.Pairs.Count; i++)
                    {
                        RdfPeaks? peaks = RdfPeaks.Find(rdf.R, rdf.G(i));
                        double? min = FirstMinimum.Find(rdf, i);
                        Line($"| {r.Input.Name} | {region} | {rdf.Pairs[i]} | {F(peaks?.PeakR, "F3")} | {F(peaks?.PeakHeight, "F2")} | {F(min, "F3")} |");
                    }
                }
            }

            Line();
            foreach (InputResults r in withRdf)
            {
                if (r.Rdfs.Count > 1)
                {
                    foreach (var pair in r.Rdfs[0].Result.Pairs)
                    {
                        Image($"{r.Input.Name}/rdf-regions-{Safe(pair.ToString())}.png", $"g(r) {pair} by region, {r.Input.Name}");
                    }
                }
                else
                {
                    Image($"{r.Input.Name}/rdf.png", $"Partial RDFs, {r.Input.Name}");
                }
            }
        }

        if (withCn.Length > 0)
        {
            Line("### Coordination");
            Line();
            Line("| input | pair | cut-off (Å) | source | region | mean CN | std | modal CN | atoms per frame |");
            Line("|---|---|---|---|---|---|---|---|---|");
            foreach (InputResults r in withCn)
            {
                CoordinationRun run = r.Coordination!;
                CoordinationResult cn = run.Result;
                for (int p = 0; p < cn.Pairs.Count; p++)
                {
                    foreach (string region in cn.Regions)
                    {
                        CoordinationDistribution d = cn.Distribution(p, region);
                        Line($"| {r.Input.Name} | {cn.Pairs[p]} | {F(cn.Options.Cutoffs[p], "F3")} | {run.CutoffSources[p]} | {region} | {F(d.Mean, "F3")} | {F(d.StandardDeviation, "F3")} | {d.Modal} | {F(d.MeanAtomsPerFrame, "F1")} |");
                    }
                }
            }

            Line();
            foreach (InputResults r in withCn)
            {
                Image($"{r.Input.Name}/coordination.png", $"Coordination distributions, {r.Input.Name}");
                Image($"{r.Input.Name}/coordination-profile.png", $"Coordination along the normal, {r.Input.Name}");
            }
        }

        if (withProfile.Length > 0)
        {
            Line("### Profiles along the boundary normal");
            Line();
            foreach (InputResults r in withProfile)
            {
                Image($"{r.Input.Name}/profile-density.png", $"Number density, {r.Input.Name}");
                if (r.Profile!.Coordination is not null)
                {
                    Image($"{r.Input.Name}/profile-coordination.png", $"Mean coordination, {r.Input.Name}");
                }

                if (r.Excess is { ExcessPerArea: { } excess } x)
                {
                    Line($"Boundary excess volume of {r.Input.Name}: δV/A = {F(excess, "F3")} Å per boundary (bulk density from {x.BulkSource}; " +
                        $"boundary = GB slab of half-width {F(x.HalfWidth, "G3")} Å; definition and the grain-interior estimate in profile.json).");
                    Line();
                }

                if (File.Exists(Path.Combine(root, r.Input.Name, "potential.png")))
                {
                    Line($"Electrostatic potential of {r.Input.Name} from the charges of the input (1-D Poisson equation, periodic; " +
                        "steps at the boundaries against the grain interiors in profile.json):");
                    Line();
                    Image($"{r.Input.Name}/potential.png", $"Electrostatic potential, {r.Input.Name}");
                }
            }
        }
    }

    private void Comparisons()
    {
        if (compared.Count == 0)
        {
            return;
        }

        Line("## Comparisons");
        Line();
        foreach (var (name, table) in compared)
        {
            Line($"### {name}");
            Line();
            Line(table.ToMarkdown().TrimEnd());
            Line();
            foreach (string pair in table.Rows.Select(r => r.Pair).Distinct())
            {
                Image($"compare-{name}/compare-rdf-{Safe(pair)}.png", $"g(r) {pair}, {name}");
            }

            if (roleTables.TryGetValue(name, out var roles))
            {
                Line("Cation polyhedra and bond-valence sums by chemical role (bond-valence parameters and sources in compare.json; " +
                    "over-coordination index = mean CN(gb)/mean CN(bulk) − 1, errors from blocks of frames):");
                Line();
                Line(roles.ToMarkdown().TrimEnd());
                Line();
                foreach (string pair in roles.Rows.Select(r => r.Statistics.RolePair).Distinct())
                {
                    Image($"compare-{name}/compare-rdf-{Safe(pair)}.png", $"g(r) {pair}, {name}");
                    Image($"compare-{name}/compare-cn-{Safe(pair)}.png", $"CN {pair}, {name}");
                }
            }
        }
    }

    private void Transport()
    {
        var withMsd = results.Where(r => r.Msd is not null).ToArray();
        if (withMsd.Length == 0)
        {
            return;
        }

        Line("## Transport");
        Line();
        Line("### Mean-squared displacement and diffusion coefficients");
        Line();
        Line("D = slope/(2d) over the fit window, by generalised least squares with the covariance of the MSD points estimated from the spread of the per-atom curves " +
            "(model covariance of free diffusion, Bullerjahn, von Bülow & Hummer 2020, for one walker); the error is widened by √(χ²/dof) when the straight line is rejected (p < 0.01). " +
            "A window is diffusive when the slope is at least 2 standard errors above zero and the local exponent α = d ln MSD/d ln t is within 0.3 of 1; " +
            "otherwise only a one-sided 95 % upper bound is given. ∥ = in the boundary plane, ⊥ = along the normal; gb/bulk count an atom by its region at the time origin (or throughout the lag with membership: stay).");
        Line();
        Line("| input | species | region | direction | D (Å²/ps) | ± | D (cm²/s) | α | χ²/dof | fit window (ps) |");
        Line("|---|---|---|---|---|---|---|---|---|---|");
        foreach (InputResults r in withMsd)
        {
            MsdResult msd = r.Msd!;
            foreach (MsdCurve c in msd.Curves.Where(c => c.Component is MsdComponent.Total or MsdComponent.Parallel or MsdComponent.Perpendicular))
            {
                var fit = c.Fit;
                string value = fit.IsMeasurable
                    ? $"{F(fit.D, "G4")} | {F(fit.StandardError, "G2")}{(fit.Widening > 1 ? $" (×{F(fit.Widening, "F1")})" : "")} | {F(fit.D * 1e-4, "G4")}"
                    : $"not measurable: < {F(fit.UpperBound, "G2")} (95 %) | — | < {F(fit.UpperBound * 1e-4, "G2")}";
                string window = $"{F(fit.StartPs, "G4")}–{F(fit.EndPs, "G4")}" + (fit.SuggestedStartPs is { } s ? $" (try from {F(s, "G3")})" : "");
                Line($"| {r.Input.Name} | {msd.Options.Species} | {c.Region} | {Direction(c.Component)} | {value} | {F(fit.LocalExponent, "F2")} | {F(fit.ReducedChiSquare, "G3")} | {window} |");
            }
        }

        Line();
        foreach (InputResults r in withMsd)
        {
            Image($"{r.Input.Name}/msd.png", $"MSD with fits, {r.Input.Name}");
        }

        var withSigma = results.Where(r => r.Conductivity is not null).ToArray();
        if (withSigma.Length == 0)
        {
            return;
        }

        Line("### Conductivity");
        Line();
        Line("Nernst–Einstein σ = N q² e² D / (V k_B T) per region (its mean ion count and volume) and direction; collective from the charge-displacement MSD where charges of several species were given " +
            "(one walker: its error is typically 10–100 times the tracer error of the same run). Not measurable where the MSD window shows no measurable diffusion (one-sided 95 % bound); " +
            "the Haven ratio only where both σ are measurable.");
        Line();
        Line("| input | T (K) | kind | region | direction | σ (mS/cm) | ± (mS/cm) | Haven ratio |");
        Line("|---|---|---|---|---|---|---|---|");
        foreach (InputResults r in withSigma)
        {
            ConductivityResult sigma = r.Conductivity!;
            foreach (ConductivityEntry e in sigma.Entries.Where(e => e.Component is MsdComponent.Total or MsdComponent.Parallel or MsdComponent.Perpendicular))
            {
                string haven = double.IsNaN(e.Haven) ? "" : $"{F(e.Haven, "G3")} ± {F(e.HavenError, "G2")}";
                string value = e.Measurable
                    ? $"{F(e.SigmaMilli, "G4")} | {F(e.SigmaErrorMilli, "G2")}"
                    : $"not measurable: < {F(e.SigmaUpper * 1000, "G2")} (95 %) | —";
                Line($"| {r.Input.Name} | {F(sigma.Temperature, "G5")} | {e.Kind} | {e.Region} | {Direction(e.Component)} | {value} | {haven} |");
            }
        }

        Line();
        Line("Temperatures: " + string.Join("; ", withSigma.Select(r => $"{r.Input.Name}: {r.TemperatureSource}")) + ".");
        Line();
    }

    private void Dynamics()
    {
        var withDynamics = results.Where(r => r.Dynamics is not null).ToArray();
        if (withDynamics.Length == 0)
        {
            return;
        }

        Line("### Ion dynamics at the boundaries");
        Line();
        Line("Hops of the mobile ions (a hop when the position averaged over the hop window moves more than d_hop from its site), counted in the region of the " +
            "site left; rates per ion per ps with Poisson errors; residence time = ion-time / hops; α₂ = non-Gaussian parameter of the displacements " +
            "(0 for Gaussian diffusion), its peak over the first half of the run. Van Hove functions and α₂ curves are in each input's dynamics/ folder.");
        Line();
        Line("| input | region | hops | rate (1/ps per ion) | mean hop length (Å) | residence (ps) | hops crossing a plane | α₂ peak (at ps) |");
        Line("|---|---|---|---|---|---|---|---|");
        foreach (InputResults r in withDynamics)
        {
            var d = r.Dynamics!;
            foreach (var h in d.Hops.Summaries)
            {
                var a = d.Alpha2Curve(h.Region, Analysis.Transport.Dynamics.DynamicsDirection.Total);
                string alpha = a is null ? "" : $"{F(a.Peak(d.PeakLagLimit).Value, "G3")} ({F(a.Peak(d.PeakLagLimit).Lag * d.TimestepPs, "G3")})";
                string crossing = h.CrossingFraction is { } c ? $"{F(100 * c, "G3")} %" : "";
                Line($"| {r.Input.Name} | {h.Region} | {h.Hops} | {F(h.Rate, "G3")} ± {F(h.RateError, "G2")} | {F(h.MeanLength, "G3")} | {F(h.ResidenceMlePs, "G3")} | {crossing} | {alpha} |");
            }

            if (Steps.DynamicsStep.HopWindowWarning(d) is { } warning)
            {
                Line();
                Line($"{r.Input.Name}: {warning}");
            }

            Line();
            Image($"{r.Input.Name}/dynamics/alpha2.png", $"α₂(t), {r.Input.Name}");
            Image($"{r.Input.Name}/dynamics/vanhove-self.png", $"self van Hove function, {r.Input.Name}");
        }
    }

    private void Arrhenius()
    {
        if (definition.Arrhenius.Count == 0)
        {
            return;
        }

        Line("## Arrhenius fits");
        Line();
        Line("Weighted fits of ln(σT) (or ln D) against 1/T, weights (value/error)²; Ea = −slope·k_B. Intervals are 68 %: " +
            "from the input errors when χ²/dof ≤ 1 (or with two temperatures, which leave no dof), otherwise the covariance is scaled by " +
            "χ²/dof (Birge ratio) and Student-t quantiles with n − 2 dof are used. p is P(χ² ≥ observed); p < 0.01 flags a fit " +
            "inconsistent with a single Arrhenius law. Extrapolated values carry a log-normal interval from the full covariance " +
            "of ln A and slope, and how far 1/T lies beyond the data in widths of the fitted 1/T range.");
        Line();
        Line("| set | quantity | points | Ea (eV), 68 % interval | consistency | value at | value, 68 % interval |");
        Line("|---|---|---|---|---|---|---|");
        foreach (ArrheniusStage a in definition.Arrhenius)
        {
            if (!fits.TryGetValue(a.Name, out ArrheniusFit? fit))
            {
                Line($"| {a.Name} | {a.Kind} {a.Region} {a.Direction} | not computed (see below) | not measurable | | | |");
                continue;
            }

            string unit = fit.Quantity == ArrheniusQuantity.Conductivity ? "S/cm" : "Å²/ps";
            string what = $"{(fit.Quantity == ArrheniusQuantity.Conductivity ? "σ" : "D")} {a.Kind} {a.Region} {a.Direction}";
            string points = fit.LeftOut.Count > 0 ? $"{fit.Points.Count} ({fit.LeftOut.Count} left out)" : $"{fit.Points.Count}";
            string consistency = fit.Inconsistent ? $"**{ArrheniusText.Consistency(fit)}**" : ArrheniusText.Consistency(fit);
            ArrheniusValue v = fit.At(a.ExtrapolateTo);
            string value = v.Extrapolated ? $"**{ArrheniusText.Value(v, unit)}**" : ArrheniusText.Value(v, unit);
            Line($"| {a.Name} | {what} | {points} | {ArrheniusText.ActivationEnergy(fit)} | {consistency} | {F(a.ExtrapolateTo, "G4")} K | {value} |");
        }

        Line();
        foreach (ArrheniusStage a in definition.Arrhenius.Where(a => fits.ContainsKey(a.Name) && fits[a.Name].LeftOut.Count > 0))
        {
            foreach (string note in fits[a.Name].LeftOut)
            {
                Line($"- {a.Name}: left out {note}");
            }

            Line();
        }

        foreach (ArrheniusStage a in definition.Arrhenius.Where(a => fits.ContainsKey(a.Name)))
        {
            Image($"arrhenius-{a.Name}/arrhenius.png", $"Arrhenius plot, {a.Name}");
        }
    }

    private void Polycrystal()
    {
        if (polycrystal is not { } p)
        {
            return;
        }

        BrickLayerModel m = p.Model;
        bool errors = m.Inputs.Any(i => i.HasError);
        Line("## Polycrystal conductivity (brick-layer model)");
        Line();
        Line("σ_poly(d) = (d/L)² L/(d/σ_bulk + δ/σ_GB⊥) + (1 − (d/L)²) σ_GB∥, L = d + δ (van Dijk & Burggraaf 1981; Näfe 1984; Haile, West & Campbell 1998). " +
            "68 % intervals: the model evaluated with the inputs at the ends of their intervals (σ_poly rises with each input). " +
            "An input not more than twice its error is refused.");
        Line();
        if (m.Flagged)
        {
            Line($"**Caution:** {string.Join("; ", m.Caveats)}. The curve below inherits these caveats.");
            Line();
        }

        Line("| input to the model | value |");
        Line("|---|---|");
        Line($"| σ_bulk | {p.Sources[0]} |");
        Line($"| σ_GB∥ | {p.Sources[1]} |");
        Line($"| σ_GB⊥ | {p.Sources[2]} |");
        Line($"| δ (nm) | {F(m.Width, "G4")} (given) |");
        Line();
        Line("| grain size d (nm) | σ_poly (S/cm), 68 % interval | σ_poly/σ_bulk, 68 % interval |");
        Line("|---|---|---|");
        string flag = m.Flagged ? " (flagged inputs)" : string.Empty;
        foreach (double d in PolycrystalStep.TabulatedSizes)
        {
            double s = m.Conductivity(d);
            var (lo, hi) = m.ConductivityInterval(d);
            var (rlo, rhi) = m.RatioInterval(d);
            string sigma = errors ? $"{F(s, "G3")} [{F(lo, "G3")}, {F(hi, "G3")}]" : $"{F(s, "G4")} (inputs without errors)";
            string ratio = errors ? $"{F(s / m.SigmaBulk, "G3")} [{F(rlo, "G3")}, {F(rhi, "G3")}]" : $"{F(s / m.SigmaBulk, "G3")} (inputs without errors)";
            Line($"| {F(d, "G4")} | {sigma}{flag} | {ratio}{flag} |");
        }

        Line();
        Image("polycrystal/polycrystal.png", "σ_poly against grain size");
    }

    private void Failures()
    {
        if (failures.Count == 0)
        {
            return;
        }

        Line("## Not computed");
        Line();
        foreach (StepFailure f in failures)
        {
            Line($"- **{f.Step}**: {f.Message}");
        }

        Line();
    }

    private void Notes()
    {
        if (notes.Count == 0)
        {
            return;
        }

        Line("## Empty cells and other notes");
        Line();
        foreach (string note in notes)
        {
            Line($"- {Path.GetRelativePath(root, note.Split(": ", 2)[0])}: {note.Split(": ", 2)[1]}");
        }

        Line();
    }

    private void Image(string relative, string alt)
    {
        if (File.Exists(Path.Combine(root, relative)))
        {
            Line($"![{alt}]({relative})");
            Line();
        }
    }

    private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string Direction(MsdComponent c) => c switch
    {
        MsdComponent.Parallel => "∥",
        MsdComponent.Perpendicular => "⊥",
        _ => c.ToString().ToLowerInvariant(),
    };

    private static string Safe(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray());

    private static string F(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    private void Line(string text = "") => _md.Append(text).Append('\n');
}
