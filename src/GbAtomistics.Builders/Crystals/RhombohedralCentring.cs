using System.Globalization;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Crystals;

/// <summary>
/// Rhombohedral (R) centring of a hexagonal cell, and the hexagonal setting of a primitive rhombohedral cell.
/// </summary>
/// <remarks>
/// A hexagonal cell is R-centred when every atom has an atom of the same species at its position shifted by both
/// centring translations of one setting (<see cref="RhombohedralSetting"/>), within <see cref="ToleranceAngstrom"/>
/// (minimum image). The primitive rhombohedral cell (a_r, α) becomes the obverse hexagonal cell
/// a = a_r1 − a_r2, b = a_r2 − a_r3, c = a_r1 + a_r2 + a_r3 (|a| = a_r·√(2 − 2 cos α), |c| = a_r·√(3 + 6 cos α)),
/// in which the primitive vectors are (2/3, 1/3, 1/3), (−1/3, 1/3, 1/3), (−1/3, −2/3, 1/3); it holds three times the
/// atoms.
/// </remarks>
public static class RhombohedralCentring
{
    /// <summary>Largest distance (Å) between an atom shifted by a centring translation and an atom of its species.</summary>
    public const double ToleranceAngstrom = 0.01;

    /// <summary>How the lattice of an R-centred hexagonal cell is named in reports.</summary>
    public const string LatticeName = "rhombohedral (hexagonal setting)";

    /// <summary>The centring translations (fractional, hexagonal axes) of <paramref name="setting"/>.</summary>
    public static IReadOnlyList<Vec3> Translations(RhombohedralSetting setting) => setting == RhombohedralSetting.Obverse
        ? [new Vec3(2.0 / 3, 1.0 / 3, 1.0 / 3), new Vec3(1.0 / 3, 2.0 / 3, 2.0 / 3)]
        : [new Vec3(1.0 / 3, 2.0 / 3, 1.0 / 3), new Vec3(2.0 / 3, 1.0 / 3, 2.0 / 3)];

    /// <summary>The setting whose centring translations map the hexagonal cell <paramref name="cell"/> onto itself; null for any other cell.</summary>
    public static RhombohedralSetting? Detect(UnitCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.System != LatticeSystem.Hexagonal)
        {
            return null;
        }

        foreach (RhombohedralSetting setting in new[] { RhombohedralSetting.Obverse, RhombohedralSetting.Reverse })
        {
            if (Translations(setting).All(t => Repeats(cell, t)))
            {
                return setting;
            }
        }

        return null;
    }

    /// <summary>The lattice of <paramref name="cell"/> as reports name it: <see cref="LatticeName"/> for an R-centred hexagonal cell, else the system's name.</summary>
    public static string NameOf(UnitCell cell) => Detect(cell) is null ? CslLattice.Name(cell.System) : LatticeName;

    /// <summary>
    /// The obverse hexagonal cell (parameters and fractional sites) of the primitive rhombohedral cell with edge
    /// <paramref name="aR"/> (Å) and angle <paramref name="alphaDegrees"/>, whose sites are <paramref name="sites"/>
    /// (fractional, rhombohedral axes). An input error when α is not between 0° and 120°.
    /// </summary>
    public static (CellParameters Parameters, List<UnitCellSite> Sites) ToHexagonal(double aR, double alphaDegrees, IEnumerable<UnitCellSite> sites, string name)
    {
        ArgumentNullException.ThrowIfNull(sites);
        double cos = Math.Cos(alphaDegrees * Math.PI / 180);
        if (!(cos > -0.5 && cos < 1))
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{name}: rhombohedral α = {alphaDegrees:F3}°: expected 0° < α < 120°"));
        }

        double a = aR * Math.Sqrt(2 - (2 * cos)), c = aR * Math.Sqrt(3 + (6 * cos));
        var hexagonal = new List<UnitCellSite>();
        Vec3[] shifts = [new Vec3(0, 0, 0), .. Translations(RhombohedralSetting.Obverse)];
        foreach (UnitCellSite s in sites)
        {
            // Columns of the primitive vectors in hexagonal coordinates: x_h = P·x_r.
            Vec3 f = s.Position;
            var h = new Vec3(((2 * f.X) - f.Y - f.Z) / 3, (f.X + f.Y - (2 * f.Z)) / 3, (f.X + f.Y + f.Z) / 3);
            foreach (Vec3 t in shifts)
            {
                hexagonal.Add(new UnitCellSite(s.Species, h + t));
            }
        }

        return (new CellParameters(a, a, c, 90, 90, 120), hexagonal);
    }

    private static bool Repeats(UnitCell cell, Vec3 shift)
    {
        foreach (UnitCellSite site in cell.Sites)
        {
            Vec3 moved = site.Position + shift;
            if (!cell.Sites.Any(other => other.Species == site.Species && Distance(cell, other.Position, moved) <= ToleranceAngstrom))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The distance (Å) between two fractional positions, the difference reduced to the nearest lattice image.</summary>
    private static double Distance(UnitCell cell, Vec3 x, Vec3 y)
    {
        Vec3 d = x - y;
        double best = double.PositiveInfinity;
        d = new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z));

        // In a 120° cell the nearest image can also be one step away along a or b.
        for (int i = -1; i <= 1; i++)
        {
            for (int j = -1; j <= 1; j++)
            {
                best = Math.Min(best, cell.Cartesian(d + new Vec3(i, j, 0)).Length);
            }
        }

        return best;
    }
}
