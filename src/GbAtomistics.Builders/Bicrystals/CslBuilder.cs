using System.Globalization;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// Builds periodic symmetric tilt bicrystals from a cubic unit cell.
/// </summary>
/// <remarks>
/// <para>
/// Geometry: the tilt axis o lies along x, the boundary normal along z and y = z × x. The lower grain has the plane
/// d₁ = m·p − n·(o×p) normal to z, the upper grain d₂ = m·p + n·(o×p) (see <see cref="SigmaTable"/>). The box
/// periods are the shortest crystal translations along o, d₁ × o and d₁ (the CSL periods of the orthogonal cell), so
/// both grains are periodic in x and y and each grain holds a whole number k of normal periods (the thickness rounded
/// up). Grain 1 fills 0 ≤ z &lt; T = k·P_z, grain 2 fills T ≤ z &lt; 2T, so each grain is an exact supercell of the
/// crystal: whole formula units and zero net charge before any overlap rule.
/// </para>
/// <para>
/// The upper grain is the mirror image of the lower one across the boundary plane when the reference direction p
/// is a mirror normal of the crystal (the usual case for ⟨100⟩, ⟨110⟩ and ⟨111⟩ axes); else the image under the
/// two-fold rotation about y when o×p is a two-fold axis; else it is built from its own orientation. A termination
/// places the cut (boundary plane) through a layer of the stacking along d₁ (the layer is then shared: the lower
/// grain's copy at z = 0 and the upper grain's at z = T) or midway between two layers.
/// </para>
/// <para>
/// Rigid-body translation: the upper grain is shifted by (t_x·P_x, t_y·P_y) in the plane and by the expansion e
/// along z, and the box grows by 2e, so both boundaries open by e; everything is then shifted by e/2 so the
/// boundaries sit at z = 0 and z = L_z/2. With vacuum the periodic boundary is replaced by a gap of that width
/// (two free surfaces) and the slab is centred.
/// </para>
/// </remarks>
public static class CslBuilder
{
    private const double Eps = 1e-6;

    /// <summary>
    /// Builds the bicrystal. With no termination given, the terminations are tried in order and the first whose result
    /// has no pair closer than the minimum distance and is whole neutral formula units is used; a failure lists the
    /// terminations that would work.
    /// </summary>
    public static CslBicrystal Build(CslBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Geometry g = Prepare(options);
        if (options.Termination is { } chosen)
        {
            if (chosen < 0 || chosen >= g.Terminations.Count)
            {
                throw new InputException($"--termination {chosen}: expected 0 to {g.Terminations.Count - 1} ({Describe(g.Terminations)})");
            }

            var (result, failure) = TryBuild(options, g, g.Terminations[chosen]);
            if (result is not null)
            {
                return result;
            }

            var working = g.Terminations.Where(t => t.Index != chosen && TryBuild(options, g, t).Result is not null).ToList();
            throw new InputException(
                $"termination {chosen} ({g.Terminations[chosen].Description}): {failure}; " +
                (working.Count == 0
                    ? "no termination works at this translation (try another translation, --overlap formula-units or --min-distance)"
                    : $"terminations that give a neutral, stoichiometric result: {Describe(working)}"));
        }

        var failures = new List<string>();
        foreach (Termination t in g.Terminations)
        {
            var (result, failure) = TryBuild(options, g, t);
            if (result is not null)
            {
                return result;
            }

            failures.Add($"{t.Index} ({t.Description}): {failure}");
        }

        throw new InputException(
            "no termination gives a neutral, stoichiometric bicrystal without atoms closer than " +
            string.Create(CultureInfo.InvariantCulture, $"{options.EffectiveMinDistance:G4} Å: ") + string.Join("; ", failures) +
            " (try another translation, --overlap formula-units or a smaller --min-distance)");
    }

    /// <summary>The terminations of the stacking for these options, without building.</summary>
    public static IReadOnlyList<Termination> Terminations(CslBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Prepare(options).Terminations;
    }

