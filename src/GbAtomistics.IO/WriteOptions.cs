using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>Choices for writers. Every member is optional.</summary>
public sealed record WriteOptions
{
    public static readonly WriteOptions Default = new();

    /// <summary>Replace an existing file (never one of <see cref="Inputs"/>).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Files being read by this run; they are never written to.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>LAMMPS data atom style: <c>atomic</c> (default, or <c>charge</c> when the frame has charges) or <c>charge</c>.</summary>
    public string? AtomStyle { get; init; }

    /// <summary>POSCAR: write Cartesian instead of Direct coordinates.</summary>
    public bool Cartesian { get; init; }

    /// <summary>Names for the type numbers, overriding the frame's own.</summary>
    public SpeciesMap? TypeMap { get; init; }

    /// <summary>Free-text title or comment line.</summary>
    public string? Title { get; init; }
}
