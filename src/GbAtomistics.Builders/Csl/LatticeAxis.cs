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

    /// <summary>
    /// A tilt axis for <c>build csl</c>: three indices [uvw], or four [uvtw] (Miller–Bravais, for hexagonal cells)
    /// converted to [uvw] as in <see cref="Parse"/>.
    /// </summary>
    public static Int3 ParseThreeOrFour(string text) =>
        Miller.ParseIndices(text, "--axis", "three or four indices").Count == 4 ? Parse(text, LatticeSystem.Hexagonal) : Miller.Parse(text, "--axis");

    /// <summary>
    /// A boundary plane: three indices (hkl), or four (hkil) with i = −(h + k) (Miller–Bravais, for hexagonal cells),
    /// which is (hkl) in the basis a₁, a₂, c.
    /// </summary>
    public static Int3 ParsePlane(string text)
    {
        const string what = "--plane";
        List<int> v = Miller.ParseIndices(text, what, "three indices (hkl) or four (hkil) such as 310, 2-1-10 or 1,0,-1,0");
        if (v.Count != 4)
        {
            return Miller.Parse(text, what);
        }

        if (v[2] != -(v[0] + v[1]))
        {
            throw new InputException($"{what} '{text}': in four-index (hkil) the third index must be -(h+k) = {-(v[0] + v[1])}");
        }

        var plane = new Int3(v[0], v[1], v[3]);
        return plane == Int3.Zero ? throw new InputException($"{what} '{text}': expected a non-zero vector") : plane;
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
