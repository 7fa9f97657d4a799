namespace GbAtomistics.IO.Lammps;

/// <summary>Names and column layouts of the LAMMPS atom styles (see <see cref="LammpsAtomStyle"/>).</summary>
internal static class LammpsAtomStyles
{
    /// <summary>The styles this project reads, as LAMMPS spells them.</summary>
    public const string SupportedList = "atomic, charge, full, molecular, bond, angle";

    /// <summary>
    /// Every atom style LAMMPS documents (<c>atom_style</c> command). A hint after <c>Atoms #</c> that is one of these
    /// but not supported is an error; any other comment is not a style hint at all.
    /// </summary>
    private static readonly HashSet<string> KnownToLammps = new(StringComparer.Ordinal)
    {
        "amoeba", "angle", "apip", "atomic", "body", "bond", "bpm/sphere", "charge", "dielectric", "dipole", "dpd",
        "edpd", "electron", "ellipsoid", "full", "hybrid", "line", "mdpd", "molecular", "oxdna", "peri", "rheo",
        "rheo/thermal", "smd", "sph", "sphere", "spin", "tdpd", "template", "tri", "wavepacket",
    };

    public static bool IsKnownToLammps(string name) => KnownToLammps.Contains(name);

    public static bool TryParse(string name, out LammpsAtomStyle style)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "atomic": style = LammpsAtomStyle.Atomic; return true;
            case "charge": style = LammpsAtomStyle.Charge; return true;
            case "molecular": style = LammpsAtomStyle.Molecular; return true;
            case "bond": style = LammpsAtomStyle.Bond; return true;
            case "angle": style = LammpsAtomStyle.Angle; return true;
            case "full": style = LammpsAtomStyle.Full; return true;
            default: style = default; return false;
        }
    }

    public static string Name(LammpsAtomStyle style) => style switch
    {
        LammpsAtomStyle.Atomic => "atomic",
        LammpsAtomStyle.Charge => "charge",
        LammpsAtomStyle.Molecular => "molecular",
        LammpsAtomStyle.Bond => "bond",
        LammpsAtomStyle.Angle => "angle",
        _ => "full",
    };

    /// <summary>True when the style has a molecule-id column after the atom id.</summary>
    public static bool HasMolecule(LammpsAtomStyle style) =>
        style is LammpsAtomStyle.Molecular or LammpsAtomStyle.Bond or LammpsAtomStyle.Angle or LammpsAtomStyle.Full;

    /// <summary>True when the style has a charge column.</summary>
    public static bool HasCharge(LammpsAtomStyle style) => style is LammpsAtomStyle.Charge or LammpsAtomStyle.Full;

    /// <summary>Number of columns without image flags.</summary>
    public static int Columns(LammpsAtomStyle style) => 5 + (HasMolecule(style) ? 1 : 0) + (HasCharge(style) ? 1 : 0);

    /// <summary>The column layout, for messages.</summary>
    public static string Layout(LammpsAtomStyle style) => style switch
    {
        LammpsAtomStyle.Atomic => "id type x y z",
        LammpsAtomStyle.Charge => "id type q x y z",
        LammpsAtomStyle.Full => "id mol type q x y z",
        _ => "id mol type x y z",
    };
}
