namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// Where the boundary cuts the stacking of atomic layers along the boundary normal of the lower grain: through a
/// layer (the boundary plane contains it and the layer is shared by the grains) or midway between two layers.
/// </summary>
/// <param name="Index">Index in <see cref="CslBicrystal.Terminations"/> (the value of <c>--termination</c>).</param>
/// <param name="Through">True for a cut through a layer, false for a cut between two layers.</param>
/// <param name="Height">Height of the cut within one period of the stacking (Å, lab z of the lower grain before it is shifted).</param>
/// <param name="Description">For example <c>through Li3Cl</c> or <c>between O and Li3Cl</c> (layer compositions in one period column).</param>
public sealed record Termination(int Index, bool Through, double Height, string Description);
