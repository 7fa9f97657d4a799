using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Crystals;

/// <summary>
/// A unit cell with a basis: lattice constant a (Å), the cell shape (lattice vectors in units of a; the identity for
/// a cube), species in type order, formal charge of each species (e), and the sites in fractional coordinates.
/// Cubic cells are the general case of the builders; tetragonal, orthorhombic and hexagonal cells (standard setting:
/// a along x, b in the xy plane, c along z) are built about c, and tetragonal and orthorhombic ones also about a or b.
/// </summary>
public sealed class UnitCell
{
    private const double Tolerance = 1e-5;

    private readonly double[,] _pairDistances;

    public UnitCell(string name, double a, IReadOnlyList<string> species, IReadOnlyList<double> charges, IReadOnlyList<UnitCellSite> sites)
        : this(name, a, Mat3.Identity, Csl.LatticeSystem.Cubic, species, charges, sites)
    {
    }

    /// <summary>
    /// A cell of any shape: <paramref name="shape"/> holds the lattice vectors a, b, c as columns in units of
    /// <paramref name="a"/> (so its first column has length 1), <paramref name="system"/> the lattice system it is
    /// treated as.
    /// </summary>
    public UnitCell(string name, double a, Mat3 shape, Csl.LatticeSystem system, IReadOnlyList<string> species, IReadOnlyList<double> charges, IReadOnlyList<UnitCellSite> sites)
    {
        if (!(shape.Determinant > 1e-6) || !double.IsFinite(shape.Determinant))
        {
            throw new InputException("unit cell: the lattice vectors must be right-handed and not coplanar");
        }

        Shape = shape;
        ShapeInverse = shape == Mat3.Identity ? Mat3.Identity : shape.Inverse();
        System = system;
        if (!(a > 0) || !double.IsFinite(a))
        {
            throw new InputException(FormattableString.Invariant($"lattice constant {a}: expected a positive number of Å"));
        }

        if (species.Count == 0 || charges.Count != species.Count)
        {
            throw new InputException("unit cell: expected one charge for each species");
        }

        if (sites.Count == 0)
        {
            throw new InputException("unit cell: expected at least one atom");
        }

        Name = name;
        A = a;
        Species = species.ToArray();
        Charges = charges.ToArray();
        Sites = sites.Select(s => new UnitCellSite(s.Species, WrapUnit(s.Position))).ToArray();
        for (int s = 0; s < Species.Count; s++)
        {
            if (!Sites.Any(site => site.Species == s))
            {
                throw new InputException($"unit cell: species {Species[s]} has no atom");
            }
        }

        for (int i = 0; i < Sites.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (CartesianDistance(Sites[i].Position, Sites[j].Position) * a < 0.1)
                {
                    throw new InputException(FormattableString.Invariant(
                        $"unit cell: atoms {j + 1} and {i + 1} are closer than 0.1 Å"));
                }
            }
        }

