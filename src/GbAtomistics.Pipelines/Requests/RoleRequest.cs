using GbAtomistics.Analysis.Roles;
using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>
/// Roles for a comparison: one role map for every system, or one per system in input order, and the bond-valence
/// parameters (published values plus those given with <c>--bv-r0</c>).
/// </summary>
public sealed record RoleRequest(IReadOnlyList<RoleMap> Maps, BondValenceParameters Parameters)
{
    /// <summary>The role map of system <paramref name="index"/> of <paramref name="count"/>.</summary>
    public RoleMap For(int index, int count)
    {
        if (Maps.Count != 1 && Maps.Count != count)
        {
            throw new InputException($"--roles given {Maps.Count} times for {count} inputs; expected once, or once per input");
        }

        return Maps[Maps.Count == 1 ? 0 : index];
    }
}
