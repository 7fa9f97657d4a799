using System.Text;
using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;

namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// Everything <see cref="DynamicsAnalyzer"/> computes, with its tables as CSV text (lengths in Å, times in ps, G_s in
/// Å⁻ᵈ, G_d normalised to 1 for an ideal gas, rates per ion per ps; numbers through <see cref="CsvNumber"/>, so a value
/// that could not be computed is an empty cell).
/// </summary>
public sealed class DynamicsResult
{
    internal DynamicsResult(
        DynamicsOptions options,
        int atoms,
        int frames,
        double timestepPs,
        Vec3 normal,
        IReadOnlyList<string> regions,
        IReadOnlyList<int> lags,
        double selfRMax,
        IReadOnlyList<SelfVanHove> self,
        IReadOnlyList<int> distinctLags,
        double distinctRMax,
        int distinctOriginStride,
        IReadOnlyList<DistinctVanHove> distinct,
        string? distinctNote,
        int alpha2OriginStride,
        IReadOnlyList<Alpha2Curve> alpha2,
        HopAnalysis hops,
        long memoryBytes)
    {
        Options = options;
        Atoms = atoms;
        Frames = frames;
        TimestepPs = timestepPs;
        Normal = normal;
        Regions = regions;
        Lags = lags;
        SelfRMax = selfRMax;
        Self = self;
        DistinctLags = distinctLags;
        DistinctRMax = distinctRMax;
        DistinctOriginStride = distinctOriginStride;
        Distinct = distinct;
        DistinctNote = distinctNote;
        Alpha2OriginStride = alpha2OriginStride;
        Alpha2 = alpha2;
        Hops = hops;
        MemoryBytes = memoryBytes;
    }

    public DynamicsOptions Options { get; }

    /// <summary>Mobile ions followed.</summary>
    public int Atoms { get; }

    /// <summary>Frames analysed.</summary>
    public int Frames { get; }

    /// <summary>Time between analysed frames, ps.</summary>
    public double TimestepPs { get; }

    /// <summary>Unit boundary normal n.</summary>
    public Vec3 Normal { get; }

    /// <summary>all, or all, gb, bulk.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>Lags of the self van Hove functions, frames.</summary>
    public IReadOnlyList<int> Lags { get; }

    /// <summary>Largest displacement of the self histograms, Å.</summary>
    public double SelfRMax { get; }

    public IReadOnlyList<SelfVanHove> Self { get; }

    /// <summary>Lags of the distinct van Hove functions, frames: 0 (the ion–ion g(r)) and the self lags.</summary>
    public IReadOnlyList<int> DistinctLags { get; }

    /// <summary>Largest distance of the distinct histograms, Å (NaN when not computed).</summary>
    public double DistinctRMax { get; }

    /// <summary>Spacing of the time origins of the distinct part, frames (0 when not computed).</summary>
    public int DistinctOriginStride { get; }

    public IReadOnlyList<DistinctVanHove> Distinct { get; }

    /// <summary>Why the distinct part was not computed, or null.</summary>
    public string? DistinctNote { get; }

    /// <summary>Spacing of the time origins of α₂, frames (1: every origin).</summary>
    public int Alpha2OriginStride { get; }

    public IReadOnlyList<Alpha2Curve> Alpha2 { get; }

    public HopAnalysis Hops { get; }

    /// <summary>Bytes held for the stored positions and membership.</summary>
    public long MemoryBytes { get; }

    public long FirstStep { get; init; }

    public long LastStep { get; init; }

    public UnwrapMode Unwrap { get; init; }

    public string? UnwrapWarning { get; init; }

    /// <summary>The α₂ curve of a region and direction, or null.</summary>
    public Alpha2Curve? Alpha2Curve(string region, DynamicsDirection direction) =>
        Alpha2.FirstOrDefault(c => c.Region == region && c.Direction == direction);

    /// <summary>The largest lag (frames) used for α₂ peaks and plots: half the run, where origins are still many.</summary>
    public int PeakLagLimit => Math.Max(1, Frames / 2);

