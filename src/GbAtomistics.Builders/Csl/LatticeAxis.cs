using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>
/// Rotation axes of a lattice: three-index [uvw] in the lattice's own basis, or for hexagonal lattices also the
/// four-index (Miller–Bravais) [UVTW] with T = −(U + V), which is [uvw] = [2U + V, 2V + U, W] (reduced) in the basis
/// a₁, a₂ (at 120°), c.
/// </summary>
public static class LatticeAxis
{
    /// <summary>Parses an axis for <paramref name="system"/>: three indices, or four for hexagonal.</summary>
    public static Int3 Parse(string text, LatticeSystem system)
    {
        const string what = "--axis";
        if (system != LatticeSystem.Hexagonal)
        {
            return Miller.Parse(text, what);
        }

        List<int> v = Miller.ParseIndices(text, what, "three indices [uvw] or four [uvtw] such as 0001, 2-1-10 or 1,0,-1,0");
        switch (v.Count)
        {
            case 3:
                return Miller.Parse(text, what);
            case 4:
                if (v[2] != -(v[0] + v[1]))
                {
                    throw new InputException($"--axis '{text}': in four-index [uvtw] the third index must be -(u+v) = {-(v[0] + v[1])}");
                }

                var axis = new Int3((2 * v[0]) + v[1], (2 * v[1]) + v[0], v[3]);
                return axis == Int3.Zero
                    ? throw new InputException($"--axis '{text}': expected a non-zero vector")
                    : Miller.Reduce(axis);
            default:
                throw new InputException($"--axis '{text}': expected three indices [uvw] or four [uvtw] such as 0001, 2-1-10 or 1,0,-1,0, found {v.Count}");
        }
    }

    /// <summary>The four-index [UVTW] of a hexagonal three-index direction [uvw]: [2u − v, 2v − u, −(u + v), 3w], reduced.</summary>
    public static (int U, int V, int T, int W) FourIndex(Int3 axis)
    {
        int u = (2 * axis.X) - axis.Y, v = (2 * axis.Y) - axis.X, t = -(axis.X + axis.Y), w = 3 * axis.Z;
        int g = Miller.Gcd(Miller.Gcd(u, v), Miller.Gcd(t, w));
        return g <= 1 ? (u, v, t, w) : (u / g, v / g, t / g, w / g);
    }

    /// <summary>A direction as text: <c>[100]</c>, and for hexagonal lattices also its four-index form, <c>[100] = [2-1-10]</c>.</summary>
    public static string Describe(Int3 axis, LatticeSystem system)
    {
        string three = Miller.Direction(axis);
        if (system != LatticeSystem.Hexagonal)
        {
            return three;
        }

        (int u, int v, int t, int w) = FourIndex(axis);
        int[] all = [u, v, t, w];
        string sep = all.All(x => Math.Abs(x) < 10) ? string.Empty : " ";
        return $"{three} = [{string.Join(sep, all.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
    }
}
