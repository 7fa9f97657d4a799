using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Conductivity;

/// <summary>Temperature (K) and the charge (e) of the mobile species for the Nernst–Einstein conductivity.</summary>
public sealed record ConductivityOptions
{
    public ConductivityOptions(double temperature, double? charge = null)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            throw new InputException($"--temperature {temperature}: expected a positive temperature in K");
        }

        if (charge is { } q && (q == 0 || !double.IsFinite(q)))
        {
            throw new InputException($"--charges: the mobile species needs a non-zero charge, found {q}");
        }

        Temperature = temperature;
        Charge = charge;
    }

    /// <summary>Temperature in K.</summary>
    public double Temperature { get; }

    /// <summary>Charge of the mobile species in e; null to take it from the MSD result (options or file).</summary>
    public double? Charge { get; }
}