        FormulaUnit = ReducedComposition();
        _pairDistances = ShortestPairDistances();
        NearestNeighbourDistance = _pairDistances.Cast<double>().Min();
    }

    /// <summary>A short name of the structure (the built-in name or the file it came from).</summary>
    public string Name { get; }

    /// <summary>Lattice constant in Å: the length of a.</summary>
    public double A { get; }

    /// <summary>The lattice vectors a, b, c as columns, in units of <see cref="A"/> (identity for a cube).</summary>
    public Mat3 Shape { get; }

    /// <summary>The inverse of <see cref="Shape"/>.</summary>
    public Mat3 ShapeInverse { get; }

    /// <summary>The lattice system the cell is treated as (cubic for the built-in structures and cube files).</summary>
    public Csl.LatticeSystem System { get; }

    /// <summary>
    /// The changes of lattice parameters that made the measured cell's in-plane metric rational (empty when none was
    /// needed); every grain built from this cell carries them.
    /// </summary>
    public IReadOnlyList<Csl.ParameterStrain> Strains { get; init; } = [];

    /// <summary>The Cartesian position (Å) of fractional coordinates <paramref name="fractional"/>.</summary>
    public Vec3 Cartesian(Vec3 fractional) => A * (Shape * fractional);

    /// <summary>The same crystal with the lattice scaled so that a = <paramref name="a"/> Å (shape, sites and charges kept).</summary>
    public UnitCell WithLatticeConstant(double a) => new(Name, a, Shape, System, Species, Charges, Sites) { Strains = Strains };

    /// <summary>The Bravais lattice of this cell: one atom X at each centring vector, same a and shape.</summary>
    internal UnitCell LatticeOnly() => new("lattice", A, Shape, System, ["X"], [0], Centring().Select(c => new UnitCellSite(0, c)).ToArray());

    /// <summary>
    /// True when the Cartesian linear operation <paramref name="op"/> (a mirror or rotation in the frame of the cell
    /// vectors) belongs to the point group: it must map the lattice onto itself, and then the crystal as in
    /// <see cref="HasPointOperation"/>.
    /// </summary>
    public bool HasCartesianOperation(Mat3 op)
    {
        Mat3 f = ShapeInverse * op * Shape;
        var rounded = new Mat3(Round(f.C0), Round(f.C1), Round(f.C2));
        for (int c = 0; c < 3; c++)
        {
            if ((f.Column(c) - rounded.Column(c)).Length > 1e-6)
            {
                return false;
            }
        }

        return HasPointOperation(rounded);

        static Vec3 Round(Vec3 v) => new(Math.Round(v.X), Math.Round(v.Y), Math.Round(v.Z));
    }

    /// <summary>Element of each species, in type order (type = index + 1).</summary>
    public IReadOnlyList<string> Species { get; }

    /// <summary>Formal charge of each species in e.</summary>
    public IReadOnlyList<double> Charges { get; }

    public IReadOnlyList<UnitCellSite> Sites { get; }

    /// <summary>Atoms of each species in one formula unit (the cell composition divided by its greatest common divisor).</summary>
    public IReadOnlyList<int> FormulaUnit { get; }

    /// <summary>The shortest distance (Å) between two atoms of the perfect crystal.</summary>
    public double NearestNeighbourDistance { get; }

    /// <summary>
    /// The shortest distance (Å) in the perfect crystal between an atom of species <paramref name="s"/> and one of
    /// species <paramref name="t"/> (indices in type order), periodic images included; for s = t the two atoms are
    /// distinct or images of one another.
    /// </summary>
    public double PairDistance(int s, int t) => _pairDistances[s, t];

    /// <summary>True when any species carries a charge.</summary>
    public bool IsIonic => Charges.Any(q => q != 0);

    /// <summary>Net charge of one cell in e.</summary>
    public double CellCharge => Sites.Sum(s => Charges[s.Species]);

    /// <summary>The formula unit as text, e.g. <c>Li3OCl</c> (species in type order, counts of 1 omitted).</summary>
    public string Formula => FormatComposition(FormulaUnit);

    /// <summary>Composition as text in species order, e.g. <c>Li3OCl</c>; zero counts are left out.</summary>
    public string FormatComposition(IReadOnlyList<int> counts)
    {
        var text = new System.Text.StringBuilder();
        for (int s = 0; s < counts.Count; s++)
        {
            if (counts[s] > 0)
            {
                text.Append(Species[s]);
                if (counts[s] != 1)
                {
                    text.Append(counts[s].ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        return text.Length == 0 ? "(none)" : text.ToString();
    }

    /// <summary>
    /// The lattice translations inside the cube (the centring vectors of the Bravais lattice: one for simple cubic,
    /// two for bcc, four for fcc), as fractional vectors in [0, 1).
    /// </summary>
    public IReadOnlyList<Vec3> Centring()
    {
        UnitCellSite first = Sites[0];
        return Sites.Where(s => s.Species == first.Species)
            .Select(s => WrapUnit(s.Position - first.Position))
            .Where(IsTranslation)
            .ToArray();
    }

    /// <summary>True when shifting every atom by the fractional vector <paramref name="shift"/> maps the crystal onto itself.</summary>
    public bool IsTranslation(Vec3 shift)
    {
        foreach (UnitCellSite site in Sites)
        {
            if (!HasSite(site.Species, site.Position + shift))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the linear operation <paramref name="op"/> (in cube coordinates, e.g. a mirror or a two-fold
    /// rotation) followed by some translation maps the crystal onto itself, i.e. belongs to its point group.
    /// </summary>
    public bool HasPointOperation(Mat3 op)
    {
        UnitCellSite first = Sites[0];
        Vec3 image = op * first.Position;
        foreach (UnitCellSite target in Sites.Where(s => s.Species == first.Species))
        {
            Vec3 t = target.Position - image;
            if (Sites.All(s => HasSite(s.Species, (op * s.Position) + t)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the crystal has an atom of <paramref name="species"/> at fractional position <paramref name="position"/>.</summary>
    public bool HasSite(int species, Vec3 position)
    {
        foreach (UnitCellSite s in Sites)
        {
            if (s.Species == species && CartesianDistance(s.Position, position) * A < Tolerance * Math.Max(1, A))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Builds a unit cell from a frame: species from the frame's type names (or <c>T1</c>, <c>T2</c>…), charges from
    /// <paramref name="charges"/> by element, else the frame's per-atom charges, else zero. A cube (orthogonal, equal
    /// edges within 10⁻⁴ relative) gives a cubic cell; a tetragonal, orthorhombic or hexagonal box (standard setting,
    /// lengths equal within 0.1 %, angles within 0.1°) gives a cell of that system with its measured shape (a along x,
    /// b in the xy plane); a primitive rhombohedral box (a = b = c, α = β = γ ≠ 90°) gives the obverse hexagonal cell of
    /// the same crystal (<see cref="RhombohedralCentring.ToHexagonal"/>, three times the atoms); monoclinic and
    /// triclinic boxes are refused.
    /// </summary>
    public static UnitCell FromFrame(Frame frame, string name, IReadOnlyDictionary<string, double>? charges = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Box box = frame.Box;
        double a = box.A.Length;
        bool cubic = box.IsOrthogonal && Math.Abs(box.B.Length - a) < 1e-4 * a && Math.Abs(box.C.Length - a) < 1e-4 * a;
        Mat3 shape = Mat3.Identity;
        Csl.LatticeSystem system = Csl.LatticeSystem.Cubic;
        Csl.CellParameters? rhombohedral = null;
        if (!cubic)
        {
            var p = Csl.CellParameters.FromBox(box);
            if (IsPrimitiveRhombohedral(p))
            {
                rhombohedral = p;
            }
            else
            {
                system = SupportedSystem(p, name);
                shape = StandardShape(p);
            }
        }

        if (frame.Count == 0)
        {
            throw new InputException($"{name}: the unit cell has no atoms");
        }

        int[] types = frame.Types.Take(frame.Count).Distinct().Order().ToArray();
        var species = new List<string>();
        var speciesCharges = new List<double>();
        foreach (int t in types)
        {
            string element = frame.Species?.NameOf(t) ?? $"T{t}";
            species.Add(element);
            double q = 0;
            if (charges is not null && charges.TryGetValue(element, out double given))
            {
                q = given;
            }
            else if (frame.Charges is { } qs)
            {
                q = qs[Array.IndexOf(frame.Types, t)];
                for (int i = 0; i < frame.Count; i++)
                {
                    if (frame.Types[i] == t && Math.Abs(qs[i] - q) > 1e-6)
                    {
                        throw new InputException(FormattableString.Invariant(
                            $"{name}: atoms of type {t} carry different charges ({q} and {qs[i]}); give formal charges with --charges"));
                    }
                }
            }

            speciesCharges.Add(q);
        }

        var sites = new List<UnitCellSite>();
        for (int i = 0; i < frame.Count; i++)
        {
            sites.Add(new UnitCellSite(Array.IndexOf(types, frame.Types[i]), box.ToFractional(frame.Positions[i])));
        }

        if (rhombohedral is { } r)
        {
            // A primitive rhombohedral cell is built in its obverse hexagonal setting (three times the atoms).
            (Csl.CellParameters hexagonal, List<UnitCellSite> hexagonalSites) = RhombohedralCentring.ToHexagonal(
                (r.A + r.B + r.C) / 3, (r.Alpha + r.Beta + r.Gamma) / 3, sites, name);
            return new UnitCell(name, hexagonal.A, StandardShape(hexagonal), Csl.LatticeSystem.Hexagonal, species, speciesCharges, hexagonalSites);
        }

        return new UnitCell(name, a, shape, system, species, speciesCharges, sites);
    }

    /// <summary>The lattice vectors of a cell with these parameters in the standard frame (a along x, b in the xy plane), in units of a.</summary>
    internal static Mat3 StandardShape(Csl.CellParameters p)
    {
        double rad = Math.PI / 180;
        double ca = Math.Cos(p.Alpha * rad), cb = Math.Cos(p.Beta * rad), cg = Math.Cos(p.Gamma * rad), sg = Math.Sin(p.Gamma * rad);
        double b = p.B / p.A, c = p.C / p.A;
        double cx = c * cb, cy = c * (ca - (cb * cg)) / sg;
        double cz = Math.Sqrt(Math.Max(0, (c * c) - (cx * cx) - (cy * cy)));
        return new Mat3(new Vec3(1, 0, 0), new Vec3(b * cg, b * sg, 0), new Vec3(cx, cy, cz));
    }

    /// <summary>a = b = c and α = β = γ, not 90° (within the tolerances of <see cref="Csl.LatticeDetection"/>).</summary>
    private static bool IsPrimitiveRhombohedral(Csl.CellParameters p)
    {
        double t = Csl.LatticeDetection.LengthTolerance, angle = Csl.LatticeDetection.AngleToleranceDegrees;
        double longest = Math.Max(p.A, Math.Max(p.B, p.C)), shortest = Math.Min(p.A, Math.Min(p.B, p.C));
        double largest = Math.Max(p.Alpha, Math.Max(p.Beta, p.Gamma)), smallest = Math.Min(p.Alpha, Math.Min(p.Beta, p.Gamma));
        return longest - shortest <= t * longest && largest - smallest <= angle && Math.Abs(p.Alpha - 90) > angle;
    }

    private static Csl.LatticeSystem SupportedSystem(Csl.CellParameters p, string name)
    {
        bool right(double angle) => Math.Abs(angle - 90) <= Csl.LatticeDetection.AngleToleranceDegrees;
        bool hexagonal = right(p.Alpha) && right(p.Beta) && Math.Abs(p.Gamma - 120) <= Csl.LatticeDetection.AngleToleranceDegrees;
        if (!(right(p.Alpha) && right(p.Beta) && (right(p.Gamma) || hexagonal)))
        {
            throw new InputException(
                $"{name}: the cell ({p}) is monoclinic or triclinic; bicrystals are built from cubic cells and, about c, from tetragonal, orthorhombic and hexagonal cells (a rhombohedral crystal in its hexagonal or primitive cell is built about [0001] with the Σ of the rhombohedral lattice; other cells would need a CSL of their own lattice, not supported)");
        }

        Csl.LatticeSystem system = Csl.LatticeDetection.Detect(p, name);
        return system == Csl.LatticeSystem.Cubic
            ? throw new InputException($"{name}: the cell ({p}) is cubic within 0.1 % but not within 0.01 %; write it as an exact cube")
            : system;
    }

    internal static Vec3 WrapUnit(Vec3 s)
    {
        static double W(double x)
        {
            double w = x - Math.Floor(x);
            return w >= 1 - 1e-12 ? 0 : w;
        }

        return new Vec3(W(s.X), W(s.Y), W(s.Z));
    }

    /// <summary>The distance in units of a between fractional positions, the nearest lattice shift of the difference taken componentwise.</summary>
    private double CartesianDistance(Vec3 a, Vec3 b)
    {
        Vec3 d = a - b;
        d = new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z));
        return (Shape * d).Length;
    }

    private int[] ReducedComposition()
    {
        int[] counts = new int[Species.Count];
        foreach (UnitCellSite s in Sites)
        {
            counts[s.Species]++;
        }

        int g = counts.Aggregate(0, Csl.Miller.Gcd);
        return counts.Select(c => c / g).ToArray();
    }

    private double[,] ShortestPairDistances()
    {
        // Sites lie in [0, 1), so the shortest vector between two of them has fractional components within ±1 after
        // one image shift: images −1…1 along each axis cover every shortest pair of a cube; other shapes look at −2…2.
        int n = Species.Count;
        int range = Shape == Mat3.Identity ? 1 : 2;
        var best = new double[n, n];
        for (int s = 0; s < n; s++)
        {
            for (int t = 0; t < n; t++)
            {
                best[s, t] = double.PositiveInfinity;
            }
        }

        for (int i = 0; i < Sites.Count; i++)
        {
            for (int j = 0; j < Sites.Count; j++)
            {
                for (int x = -range; x <= range; x++)
                {
                    for (int y = -range; y <= range; y++)
                    {
                        for (int z = -range; z <= range; z++)
                        {
                            if (i == j && x == 0 && y == 0 && z == 0)
                            {
                                continue;
                            }

                            double d = (Shape * (Sites[j].Position + new Vec3(x, y, z) - Sites[i].Position)).Length * A;
                            int s = Sites[i].Species, t = Sites[j].Species;
                            best[s, t] = Math.Min(best[s, t], d);
                        }
                    }
                }
            }
        }

        return best;
    }
}
