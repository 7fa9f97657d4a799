namespace GbAtomistics.Builders.Bicrystals;

/// <summary>What the builder does with pairs of atoms from the two grains that the distance criterion rejects.</summary>
public enum OverlapMode
{
    /// <summary>
    /// Remove the upper grain's unit of every such pair, then further upper-grain units of the kinds still short,
    /// nearest to a boundary plane first, until the removed units make whole formula units, so the result keeps its
    /// stoichiometry and charge.
    /// </summary>
    FormulaUnits,

    /// <summary>Remove nothing; any such pair makes the candidate fail.</summary>
    Refuse,
}
