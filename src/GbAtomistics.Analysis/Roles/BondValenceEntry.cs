namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// One bond-valence parameter: the bond valence of a <paramref name="Cation"/>–<paramref name="Anion"/> bond of length
/// r (Å) is s = exp((R0 − r)/b) with <paramref name="R0"/> in Å and b = <see cref="BondValenceParameters.B"/>.
/// Valences are the formal oxidation states the parameter was fitted for (null for a value given by the user about an
/// element the published table does not hold); <paramref name="Source"/> cites where the value comes from.
/// </summary>
public sealed record BondValenceEntry(string Cation, int? CationValence, string Anion, int? AnionValence, double R0, string Source);
