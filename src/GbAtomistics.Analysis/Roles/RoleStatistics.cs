using GbAtomistics.Analysis.Coordination;

namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// The coordination polyhedron and bond-valence sum of the atoms of one species in one region (<c>all</c>, <c>gb</c>,
/// <c>bulk</c>), pooled over (atom, frame) samples. Neighbours are the counter-ions: anions for a cation or centre;
/// cations and centres for an anion; a neighbour is bonded when closer than the cut-off of its pair.
/// </summary>
/// <param name="Species">The central species.</param>
/// <param name="Role">Its role.</param>
/// <param name="Neighbours">The neighbour species counted.</param>
/// <param name="Region">all, gb or bulk.</param>
/// <param name="Coordination">Distribution of CN (atoms) over samples.</param>
/// <param name="CnError">Standard error of the mean CN from the spread over blocks of frames; null with one block.</param>
/// <param name="MeanBondLength">Mean over samples of the atom's mean distance to its bonded neighbours (Å); atoms without bond are left out.</param>
/// <param name="BondLengthSpread">Standard deviation of that per-atom mean over samples (Å).</param>
/// <param name="MeanBvs">Mean bond-valence sum V_i = Σ_j exp((R0 − r_ij)/b) in valence units, negative for anions (an atom without bonds has V = 0).</param>
/// <param name="BvsSpread">Standard deviation of V_i over samples (v.u.).</param>
/// <param name="BvsError">Standard error of the mean V from the spread over blocks of frames (v.u.); null with one block.</param>
/// <param name="FormalValence">The formal valence (oxidation state) of the species, or null when unknown.</param>
/// <param name="OverCoordination">For <c>gb</c>: mean CN(gb)/mean CN(bulk) − 1; null otherwise.</param>
/// <param name="OverCoordinationError">Its standard error from the spread over blocks of frames; null with one block.</param>
/// <param name="BvsIndex">For <c>gb</c>: mean V(gb)/mean V(bulk) − 1; null otherwise.</param>
/// <param name="BvsIndexError">Its standard error from the spread over blocks of frames; null with one block.</param>
/// <param name="Blocks">Number of contiguous blocks of frames the errors come from.</param>
public sealed record RoleStatistics(
    string Species,
    ChemicalRole Role,
    IReadOnlyList<string> Neighbours,
    string Region,
    CoordinationDistribution Coordination,
    double? CnError,
    double MeanBondLength,
    double BondLengthSpread,
    double MeanBvs,
    double BvsSpread,
    double? BvsError,
    int? FormalValence,
    double? OverCoordination,
    double? OverCoordinationError,
    double? BvsIndex,
    double? BvsIndexError,
    int Blocks)
{
    /// <summary>The role pair, e.g. <c>cation-anion</c> (an anion's neighbours are cations and centres: <c>anion-cation</c>).</summary>
    public string RolePair => Role == ChemicalRole.Anion ? "anion-cation" : $"{RoleMap.Name(Role)}-anion";

    /// <summary>The real pair, e.g. <c>Na-O</c>, or <c>Li-S+Cl</c> with several neighbour species.</summary>
    public string Pair => $"{Species}-{string.Join("+", Neighbours)}";

    /// <summary>Mean V minus the formal valence (v.u.); null when the valence is unknown or no atom has a bond.</summary>
    public double? BvsDeviation => FormalValence is { } v && double.IsFinite(MeanBvs) ? MeanBvs - v : null;
}
