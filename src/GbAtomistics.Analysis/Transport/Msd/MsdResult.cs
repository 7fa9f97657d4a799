using System.Globalization;
using System.Text;
using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;

namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// Mean-squared displacements of one species over all time origins against lag time (ps), per component, for the
/// whole cell and (with a region) for the grain-boundary slabs and the bulk, with diffusion fits; and, when charges
/// were given, the collective charge-displacement MSD ⟨|Σ_i q_i Δr_i|²⟩.
/// </summary>
public sealed class MsdResult
{
    internal MsdResult(
        MsdOptions options,
        int atoms,
        int frames,
        double dt,
        Vec3 normal,
        IReadOnlyList<MsdCurve> curves,
        IReadOnlyList<MsdCurve> collective,
        int chargedAtoms,
        double meanVolume,
        double meanRegionAtoms,
        double meanRegionVolume,
        UnwrapMode unwrap,
        string? unwrapWarning,
        int[] fitLags,
        double? speciesCharge)
    {
        SpeciesCharge = speciesCharge;
        Options = options;
        Atoms = atoms;
        Frames = frames;
        TimestepPs = dt;
        Normal = normal;
        Curves = curves;
        Collective = collective;
        ChargedAtoms = chargedAtoms;
        MeanVolume = meanVolume;
        MeanRegionAtoms = meanRegionAtoms;
        MeanRegionVolume = meanRegionVolume;
        Unwrap = unwrap;
        UnwrapWarning = unwrapWarning;
        FitLags = fitLags;
        LagTimes = Enumerable.Range(0, frames).Select(k => k * dt).ToArray();
    }

    public MsdOptions Options { get; }

    /// <summary>Number of atoms of the species.</summary>
    public int Atoms { get; }

    public int Frames { get; }

    /// <summary>MD step of the first analysed frame (as in the file; 0 when the file has no steps).</summary>
    public long FirstStep { get; init; }

    /// <summary>MD step of the last analysed frame.</summary>
    public long LastStep { get; init; }

    /// <summary>Time between analysed frames in ps.</summary>
    public double TimestepPs { get; }

    /// <summary>Lag times in ps (k·Δt).</summary>
    public IReadOnlyList<double> LagTimes { get; }

    /// <summary>The boundary normal n (unit vector perpendicular to the two cell vectors other than the normal axis).</summary>
    public Vec3 Normal { get; }

    /// <summary>Curves for regions all (and gb, bulk) and components total, x, y, z, parallel, perpendicular.</summary>
    public IReadOnlyList<MsdCurve> Curves { get; }

    /// <summary>Collective curves Σ_i q_i Δr_i (e²·Å²), empty when no charges were given.</summary>
    public IReadOnlyList<MsdCurve> Collective { get; }

    /// <summary>Number of atoms that carry a charge in the collective MSD.</summary>
    public int ChargedAtoms { get; }

    /// <summary>Mean cell volume in Å³.</summary>
    public double MeanVolume { get; }

    /// <summary>Mean number of atoms of the species in the gb slabs per frame (0 without a region).</summary>
    public double MeanRegionAtoms { get; }

    /// <summary>Mean volume of the gb slabs in Å³ (0 without a region).</summary>
    public double MeanRegionVolume { get; }

    /// <summary>How positions were unwrapped.</summary>
    public UnwrapMode Unwrap { get; }

    /// <summary>A warning about large steps between frames when unwrapping by displacements, else null.</summary>
    public string? UnwrapWarning { get; }

    /// <summary>The charge (e) of the species from the options or, failing that, the mean q of the file; null if neither.</summary>
    public double? SpeciesCharge { get; }

    /// <summary>The lag indices the fits used.</summary>
    public IReadOnlyList<int> FitLags { get; }

    /// <summary>The curve of <paramref name="region"/> and <paramref name="component"/>, or null.</summary>
    public MsdCurve? Curve(string region, MsdComponent component) =>
        Curves.FirstOrDefault(c => c.Region == region && c.Component == component);

    /// <summary>The collective curve of <paramref name="component"/>, or null.</summary>
    public MsdCurve? CollectiveCurve(MsdComponent component) => Collective.FirstOrDefault(c => c.Component == component);

    /// <summary>The table as CSV: lag time (ps), then each curve in Å² (collective in e²·Å²).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder("lag_ps");
        foreach (MsdCurve c in Curves)
        {
            sb.Append(",msd_").Append(c.Name).Append("_A2");
        }

        foreach (MsdCurve c in Collective)
        {
            sb.Append(",msd_").Append(c.Name).Append("_e2A2");
        }

        sb.Append('\n');
        for (int k = 0; k < Frames; k++)
        {
            sb.Append(CsvNumber.Format(LagTimes[k]));
            foreach (MsdCurve c in Curves.Concat(Collective))
            {
                sb.Append(',').Append(CsvNumber.Format(c.Values[k]));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
