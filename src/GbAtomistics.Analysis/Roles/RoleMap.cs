using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// The chemical role of each species of one system, written <c>Na=cation,P=centre,O=anion</c>. Pairs of species become
/// role pairs (<c>cation-anion</c>), so that Na–O in Na3PO4 and Na–S in Na3PS4 are compared with each other. Species
/// are matched without regard to case; several species may share a role (O and Cl both anions in Li3OCl).
/// </summary>
public sealed class RoleMap
{
    private readonly List<(string Species, ChemicalRole Role)> _roles;

    private RoleMap(List<(string, ChemicalRole)> roles)
    {
        _roles = roles;
    }

    /// <summary>Species and their roles in the order written.</summary>
    public IReadOnlyList<(string Species, ChemicalRole Role)> Roles => _roles;

    /// <summary>Parses <c>Na=cation,P=centre,O=anion</c>; at least one cation and one anion are required.</summary>
    public static RoleMap Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var roles = new List<(string, ChemicalRole)>();
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = item.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new InputException($"--roles {text}: expected SPECIES=ROLE items such as Na=cation, found '{item}'");
            }

            ChemicalRole role = ParseRole(parts[1]) ?? throw new InputException(
                $"--roles {text}: unknown role '{parts[1]}' for {parts[0]}; expected cation, anion or centre");
            if (roles.Any(r => string.Equals(r.Item1, parts[0], StringComparison.OrdinalIgnoreCase)))
            {
                throw new InputException($"--roles {text}: species {parts[0]} is given twice");
            }

            roles.Add((parts[0], role));
        }

        if (!roles.Any(r => r.Item2 == ChemicalRole.Cation) || !roles.Any(r => r.Item2 == ChemicalRole.Anion))
        {
            throw new InputException($"--roles {text}: expected at least one cation and one anion, e.g. Na=cation,P=centre,O=anion");
        }

        return new RoleMap(roles);
    }

    /// <summary>The role named <paramref name="text"/> (cation, anion, centre or center), or null.</summary>
    public static ChemicalRole? ParseRole(string text) => text.Trim().ToLowerInvariant() switch
    {
        "cation" => ChemicalRole.Cation,
        "anion" => ChemicalRole.Anion,
        "centre" or "center" => ChemicalRole.Centre,
        _ => null,
    };

    /// <summary>The keyword of a role: <c>cation</c>, <c>anion</c> or <c>centre</c>.</summary>
    public static string Name(ChemicalRole role) => role switch
    {
        ChemicalRole.Cation => "cation",
        ChemicalRole.Anion => "anion",
        _ => "centre",
    };

    /// <summary>The role of <paramref name="species"/>, or null when the map does not name it.</summary>
    public ChemicalRole? RoleOf(string species)
    {
        foreach (var (s, role) in _roles)
        {
            if (string.Equals(s, species, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>The species with role <paramref name="role"/>, in the order written.</summary>
    public IReadOnlyList<string> SpeciesWith(ChemicalRole role) => _roles.Where(r => r.Role == role).Select(r => r.Species).ToArray();

    /// <summary>The role pair of a species pair, e.g. <c>cation-anion</c> for Na-O; null when a species has no role.</summary>
    public string? RolePairOf(SpeciesPair pair) =>
        RoleOf(pair.Central) is { } a && RoleOf(pair.Neighbour) is { } b ? $"{Name(a)}-{Name(b)}" : null;

    /// <summary>
    /// The species pairs meant by <paramref name="pair"/>: a role pair such as <c>cation-anion</c> becomes every pair of
    /// species with those roles (different species only); a species pair is returned as it is.
    /// </summary>
    public IReadOnlyList<SpeciesPair> Expand(SpeciesPair pair)
    {
        if (ParseRole(pair.Central) is not { } a || ParseRole(pair.Neighbour) is not { } b)
        {
            return [pair];
        }

        return SpeciesWith(a).SelectMany(x => SpeciesWith(b).Where(y => !string.Equals(x, y, StringComparison.OrdinalIgnoreCase)).Select(y => new SpeciesPair(x, y))).ToArray();
    }

    /// <summary>
    /// The default pairs of a role comparison: cation–anion, centre–anion and anion–cation, each for every species with
    /// those roles.
    /// </summary>
    public IReadOnlyList<SpeciesPair> DefaultPairs() =>
        ((string[])["cation-anion", "centre-anion", "anion-cation"]).SelectMany(p => Expand(SpeciesPair.ParseList(p)[0])).ToArray();

    /// <summary>The pairs whose bonds enter the bond-valence sums: each cation and centre with each anion.</summary>
    public IReadOnlyList<SpeciesPair> BondPairs() =>
        _roles.Where(r => r.Role != ChemicalRole.Anion)
            .SelectMany(c => SpeciesWith(ChemicalRole.Anion).Select(a => new SpeciesPair(c.Species, a))).ToArray();

    public override string ToString() => string.Join(",", _roles.Select(r => $"{r.Species}={Name(r.Role)}"));
}
