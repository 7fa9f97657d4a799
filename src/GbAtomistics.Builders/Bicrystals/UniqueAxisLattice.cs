using System.Globalization;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// The lattice in the plane perpendicular to the unique axis c of a tetragonal, orthorhombic or hexagonal cell, made
/// exactly coincident for tilt bicrystals about c: square (a = b), rectangular with a rational (b/a)² = p/q, or
/// hexagonal (a = b, γ = 120°).
/// </summary>
/// <remarks>
/// A tilt about c is a two-dimensional coincidence problem in the a–b plane; c only sets the period along the axis.
/// A square or hexagonal net is exactly coincident for its own rational rotations; a rectangular net only when
/// (b/a)² is rational, so a measured b is changed to a·√(p/q), with p/q the fraction of smallest denominator (at most
/// <see cref="MaxDenominator"/>) within the allowed strain. The strain of b, s_b = 100·(b_exact/b − 1) %, is carried
/// by both grains (they are the same crystal); a, c and the fractional coordinates are kept. Tetragonal and hexagonal
/// cells measured with a ≠ b (within 0.1 %) get b = a, reported the same way.
/// </remarks>
public static class UniqueAxisLattice
{
    /// <summary>Default largest |strain| of b, as a fraction (1 %).</summary>
    public const double DefaultMaxStrain = 0.01;

    /// <summary>Largest denominator of the approximated (b/a)².</summary>
    public const long MaxDenominator = 100;

    /// <summary>
    /// The cell with its in-plane lattice made exactly coincident and <see cref="UnitCell.Strains"/> set; a cubic cell
    /// is returned unchanged. An input error when the strain needed exceeds <paramref name="maxStrain"/> (a fraction).
    /// </summary>
    public static UnitCell Rationalize(UnitCell cell, double maxStrain) => Rationalize(cell, maxStrain, new Int3(0, 0, 1));

    /// <summary>
    /// The cell with its lattice perpendicular to the tilt axis <paramref name="axis"/> made exactly coincident and
    /// <see cref="UnitCell.Strains"/> set, in the cell's own axes; a cubic cell is returned unchanged. About c the a–b net
    /// (b strained, see <see cref="Rationalize(UnitCell, double)"/>); about a of a tetragonal or orthorhombic cell the
    /// b–c net, about b the c–a net: c is strained to a rational (c/b)² or (c/a)², a and b kept (a tetragonal cell
    /// measured with a ≠ b also gets b = a). An input error for an axis that is not built or a strain above
    /// <paramref name="maxStrain"/> (a fraction).
    /// </summary>
    public static UnitCell Rationalize(UnitCell cell, double maxStrain, Int3 axis)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (!(maxStrain >= 0 && maxStrain < 0.5))
        {
            throw new InputException(FormattableString.Invariant($"--max-strain {maxStrain * 100:G6}: expected a percentage from 0 to below 50"));
        }

        if (cell.System == LatticeSystem.Cubic)
        {
            return cell;
        }

        if (cell.System is not (LatticeSystem.Tetragonal or LatticeSystem.Orthorhombic or LatticeSystem.Hexagonal))
        {
            throw new InputException($"{cell.Name}: a {CslLattice.Name(cell.System)} cell is not supported for bicrystals");
        }

        double bOverA = cell.Shape.C1.Length;
        double cOverA = cell.Shape.C2.Length;
        if (cell.System == LatticeSystem.Hexagonal && HexagonalBasalAxis.For(axis) is not null)
        {
            return RationalizeHexagonalC(cell, maxStrain, bOverA, cOverA);
        }

        AxisRelabelling relabelling = AxisRelabelling.For(cell.System, axis);
        if (!relabelling.IsIdentity)
        {
            return RationalizeC(cell, maxStrain, relabelling.Axis.X == 1, bOverA, cOverA);
        }

