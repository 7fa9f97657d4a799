namespace GbAtomistics.Builders.Bicrystals;

/// <summary>How the upper grain is made from the lower one.</summary>
public enum GrainConstruction
{
    /// <summary>Mirror image across the boundary plane (the reference direction is a mirror normal of the crystal).</summary>
    Mirror,

    /// <summary>Two-fold rotation about the in-plane axis perpendicular to the tilt axis (y); not a mirror bicrystal.</summary>
    TwoFold,

    /// <summary>Built directly from its own orientation (no symmetry relates the grains).</summary>
    Rotation,
}
