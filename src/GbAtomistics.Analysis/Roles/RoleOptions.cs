using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// Options of the role analysis (<see cref="RoleAnalyzer"/>): the roles of the species, the bond cut-off (Å) of each
/// cation–anion and centre–anion species pair (cation or centre first; usually the first minimum of g(r), the same
/// cut-off as the coordination analysis), the bond-valence parameters and the grain-boundary slabs (null: whole cell).
/// </summary>
public sealed record RoleOptions
{
    public RoleOptions(RoleMap roles, IReadOnlyList<(SpeciesPair Pair, double Cutoff)> bondCutoffs, BondValenceParameters? parameters = null, SlabRegion? region = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(bondCutoffs);
        foreach (var (pair, cutoff) in bondCutoffs)
        {
            if (!(cutoff > 0) || !double.IsFinite(cutoff))
            {
                throw new InputException($"bond cut-off {pair}={cutoff}: expected a positive distance in Å");
            }
        }

        Roles = roles;
        BondCutoffs = bondCutoffs.ToArray();
        Parameters = parameters ?? BondValenceParameters.Default;
        Region = region;
    }

    public RoleMap Roles { get; }

    /// <summary>Cut-off (Å) of each bonded pair, written with the cation or centre first.</summary>
    public IReadOnlyList<(SpeciesPair Pair, double Cutoff)> BondCutoffs { get; }

    public BondValenceParameters Parameters { get; }

    public SlabRegion? Region { get; }

    /// <summary>The largest number of contiguous blocks of frames the standard errors are estimated from.</summary>
    public const int MaxBlocks = 10;

    /// <summary>The cut-off of the bond between <paramref name="cation"/> and <paramref name="anion"/>, or null.</summary>
    public double? CutoffOf(string cation, string anion)
    {
        foreach (var (pair, cutoff) in BondCutoffs)
        {
            if ((Same(pair.Central, cation) && Same(pair.Neighbour, anion)) || (Same(pair.Central, anion) && Same(pair.Neighbour, cation)))
            {
                return cutoff;
            }
        }

        return null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
