namespace GbAtomistics.Analysis.Transport.Conductivity;

/// <summary>Exact SI constants (2019 SI) and the Boltzmann constant in eV/K.</summary>
public static class PhysicalConstants
{
    /// <summary>Elementary charge in C.</summary>
    public const double ElementaryCharge = 1.602176634e-19;

    /// <summary>Boltzmann constant in J/K.</summary>
    public const double Boltzmann = 1.380649e-23;

    /// <summary>Boltzmann constant in eV/K (k_B / e).</summary>
    public const double BoltzmannEv = Boltzmann / ElementaryCharge;

    /// <summary>
    /// σ in S/cm of N ions of charge q (e) with diffusion coefficient D (Å²/ps) in volume V (Å³) at T (K):
    /// σ = N q² e² D / (V k_B T), with 1 Å²/ps = 10⁻⁸ m²/s, 1 Å³ = 10⁻³⁰ m³ and 1 S/m = 10⁻² S/cm.
    /// </summary>
    public static double NernstEinstein(double ions, double charge, double diffusion, double volume, double temperature) =>
        ions * charge * charge * ElementaryCharge * ElementaryCharge * diffusion * 1e-8
        / (volume * 1e-30 * Boltzmann * temperature) * 1e-2;
}
