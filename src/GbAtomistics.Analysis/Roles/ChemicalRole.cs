namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// The chemical role of a species in an ionic conductor, used to align systems with different elements: the mobile or
/// framework <see cref="Cation"/> (Li, Na), the <see cref="Anion"/> (O, S, Cl), and the <see cref="Centre"/> of a
/// polyanion (P in PO4 or PS4, Si, B). Written <c>cation</c>, <c>anion</c>, <c>centre</c> (<c>center</c> is accepted).
/// </summary>
public enum ChemicalRole
{
    Cation,
    Anion,
    Centre,
}