    /// <summary>The number of formula units in <paramref name="counts"/>, or null when it is not a whole multiple of <paramref name="formula"/>.</summary>
    public static int? WholeFormulaUnits(IReadOnlyList<int> counts, IReadOnlyList<int> formula)
    {
        int k = counts[0] / formula[0];
        for (int s = 0; s < counts.Count; s++)
        {
            if (counts[s] != k * formula[s])
            {
                return null;
            }
        }

        return k;
    }

    private static string Describe(IEnumerable<Termination> terminations) =>
        string.Join(", ", terminations.Select(t => $"{t.Index} = {t.Description}"));

    private static Geometry Prepare(CslBuildOptions options)
    {
        UnitCell cell = options.Cell;
        var (entry, planes) = SigmaTable.Select(options.Axis, options.Sigma, options.AngleDegrees, options.Plane);
        Int3 o = Miller.Reduce(options.Axis);
        Int3 d1 = planes.Lower;
        Int3 d2 = planes.Upper;
        Mat3 r1 = Orientation(o, d1);
        Mat3 r2 = Orientation(o, d2);

        Vec3 p = Unit(Miller.ToVec(planes.Reference));
        Vec3 q = Unit(Miller.ToVec(Miller.Cross(o, planes.Reference)));
        GrainConstruction construction =
            cell.HasPointOperation(Reflection(p)) ? GrainConstruction.Mirror
            : cell.HasPointOperation(TwoFold(q)) ? GrainConstruction.TwoFold
            : GrainConstruction.Rotation;

        Int3 ty1 = Miller.Reduce(Miller.Cross(d1, o));
        Int3 ty2 = Miller.Reduce(Miller.Cross(d2, o));
        int kx = Divisor(cell, o);
        int ky = construction == GrainConstruction.Rotation ? Miller.Gcd(Divisor(cell, ty1), Divisor(cell, ty2)) : Divisor(cell, ty1);
        int kz = construction == GrainConstruction.Rotation ? Miller.Gcd(Divisor(cell, d1), Divisor(cell, d2)) : Divisor(cell, d1);
        var periods = new Vec3(
            Math.Sqrt(Miller.NormSquared(o)) * cell.A / kx,
            Math.Sqrt(Miller.NormSquared(ty1)) * cell.A / ky,
            Math.Sqrt(Miller.NormSquared(d1)) * cell.A / kz);

        List<Layer> layers1 = Layers(cell, r1, periods);
        List<Layer> layers2 = construction == GrainConstruction.Rotation ? Layers(cell, r2, periods) : layers1;
        // Cuts that differ by the normal component of a crystal translation give the same bicrystal (shifted in the
        // plane), so only the layers within one such step δ are offered.
        double step = TranslationStep(cell, r1, periods);
        var terminations = new List<Termination>();
        for (int i = 0; i < layers1.Count && layers1[i].Height < layers1[0].Height + step - 1e-6; i++)
        {
            Layer a = layers1[i];
            Layer b = layers1[(i + 1) % layers1.Count];
            double hb = i + 1 < layers1.Count ? b.Height : b.Height + periods.Z;
            terminations.Add(new Termination(terminations.Count, true, a.Height, $"through {a.Name}"));
            terminations.Add(new Termination(terminations.Count, false, 0.5 * (a.Height + hb), $"between {a.Name} and {b.Name}"));
        }

        int k = Math.Max(1, (int)Math.Ceiling((options.Thickness / periods.Z) - 1e-9));
        return new Geometry(entry, planes, o, r1, r2, construction, periods, k, terminations, layers1, layers2);
    }

