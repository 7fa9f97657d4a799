namespace GbAtomistics.Builders.Bicrystals;

/// <summary>What the builder does with atom pairs closer than the minimum distance across a boundary.</summary>
public enum OverlapMode
{
    /// <summary>
    /// Merge close pairs of the same species (the atom of the upper grain is removed); a close pair of different
    /// species is never merged and makes the build fail, as does a result that is no longer whole neutral formula units.
    /// </summary>
    Merge,

    /// <summary>
    /// Remove the upper-grain atom of every close pair (any species), then remove further upper-grain atoms of the
    /// missing species nearest to a boundary plane until the removed atoms make whole formula units, so the result
    /// keeps its stoichiometry and charge.
    /// </summary>
    FormulaUnits,

    /// <summary>Remove nothing; any close pair makes the build fail.</summary>
    Refuse,
}
