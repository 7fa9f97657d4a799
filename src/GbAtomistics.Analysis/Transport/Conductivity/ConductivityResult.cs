using System.Globalization;
using System.Text;

namespace GbAtomistics.Analysis.Transport.Conductivity;

/// <summary>
/// Ionic conductivities at one temperature: Nernst–Einstein σ_α = N q² e² D_α / (V k_B T) per direction and region,
/// collective σ_α = e² · slope_α / (2 d V k_B T) of ⟨|Σ_i q_i Δr_iα|²⟩ for the whole cell, and the Haven ratio
/// H = σ_tracer / σ_collective. For d-component directions the tracer D_α is slope/(2d); conductivities of ∥ and ⊥ are
/// those of one direction in (∥, the mean of the two) or across (⊥) the boundary plane.
/// </summary>
public sealed class ConductivityResult
{
    internal ConductivityResult(ConductivityOptions options, double charge, IReadOnlyList<ConductivityEntry> entries)
    {
        Options = options;
        Charge = charge;
        Entries = entries;
    }

    public ConductivityOptions Options { get; }

    /// <summary>Temperature in K.</summary>
    public double Temperature => Options.Temperature;

    /// <summary>Charge of the mobile species in e.</summary>
    public double Charge { get; }

    public IReadOnlyList<ConductivityEntry> Entries { get; }

    /// <summary>The entry of a kind, region and component, or null.</summary>
    public ConductivityEntry? Entry(string kind, string region, Msd.MsdComponent component) =>
        Entries.FirstOrDefault(e => e.Kind == kind && e.Region == region && e.Component == component);

    /// <summary>
    /// The table as CSV with units in the header; values that are not measurable are left empty, with their 95 %
    /// upper bound in <c>sigma_upper_S_per_cm</c>.
    /// </summary>
    public string ToCsv()
    {
        var sb = new StringBuilder("kind,region,direction,measurable,ions,volume_A3,D_A2_per_ps,D_error_A2_per_ps,sigma_S_per_cm,sigma_error_S_per_cm," +
            "sigma_mS_per_cm,sigma_error_mS_per_cm,sigma_upper_S_per_cm,haven_ratio,haven_error\n");
        foreach (ConductivityEntry e in Entries)
        {
            sb.Append(e.Kind).Append(',').Append(e.Region).Append(',').Append(e.Component.ToString().ToLowerInvariant())
                .Append(',').Append(e.Measurable ? "true" : "false");
            double m = e.Measurable ? 1 : double.NaN;
            foreach (double v in new[]
            {
                e.Ions, e.Volume, m * e.D, m * e.DError, m * e.Sigma, m * e.SigmaError, m * e.SigmaMilli, m * e.SigmaErrorMilli,
                e.Measurable ? double.NaN : e.SigmaUpper, e.Haven, e.HavenError,
            })
            {
                sb.Append(',').Append(double.IsFinite(v) ? v.ToString("G9", CultureInfo.InvariantCulture) : string.Empty);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
