using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Scoring;

/// <summary>
/// Short-range pair terms read from a LAMMPS input fragment (<c>pair_style</c> and <c>pair_coeff</c> lines, the same
/// file <c>gbat gb-energy --potential</c> takes), for the model energy that ranks candidate bicrystals. Types are the
/// species in type order (type = species index + 1, as the builder's data files write them). Energies in eV, r in Å;
/// no energy shift at the cut-off (the LAMMPS default).
/// </summary>
/// <remarks>
/// Styles (the Coulomb part of a <c>*/coul/long</c> or <c>*/coul/cut</c> style is left to the Ewald sum):
/// <c>born</c> A ρ σ C D: A exp((σ − r)/ρ) − C/r⁶ + D/r⁸; <c>buck</c> A ρ C: A exp(−r/ρ) − C/r⁶; <c>lj/cut</c> ε σ:
/// 4ε((σ/r)¹² − (σ/r)⁶); <c>morse</c> D₀ α r₀: D₀ (e^(−2α(r − r₀)) − 2 e^(−α(r − r₀))). A last extra number on a
/// <c>pair_coeff</c> line is that pair's cut-off; otherwise the global one of <c>pair_style</c>. Other lines are
/// ignored.
/// </remarks>
public sealed class PairPotential
{
    private static readonly string[] Styles = ["born", "buck", "lj/cut", "morse"];

    private readonly (double[] P, double Cutoff)?[,] _terms;

    private PairPotential(string style, (double[] P, double Cutoff)?[,] terms, string source)
    {
        Style = style;
        _terms = terms;
        Source = source;
        double cutoff = 0;
        foreach (var term in terms)
        {
            cutoff = Math.Max(cutoff, term?.Cutoff ?? 0);
        }

        Cutoff = cutoff;
    }

    /// <summary>The short-range style (<c>born</c>, <c>buck</c>, <c>lj/cut</c> or <c>morse</c>).</summary>
    public string Style { get; }

    /// <summary>The largest cut-off of any pair (Å).</summary>
    public double Cutoff { get; }

    /// <summary>The file it was read from.</summary>
    public string Source { get; }

    /// <summary>The pair energy (eV) of species <paramref name="s"/> and <paramref name="t"/> at distance <paramref name="r"/> (Å).</summary>
    public double Energy(int s, int t, double r)
    {
        if (_terms[s, t] is not { } term || r >= term.Cutoff)
        {
            return 0;
        }

        double[] p = term.P;
        return Style switch
        {
            "born" => (p[0] * Math.Exp((p[2] - r) / p[1])) - (p[3] / Math.Pow(r, 6)) + (p[4] / Math.Pow(r, 8)),
            "buck" => (p[0] * Math.Exp(-r / p[1])) - (p[2] / Math.Pow(r, 6)),
            "lj/cut" => 4 * p[0] * (Math.Pow(p[1] / r, 12) - Math.Pow(p[1] / r, 6)),
            _ => p[0] * (Math.Exp(-2 * p[1] * (r - p[2])) - (2 * Math.Exp(-p[1] * (r - p[2])))),
        };
    }

    /// <summary>Reads <paramref name="path"/> for a crystal of <paramref name="species"/> (type order).</summary>
    public static PairPotential Read(string path, IReadOnlyList<string> species)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(species);
        if (!File.Exists(path))
        {
            throw new InputException($"--score-potential {path}: no such file");
        }

        int n = species.Count;
        var terms = new (double[] P, double Cutoff)?[n, n];
        string? style = null;
        double globalCutoff = double.NaN;
        int number = 0;
        foreach (string raw in File.ReadLines(path))
        {
            number++;
            string line = raw.Split('#')[0].Trim();
            string[] t = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (t.Length == 0)
            {
                continue;
            }

            string where = $"{path}:{number}";
            if (t[0] == "pair_style")
            {
                style = t.Length > 1 ? Styles.FirstOrDefault(s => t[1] == s || t[1].StartsWith(s + "/coul/", StringComparison.Ordinal)) : null;
                if (style is null || t.Length < 3 || !TryNumber(t[2], out globalCutoff))
                {
                    throw new InputException(
                        $"{where}: expected 'pair_style STYLE CUTOFF' with STYLE one of {string.Join(", ", Styles)} (optionally with /coul/long or /coul/cut), found '{line}'");
                }

                continue;
            }

            if (t[0] != "pair_coeff")
            {
                continue;
            }

            if (style is null)
            {
                throw new InputException($"{where}: pair_coeff before pair_style");
            }

            int count = style switch { "born" => 5, "buck" => 3, "lj/cut" => 2, _ => 3 };
            double[] values = t.Skip(3).Select(v => TryNumber(v, out double x) ? x : double.NaN).ToArray();
            if (t.Length < 3 || (values.Length != count && values.Length != count + 1) || values.Any(v => !double.IsFinite(v)))
            {
                throw new InputException($"{where}: expected 'pair_coeff I J' and {count} numbers for {style} (and an optional cut-off), found '{line}'");
            }

            double cutoff = values.Length == count + 1 ? values[^1] : globalCutoff;
            foreach (int i in Types(t[1], n, where))
            {
                foreach (int j in Types(t[2], n, where))
                {
                    terms[i, j] = (values[..count], cutoff);
                    terms[j, i] = (values[..count], cutoff);
                }
            }
        }

        if (style is null)
        {
            throw new InputException($"{path}: no pair_style line");
        }

        return new PairPotential(style, terms, path);
    }

    private static IEnumerable<int> Types(string token, int n, string where)
    {
        if (token == "*")
        {
            return Enumerable.Range(0, n);
        }

        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int type) && type >= 1 && type <= n)
        {
            return [type - 1];
        }

        throw new InputException($"{where}: type '{token}': expected * or 1 to {n} (the species in type order)");
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
