using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>
/// The lattice system of a cell from its lengths and angles alone (atoms and centring are not looked at): lengths
/// are equal within a relative <see cref="LengthTolerance"/>, angles within <see cref="AngleToleranceDegrees"/>.
/// The cell must be in the standard setting: the tetragonal 4-fold axis and the hexagonal 6-fold axis along c,
/// hexagonal γ = 120°, rhombohedral as its primitive cell (a = b = c, α = β = γ).
/// </summary>
internal static class LatticeDetection
{
    /// <summary>Relative tolerance for equal lengths (0.001 = 0.1%).</summary>
    public const double LengthTolerance = 1e-3;

    /// <summary>Tolerance for equal angles, degrees.</summary>
    public const double AngleToleranceDegrees = 0.1;

    /// <summary>The system of <paramref name="cell"/>; an input error (prefixed by <paramref name="where"/>) for monoclinic, triclinic or non-standard cells.</summary>
    public static LatticeSystem Detect(CellParameters cell, string where)
    {
        ArgumentNullException.ThrowIfNull(cell);
        bool ab = SameLength(cell.A, cell.B), bc = SameLength(cell.B, cell.C), ac = SameLength(cell.A, cell.C);
        bool al = Near(cell.Alpha, 90), be = Near(cell.Beta, 90), ga = Near(cell.Gamma, 90);
        if (al && be && ga)
        {
            if (ab && bc)
            {
                return LatticeSystem.Cubic;
            }

            if (ab)
            {
                return LatticeSystem.Tetragonal;
            }

            if (bc || ac)
            {
                throw new InputException($"{where}: tetragonal cell ({cell}) with its 4-fold axis along {(bc ? "a" : "b")}; write the cell with the 4-fold axis as c");
            }

            return LatticeSystem.Orthorhombic;
        }

        if (al && be && ab && (Near(cell.Gamma, 120) || Near(cell.Gamma, 60)))
        {
            return Near(cell.Gamma, 120)
                ? LatticeSystem.Hexagonal
                : throw new InputException($"{where}: hexagonal cell ({cell}) with γ = 60°; write it with γ = 120° (a₁, a₂ at 120°)");
        }

        if (ab && bc && Near(cell.Alpha, cell.Beta) && Near(cell.Beta, cell.Gamma))
        {
            return LatticeSystem.Rhombohedral;
        }

        int right = (al ? 1 : 0) + (be ? 1 : 0) + (ga ? 1 : 0);
        string kind = right == 2 ? "monoclinic" : "triclinic";
        if ((Near(cell.Alpha, 120) && be && ga && bc) || (Near(cell.Beta, 120) && al && ga && ac))
        {
            throw new InputException($"{where}: hexagonal cell ({cell}) with its 6-fold axis along {(bc ? "a" : "b")}; write the cell with the 6-fold axis as c and γ = 120°");
        }

        throw new InputException(
            $"{where}: the cell ({cell}) is {kind} (or not in a standard setting); monoclinic and triclinic lattices are not supported for Σ tables (cubic, tetragonal, orthorhombic, hexagonal and rhombohedral are)");
    }

    private static bool SameLength(double x, double y) => Math.Abs(x - y) <= LengthTolerance * Math.Max(x, y);

    private static bool Near(double x, double y) => Math.Abs(x - y) <= AngleToleranceDegrees;
}
