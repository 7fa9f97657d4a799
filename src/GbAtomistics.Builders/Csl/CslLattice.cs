using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>
/// A lattice whose metric is rational, so that it has coincidence site lattices for rotations about any lattice
/// direction: the system and the integers that fix its shape. Lengths do not matter, only their ratios.
/// </summary>
/// <remarks>
/// <para><see cref="Ratio"/> holds, reduced by their greatest common divisor:</para>
/// <list type="bullet">
/// <item>cubic: nothing;</item>
/// <item>tetragonal and hexagonal: [μ, ν] with c²/a² = μ/ν (pymatgen's <c>c2_a2_ratio</c>);</item>
/// <item>orthorhombic: [A, B, C] with a² : b² : c² = A : B : C (pymatgen's <c>c2_b2_a2_ratio</c> is the reverse,
/// c² : b² : a²);</item>
/// <item>rhombohedral: [μ, ν] with μ/ν = (1 + 2 cos α)/cos α, so cos α = ν/(μ − 2ν) (pymatgen's <c>ratio_alpha</c>).</item>
/// </list>
/// <para>The integer metric G (<see cref="Metric"/>) is proportional to the Gram matrix of the basis vectors:
/// tetragonal diag(ν, ν, μ); hexagonal (a₁, a₂ at 120°, c) [[2ν, −ν, 0], [−ν, 2ν, 0], [0, 0, 2μ]]; orthorhombic
/// diag(A, B, C); rhombohedral [[q, p, p], [p, q, p], [p, p, q]] with cos α = p/q; cubic the identity.</para>
/// </remarks>
/// <param name="System">The lattice system.</param>
/// <param name="Ratio">The shape integers, as described in the remarks.</param>
public sealed record CslLattice(LatticeSystem System, IReadOnlyList<long> Ratio)
{
    /// <summary>The cubic lattice.</summary>
    public static CslLattice Cubic { get; } = new(LatticeSystem.Cubic, []);

    /// <summary>A lattice of <paramref name="system"/> with the shape integers <paramref name="ratio"/>, checked and reduced.</summary>
    public static CslLattice Create(LatticeSystem system, params long[] ratio)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        int expected = system switch
        {
            LatticeSystem.Cubic => 0,
            LatticeSystem.Orthorhombic => 3,
            _ => 2,
        };
        string name = Name(system);
        if (ratio.Length != expected)
        {
            throw new InputException(FormattableString.Invariant($"--ratio: a {name} lattice takes {expected} integers, found {ratio.Length}"));
        }

        if (system == LatticeSystem.Cubic)
        {
            return Cubic;
        }

        long g = ratio.Aggregate(0L, (x, y) => Gcd(x, y));
        long[] r = g == 0 ? ratio : ratio.Select(x => x / g).ToArray();
        if (system == LatticeSystem.Rhombohedral)
        {
            (long p, long q) = CosAlpha(r[0], r[1]);
            if (r[1] == 0 || q == 0 || 2 * p <= -q || p >= q)
            {
                throw new InputException(FormattableString.Invariant(
                    $"--ratio {ratio[0]}:{ratio[1]}: (1+2cos α)/cos α must give -1/2 < cos α < 1 and cos α ≠ 0 (a ratio above 3 or below 0)"));
            }
        }
        else if (r.Any(x => x <= 0))
        {
            throw new InputException($"--ratio {string.Join(':', ratio)}: expected positive integers");
        }

