namespace GbAtomistics.Core;

/// <summary>
/// Slabs around grain-boundary planes: the atoms whose distance along the boundary normal from any plane is at
/// most <see cref="HalfWidth"/>, or the complement (<see cref="Complement"/>, the bulk). Planes are fractional
/// coordinates along one cell vector, so the region follows the box as it changes; the normal distance is the
/// fractional difference (periodic, minimum image) times the perpendicular width of the cell along that vector.
/// A periodic bicrystal has two planes.
/// </summary>
public sealed record SlabRegion
{
    private readonly double[] _planes; // an array, so the per-atom loops below allocate no enumerator

    public SlabRegion(int axis, IReadOnlyList<double> planes, double halfWidth, bool complement = false, string? name = null)
    {
        if (axis is < 0 or > 2)
        {
            throw new InputException($"region normal axis {axis}: expected x, y or z (0, 1 or 2)");
        }

        if (planes.Count == 0 || planes.Any(p => !double.IsFinite(p)))
        {
            throw new InputException("region: expected at least one finite plane position");
        }

        if (!(halfWidth > 0) || !double.IsFinite(halfWidth))
        {
            throw new InputException($"region half-width {halfWidth}: expected a positive number of Å");
        }

        Axis = axis;
        _planes = planes.ToArray();
        HalfWidth = halfWidth;
        Complement = complement;
        Name = name ?? (complement ? "bulk" : "gb");
    }

    /// <summary>The cell vector (0 = a, 1 = b, 2 = c) the boundary planes cut; the normal is perpendicular to the other two.</summary>
    public int Axis { get; }

    /// <summary>Plane positions as fractional coordinates along <see cref="Axis"/>.</summary>
    public IReadOnlyList<double> Planes => _planes;

    /// <summary>Half of the slab thickness, in Å along the normal.</summary>
    public double HalfWidth { get; }

    /// <summary>True for the bulk: everything outside the slabs.</summary>
    public bool Complement { get; }

    public string Name { get; }

    /// <summary>The same slabs, complemented (GB ↔ bulk).</summary>
    public SlabRegion Invert(string? name = null) => new(Axis, Planes, HalfWidth, !Complement, name);

    /// <summary>Distance (Å) along the normal from <paramref name="position"/> to the nearest plane.</summary>
    public double DistanceToPlane(Box box, Vec3 position)
    {
        double s = box.ToFractional(position)[Axis];
        double width = box.PerpendicularWidths[Axis];
        double best = double.MaxValue;
        foreach (double plane in _planes)
        {
            double d = s - plane;
            if (box.Periodic[Axis])
            {
                d -= Math.Round(d);
            }

            best = Math.Min(best, Math.Abs(d) * width);
        }

        return best;
    }

    /// <summary>True when the atom at <paramref name="position"/> is in the region.</summary>
    public bool Contains(Box box, Vec3 position) => (DistanceToPlane(box, position) <= HalfWidth) != Complement;

    /// <summary>Volume (Å³) of the region in <paramref name="box"/>, allowing for slabs that overlap.</summary>
    public double Volume(Box box)
    {
        double width = box.PerpendicularWidths[Axis];
        double half = HalfWidth / width;
        var intervals = new List<(double Lo, double Hi)>();
        foreach (double plane in Planes)
        {
            double p = plane - Math.Floor(plane);
            AddWrapped(intervals, p - half, p + half);
        }

        intervals.Sort();
        double covered = 0, end = 0;
        foreach (var (lo, hi) in intervals)
        {
            double start = Math.Max(lo, end);
            if (hi > start)
            {
                covered += hi - start;
                end = hi;
            }
        }

        covered = Math.Min(covered, 1);
        return box.Volume * (Complement ? 1 - covered : covered);
    }

    private static void AddWrapped(List<(double, double)> intervals, double lo, double hi)
    {
        if (hi - lo >= 1)
        {
            intervals.Add((0, 1));
            return;
        }

        double shift = Math.Floor(lo);
        lo -= shift;
        hi -= shift;
        if (hi <= 1)
        {
            intervals.Add((lo, hi));
        }
        else
        {
            intervals.Add((lo, 1));
            intervals.Add((0, hi - 1));
        }
    }
}
