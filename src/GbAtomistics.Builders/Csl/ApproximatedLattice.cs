namespace GbAtomistics.Builders.Csl;

/// <summary>
/// A lattice for Σ enumeration and, when it came from measured values, how far it is from them.
/// </summary>
/// <param name="Lattice">The rational lattice the table is enumerated for.</param>
/// <param name="Strains">One entry per parameter changed by the rational approximation (empty when the ratio was given exactly).</param>
/// <param name="Source">Where the lattice came from: <c>exact ratio</c>, <c>measured ratio</c> or the structure file's path.</param>
/// <param name="RelativeTolerance">The largest allowed |strain| as a fraction (0.01 = 1%), when approximated.</param>
public sealed record ApproximatedLattice(CslLattice Lattice, IReadOnlyList<ParameterStrain> Strains, string Source, double? RelativeTolerance)
{
    /// <summary>True when a measured value was approximated.</summary>
    public bool IsApproximated => Strains.Count > 0;
}