        return new CslLattice(system, r);
    }

    /// <summary>The lower-case name of a system, as the command line spells it.</summary>
    public static string Name(LatticeSystem system) => system.ToString().ToLowerInvariant();

    /// <summary>The integer metric G (row-major 3×3), proportional to the Gram matrix of the basis (see remarks).</summary>
    public long[,] Metric()
    {
        switch (System)
        {
            case LatticeSystem.Tetragonal:
                return new long[,] { { Ratio[1], 0, 0 }, { 0, Ratio[1], 0 }, { 0, 0, Ratio[0] } };
            case LatticeSystem.Hexagonal:
                return new long[,] { { 2 * Ratio[1], -Ratio[1], 0 }, { -Ratio[1], 2 * Ratio[1], 0 }, { 0, 0, 2 * Ratio[0] } };
            case LatticeSystem.Orthorhombic:
                return new long[,] { { Ratio[0], 0, 0 }, { 0, Ratio[1], 0 }, { 0, 0, Ratio[2] } };
            case LatticeSystem.Rhombohedral:
                (long p, long q) = CosAlpha(Ratio[0], Ratio[1]);
                return new long[,] { { q, p, p }, { p, q, p }, { p, p, q } };
            default:
                return new long[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        }
    }

    /// <summary>Rhombohedral only: cos α = p/q (q &gt; 0, reduced).</summary>
    public (long P, long Q) CosAlpha() => System == LatticeSystem.Rhombohedral
        ? CosAlpha(Ratio[0], Ratio[1])
        : throw new InvalidOperationException("cos α is defined here for rhombohedral lattices only");

    /// <summary>
    /// The order k of the rotation axis <paramref name="axis"/> in the lattice's point group (the holohedry): 4 for
    /// tetragonal [001], 2 for tetragonal [100], [010], [110], [1-10]; 2 for orthorhombic [100], [010], [001]; 6 for
    /// hexagonal [001], 2 for hexagonal [100], [010], [110], [1-10], [210], [120] (⟨2-1-10⟩ and ⟨10-10⟩); 3 for
    /// rhombohedral [111], 2 for rhombohedral [1-10], [01-1], [10-1]; the cubic orders of
    /// <see cref="SigmaTable.AxisOrder"/>; 1 for any other axis.
    /// </summary>
    public int AxisOrder(Int3 axis)
    {
        Int3 o = Miller.Reduce(axis);
        if (o.X < 0 || (o.X == 0 && o.Y < 0) || (o.X == 0 && o.Y == 0 && o.Z < 0))
        {
            o = new Int3(-o.X, -o.Y, -o.Z);
        }

        bool Is(params Int3[] list) => list.Contains(o);
        return System switch
        {
            LatticeSystem.Cubic => SigmaTable.AxisOrder(o),
            LatticeSystem.Tetragonal => o == new Int3(0, 0, 1) ? 4 : Is(new(1, 0, 0), new(0, 1, 0), new(1, 1, 0), new(1, -1, 0)) ? 2 : 1,
            LatticeSystem.Orthorhombic => Is(new(1, 0, 0), new(0, 1, 0), new(0, 0, 1)) ? 2 : 1,
            LatticeSystem.Hexagonal => o == new Int3(0, 0, 1) ? 6
                : Is(new(1, 0, 0), new(0, 1, 0), new(1, 1, 0), new(1, -1, 0), new(2, 1, 0), new(1, 2, 0)) ? 2 : 1,
            LatticeSystem.Rhombohedral => o == new Int3(1, 1, 1) ? 3 : Is(new(1, -1, 0), new(0, 1, -1), new(1, 0, -1)) ? 2 : 1,
            _ => 1,
        };
    }

    /// <summary>The shape as text, e.g. <c>c²/a² = 8/3 (c/a = 1.6330)</c>.</summary>
    public string Describe()
    {
        switch (System)
        {
            case LatticeSystem.Tetragonal:
            case LatticeSystem.Hexagonal:
                return string.Create(CultureInfo.InvariantCulture,
                    $"c²/a² = {Ratio[0]}/{Ratio[1]} (c/a = {Math.Sqrt(Ratio[0] / (double)Ratio[1]):F4})");
            case LatticeSystem.Orthorhombic:
                return string.Create(CultureInfo.InvariantCulture,
                    $"a²:b²:c² = {Ratio[0]}:{Ratio[1]}:{Ratio[2]} (b/a = {Math.Sqrt(Ratio[1] / (double)Ratio[0]):F4}, c/a = {Math.Sqrt(Ratio[2] / (double)Ratio[0]):F4})");
            case LatticeSystem.Rhombohedral:
                (long p, long q) = CosAlpha();
                return string.Create(CultureInfo.InvariantCulture,
                    $"cos α = {p}/{q} (α = {Math.Acos(p / (double)q) * 180 / Math.PI:F4}°; (1+2cos α)/cos α = {Ratio[0]}:{Ratio[1]})");
            default:
                return "cubic";
        }
    }

    /// <summary>The ratio as compact text, e.g. <c>8/3</c>, <c>1:2:3</c> or <c>15:-4</c> (empty for cubic).</summary>
    public string RatioText() => System switch
    {
        LatticeSystem.Cubic => string.Empty,
        LatticeSystem.Tetragonal or LatticeSystem.Hexagonal => FormattableString.Invariant($"{Ratio[0]}/{Ratio[1]}"),
        _ => string.Join(':', Ratio.Select(x => x.ToString(CultureInfo.InvariantCulture))),
    };

    internal static long Gcd(long a, long b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static (long P, long Q) CosAlpha(long mu, long nu)
    {
        long p = nu, q = mu - (2 * nu);
        if (q < 0)
        {
            (p, q) = (-p, -q);
        }

        long g = Gcd(p, q);
        return g <= 1 ? (p, q) : (p / g, q / g);
    }
}
