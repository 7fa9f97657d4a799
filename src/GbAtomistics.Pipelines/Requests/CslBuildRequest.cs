using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>
/// Everything <c>gbat build csl</c> (or a pipeline step) asks for: the crystal (a built-in name or a unit-cell
/// file), the boundary and its size, the translation grid and the outputs. Lengths in Å, angles in degrees.
/// </summary>
public sealed record CslBuildRequest
{
    /// <summary>A built-in structure name (fcc, bcc, rock-salt, antifluorite, perovskite, antiperovskite) or a POSCAR / LAMMPS data file with a cubic, tetragonal, orthorhombic or hexagonal cell.</summary>
    public required string Structure { get; init; }

    public required Int3 Axis { get; init; }

    public double? LatticeConstant { get; init; }

    public IReadOnlyList<string>? Species { get; init; }

    public IReadOnlyDictionary<string, double>? Charges { get; init; }

    /// <summary>Format of a unit-cell file when detection is not enough.</summary>
    public string? Format { get; init; }

    /// <summary>Type names for a unit-cell file without them (<c>1=Li,2=O</c>).</summary>
    public SpeciesMap? TypeMap { get; init; }

    public int? Sigma { get; init; }

    public double? AngleDegrees { get; init; }

    public Int3? Plane { get; init; }

    public int RepeatAxis { get; init; } = 1;

    public int RepeatPlane { get; init; } = 1;

    public double Thickness { get; init; } = 20;

    public int? Termination { get; init; }

    /// <summary>
    /// Grid of in-plane translations of the upper grain (NX × NY steps over one CSL period along x and y) whose ranked
    /// family is written; null for the default, the automatic search that writes only the winner.
    /// </summary>
    public (int X, int Y)? Translations { get; init; }

    /// <summary>One fixed translation of the upper grain (fractions of the CSL periods), or null to search.</summary>
    public (double X, double Y)? Translation { get; init; }

    public double Expansion { get; init; }

    public double? Vacuum { get; init; }

    /// <summary>
    /// Largest |strain| of b (a fraction; <c>--max-strain</c> takes %) allowed to make the a–b lattice of a
    /// non-cubic cell exactly coincident (<see cref="UniqueAxisLattice"/>).
    /// </summary>
    public double MaxStrain { get; init; } = UniqueAxisLattice.DefaultMaxStrain;

    /// <summary>The per-pair distance criterion (<c>--min-ratio</c>).</summary>
    public DistanceCriterion Distances { get; init; } = new();

    /// <summary>Rigid units: <c>auto</c> (detected from the cell's bonding), <c>none</c>, or pairs such as <c>P:S</c>.</summary>
    public string Units { get; init; } = "auto";

    public OverlapMode Overlap { get; init; } = OverlapMode.FormulaUnits;

    /// <summary>A LAMMPS pair_style/pair_coeff fragment whose short-range terms rank the candidates, or null.</summary>
    public string? ScorePotential { get; init; }

    /// <summary>Base name of the output files (default from the formula, Σ and plane, e.g. <c>Li3OCl-S5-310</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Structure formats to write: <c>lammps</c> (NAME.data) and/or <c>poscar</c> (NAME.vasp).</summary>
    public IReadOnlyList<string> Formats { get; init; } = ["lammps", "poscar"];

    /// <summary>LAMMPS atom style: <c>charge</c> or <c>atomic</c>; null gives charge for an ionic crystal.</summary>
    public string? AtomStyle { get; init; }

    /// <summary>Write the preview PNG of each structure.</summary>
    public bool Preview { get; init; } = true;
}
