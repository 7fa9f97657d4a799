using System.Globalization;

namespace GbAtomistics.Core;

/// <summary>
/// Factors that convert a LAMMPS unit style to <c>metal</c> (Å, ps, eV, Å/ps, eV/Å, e), from the LAMMPS
/// <c>units</c> documentation and CODATA 2018 constants. Multiply a value in the style by the factor.
/// </summary>
public sealed record UnitConversion(double Length, double Time, double Energy, double Velocity, double Force, double Charge)
{
    /// <summary>1 eV in J (exact, SI 2019).</summary>
    public const double ElectronVolt = 1.602176634e-19;

    /// <summary>Boltzmann constant in eV/K (exact, SI 2019).</summary>
    public const double BoltzmannEv = 8.617333262e-5;

    private const double KcalPerMol = 4184.0 / 96485.33212331; // eV
    private const double Bohr = 0.529177210903; // Å
    private const double Hartree = 27.211386245988; // eV

    public static readonly UnitConversion Identity = new(1, 1, 1, 1, 1, 1);

    public static UnitConversion For(UnitStyle style) => style switch
    {
        UnitStyle.Metal or UnitStyle.Lj => Identity,
        UnitStyle.Real => new(1, 1e-3, KcalPerMol, 1e3, KcalPerMol, 1),
        UnitStyle.Si => new(1e10, 1e12, 1 / ElectronVolt, 1e-2, 1e-10 / ElectronVolt, 1 / ElectronVolt),
        UnitStyle.Cgs => new(1e8, 1e12, 1e-7 / ElectronVolt, 1e-4, 1e-15 / ElectronVolt, 3.335640952e-10 / ElectronVolt),
        // LAMMPS electron units: velocity in Bohr per atomic time unit of 1.03275e-15 s (LAMMPS docs).
        UnitStyle.Electron => new(Bohr, 1e-3, Hartree, Bohr / 1.03275e-3, Hartree / Bohr, 1),
        UnitStyle.Micro => new(1e4, 1e6, 1e-15 / ElectronVolt, 1e-2, 1e-19 / ElectronVolt, 1e-12 / ElectronVolt),
        UnitStyle.Nano => new(10, 1e3, 1e-21 / ElectronVolt, 1e-2, 1e-22 / ElectronVolt, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(style)),
    };

    /// <summary>Parses a LAMMPS units keyword (<c>metal</c>, <c>real</c>, …).</summary>
    public static UnitStyle ParseStyle(string text) => text.Trim().ToLowerInvariant() switch
    {
        "metal" => UnitStyle.Metal,
        "real" => UnitStyle.Real,
        "si" => UnitStyle.Si,
        "cgs" => UnitStyle.Cgs,
        "electron" => UnitStyle.Electron,
        "micro" => UnitStyle.Micro,
        "nano" => UnitStyle.Nano,
        "lj" => UnitStyle.Lj,
        _ => throw new InputException($"units '{text}': expected one of metal, real, si, cgs, electron, micro, nano, lj"),
    };

    /// <summary>
    /// Parses a time with its unit into ps: <c>2fs</c>, <c>0.001ps</c>, <c>1 fs</c>, <c>5e-4 ns</c>. A bare
    /// number is refused, because a timestep without a unit is the commonest silent factor-of-1000 error.
    /// </summary>
    public static double ParseTimePs(string text)
    {
        string t = text.Trim();
        int split = t.Length;
        while (split > 0 && char.IsLetter(t[split - 1]))
        {
            split--;
        }

        string number = t[..split].Trim();
        string unit = t[split..].ToLowerInvariant();
        double factor = unit switch
        {
            "fs" => 1e-3,
            "ps" => 1,
            "ns" => 1e3,
            "as" => 1e-6,
            "s" => 1e12,
            "" => throw new InputException($"time '{text}': expected a unit (fs, ps, ns), for example 2fs"),
            _ => throw new InputException($"time '{text}': expected a unit fs, ps or ns, found '{unit}'"),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value) || value <= 0)
        {
            throw new InputException($"time '{text}': expected a positive number before the unit, found '{number}'");
        }

        return value * factor;
    }
}
