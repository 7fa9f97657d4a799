using System.Collections.Frozen;

namespace GbAtomistics.Core;

/// <summary>
/// Chemical elements H–Cm with their standard atomic weights (g/mol; IUPAC 2021 abridged values, the mass
/// number of the longest-lived isotope for elements without a standard weight).
/// </summary>
public static class Elements
{
    private const string Table =
        "H 1.008 He 4.0026 Li 6.94 Be 9.0122 B 10.81 C 12.011 N 14.007 O 15.999 F 18.998 Ne 20.180 " +
        "Na 22.990 Mg 24.305 Al 26.982 Si 28.085 P 30.974 S 32.06 Cl 35.45 Ar 39.95 K 39.098 Ca 40.078 " +
        "Sc 44.956 Ti 47.867 V 50.942 Cr 51.996 Mn 54.938 Fe 55.845 Co 58.933 Ni 58.693 Cu 63.546 Zn 65.38 " +
        "Ga 69.723 Ge 72.630 As 74.922 Se 78.971 Br 79.904 Kr 83.798 Rb 85.468 Sr 87.62 Y 88.906 Zr 91.224 " +
        "Nb 92.906 Mo 95.95 Tc 98 Ru 101.07 Rh 102.91 Pd 106.42 Ag 107.87 Cd 112.41 In 114.82 Sn 118.71 " +
        "Sb 121.76 Te 127.60 I 126.90 Xe 131.29 Cs 132.91 Ba 137.33 La 138.91 Ce 140.12 Pr 140.91 Nd 144.24 " +
        "Pm 145 Sm 150.36 Eu 151.96 Gd 157.25 Tb 158.93 Dy 162.50 Ho 164.93 Er 167.26 Tm 168.93 Yb 173.05 " +
        "Lu 174.97 Hf 178.49 Ta 180.95 W 183.84 Re 186.21 Os 190.23 Ir 192.22 Pt 195.08 Au 196.97 Hg 200.59 " +
        "Tl 204.38 Pb 207.2 Bi 208.98 Po 209 At 210 Rn 222 Fr 223 Ra 226 Ac 227 Th 232.04 Pa 231.04 U 238.03 " +
        "Np 237 Pu 244 Am 243 Cm 247";

    private static readonly (string Symbol, double Mass)[] All = Parse();

    private static readonly FrozenDictionary<string, int> Index =
        All.Select((e, i) => (e.Symbol, i)).ToFrozenDictionary(p => p.Symbol, p => p.i, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="symbol"/> is an element symbol (case-insensitive).</summary>
    public static bool IsElement(string symbol) => Index.ContainsKey(symbol);

    /// <summary>The symbol in its usual capitalisation (li → Li), or null when it is not an element.</summary>
    public static string? Normalize(string symbol) => Index.TryGetValue(symbol, out int i) ? All[i].Symbol : null;

    /// <summary>Atomic number Z, or 0 for an unknown symbol.</summary>
    public static int AtomicNumber(string symbol) => Index.TryGetValue(symbol, out int i) ? i + 1 : 0;

    /// <summary>Standard atomic weight in g/mol, or null for an unknown symbol.</summary>
    public static double? Mass(string symbol) => Index.TryGetValue(symbol, out int i) ? All[i].Mass : null;

    /// <summary>
    /// The element whose standard weight is within the relative tolerance of <paramref name="mass"/> and closer
    /// than any other, or null (for example for coarse-grained or reduced-unit masses such as 1.0). The default
    /// 0.2 % accepts the rounded weights programs print (O 16.0, Li 6.941) and rejects 1.0 as hydrogen.
    /// </summary>
    public static string? FromMass(double mass, double relativeTolerance = 0.002)
    {
        string? best = null;
        double bestDiff = relativeTolerance * Math.Abs(mass);
        foreach (var (symbol, m) in All)
        {
            double diff = Math.Abs(m - mass);
            if (diff <= bestDiff)
            {
                best = symbol;
                bestDiff = diff;
            }
        }

        return best;
    }

    private static (string, double)[] Parse()
    {
        string[] parts = Table.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new (string, double)[parts.Length / 2];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (parts[2 * i], double.Parse(parts[2 * i + 1], System.Globalization.CultureInfo.InvariantCulture));
        }

        return result;
    }
}
