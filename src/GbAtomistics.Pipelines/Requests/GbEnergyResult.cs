using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>What <see cref="GbEnergyStep.Run"/> computed and wrote.</summary>
/// <param name="Bulk">The relaxed bulk reference.</param>
/// <param name="Members">Members ranked by γ, lowest first; failed ones last.</param>
/// <param name="Skipped">Members of build.json that were not built, with the builder's reason.</param>
/// <param name="LammpsVersion">LAMMPS version from its log.</param>
/// <param name="Summary">The JSON summary (also written as gb-energy.json).</param>
public sealed record GbEnergyResult(GbEnergyBulk Bulk, IReadOnlyList<GbEnergyMember> Members, IReadOnlyList<BuildFolderMember> Skipped, string? LammpsVersion, object Summary);
