namespace GbAtomistics.Builders.Csl;

/// <summary>
/// The two settings of a rhombohedral (R-centred) lattice in its hexagonal cell: the centring translations, in
/// fractional hexagonal coordinates, are (2/3, 1/3, 1/3) and (1/3, 2/3, 2/3) for the obverse setting, (1/3, 2/3, 1/3)
/// and (2/3, 1/3, 2/3) for the reverse one.
/// </summary>
public enum RhombohedralSetting
{
    /// <summary>Centring (2/3, 1/3, 1/3), (1/3, 2/3, 2/3): the standard setting of the International Tables.</summary>
    Obverse,

    /// <summary>Centring (1/3, 2/3, 1/3), (2/3, 1/3, 2/3): the obverse lattice turned by 60° about c.</summary>
    Reverse,
}
