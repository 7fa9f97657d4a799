namespace GbAtomistics.Analysis.Transport.Arrhenius;

/// <summary>What is fitted against 1/T.</summary>
public enum ArrheniusQuantity
{
    /// <summary>Conductivity: ln(σT) = ln A − E_a/(k_B T), A in S·K/cm.</summary>
    Conductivity,

    /// <summary>Diffusion coefficient: ln D = ln D₀ − E_a/(k_B T), D₀ in Å²/ps.</summary>
    Diffusion,
}
