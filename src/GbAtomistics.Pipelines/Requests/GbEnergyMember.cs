namespace GbAtomistics.Pipelines.Requests;

/// <summary>
/// The boundary energy of one member: γ = (E − N·e_bulk)/(2A), A = Lx·Ly after relaxation. Lengths in Å, areas in Å²,
/// energies in eV, γ in eV/Å² (<see cref="GammaJPerM2"/> in J/m²). Values are NaN when the relaxation failed.
/// </summary>
/// <param name="Name">Member name (base name of its files).</param>
/// <param name="Translation">In-plane translation of the upper grain as fractions of the CSL periods, or null.</param>
/// <param name="Termination">Termination as build.json gives it, or null.</param>
/// <param name="Atoms">Number of atoms N.</param>
/// <param name="Area">Boundary area A = Lx·Ly after relaxation (Å²).</param>
/// <param name="LzBefore">Box length along the normal after scaling to a0, before relaxation (Å).</param>
/// <param name="LzAfter">Box length along the normal after relaxation (Å).</param>
/// <param name="Energy">Relaxed potential energy E (eV).</param>
/// <param name="Gamma">Boundary energy γ (eV/Å²).</param>
/// <param name="MaxDisplacement">Largest displacement of an atom from the scaled structure (Å).</param>
/// <param name="Error">Why the relaxation failed (the last LAMMPS ERROR line), or null.</param>
public sealed record GbEnergyMember(
    string Name,
    double[]? Translation,
    string? Termination,
    int Atoms,
    double Area,
    double LzBefore,
    double LzAfter,
    double Energy,
    double Gamma,
    double MaxDisplacement,
    string? Error)
{
    /// <summary>1 eV/Å² in J/m².</summary>
    public const double JPerM2PerEvPerA2 = 16.0217663;

    /// <summary>Residual normal stress Pzz after the last cycle (bar; LAMMPS sign, positive = compressive), NaN when failed.</summary>
    public double Pzz { get; init; } = double.NaN;

    /// <summary>Relaxation cycles (box free along z, then fixed) the member needed.</summary>
    public int Cycles { get; init; }

    /// <summary>True when the relaxation finished.</summary>
    public bool Succeeded => Error is null;

    /// <summary>γ in J/m².</summary>
    public double GammaJPerM2 => Gamma * JPerM2PerEvPerA2;

    /// <summary><c>ok</c>, or <c>failed</c>.</summary>
    public string Status => Succeeded ? "ok" : "failed";
}
