using System.Text.Json;
using GbAtomistics.Analysis.Transport.Conductivity;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>conductivity</c> step: the MSD step plus Nernst–Einstein and collective conductivities, written as
/// <c>conductivity.csv</c> (S/cm and mS/cm), <c>conductivity.json</c> (temperature and its source, charges, every
/// entry, the MSD fits) and, beside them, the MSD files.
/// </summary>
public static class ConductivityStep
{
    /// <summary>
    /// The MSD and the conductivities at <paramref name="temperature"/> (K), or, when it is null, at the temperature of
    /// the analysed frames (<see cref="TemperatureSource.Estimate"/>: thermo rows of the log beside the input whose
    /// steps lie within the frames). A missing temperature is an error before the trajectory is read.
    /// </summary>
    public static (MsdResult Msd, ConductivityResult Conductivity, TemperatureEstimate Temperature) Compute(
        TrajectoryInput input, MsdOptions options, double? temperature, int threads = 1)
    {
        TemperatureSource.Estimate(temperature, input.Path); // fails early when there is none
        MsdResult msd = MsdStep.Compute(input, options, threads);
        TemperatureEstimate t = TemperatureSource.Estimate(temperature, input.Path, msd.FirstStep, msd.LastStep);
        return (msd, ConductivityCalculator.Compute(msd, new ConductivityOptions(t.Kelvin)), t);
    }

    public static object Write(MsdResult msd, ConductivityResult result, TemperatureEstimate temperature, TrajectoryInput input, OutputFolder output)
    {
        MsdStep.Write(msd, input, output);
        output.WriteText("conductivity.csv", result.ToCsv());
        int notMeasurable = result.Entries.Count(e => !e.Measurable);
        if (notMeasurable > 0)
        {
            output.Note("conductivity.csv", $"{notMeasurable} of {result.Entries.Count} rows are not measurable (measurable=false): their D and σ cells are empty and sigma_upper_S_per_cm holds the 95 % upper bound; haven_ratio is empty unless both tracer and charge σ of a row are measurable");
        }
        object summary = new
        {
            analysis = "conductivity",
            input = input.Path,
            species = msd.Options.Species,
            temperature_K = result.Temperature,
            temperature_sd_K = temperature.StandardDeviation,
            temperature_thermo_rows = temperature.Rows,
            temperature_source = temperature.Source,
            timestep_ps = TimestepSource.Resolve(input).ReadOptions.TimestepPs,
            timestep_source = TimestepSource.Resolve(input).TimestepSource,
            charge_e = result.Charge,
            charged_atoms_in_collective = msd.ChargedAtoms,
            options = MsdStep.Options(msd.Options, input),
            unwrap_warning = msd.UnwrapWarning,
            entries = result.Entries.Select(e => new
            {
                kind = e.Kind,
                region = e.Region,
                direction = e.Component.ToString().ToLowerInvariant(),
                ions = e.Ions,
                volume_A3 = e.Volume,
                measurable = e.Measurable,
                note = e.Note.Length > 0 ? e.Note : null,
                D_A2_per_ps = Measured(e, e.D),
                D_error_A2_per_ps = Measured(e, e.DError),
                sigma_S_per_cm = Measured(e, e.Sigma),
                sigma_error_S_per_cm = Measured(e, e.SigmaError),
                sigma_mS_per_cm = Measured(e, e.SigmaMilli),
                sigma_error_mS_per_cm = Measured(e, e.SigmaErrorMilli),
                sigma_upper_S_per_cm = e.Measurable ? (double?)null : e.SigmaUpper,
                haven_ratio = double.IsNaN(e.Haven) ? (double?)null : e.Haven,
                haven_error = double.IsNaN(e.HavenError) ? (double?)null : e.HavenError,
            }),
            definitions = "tracer (Nernst-Einstein): sigma = N q^2 e^2 D / (V kB T); collective: sigma = e^2 slope / (2 d V kB T) of <|sum_i q_i dr_i|^2>; " +
                "Haven ratio H = sigma_tracer / sigma_collective, only when both are measurable; regions use their mean ion count and volume; errors from the GLS errors of D; " +
                "where the MSD shows no measurable diffusion the values are null and sigma_upper_S_per_cm is a one-sided 95 % upper bound",
            units = new { sigma = "S/cm (and mS/cm)", D = "Å²/ps", volume = "Å³", temperature = "K" },
        };
        output.WriteText("conductivity.json", JsonSerializer.Serialize(summary, Json.Options));
        return summary;
    }

    private static double? Measured(ConductivityEntry e, double value) => e.Measurable ? value : null;
}