    private static (CslBicrystal? Result, string? Failure) TryBuild(CslBuildOptions options, Geometry g, Termination termination)
    {
        UnitCell cell = options.Cell;
        double px = g.Periods.X, py = g.Periods.Y, pz = g.Periods.Z;
        double lx = options.RepeatAxis * px;
        double ly = options.RepeatPlane * py;
        double t = g.PeriodsPerGrain * pz;
        double e = options.Expansion;

        var atoms = new List<Atom>();
        List<(int Species, Vec3 R)> lower = Generate(cell, g.RotationLower, new Vec3(0, 0, -termination.Height), lx, ly, -Eps, t + Eps);
        foreach (var (s, r) in lower)
        {
            if (r.Z < t - Eps)
            {
                atoms.Add(new Atom(s, 1, r));
            }
        }

        if (g.Construction == GrainConstruction.Rotation)
        {
            Termination t2 = MatchingTermination(g, termination);
            foreach (var (s, r) in Generate(cell, g.RotationUpper, new Vec3(0, 0, t - t2.Height), lx, ly, t - Eps, (2 * t) + Eps))
            {
                if (r.Z >= t - Eps && r.Z < (2 * t) - Eps)
                {
                    atoms.Add(new Atom(s, 2, r));
                }
            }
        }
        else
        {
            bool twoFold = g.Construction == GrainConstruction.TwoFold;
            foreach (var (s, r) in lower)
            {
                if (r.Z > Eps)
                {
                    double x = twoFold ? WrapLength(-r.X, lx) : r.X;
                    atoms.Add(new Atom(s, 2, new Vec3(x, r.Y, (2 * t) - r.Z)));
                }
            }
        }

        // Rigid-body translation of the upper grain, then centre the boundaries.
        double shiftAll = options.Vacuum is { } vac ? vac / 2 : e / 2;
        double lz = options.Vacuum is { } v ? (2 * t) + e + v : (2 * t) + (2 * e);
        for (int i = 0; i < atoms.Count; i++)
        {
            Atom a = atoms[i];
            Vec3 r = a.R;
            if (a.Grain == 2)
            {
                r = new Vec3(WrapLength(r.X + (options.Translation.X * px), lx), WrapLength(r.Y + (options.Translation.Y * py), ly), r.Z + e);
            }

            atoms[i] = a with { R = new Vec3(r.X, r.Y, r.Z + shiftAll) };
        }

        var box = Box.Orthogonal(lx, ly, lz);
        double middle = shiftAll + t + (e / 2);
        double[] planes = options.Vacuum is null ? [0.0, middle / lz] : [middle / lz];

        // Overlaps.
        double dmin = options.EffectiveMinDistance;
        List<(int I, int J, double D)> close = ClosePairs(box, atoms, dmin);
        bool[] removed = new bool[atoms.Count];
        if (close.Count > 0)
        {
            if (options.Overlap == OverlapMode.Refuse)
            {
                return (null, CloseMessage(cell, atoms, close, dmin));
            }

            var unlike = new List<(int I, int J, double D)>();
            foreach (var (i, j, d) in close.OrderBy(c => c.D))
            {
                if (removed[i] || removed[j])
                {
                    continue;
                }

                if (atoms[i].Grain == atoms[j].Grain)
                {
                    return (null, string.Create(CultureInfo.InvariantCulture,
                        $"two atoms of grain {atoms[i].Grain} are {d:F3} Å apart, closer than --min-distance {dmin:G4} Å"));
                }

                if (options.Overlap == OverlapMode.Merge && atoms[i].Species != atoms[j].Species)
                {
                    unlike.Add((i, j, d));
                    continue;
                }

                removed[atoms[i].Grain == 2 ? i : j] = true;
            }

            unlike.RemoveAll(c => removed[c.I] || removed[c.J]);
            if (unlike.Count > 0)
            {
                return (null, "cation and anion closer than the minimum distance are never merged: " + CloseMessage(cell, atoms, unlike, dmin));
            }

            if (options.Overlap == OverlapMode.FormulaUnits)
            {
                CompleteFormulaUnits(cell, atoms, removed, box, planes);
            }
        }

        var kept = new List<Atom>();
        int[] removedCounts = new int[cell.Species.Count];
        for (int i = 0; i < atoms.Count; i++)
        {
            if (removed[i])
            {
                removedCounts[atoms[i].Species]++;
            }
            else
            {
                kept.Add(atoms[i]);
            }
        }

        int[][] composition = [new int[cell.Species.Count], new int[cell.Species.Count]];
        foreach (Atom a in kept)
        {
            composition[a.Grain - 1][a.Species]++;
        }

        if (!options.AllowNonStoichiometric)
        {
            for (int grain = 1; grain <= 2; grain++)
            {
                int[] c = composition[grain - 1];
                double charge = c.Select((n, s) => n * cell.Charges[s]).Sum();
                if (WholeFormulaUnits(c, cell.FormulaUnit) is null || Math.Abs(charge) > 1e-6)
                {
                    return (null, string.Create(CultureInfo.InvariantCulture,
                        $"grain {grain} would be {cell.FormatComposition(c)} (net charge {charge:+0.###;-0.###;0} e), not whole {cell.Formula} formula units " +
                        $"after merging {cell.FormatComposition(removedCounts)}"));
                }
            }
        }

        double shortest = Shortest(box, kept, cell.NearestNeighbourDistance * 1.5);
        kept.Sort((a, b) =>
            a.Species != b.Species ? a.Species.CompareTo(b.Species)
            : a.Grain != b.Grain ? a.Grain.CompareTo(b.Grain)
            : a.R.Z != b.R.Z ? a.R.Z.CompareTo(b.R.Z)
            : a.R.Y != b.R.Y ? a.R.Y.CompareTo(b.R.Y)
            : a.R.X.CompareTo(b.R.X));

        var frame = new Frame { Box = box, Species = SpeciesMap.FromOrderedNames(cell.Species.ToArray()) };
        frame.Resize(kept.Count);
        double[]? charges = cell.IsIonic ? frame.EnsureCharges() : null;
        int[] grainOfAtom = new int[kept.Count];
        for (int i = 0; i < kept.Count; i++)
        {
            frame.Ids[i] = i + 1;
            frame.Types[i] = kept[i].Species + 1;
            frame.Positions[i] = kept[i].R;
            grainOfAtom[i] = kept[i].Grain;
            if (charges is not null)
            {
                charges[i] = cell.Charges[kept[i].Species];
            }
        }

        var metadata = new BicrystalMetadata(
            g.Entry.Sigma,
            [g.Axis.X, g.Axis.Y, g.Axis.Z],
            g.Entry.AngleDegrees,
            [g.Planes.Upper.X, g.Planes.Upper.Y, g.Planes.Upper.Z],
            [g.Planes.Lower.X, g.Planes.Lower.Y, g.Planes.Lower.Z],
            2,
            planes,
            Math.Min(Math.Max(4.0, pz / 2), t / 2),
            options.Vacuum is null,
            cell.Species.ToArray(),
            [grainOfAtom.Count(x => x == 1), grainOfAtom.Count(x => x == 2)],
            grainOfAtom,
            string.Empty);

        return (new CslBicrystal(options, g.Entry, g.Planes, frame, metadata, g.Periods, g.PeriodsPerGrain, termination, g.Terminations,
            g.Construction, g.RotationLower, g.RotationUpper, composition, removedCounts, shortest), null);
    }

