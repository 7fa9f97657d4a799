using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>
/// What <see cref="GbEnergyStep"/> computes: the boundary energies of the members of a <c>gbat build csl</c> folder with
/// one LAMMPS potential, given either as an input fragment (<see cref="PotentialFile"/>) or as its lines.
/// </summary>
public sealed record GbEnergyRequest
{
    /// <summary>The output folder of <c>gbat build csl</c> (holds build.json).</summary>
    public required string BuildDirectory { get; init; }

    /// <summary>A LAMMPS input fragment (pair_style, pair_coeff, kspace_style lines) that is <c>include</c>d; or null.</summary>
    public string? PotentialFile { get; init; }

    /// <summary>The <c>pair_style</c> arguments, e.g. <c>eam/alloy</c>, instead of <see cref="PotentialFile"/>.</summary>
    public string? PairStyle { get; init; }

    /// <summary>The <c>pair_coeff</c> arguments, one entry per line, e.g. <c>* * Cu_mishin1.eam.alloy Cu</c>.</summary>
    public IReadOnlyList<string> PairCoeffs { get; init; } = [];

    /// <summary>The <c>kspace_style</c> arguments, e.g. <c>ewald 1e-6</c>, or null.</summary>
    public string? Kspace { get; init; }

    /// <summary>Path of the LAMMPS executable, or null to use GBAT_LMP or <c>lmp</c> on the PATH.</summary>
    public string? Lmp { get; init; }

    /// <summary>Members relaxed at the same time (one single-threaded lmp process each).</summary>
    public int Threads { get; init; } = 1;
}
