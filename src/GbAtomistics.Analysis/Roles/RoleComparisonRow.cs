namespace GbAtomistics.Analysis.Roles;

/// <summary>One line of a <see cref="RoleComparisonTable"/>: a system and the statistics of one species and region.</summary>
public sealed record RoleComparisonRow(string System, RoleStatistics Statistics);