    /// <summary>
    /// Removes further upper-grain atoms, nearest to a boundary plane first, until the removed atoms are whole formula units.
    /// </summary>
    private static void CompleteFormulaUnits(UnitCell cell, List<Atom> atoms, bool[] removed, Box box, double[] planes)
    {
        int[] counts = new int[cell.Species.Count];
        for (int i = 0; i < atoms.Count; i++)
        {
            if (removed[i])
            {
                counts[atoms[i].Species]++;
            }
        }

        int units = 0;
        for (int s = 0; s < counts.Length; s++)
        {
            units = Math.Max(units, (counts[s] + cell.FormulaUnit[s] - 1) / cell.FormulaUnit[s]);
        }

        var region = new SlabRegion(2, planes, box.H.C2.Z);
        for (int s = 0; s < counts.Length; s++)
        {
            int missing = (units * cell.FormulaUnit[s]) - counts[s];
            foreach (int i in Enumerable.Range(0, atoms.Count)
                .Where(i => !removed[i] && atoms[i].Grain == 2 && atoms[i].Species == s)
                .OrderBy(i => region.DistanceToPlane(box, atoms[i].R))
                .Take(missing))
            {
                removed[i] = true;
            }
        }
    }

    private static Termination MatchingTermination(Geometry g, Termination lower)
    {
        // The upper grain's own stacking, same kind of cut at the layer of the same index.
        int layer = lower.Index / 2;
        List<Layer> layers = g.LayersUpper;
        Layer a = layers[layer % layers.Count];
        if (lower.Through)
        {
            return new Termination(lower.Index, true, a.Height, $"through {a.Name}");
        }

        Layer b = layers[(layer + 1) % layers.Count];
        double hb = (layer % layers.Count) + 1 < layers.Count ? b.Height : b.Height + g.Periods.Z;
        return new Termination(lower.Index, false, 0.5 * (a.Height + hb), $"between {a.Name} and {b.Name}");
    }

