using GbAtomistics.Analysis.Transport.Msd;

namespace GbAtomistics.Analysis.Transport.Conductivity;

/// <summary>
/// One conductivity in S/cm (×1000 for mS/cm): Nernst–Einstein (tracer) from D of the species, or collective from the
/// charge-displacement MSD, for a region (all, gb, bulk) and a direction (total, x, y, z, parallel, perpendicular).
/// </summary>
/// <param name="Kind"><c>tracer</c> (Nernst–Einstein) or <c>collective</c>.</param>
/// <param name="Region"><c>all</c>, <c>gb</c> or <c>bulk</c>.</param>
/// <param name="Component">The direction.</param>
/// <param name="Ions">N: ions of the species in the region (mean per frame).</param>
/// <param name="Volume">V in Å³ (region volume for gb/bulk).</param>
/// <param name="D">Tracer D in Å²/ps; for collective, D_σ = D_M/(N q²), the charge diffusion coefficient.</param>
/// <param name="DError">GLS standard error of D, Å²/ps.</param>
/// <param name="Sigma">Conductivity in S/cm.</param>
/// <param name="SigmaError">Its standard error in S/cm.</param>
/// <param name="Haven">H = D*/D_σ = σ_tracer/σ_collective (collective entries only, when both are measurable), else NaN.</param>
/// <param name="HavenError">Standard error of H, else NaN.</param>
/// <param name="Measurable">False when the MSD window shows no measurable diffusion: then only <paramref name="SigmaUpper"/> is meaningful.</param>
/// <param name="SigmaUpper">One-sided 95 % upper bound on σ in S/cm (from the upper bound on D).</param>
/// <param name="Note">Why σ is not reported, or an empty text.</param>
public sealed record ConductivityEntry(
    string Kind,
    string Region,
    MsdComponent Component,
    double Ions,
    double Volume,
    double D,
    double DError,
    double Sigma,
    double SigmaError,
    double Haven,
    double HavenError,
    bool Measurable,
    double SigmaUpper,
    string Note)
{
    /// <summary>σ in mS/cm.</summary>
    public double SigmaMilli => Sigma * 1000;

    /// <summary>Error of σ in mS/cm.</summary>
    public double SigmaErrorMilli => SigmaError * 1000;
}
