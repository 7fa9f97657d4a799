using GbAtomistics.Analysis.Transport.Fitting;
using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;

namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>
/// Options of the mean-squared displacement, validated once and shared by the CLI and pipelines.
/// </summary>
public sealed record MsdOptions
{
    public MsdOptions(
        string species = "Li",
        int normalAxis = 2,
        SlabRegion? region = null,
        RegionMembership membership = RegionMembership.Start,
        UnwrapMode unwrap = UnwrapMode.Auto,
        string? driftReference = null,
        FitWindow? fit = null,
        IReadOnlyDictionary<string, double>? charges = null,
        bool chargesFromFile = false)
    {
        if (string.IsNullOrWhiteSpace(species))
        {
            throw new InputException("--species: expected a species name such as Li");
        }

        if (normalAxis is < 0 or > 2)
        {
            throw new InputException($"--normal {normalAxis}: expected x, y or z");
        }

        if (region is not null && region.Complement)
        {
            region = region.Invert("gb");
        }

        if (driftReference is not null && string.IsNullOrWhiteSpace(driftReference))
        {
            throw new InputException("--drift: expected none, all or a species name");
        }

        Species = species.Trim();
        NormalAxis = region?.Axis ?? normalAxis;
        Region = region;
        Membership = membership;
        Unwrap = unwrap;
        DriftReference = driftReference?.Trim();
        Fit = fit ?? FitWindow.Default;
        Charges = charges;
        ChargesFromFile = chargesFromFile;
    }

    /// <summary>The species whose MSD is computed (element name or LAMMPS type number as text).</summary>
    public string Species { get; }

    /// <summary>The cell vector (0 = a, 1 = b, 2 = c) the boundary planes cut; the normal n is perpendicular to the other two.</summary>
    public int NormalAxis { get; }

    /// <summary>The grain-boundary slabs; when set, MSDs are also computed for the slabs (gb) and the rest (bulk).</summary>
    public SlabRegion? Region { get; }

    /// <summary>How region MSDs count atoms (see <see cref="RegionMembership"/>).</summary>
    public RegionMembership Membership { get; }

    /// <summary>Where unwrapped positions come from.</summary>
    public UnwrapMode Unwrap { get; }

    /// <summary>
    /// Null for no drift correction; <c>all</c> to subtract the centre-of-mass displacement of all atoms; a species
    /// name to subtract that of a framework species. Masses from the element names, equal masses otherwise.
    /// </summary>
    public string? DriftReference { get; }

    /// <summary>The window of the diffusion fits.</summary>
    public FitWindow Fit { get; }

    /// <summary>
    /// Charges per species in e for the collective (charge-displacement) MSD, or null for none. Only atoms whose species
    /// has a charge contribute.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Charges { get; }

    /// <summary>True to take per-atom charges from the file (q column) for the collective MSD.</summary>
    public bool ChargesFromFile { get; }
}