    private static string CloseMessage(UnitCell cell, List<Atom> atoms, List<(int I, int J, double D)> close, double dmin)
    {
        var (i, j, d) = close.MinBy(c => c.D);
        return string.Create(CultureInfo.InvariantCulture,
            $"{close.Count} pair(s) closer than {dmin:G4} Å, the closest {cell.Species[atoms[i].Species]}-{cell.Species[atoms[j].Species]} at {d:F3} Å");
    }

    /// <summary>The rotation whose rows are the box axes x = ô, y = (d × o)^, z = d̂ in cube coordinates.</summary>
    private static Mat3 Orientation(Int3 o, Int3 d)
    {
        Vec3 x = Unit(Miller.ToVec(o));
        Vec3 z = Unit(Miller.ToVec(d));
        Vec3 y = Vec3.Cross(z, x);
        return Mat3.FromRows(x, y, z);
    }

    private static Vec3 Unit(Vec3 v) => v / v.Length;

    private static Mat3 Reflection(Vec3 n) => Mat3.FromRows(
        new Vec3(1 - (2 * n.X * n.X), -2 * n.X * n.Y, -2 * n.X * n.Z),
        new Vec3(-2 * n.Y * n.X, 1 - (2 * n.Y * n.Y), -2 * n.Y * n.Z),
        new Vec3(-2 * n.Z * n.X, -2 * n.Z * n.Y, 1 - (2 * n.Z * n.Z)));

    private static Mat3 TwoFold(Vec3 n) => -1.0 * Reflection(n);

    /// <summary>The largest k ≤ 6 for which <paramref name="t"/>/k is a translation of the crystal.</summary>
    private static int Divisor(UnitCell cell, Int3 t)
    {
        for (int k = 6; k > 1; k--)
        {
            if (cell.IsTranslation(Miller.ToVec(t) / k))
            {
                return k;
            }
        }

        return 1;
    }

    private static double WrapLength(double x, double l)
    {
        double w = x - (l * Math.Floor(x / l));
        return w >= l - Eps ? w - l : w;
    }

