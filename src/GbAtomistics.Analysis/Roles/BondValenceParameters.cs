using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// Bond-valence parameters R0 (Å) for s = exp((R0 − r)/b), b = 0.37 Å, and the formal valences they belong to: the
/// published values of the pairs solid electrolytes need, each with its source, plus values given with
/// <c>--bv-r0 A-B=R0</c>, which take precedence. A pair that is in neither is refused by <see cref="Require"/> with a
/// message naming <c>--bv-r0</c>; no value is estimated.
/// </summary>
/// <remarks>
/// Sources: "Brown &amp; Altermatt 1985" is I. D. Brown and D. Altermatt, Acta Cryst. B41, 244–247 (1985), fitted to
/// oxide and fluoride structures; "Brese &amp; O'Keeffe 1991" is N. E. Brese and M. O'Keeffe, Acta Cryst. B47, 192–197
/// (1991), which extends the set to sulphides, halides and nitrides. Values as listed for these references in I. D.
/// Brown's accumulated table of bond valence parameters (IUCr); where both give a value, the one that table lists
/// first is used.
/// </remarks>
public sealed class BondValenceParameters
{
    /// <summary>The universal softness parameter b = 0.37 Å of both sources.</summary>
    public const double B = 0.37;

    private const string BA = "Brown & Altermatt 1985";
    private const string BO = "Brese & O'Keeffe 1991";

    /// <summary>The published values: cation, its valence, anion, its valence, R0 (Å), source.</summary>
    public static IReadOnlyList<BondValenceEntry> Published { get; } =
    [
        // Lithium(I)
        new("Li", 1, "O", -2, 1.466, BA),
        new("Li", 1, "S", -2, 1.94, BO),
        new("Li", 1, "Se", -2, 2.09, BO),
        new("Li", 1, "F", -1, 1.360, BA),
        new("Li", 1, "Cl", -1, 1.91, BO),
        new("Li", 1, "Br", -1, 2.02, BO),
        new("Li", 1, "I", -1, 2.22, BO),
        new("Li", 1, "N", -3, 1.61, BO),

        // Sodium(I)
        new("Na", 1, "O", -2, 1.803, BA),
        new("Na", 1, "S", -2, 2.300, BA),
        new("Na", 1, "Se", -2, 2.41, BO),
        new("Na", 1, "F", -1, 1.677, BA),
        new("Na", 1, "Cl", -1, 2.15, BO),
        new("Na", 1, "Br", -1, 2.33, BO),
        new("Na", 1, "I", -1, 2.56, BO),
        new("Na", 1, "N", -3, 1.93, BO),

        // Potassium(I)
        new("K", 1, "O", -2, 2.132, BA),
        new("K", 1, "S", -2, 2.59, BO),
        new("K", 1, "F", -1, 1.992, BA),
        new("K", 1, "Cl", -1, 2.519, BA),
        new("K", 1, "Br", -1, 2.66, BO),
        new("K", 1, "I", -1, 2.88, BO),

        // Magnesium(II), calcium(II), zinc(II)
        new("Mg", 2, "O", -2, 1.693, BA),
        new("Mg", 2, "S", -2, 2.18, BO),
        new("Mg", 2, "F", -1, 1.578, BA),
        new("Mg", 2, "Cl", -1, 2.08, BO),
        new("Ca", 2, "O", -2, 1.967, BA),
        new("Ca", 2, "S", -2, 2.45, BO),
        new("Ca", 2, "F", -1, 1.842, BA),
        new("Ca", 2, "Cl", -1, 2.37, BO),
        new("Zn", 2, "O", -2, 1.704, BA),
        new("Zn", 2, "S", -2, 2.09, BO),

        // Trivalent framework cations
        new("B", 3, "O", -2, 1.371, BA),
        new("B", 3, "S", -2, 1.82, BO),
        new("Al", 3, "F", -1, 1.545, BA),
        new("Al", 3, "Cl", -1, 2.032, BA),
        new("Al", 3, "S", -2, 2.13, BO),
        new("Ga", 3, "O", -2, 1.730, BA),
        new("Ga", 3, "S", -2, 2.163, BA),
        new("Sc", 3, "O", -2, 1.849, BA),
        new("Y", 3, "O", -2, 2.019, BA),
        new("Y", 3, "Cl", -1, 2.40, BO),
        new("La", 3, "O", -2, 2.172, BA),
        new("La", 3, "S", -2, 2.643, BA),
        new("La", 3, "Cl", -1, 2.545, BO),

        // Tetravalent framework cations
        new("Si", 4, "O", -2, 1.624, BO),
        new("Si", 4, "S", -2, 2.126, BA),
        new("Ge", 4, "O", -2, 1.748, BA),
        new("Ge", 4, "S", -2, 2.217, BA),
        new("Sn", 4, "O", -2, 1.905, BA),
        new("Sn", 4, "S", -2, 2.399, BA),
        new("Sn", 4, "Cl", -1, 2.276, BA),
        new("Ti", 4, "O", -2, 1.815, BA),
        new("Zr", 4, "O", -2, 1.928, BA),
        new("Zr", 4, "S", -2, 2.41, BO),
        new("Zr", 4, "Cl", -1, 2.33, BO),

        // Pentavalent centres of polyanions and framework cations
        new("P", 5, "O", -2, 1.617, BA),
        new("P", 5, "S", -2, 2.145, BA),
        new("P", 5, "N", -3, 1.704, BA),
        new("Nb", 5, "O", -2, 1.911, BA),
        new("Ta", 5, "O", -2, 1.920, BA),
    ];

