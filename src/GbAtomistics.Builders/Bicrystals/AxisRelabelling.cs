using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// The relabelling of the cell axes that puts a tilt axis along c: the identity for [001], the even (cyclic)
/// permutation (a, b, c) → (b, c, a) for [100] and (a, b, c) → (c, a, b) for [010] of a tetragonal or orthorhombic
/// cell. A cyclic permutation keeps the cell right-handed, so the relabelled cell is the same crystal in a rotated
/// Cartesian frame, and the unique-axis builder (<see cref="UniqueAxisTilt"/>) applies to it unchanged.
/// </summary>
/// <remarks>
/// Vector i′ of the relabelled cell is vector <c>source[i′]</c> of the original one. Miller indices (h_i = n·a_i) and
/// direction components (along a_i) are per basis vector, so both permute the same way: x′_i = x_source[i]. The
/// Cartesian frame of the relabelled cell permutes its components likewise (a proper rotation, determinant +1), which
/// puts a′ along x and c′ along z for the orthogonal cells relabelled here.
/// </remarks>
internal sealed class AxisRelabelling
{
    /// <summary>Which axes are built for which lattice systems, for the messages that refuse the others.</summary>
    public const string Supported =
        "tilts are built about [001] (c) of tetragonal, orthorhombic and hexagonal cells ([0001]), about [100] and [010] (a, b) of tetragonal and orthorhombic cells, and about [100] = [2-1-10] and [120] = [01-10] of hexagonal cells";

    private static readonly AxisRelabelling Identity = new(new Int3(0, 0, 1), [0, 1, 2]);
    private static readonly AxisRelabelling AboutA = new(new Int3(1, 0, 0), [1, 2, 0]);
    private static readonly AxisRelabelling AboutB = new(new Int3(0, 1, 0), [2, 0, 1]);

    private readonly int[] _source;

    private AxisRelabelling(Int3 axis, int[] source)
    {
        Axis = axis;
        _source = source;
    }

    /// <summary>The tilt axis in the original cell: [100], [010] or [001].</summary>
    public Int3 Axis { get; }

    /// <summary>Whether the axis is c already (no relabelling).</summary>
    public bool IsIdentity => _source[0] == 0;

    /// <summary>The relabelling for <paramref name="axis"/> of a cell of <paramref name="system"/>; an input error for axes not built.</summary>
    public static AxisRelabelling For(LatticeSystem system, Int3 axis)
    {
        Int3 o = Miller.Reduce(axis);
        Int3 positive = new(Math.Abs(o.X), Math.Abs(o.Y), Math.Abs(o.Z));
        bool orthogonal = system is LatticeSystem.Tetragonal or LatticeSystem.Orthorhombic;
        AxisRelabelling? r = positive switch
        {
            { X: 0, Y: 0, Z: 1 } when orthogonal || system == LatticeSystem.Hexagonal => Identity,
            { X: 1, Y: 0, Z: 0 } when orthogonal => AboutA,
            { X: 0, Y: 1, Z: 0 } when orthogonal => AboutB,
            _ => null,
        };
        if (r is null)
        {
            string name = CslLattice.Name(system);
            throw new InputException(
                $"--axis {Miller.Direction(axis)}: {Supported}; other axes of a {name} cell need the 3-D CSL of the {name} lattice with a rational metric (listed by 'gbat sigma --lattice {name}'), not supported yet");
        }

        return r;
    }

    /// <summary>Indices (plane or direction) of the original cell in the relabelled one.</summary>
    public Int3 ToRelabelled(Int3 v)
    {
        int[] x = [v.X, v.Y, v.Z];
        return new Int3(x[_source[0]], x[_source[1]], x[_source[2]]);
    }

    /// <summary>Indices (plane or direction) of the relabelled cell in the original one.</summary>
    public Int3 ToOriginal(Int3 v)
    {
        int[] x = new int[3];
        x[_source[0]] = v.X;
        x[_source[1]] = v.Y;
        x[_source[2]] = v.Z;
        return new Int3(x[0], x[1], x[2]);
    }

    /// <summary>A Cartesian vector of the relabelled cell's frame in the original cell's frame.</summary>
    public Vec3 ToOriginal(Vec3 v)
    {
        double[] x = new double[3];
        x[_source[0]] = v.X;
        x[_source[1]] = v.Y;
        x[_source[2]] = v.Z;
        return new Vec3(x[0], x[1], x[2]);
    }

    /// <summary>
    /// The relabelled cell: lattice vectors and fractional coordinates permuted, the Cartesian frame rotated with them
    /// and rescaled so that a′ has length 1 (lattice constant |a′| in Å). A tetragonal cell about a or b becomes an
    /// orthorhombic one: its net perpendicular to the axis is rectangular, the axis two-fold.
    /// </summary>
    public UnitCell Relabel(UnitCell cell)
    {
        if (IsIdentity)
        {
            return cell;
        }

        Mat3 s = cell.Shape;
        Vec3[] columns = [s.C0, s.C1, s.C2];
        Vec3 Rotate(Vec3 v)
        {
            double[] x = [v.X, v.Y, v.Z];
            return new Vec3(x[_source[0]], x[_source[1]], x[_source[2]]);
        }

        Vec3 a = Rotate(columns[_source[0]]);
        double scale = a.Length;
        var shape = new Mat3(a / scale, Rotate(columns[_source[1]]) / scale, Rotate(columns[_source[2]]) / scale);
        UnitCellSite[] sites = cell.Sites.Select(site => new UnitCellSite(site.Species, Rotate(site.Position))).ToArray();
        return new UnitCell(cell.Name, cell.A * scale, shape, LatticeSystem.Orthorhombic, cell.Species, cell.Charges, sites);
    }
}