    /// <summary>
    /// Crystal atoms placed at r = shift + a·R·f for cube coordinates f, kept when 0 ≤ x &lt; lx, 0 ≤ y &lt; ly
    /// (small negative values snap to 0) and zLo ≤ z ≤ zHi.
    /// </summary>
    internal static List<(int Species, Vec3 R)> Generate(UnitCell cell, Mat3 rotation, Vec3 shift, double lx, double ly, double zLo, double zHi)
    {
        Mat3 back = rotation.Transpose();
        double a = cell.A;
        Vec3 lo = new(double.MaxValue, double.MaxValue, double.MaxValue);
        Vec3 hi = new(double.MinValue, double.MinValue, double.MinValue);
        foreach (double x in new[] { 0, lx })
        {
            foreach (double y in new[] { 0, ly })
            {
                foreach (double z in new[] { zLo, zHi })
                {
                    Vec3 f = back * ((new Vec3(x, y, z) - shift) / a);
                    lo = new Vec3(Math.Min(lo.X, f.X), Math.Min(lo.Y, f.Y), Math.Min(lo.Z, f.Z));
                    hi = new Vec3(Math.Max(hi.X, f.X), Math.Max(hi.Y, f.Y), Math.Max(hi.Z, f.Z));
                }
            }
        }

        var result = new List<(int, Vec3)>();
        for (int i = (int)Math.Floor(lo.X) - 1; i <= (int)Math.Ceiling(hi.X); i++)
        {
            for (int j = (int)Math.Floor(lo.Y) - 1; j <= (int)Math.Ceiling(hi.Y); j++)
            {
                for (int k = (int)Math.Floor(lo.Z) - 1; k <= (int)Math.Ceiling(hi.Z); k++)
                {
                    foreach (UnitCellSite site in cell.Sites)
                    {
                        Vec3 r = shift + (a * (rotation * (new Vec3(i, j, k) + site.Position)));
                        if (r.X < -Eps || r.X >= lx - Eps || r.Y < -Eps || r.Y >= ly - Eps || r.Z < zLo || r.Z > zHi)
                        {
                            continue;
                        }

                        result.Add((site.Species, new Vec3(Math.Max(r.X, 0), Math.Max(r.Y, 0), r.Z)));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The smallest positive normal (z) component of a crystal translation, modulo the normal period.</summary>
    private static double TranslationStep(UnitCell cell, Mat3 rotation, Vec3 periods)
    {
        var lattice = new UnitCell("lattice", cell.A, ["X"], [0], cell.Centring().Select(c => new UnitCellSite(0, c)).ToArray());
        double step = periods.Z;
        foreach (var (_, r) in Generate(lattice, rotation, Vec3.Zero, periods.X, periods.Y, -Eps, periods.Z - Eps))
        {
            if (r.Z > 1e-4)
            {
                step = Math.Min(step, r.Z);
            }
        }

        return step;
    }

    private static List<Layer> Layers(UnitCell cell, Mat3 rotation, Vec3 periods)
    {
        List<(int Species, Vec3 R)> column = Generate(cell, rotation, Vec3.Zero, periods.X, periods.Y, -Eps, periods.Z - Eps);
        var heights = column.Select(c => (c.Species, Z: c.R.Z < 0 ? 0 : c.R.Z)).OrderBy(c => c.Z).ToList();
        var layers = new List<Layer>();
        int start = 0;
        for (int i = 1; i <= heights.Count; i++)
        {
            if (i == heights.Count || heights[i].Z - heights[i - 1].Z > 1e-3)
            {
                int[] counts = new int[cell.Species.Count];
                double sum = 0;
                for (int j = start; j < i; j++)
                {
                    counts[heights[j].Species]++;
                    sum += heights[j].Z;
                }

                layers.Add(new Layer(sum / (i - start), cell.FormatComposition(counts)));
                start = i;
            }
        }

        return layers;
    }

    private static List<(int I, int J, double D)> ClosePairs(Box box, List<Atom> atoms, double cutoff)
    {
        var positions = atoms.Select(a => a.R).ToArray();
        var list = new CellList(box, positions, cutoff);
        var visitor = new PairCollector(new List<(int, int, double)>());
        list.VisitPairs(ref visitor);
        return visitor.Pairs;
    }

    private static double Shortest(Box box, List<Atom> atoms, double cutoff)
    {
        if (atoms.Count < 2)
        {
            return double.PositiveInfinity;
        }

        List<(int I, int J, double D)> pairs = ClosePairs(box, atoms, cutoff);
        return pairs.Count == 0 ? double.PositiveInfinity : pairs.Min(p => p.D);
    }

    private readonly record struct Atom(int Species, int Grain, Vec3 R);

    private sealed record Layer(double Height, string Name);

    private sealed record Geometry(
        SigmaEntry Entry,
        TiltPlanePair Planes,
        Int3 Axis,
        Mat3 RotationLower,
        Mat3 RotationUpper,
        GrainConstruction Construction,
        Vec3 Periods,
        int PeriodsPerGrain,
        List<Termination> Terminations,
        List<Layer> LayersLower,
        List<Layer> LayersUpper);

    private readonly struct PairCollector(List<(int, int, double)> pairs) : IPairVisitor
    {
        public List<(int I, int J, double D)> Pairs { get; } = pairs;

        public void Visit(int i, int j, double distanceSquared)
        {
            if (i != j)
            {
                Pairs.Add((i, j, Math.Sqrt(distanceSquared)));
            }
        }
    }
}