    private readonly List<BondValenceEntry> _given;

    private BondValenceParameters(List<BondValenceEntry> given)
    {
        _given = given;
    }

    /// <summary>The published values only.</summary>
    public static BondValenceParameters Default { get; } = new([]);

    /// <summary>Values given by the user, which take precedence over the published ones.</summary>
    public IReadOnlyList<BondValenceEntry> Given => _given;

    /// <summary>
    /// The published values plus those of <c>--bv-r0 A-B=R0,...</c> (cation first, R0 in Å; null or empty for none).
    /// </summary>
    public static BondValenceParameters Parse(string? text)
    {
        var given = new List<BondValenceEntry>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = item.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new InputException($"--bv-r0 {text}: expected CATION-ANION=R0 items such as Li-Se=2.09, found '{item}'");
            }

            SpeciesPair pair = SpeciesPair.ParseList(parts[0])[0];
            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double r0) || !(r0 > 0) || !(r0 < 10))
            {
                throw new InputException($"--bv-r0 {text}: expected R0 in Å between 0 and 10 for {pair}, found '{parts[1]}'");
            }

            if (given.Any(g => Same(g.Cation, pair.Central) && Same(g.Anion, pair.Neighbour)))
            {
                throw new InputException($"--bv-r0 {text}: pair {pair} is given twice");
            }

            given.Add(new BondValenceEntry(
                pair.Central, ValenceOf(Published, pair.Central), pair.Neighbour, ValenceOf(Published, pair.Neighbour), r0, "given (--bv-r0)"));
        }

        return new BondValenceParameters(given);
    }

    /// <summary>The parameter of the bond between <paramref name="cation"/> and <paramref name="anion"/>, or null.</summary>
    public BondValenceEntry? Find(string cation, string anion) =>
        _given.FirstOrDefault(e => Same(e.Cation, cation) && Same(e.Anion, anion)) ??
        Published.FirstOrDefault(e => Same(e.Cation, cation) && Same(e.Anion, anion));

    /// <summary>The parameter of the bond, or an error that says how to give it.</summary>
    public BondValenceEntry Require(string cation, string anion) => Find(cation, anion) ?? throw new InputException(
        $"no published bond-valence R0 for {cation}-{anion} in the built-in table; give it with --bv-r0 {cation}-{anion}=R0 " +
        $"(Å, for b = {B.ToString(CultureInfo.InvariantCulture)} Å)");

    /// <summary>
    /// The formal valence (signed oxidation state) of <paramref name="element"/> that the published parameters belong
    /// to, or null for an element they do not cover.
    /// </summary>
    public static int? FormalValence(string element) => ValenceOf(Published, element);

    private static int? ValenceOf(IEnumerable<BondValenceEntry> entries, string element)
    {
        foreach (BondValenceEntry e in entries)
        {
            if (Same(e.Cation, element))
            {
                return e.CationValence;
            }

            if (Same(e.Anion, element))
            {
                return e.AnionValence;
            }
        }

        return null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
