namespace GbAtomistics.IO.Lammps;

/// <summary>
/// Section keywords of a LAMMPS data file and the header count that gives each section's number of lines
/// (LAMMPS <c>read_data</c> documentation, "Format of the body of a data file").
/// </summary>
internal static class LammpsDataSections
{
    /// <summary>Marker for PairIJ Coeffs: one line per pair of atom types, n(n+1)/2.</summary>
    public const string TypePairs = "atom type pairs";

    private static readonly Dictionary<string, string?> CountKey = new(StringComparer.Ordinal)
    {
        ["Atoms"] = "atoms",
        ["Velocities"] = "atoms",
        ["Masses"] = "atom types",
        ["Ellipsoids"] = "ellipsoids",
        ["Lines"] = "lines",
        ["Triangles"] = "triangles",
        ["Bodies"] = null, // a variable number of lines per body
        ["Bonds"] = "bonds",
        ["Angles"] = "angles",
        ["Dihedrals"] = "dihedrals",
        ["Impropers"] = "impropers",
        ["Pair Coeffs"] = "atom types",
        ["PairIJ Coeffs"] = TypePairs,
        ["Bond Coeffs"] = "bond types",
        ["Angle Coeffs"] = "angle types",
        ["Dihedral Coeffs"] = "dihedral types",
        ["Improper Coeffs"] = "improper types",
        ["BondBond Coeffs"] = "angle types",
        ["BondAngle Coeffs"] = "angle types",
        ["MiddleBondTorsion Coeffs"] = "dihedral types",
        ["EndBondTorsion Coeffs"] = "dihedral types",
        ["AngleTorsion Coeffs"] = "dihedral types",
        ["AngleAngleTorsion Coeffs"] = "dihedral types",
        ["BondBond13 Coeffs"] = "dihedral types",
        ["AngleAngle Coeffs"] = "improper types",
        ["Atom Type Labels"] = "atom types",
        ["Bond Type Labels"] = "bond types",
        ["Angle Type Labels"] = "angle types",
        ["Dihedral Type Labels"] = "dihedral types",
        ["Improper Type Labels"] = "improper types",
    };

    /// <summary>True when <paramref name="name"/> (words separated by single spaces) is a section keyword.</summary>
    public static bool IsSection(string name) =>
        CountKey.ContainsKey(name) || name.EndsWith(" Coeffs", StringComparison.Ordinal);

    /// <summary>
    /// The header keyword counting the section's lines, or null when the section's length is not given by the
    /// header (Bodies, and Coeffs sections this table does not list).
    /// </summary>
    public static string? CountKeyOf(string name) => CountKey.TryGetValue(name, out string? key) ? key : null;

    /// <summary>The line without a trailing <c>#</c> comment.</summary>
    public static ReadOnlySpan<byte> StripComment(ReadOnlySpan<byte> line)
    {
        int hash = line.IndexOf((byte)'#');
        return hash < 0 ? line : line[..hash];
    }

    /// <summary>The text after <c>#</c>, trimmed, or an empty string.</summary>
    public static string Comment(ReadOnlySpan<byte> line)
    {
        int hash = line.IndexOf((byte)'#');
        return hash < 0 ? string.Empty : System.Text.Encoding.UTF8.GetString(line[(hash + 1)..]).Trim();
    }

    /// <summary>True when the line holds only whitespace.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (!Tokens.IsSpace(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tokens of the line joined by single spaces.</summary>
    public static string Words(ReadOnlySpan<byte> line)
    {
        var words = new List<string>();
        var t = new Tokens(line);
        while (t.Next(out ReadOnlySpan<byte> token))
        {
            words.Add(System.Text.Encoding.UTF8.GetString(token));
        }

        return string.Join(' ', words);
    }

    /// <summary>True when the first non-blank character is a letter (section keywords start with one).</summary>
    public static bool StartsWithLetter(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (!Tokens.IsSpace(b))
            {
                return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
            }
        }

        return false;
    }
}
