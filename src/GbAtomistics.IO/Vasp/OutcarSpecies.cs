using GbAtomistics.Core;

namespace GbAtomistics.IO.Vasp;

/// <summary>Element names from VASP pseudopotential labels (shared by the OUTCAR and vasprun.xml readers).</summary>
internal static class OutcarSpecies
{
    /// <summary>
    /// The element of a POTCAR name: <c>Ti_pv</c> → Ti, <c>Nb_sv</c> → Nb, <c>H1.25</c> and <c>H.75</c> → H.
    /// The part before the first '_', '.' or digit, as an element symbol when it is one, else as written.
    /// </summary>
    public static string ElementOf(string potcarName)
    {
        string name = potcarName.Trim();
        int end = 0;
        while (end < name.Length && name[end] != '_' && name[end] != '.' && !char.IsAsciiDigit(name[end]))
        {
            end++;
        }

        string stem = end > 0 ? name[..end] : name;
        return Elements.Normalize(stem) ?? stem;
    }

    /// <summary>
    /// The POTCAR name in the text after <c>POTCAR:</c> or <c>TITEL =</c>: the token after the functional label
    /// (<c>PAW_PBE Ti_pv 07Sep2000</c> → <c>Ti_pv</c>); a lone token is the name itself. Null when empty.
    /// </summary>
    public static string? NameInLabel(ReadOnlySpan<byte> text)
    {
        var tokens = new Tokens(text);
        if (!tokens.Next(out ReadOnlySpan<byte> first))
        {
            return null;
        }

        string a = System.Text.Encoding.ASCII.GetString(first);
        if (!tokens.Next(out ReadOnlySpan<byte> second))
        {
            return a;
        }

        bool isLabel = a.StartsWith("PAW", StringComparison.OrdinalIgnoreCase)
            || a.Equals("US", StringComparison.OrdinalIgnoreCase)
            || a.Equals("NC", StringComparison.OrdinalIgnoreCase);
        return isLabel ? System.Text.Encoding.ASCII.GetString(second) : a;
    }
}
