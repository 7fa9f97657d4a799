using GbAtomistics.Analysis.Roles;
using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>
/// Roles for a comparison: one role map for every system, or one per system in input order, and the bond-valence
/// parameters (published values plus those given with <c>--bv-r0</c>).
/// </summary>
public sealed record RoleRequest(IReadOnlyList<RoleMap> Maps, BondValenceParameters Parameters)
{
    /// <summary>
    /// Roles as text: <paramref name="maps"/> once for every input or once per input (<c>Na=cation,P=centre,O=anion</c>),
    /// and bond-valence R0 by pair beside the published table (<c>Li-S=1.94</c>), or null.
    /// </summary>
    public static RoleRequest Parse(IReadOnlyList<string> maps, string? r0, int inputs)
    {
        if (maps.Count != 1 && maps.Count != inputs)
        {
            throw new InputException($"--roles given {maps.Count} times for {inputs} inputs; expected once, or once per input");
        }

        return new RoleRequest(maps.Select(RoleMap.Parse).ToArray(), BondValenceParameters.Parse(r0));
    }

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
