namespace GbAtomistics.Builders.Csl;

/// <summary>The lattice systems for which Σ tables can be enumerated (monoclinic and triclinic are not supported).</summary>
public enum LatticeSystem
{
    /// <summary>a = b = c, α = β = γ = 90°.</summary>
    Cubic,

    /// <summary>a = b ≠ c, α = β = γ = 90°; the 4-fold axis is c.</summary>
    Tetragonal,

    /// <summary>a, b, c different, α = β = γ = 90°.</summary>
    Orthorhombic,

    /// <summary>a = b, α = β = 90°, γ = 120°; the 6-fold axis is c.</summary>
    Hexagonal,

    /// <summary>Primitive rhombohedral cell: a = b = c, α = β = γ ≠ 90°; the 3-fold axis is [111].</summary>
    Rhombohedral,
}