        double exact;
        if (cell.System == LatticeSystem.Orthorhombic)
        {
            exact = Math.Sqrt(SquaredRatio(cell, bOverA * bOverA, maxStrain, "(b/a)²", "b"));
        }
        else
        {
            exact = 1;
        }

        double strain = 100 * ((exact / bOverA) - 1);
        if (Math.Abs(strain) > (maxStrain * 100) + 1e-9)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{cell.Name}: making the in-plane lattice coincident strains b by {strain:+0.###;-0.###} %, more than --max-strain {maxStrain * 100:G4} %"));
        }

        Mat3 shape = cell.System == LatticeSystem.Hexagonal
            ? new Mat3(new Vec3(1, 0, 0), new Vec3(-0.5, Math.Sqrt(3) / 2, 0), new Vec3(0, 0, cOverA))
            : new Mat3(new Vec3(1, 0, 0), new Vec3(0, exact, 0), new Vec3(0, 0, cOverA));
        return new UnitCell(cell.Name, cell.A, shape, cell.System, cell.Species, cell.Charges, cell.Sites)
        {
            Strains = [new ParameterStrain("b", bOverA, exact, Math.Abs(strain) < 1e-9 ? 0 : strain)],
        };
    }

    /// <summary>
    /// A hexagonal cell for a tilt about a basal axis ([2-1-10] or [01-10]): b = a, γ = 120° and c changed so that
    /// (c/a)² is the fraction p/q of smallest denominator within the strain bound (the net perpendicular to either axis
    /// is then rectangular with a rational ratio: (c/a)²/3 about [2-1-10], (c/a)² about [01-10]).
    /// </summary>
    private static UnitCell RationalizeHexagonalC(UnitCell cell, double maxStrain, double bOverA, double cOverA)
    {
        var strains = new List<ParameterStrain>();
        EqualiseB(cell, "hexagonal", maxStrain, bOverA, strains);
        double exact = RationalC(cell, maxStrain, cOverA, 1, "(c/a)²", strains);
        var shape = new Mat3(new Vec3(1, 0, 0), new Vec3(-0.5, Math.Sqrt(3) / 2, 0), new Vec3(0, 0, exact));
        return new UnitCell(cell.Name, cell.A, shape, cell.System, cell.Species, cell.Charges, cell.Sites) { Strains = strains };
    }

    /// <summary>
    /// A tetragonal or orthorhombic cell with c changed so that (c/b)² (about a) or (c/a)² (about b) is the fraction
    /// p/q of smallest denominator within the strain bound; a tetragonal cell also gets b = a.
    /// </summary>
    private static UnitCell RationalizeC(UnitCell cell, double maxStrain, bool aboutA, double bOverA, double cOverA)
    {
        var strains = new List<ParameterStrain>();
        double b = bOverA;
        if (cell.System == LatticeSystem.Tetragonal)
        {
            b = 1;
            EqualiseB(cell, "tetragonal", maxStrain, bOverA, strains);
        }

        double exact = RationalC(cell, maxStrain, cOverA, aboutA ? b : 1, aboutA ? "(c/b)²" : "(c/a)²", strains);
        var shape = new Mat3(new Vec3(1, 0, 0), new Vec3(0, b, 0), new Vec3(0, 0, exact));
        return new UnitCell(cell.Name, cell.A, shape, cell.System, cell.Species, cell.Charges, cell.Sites) { Strains = strains };
    }

    /// <summary>Makes b equal to a (a cell whose symmetry says so, read with rounded lengths): refused beyond the strain bound.</summary>
    private static void EqualiseB(UnitCell cell, string system, double maxStrain, double bOverA, List<ParameterStrain> strains)
    {
        double strainB = 100 * ((1 / bOverA) - 1);
        if (Math.Abs(strainB) > (maxStrain * 100) + 1e-9)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{cell.Name}: making the {system} cell's b equal to a strains b by {strainB:+0.###;-0.###} %, more than --max-strain {maxStrain * 100:G4} %"));
        }

        if (Math.Abs(strainB) >= 1e-9)
        {
            strains.Add(new ParameterStrain("b", bOverA, 1, strainB));
        }
    }

    /// <summary>
    /// The length of c (in units of a) closest to <paramref name="cOverA"/> for which (c/reference)² is the fraction of
    /// smallest denominator within the strain bound (<paramref name="ratioName"/> names that ratio in messages); its
    /// strain is added to <paramref name="strains"/>.
    /// </summary>
    private static double RationalC(UnitCell cell, double maxStrain, double cOverA, double reference, string ratioName, List<ParameterStrain> strains)
    {
        double exact = reference * Math.Sqrt(SquaredRatio(cell, Math.Pow(cOverA / reference, 2), maxStrain, ratioName, "c"));
        double strain = 100 * ((exact / cOverA) - 1);
        if (Math.Abs(strain) > (maxStrain * 100) + 1e-9)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{cell.Name}: making the lattice perpendicular to the tilt axis coincident strains c by {strain:+0.###;-0.###} %, more than --max-strain {maxStrain * 100:G4} %"));
        }

        strains.Add(new ParameterStrain("c", cOverA, exact, Math.Abs(strain) < 1e-9 ? 0 : strain));
        return exact;
    }

    /// <summary>
    /// The fraction p/q of smallest denominator within the strain bound of the squared length ratio <paramref name="r"/>
    /// (a strain t of the <paramref name="length"/> changes it by (1 ± t)²); refused beyond <see cref="MaxDenominator"/>.
    /// </summary>
    private static double SquaredRatio(UnitCell cell, double r, double maxStrain, string ratioName, string length)
    {
        double t = Math.Max(maxStrain, 1e-12);
        (long p, long q) = RationalApproximation.Simplest(r * (1 - t) * (1 - t), r * (1 + t) * (1 + t), r);
        if (q > MaxDenominator)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{cell.Name}: {ratioName} = {r:G8} has no fraction with denominator ≤ {MaxDenominator} within --max-strain {maxStrain * 100:G4} % of {length}; raise --max-strain"));
        }

        return p / (double)q;
    }

    /// <summary>
    /// The integer metric of the in-plane lattice (a, b) of a coincident cell, in units of a²·(its scale): [[1,0],[0,1]]
    /// square, [[q,0],[0,p]] rectangular with (b/a)² = p/q, [[2,−1],[−1,2]] hexagonal.
    /// </summary>
    internal static (long G11, long G12, long G22) Metric(UnitCell cell)
    {
        Mat3 s = cell.Shape;
        bool inPlane = Math.Abs(s.C0.Z) < 1e-12 && Math.Abs(s.C1.Z) < 1e-12 && Math.Abs(s.C2.X) < 1e-12 && Math.Abs(s.C2.Y) < 1e-12;
        double b2 = Vec3.Dot(s.C1, s.C1), ab = Vec3.Dot(s.C0, s.C1);
        if (inPlane && cell.System == LatticeSystem.Hexagonal && Math.Abs(b2 - 1) < 1e-9 && Math.Abs(ab + 0.5) < 1e-9)
        {
            return (2, -1, 2);
        }

        if (inPlane && cell.System is LatticeSystem.Tetragonal or LatticeSystem.Orthorhombic && Math.Abs(ab) < 1e-12)
        {
            (long p, long q) = RationalApproximation.Simplest(b2 * (1 - 1e-10), b2 * (1 + 1e-10), b2);
            if (q <= 1_000_000 && (cell.System == LatticeSystem.Orthorhombic || (p == 1 && q == 1)))
            {
                return (q, 0, p);
            }
        }

        throw new InputException($"{cell.Name}: the cell's in-plane lattice is not exactly coincident (a ≠ b, an irrational (b/a)² or a non-standard setting); make it so first (UniqueAxisLattice.Rationalize, --max-strain)");
    }
}