    /// <summary>vanhove-self.csv: one row per region, direction, lag and bin.</summary>
    public string SelfCsv()
    {
        var sb = new StringBuilder("region,direction,dimensions,lag_ps,r_A,G_s_per_A^dimensions,probability_per_A\n");
        foreach (SelfVanHove s in Self)
        {
            for (int b = 0; b < s.R.Count; b++)
            {
                sb.Append(s.Region).Append(',').Append(DynamicsDirections.Name(s.Direction)).Append(',')
                    .Append(DynamicsDirections.Dimensions(s.Direction).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                    .Append(CsvNumber.Format(s.LagPs)).Append(',').Append(CsvNumber.Format(s.R[b])).Append(',')
                    .Append(CsvNumber.Format(s.G[b])).Append(',').Append(CsvNumber.Format(s.Probability[b])).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>vanhove-distinct.csv: one row per region, lag and bin.</summary>
    public string DistinctCsv()
    {
        var sb = new StringBuilder("region,lag_ps,r_A,G_d_over_ideal_gas\n");
        foreach (DistinctVanHove d in Distinct)
        {
            for (int b = 0; b < d.R.Count; b++)
            {
                sb.Append(d.Region).Append(',').Append(CsvNumber.Format(d.LagPs)).Append(',')
                    .Append(CsvNumber.Format(d.R[b])).Append(',').Append(CsvNumber.Format(d.G[b])).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>alpha2.csv: one row per region, direction and lag from one frame on.</summary>
    public string Alpha2Csv()
    {
        var sb = new StringBuilder("region,direction,dimensions,lag_ps,samples,msd_A2,mean_quartic_A4,alpha2\n");
        foreach (Alpha2Curve c in Alpha2)
        {
            for (int k = 1; k < c.Alpha2.Count; k++)
            {
                sb.Append(c.Region).Append(',').Append(DynamicsDirections.Name(c.Direction)).Append(',')
                    .Append(DynamicsDirections.Dimensions(c.Direction).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                    .Append(CsvNumber.Format(k * TimestepPs)).Append(',').Append(CsvNumber.Format(c.Samples[k])).Append(',')
                    .Append(CsvNumber.Format(c.Msd[k])).Append(',').Append(CsvNumber.Format(c.Quartic[k])).Append(',')
                    .Append(CsvNumber.Format(c.Alpha2[k])).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>hops.csv: one row per hop.</summary>
    public string HopsCsv()
    {
        var sb = new StringBuilder("atom_id,step,time_ps,from_x_A,from_y_A,from_z_A,to_x_A,to_y_A,to_z_A,length_A,from_region,to_region,crosses_plane,residence_ps\n");
        foreach (HopEvent e in Hops.Events)
        {
            sb.Append(e.AtomId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(e.Step.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(CsvNumber.Format(e.TimePs)).Append(',')
                .Append(CsvNumber.Format(e.From.X)).Append(',').Append(CsvNumber.Format(e.From.Y)).Append(',').Append(CsvNumber.Format(e.From.Z)).Append(',')
                .Append(CsvNumber.Format(e.To.X)).Append(',').Append(CsvNumber.Format(e.To.Y)).Append(',').Append(CsvNumber.Format(e.To.Z)).Append(',')
                .Append(CsvNumber.Format(e.Length)).Append(',').Append(e.FromRegion).Append(',').Append(e.ToRegion).Append(',')
                .Append(e.CrossesPlane is { } c ? (c ? "1" : "0") : string.Empty).Append(',')
                .Append(CsvNumber.Format(e.ResidencePs)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>hop-summary.csv: one row per region.</summary>
    public string HopSummaryCsv()
    {
        var sb = new StringBuilder(
            "region,hops,exposure_ion_ps,mean_ions,rate_per_ion_per_ps,rate_error_per_ion_per_ps,rate_upper_95_per_ion_per_ps,mean_length_A," +
            "complete_residences,mean_residence_ps,mean_residence_error_ps,censored_intervals,residence_mle_ps,residence_mle_error_ps," +
            "crossing_hops,crossing_fraction,crossing_fraction_error\n");
        foreach (HopRegionSummary s in Hops.Summaries)
        {
            string[] cells =
            [
                s.Region, s.Hops.ToString(System.Globalization.CultureInfo.InvariantCulture), CsvNumber.Format(s.ExposureIonPs), CsvNumber.Format(s.MeanIons),
                CsvNumber.Format(s.Rate), CsvNumber.Format(s.RateError), CsvNumber.Format(s.RateUpper95), CsvNumber.Format(s.MeanLength),
                s.CompleteResidences.ToString(System.Globalization.CultureInfo.InvariantCulture), CsvNumber.Format(s.MeanResidencePs),
                CsvNumber.Format(s.MeanResidenceErrorPs), s.CensoredIntervals.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CsvNumber.Format(s.ResidenceMlePs), CsvNumber.Format(s.ResidenceMleErrorPs),
                s.CrossingHops?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                CsvNumber.Format(s.CrossingFraction), CsvNumber.Format(s.CrossingFractionError),
            ];
            sb.Append(string.Join(',', cells)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>hop-lengths.csv: the hop-length histogram, one row per bin, a column per region of the starting site.</summary>
    public string HopLengthsCsv()
    {
        var sb = new StringBuilder("length_from_A,length_to_A");
        foreach (string region in Regions)
        {
            sb.Append(",hops_").Append(region);
        }

        sb.Append('\n');
        int bins = Hops.LengthHistogram["all"].Length;
        for (int b = 0; b < bins; b++)
        {
            sb.Append(CsvNumber.Format(b * Hops.LengthBin)).Append(',').Append(CsvNumber.Format((b + 1) * Hops.LengthBin));
            foreach (string region in Regions)
            {
                sb.Append(',').Append(Hops.LengthHistogram[region][b].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
