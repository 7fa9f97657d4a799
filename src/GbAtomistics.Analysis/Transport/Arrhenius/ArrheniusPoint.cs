namespace GbAtomistics.Analysis.Transport.Arrhenius;

/// <summary>One run: temperature (K), the quantity (σ in S/cm, or D in Å²/ps) and its standard error, and a label.</summary>
public sealed record ArrheniusPoint(double Temperature, double Value, double Error, string? Label = null);
