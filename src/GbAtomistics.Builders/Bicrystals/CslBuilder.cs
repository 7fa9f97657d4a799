using System.Globalization;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Builders.Scoring;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// Builds periodic symmetric tilt bicrystals from a cubic unit cell (any axis) or a tetragonal, orthorhombic or
/// hexagonal one (about c, and about a or b of a tetragonal or orthorhombic cell, see <see cref="UniqueAxisTilt"/>),
/// and chooses among terminations the one that is
/// physical: every species pair at or above its fraction of the bulk distance (<see cref="DistanceCriterion"/>),
/// then the lowest model energy (<see cref="ModelEnergy"/>).
/// </summary>
/// <remarks>
/// <para>
/// Geometry: the tilt axis o lies along x, the boundary normal along z and y = z × x. The lower grain has the plane
/// d₁ = m·p − n·(o×p) normal to z, the upper grain d₂ = m·p + n·(o×p) (see <see cref="SigmaTable"/>). The box
/// periods are the shortest crystal translations along o, d₁ × o and d₁ (the CSL periods of the orthogonal cell), so
/// both grains are periodic in x and y and each grain holds a whole number k of normal periods (the thickness rounded
/// up). Grain 1 owns the units whose anchor lies in 0 ≤ z &lt; T = k·P_z, grain 2 those in T ≤ z &lt; 2T, so each
/// grain is an exact supercell of the crystal: whole formula units and zero net charge before any overlap rule.
/// </para>
/// <para>
/// Units: the crystal is placed as rigid units (<see cref="RigidUnits"/>): a polyanion such as PS4 belongs to the
/// grain of its centre and is written whole, its ligands never cut off, merged or shared; other atoms are units of
/// one. Overlap handling removes whole units.
/// </para>
/// <para>
/// The upper grain is the mirror image of the lower one across the boundary plane when the reference direction p
/// is a mirror normal of the crystal (the usual case for ⟨100⟩, ⟨110⟩ and ⟨111⟩ axes); else the image under the
/// two-fold rotation about y when o×p is a two-fold axis; else it is built from its own orientation. A termination
/// places the cut (boundary plane) through a layer of unit anchors of the stacking along d₁ (the layer is then
/// shared: the lower grain's copy at z = 0 and the upper grain's at z = T) or midway between two layers.
/// </para>
/// <para>
/// Rigid-body translation: the upper grain is shifted by (t_x·P_x, t_y·P_y) in the plane and by the expansion e
/// along z, and the box grows by 2e, so both boundaries open by e; everything is then shifted by e/2 so the
/// boundaries sit at z = 0 and z = L_z/2. With vacuum the periodic boundary is replaced by a gap of that width
/// (two free surfaces) and the slab is centred.
/// </para>
/// <para>
/// Overlaps: a pair of atoms from the two grains closer than the distance criterion allows is resolved, with
/// <see cref="OverlapMode.FormulaUnits"/>, by removing the upper grain's unit, and then further upper-grain units of
/// the kinds still short, nearest to a boundary plane first, until the removed units are whole formula units: the
/// result stays stoichiometric and neutral.
/// </para>
/// </remarks>
public static class CslBuilder
{
    private const double Eps = 1e-6;

    /// <summary>
    /// Builds the bicrystal at the translation of <paramref name="options"/>. With no termination given every
    /// termination is built, and among those that meet the distance criterion the one of lowest model energy is
    /// returned; a failure lists why each termination failed.
    /// </summary>
    public static CslBicrystal Build(CslBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Best(options, Prepare(options));
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

    internal static CslBicrystal Best(CslBuildOptions options, Geometry g)
    {
        IReadOnlyList<Termination> tried = g.Terminations;
        if (options.Termination is { } chosen)
        {
            if (chosen < 0 || chosen >= g.Terminations.Count)
            {
                throw new InputException($"--termination {chosen}: expected 0 to {g.Terminations.Count - 1} ({Describe(g.Terminations)})");
            }

            tried = [g.Terminations[chosen]];
        }

        var built = new List<CslBicrystal>();
        var failures = new List<string>();
        foreach (Termination t in tried)
        {
            var (result, failure) = Construct(options, g, t);
            if (result is not null)
            {
                built.Add(result);
            }
            else
            {
                failures.Add($"termination {t.Index} ({t.Description}): {failure}");
            }
        }

        if (built.Count == 0)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"at translation ({options.Translation.X:0.###}, {options.Translation.Y:0.###}) ") +
                string.Join("; ", failures) +
                (options.Overlap == OverlapMode.Refuse ? " (--overlap formula-units removes whole formula units at the boundary)" : string.Empty));
        }

        CslBicrystal best = built.MinBy(b => b.ModelEnergy)!;
        best.Selection = built.Count == 1
            ? (options.Termination is null ? "the only termination that meets the distance criterion" : "the termination asked for")
            : string.Create(CultureInfo.InvariantCulture,
                $"lowest model energy of the {built.Count} terminations that meet the distance criterion ({string.Join(", ", built.Select(b => $"{b.Termination.Index}: {b.ModelEnergy:F3}"))} J/m²)");
        return best;
    }

    private static string Describe(IEnumerable<Termination> terminations) =>
        string.Join(", ", terminations.Select(t => $"{t.Index} = {t.Description}"));

    internal static Geometry Prepare(CslBuildOptions options)
    {
        UnitCell cell = options.Cell;
        RigidUnits units = options.Units;
        options.Distances.Validate(cell);
        SigmaEntry entry;
        TiltPlanePair planes;
        Int3 o;
        Mat3 r1, r2;
        GrainConstruction construction;
        Vec3 periods;
        if (cell.System == LatticeSystem.Cubic)
        {
            (entry, planes) = SigmaTable.Select(options.Axis, options.Sigma, options.AngleDegrees, options.Plane);
            o = Miller.Reduce(options.Axis);
            Int3 d1 = planes.Lower;
            Int3 d2 = planes.Upper;
            r1 = Orientation(o, d1);
            r2 = Orientation(o, d2);

            Vec3 p = Unit(Miller.ToVec(planes.Reference));
            Vec3 q = Unit(Miller.ToVec(Miller.Cross(o, planes.Reference)));
            construction =
                cell.HasPointOperation(Reflection(p)) ? GrainConstruction.Mirror
                : cell.HasPointOperation(TwoFold(q)) ? GrainConstruction.TwoFold
                : GrainConstruction.Rotation;

            Int3 ty1 = Miller.Reduce(Miller.Cross(d1, o));
            Int3 ty2 = Miller.Reduce(Miller.Cross(d2, o));
            int kx = Divisor(cell, o);
            int ky = construction == GrainConstruction.Rotation ? Miller.Gcd(Divisor(cell, ty1), Divisor(cell, ty2)) : Divisor(cell, ty1);
            int kz = construction == GrainConstruction.Rotation ? Miller.Gcd(Divisor(cell, d1), Divisor(cell, d2)) : Divisor(cell, d1);
            periods = new Vec3(
                Math.Sqrt(Miller.NormSquared(o)) * cell.A / kx,
                Math.Sqrt(Miller.NormSquared(ty1)) * cell.A / ky,
                Math.Sqrt(Miller.NormSquared(d1)) * cell.A / kz);
        }
        else
        {
            // Tilt about c (or about a or b of a tetragonal or orthorhombic cell): the two-dimensional CSL of the net
            // perpendicular to the axis, with indices and normals in the axes and Cartesian frame of the cell.
            UniqueAxisBoundary b = UniqueAxisTilt.Select(cell, options.Axis, options.Sigma, options.AngleDegrees, options.Plane);
            (entry, planes) = (b.Entry, b.Planes);
            o = entry.Axis;
            Vec3 c = Unit(cell.Shape * Miller.ToVec(o));
            r1 = OrientationCartesian(c, b.NormalLower);
            r2 = OrientationCartesian(c, b.NormalUpper);
            construction =
                cell.HasCartesianOperation(Reflection(b.Reference)) ? GrainConstruction.Mirror
                : cell.HasCartesianOperation(TwoFold(Vec3.Cross(c, b.Reference))) ? GrainConstruction.TwoFold
                : GrainConstruction.Rotation;
            bool rotation = construction == GrainConstruction.Rotation;
            int kx = Divisor(cell, o);
            int ky = rotation ? Miller.Gcd(Divisor(cell, b.InPlaneLower), Divisor(cell, b.InPlaneUpper)) : Divisor(cell, b.InPlaneLower);
            int kz = rotation ? Miller.Gcd(Divisor(cell, b.NormalPeriodLower), Divisor(cell, b.NormalPeriodUpper)) : Divisor(cell, b.NormalPeriodLower);
            periods = new Vec3(
                cell.Cartesian(Miller.ToVec(o)).Length / kx,
                cell.Cartesian(Miller.ToVec(b.InPlaneLower)).Length / ky,
                cell.Cartesian(Miller.ToVec(b.NormalPeriodLower)).Length / kz);
        }

        List<Layer> layers1 = Layers(cell, units, r1, periods);
        List<Layer> layers2 = construction == GrainConstruction.Rotation ? Layers(cell, units, r2, periods) : layers1;

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
        double[,] minimum = new double[cell.Species.Count, cell.Species.Count];
        for (int s = 0; s < cell.Species.Count; s++)
        {
            for (int t = 0; t < cell.Species.Count; t++)
            {
                minimum[s, t] = options.Distances.FractionFor(cell, s, t) * cell.PairDistance(s, t);
            }
        }

        return new Geometry(entry, planes, o, r1, r2, construction, periods, k, terminations, layers1, layers2, units, minimum,
            new ModelEnergy(cell, units, options.ScorePotential));
    }

    internal static (CslBicrystal? Result, string? Failure) Construct(CslBuildOptions options, Geometry g, Termination termination)
    {
        UnitCell cell = options.Cell;
        double px = g.Periods.X, py = g.Periods.Y, pz = g.Periods.Z;
        double lx = options.RepeatAxis * px;
        double ly = options.RepeatPlane * py;
        double t = g.PeriodsPerGrain * pz;
        double e = options.Expansion;

        // Units of both grains, each with its grain, kind, anchor and atoms.
        var placed = new List<Placed>();
        List<PlacedUnit> lower = Generate(cell, g.Units, g.RotationLower, new Vec3(0, 0, -termination.Height), lx, ly, -Eps, t + Eps);
        foreach (PlacedUnit u in lower)
        {
            if (u.Anchor.Z < t - Eps)
            {
                placed.Add(new Placed(1, u));
            }
        }

        if (g.Construction == GrainConstruction.Rotation)
        {
            Termination t2 = MatchingTermination(g, termination);
            foreach (PlacedUnit u in Generate(cell, g.Units, g.RotationUpper, new Vec3(0, 0, t - t2.Height), lx, ly, t - Eps, (2 * t) + Eps))
            {
                if (u.Anchor.Z < (2 * t) - Eps)
                {
                    placed.Add(new Placed(2, u));
                }
            }
        }
        else
        {
            bool twoFold = g.Construction == GrainConstruction.TwoFold;
            Vec3 Image(Vec3 r) => new(twoFold ? WrapLength(-r.X, lx) : r.X, r.Y, (2 * t) - r.Z);
            foreach (PlacedUnit u in lower)
            {
                if (u.Anchor.Z > Eps)
                {
                    placed.Add(new Placed(2, new PlacedUnit(u.Kind, Image(u.Anchor), u.Atoms.Select(a => (a.Species, Image(a.R))).ToArray())));
                }
            }
        }

        // Rigid-body translation of the upper grain, then centre the boundaries; every atom wrapped into the box.
        double shiftAll = options.Vacuum is { } vac ? vac / 2 : e / 2;
        double lz = options.Vacuum is { } v ? (2 * t) + e + v : (2 * t) + (2 * e);
        var box = Box.Orthogonal(lx, ly, lz);
        var translation = new Vec3(options.Translation.X * px, options.Translation.Y * py, e);
        var atoms = new List<Atom>();
        for (int k = 0; k < placed.Count; k++)
        {
            Placed p = placed[k];
            Vec3 shift = new Vec3(0, 0, shiftAll) + (p.Grain == 2 ? translation : Vec3.Zero);
            foreach (var (species, r) in p.Unit.Atoms)
            {
                Vec3 moved = r + shift;
                atoms.Add(new Atom(species, p.Grain, k, new Vec3(WrapLength(moved.X, lx), WrapLength(moved.Y, ly), WrapLength(moved.Z, lz))));
            }

            placed[k] = p with { Unit = p.Unit with { Anchor = p.Unit.Anchor + shift } };
        }

        double middle = shiftAll + t + (e / 2);
        double[] planes = options.Vacuum is null ? [0.0, middle / lz] : [middle / lz];

        // Overlaps: pairs below the distance criterion, worst first.
        List<(int I, int J, double Ratio)> close = ClosePairs(box, atoms, g.Minimum);
        bool[] removed = new bool[placed.Count];
        if (close.Count > 0)
        {
            if (options.Overlap == OverlapMode.Refuse)
            {
                return (null, CloseMessage(cell, atoms, close));
            }

            foreach (var (i, j, _) in close.OrderBy(c => c.Ratio))
            {
                Atom a = atoms[i], b = atoms[j];
                if (removed[a.Unit] || removed[b.Unit])
                {
                    continue;
                }

                if (a.Grain == b.Grain)
                {
                    return (null, string.Create(CultureInfo.InvariantCulture,
                        $"two atoms of grain {a.Grain} ({cell.Species[a.Species]}, {cell.Species[b.Species]}) are closer than the distance criterion allows"));
                }

                removed[a.Grain == 2 ? a.Unit : b.Unit] = true;
            }

            string? failure = CompleteFormulaUnits(g.Units, placed, removed, box, planes);
            if (failure is not null)
            {
                return (null, failure);
            }
        }

        RecentrePlanes(placed, removed, planes, lz, t);
        int[] removedCounts = new int[cell.Species.Count];
        var kept = new List<Atom>();
        foreach (Atom a in atoms)
        {
            if (removed[a.Unit])
            {
                removedCounts[a.Species]++;
            }
            else
            {
                kept.Add(a);
            }
        }

        int[][] composition = [new int[cell.Species.Count], new int[cell.Species.Count]];
        foreach (Atom a in kept)
        {
            composition[a.Grain - 1][a.Species]++;
        }

        for (int grain = 1; grain <= 2; grain++)
        {
            int[] c = composition[grain - 1];
            double charge = c.Select((n, s) => n * cell.Charges[s]).Sum();
            if (WholeFormulaUnits(c, cell.FormulaUnit) is null || Math.Abs(charge) > 1e-6)
            {
                // Whole units and whole formula units of them make this impossible; kept as a guard.
                return (null, string.Create(CultureInfo.InvariantCulture,
                    $"grain {grain} would be {cell.FormatComposition(c)} (net charge {charge:+0.###;-0.###;0} e), not whole {cell.Formula} formula units"));
            }
        }

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
        int[] speciesOfAtom = new int[kept.Count];
        for (int i = 0; i < kept.Count; i++)
        {
            frame.Ids[i] = i + 1;
            frame.Types[i] = kept[i].Species + 1;
            frame.Positions[i] = kept[i].R;
            grainOfAtom[i] = kept[i].Grain;
            speciesOfAtom[i] = kept[i].Species;
            if (charges is not null)
            {
                charges[i] = cell.Charges[kept[i].Species];
            }
        }

        IReadOnlyList<PairDistance> pairs = PairTable(options, box, frame.Positions.AsSpan(0, kept.Count), speciesOfAtom);
        if (pairs.FirstOrDefault(p => !p.Passes) is { } worst)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"{worst.A}-{worst.B} at {worst.ShortestAngstrom:F3} Å is {worst.Ratio:F2} of its bulk distance {worst.BulkAngstrom:F3} Å (criterion {worst.MinRatio:0.###})"));
        }

        int formulaUnits = placed.Where((p, k) => !removed[k] && p.Unit.Kind == 0).Count() / g.Units.FormulaInKinds[0];
        double energy = g.Energy.ExcessPerArea(box, frame.Positions.AsSpan(0, kept.Count), speciesOfAtom, formulaUnits, lx * ly);

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
            g.Construction, g.RotationLower, g.RotationUpper, composition, removedCounts, g.Units, pairs, energy), null);
    }

    /// <summary>
    /// Where units were removed at a boundary, moves its plane (fractional, along z) to the middle of the gap between
    /// the nearest remaining unit anchors on either side, so the recorded boundary is where the structure changes and
    /// not the cut before removal (removal takes units from the upper grain only, which shifts the gap by up to a
    /// layer).
    /// </summary>
    private static void RecentrePlanes(List<Placed> placed, bool[] removed, double[] planes, double lz, double t)
    {
        for (int p = 0; p < planes.Length; p++)
        {
            double plane = planes[p] * lz;
            double Offset(Vec3 anchor)
            {
                double d = anchor.Z - plane;
                return d - (lz * Math.Round(d / lz));
            }

            if (!placed.Where((u, k) => removed[k]).Any(u => Math.Abs(Offset(u.Unit.Anchor)) < t / 2))
            {
                continue;
            }

            double below = double.NegativeInfinity, above = double.PositiveInfinity;
            for (int k = 0; k < placed.Count; k++)
            {
                double d = Offset(placed[k].Unit.Anchor);
                if (!removed[k] && Math.Abs(d) < t / 2)
                {
                    if (d < 0)
                    {
                        below = Math.Max(below, d);
                    }
                    else
                    {
                        above = Math.Min(above, d);
                    }
                }
            }

            if (double.IsFinite(below) && double.IsFinite(above))
            {
                double z = plane + ((below + above) / 2);
                planes[p] = (z - (lz * Math.Floor(z / lz))) / lz;
            }
        }
    }

    /// <summary>
    /// Removes further upper-grain units of the kinds still short, nearest to a boundary plane first, until the removed
    /// units are whole formula units (counted in unit kinds). Returns why that is impossible, or null.
    /// </summary>
    private static string? CompleteFormulaUnits(RigidUnits units, List<Placed> placed, bool[] removed, Box box, double[] planes)
    {
        IReadOnlyList<int> formula = units.FormulaInKinds;
        int[] counts = new int[formula.Count];
        for (int k = 0; k < placed.Count; k++)
        {
            if (removed[k])
            {
                counts[placed[k].Unit.Kind]++;
            }
        }

        int whole = 0;
        for (int kind = 0; kind < counts.Length; kind++)
        {
            whole = Math.Max(whole, (counts[kind] + formula[kind] - 1) / formula[kind]);
        }

        var region = new SlabRegion(2, planes, box.H.C2.Z);
        for (int kind = 0; kind < counts.Length; kind++)
        {
            int missing = (whole * formula[kind]) - counts[kind];
            int[] candidates = Enumerable.Range(0, placed.Count)
                .Where(k => !removed[k] && placed[k].Grain == 2 && placed[k].Unit.Kind == kind)
                .OrderBy(k => region.DistanceToPlane(box, placed[k].Unit.Anchor))
                .Take(missing)
                .ToArray();
            if (candidates.Length < missing)
            {
                return $"removing whole formula units would empty grain 2 of {units.Kinds[kind]}";
            }

            foreach (int k in candidates)
            {
                removed[k] = true;
            }
        }

        return null;
    }

    private static IReadOnlyList<PairDistance> PairTable(CslBuildOptions options, Box box, ReadOnlySpan<Vec3> positions, int[] species)
    {
        UnitCell cell = options.Cell;
        int n = cell.Species.Count;
        double cutoff = 0;
        for (int s = 0; s < n; s++)
        {
            for (int t = 0; t < n; t++)
            {
                cutoff = Math.Max(cutoff, cell.PairDistance(s, t));
            }
        }

        var visitor = new PairMinimum(species, new double[n, n]);
        for (int s = 0; s < n; s++)
        {
            for (int t = 0; t < n; t++)
            {
                visitor.Shortest[s, t] = double.PositiveInfinity;
            }
        }

        if (positions.Length > 0)
        {
            new CellList(box, positions, (cutoff * 1.01) + 0.01).VisitPairs(ref visitor);
        }

        var table = new List<PairDistance>();
        for (int s = 0; s < n; s++)
        {
            for (int t = s; t < n; t++)
            {
                double bulk = cell.PairDistance(s, t);
                double shortest = visitor.Shortest[s, t];
                table.Add(new PairDistance(cell.Species[s], cell.Species[t], bulk, shortest, shortest / bulk, options.Distances.FractionFor(cell, s, t)));
            }
        }

        return table.OrderBy(p => p.Ratio - p.MinRatio).ToList();
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

    private static string CloseMessage(UnitCell cell, List<Atom> atoms, List<(int I, int J, double Ratio)> close)
    {
        var (i, j, ratio) = close.MinBy(c => c.Ratio);
        return string.Create(CultureInfo.InvariantCulture,
            $"{close.Count} pair(s) below the distance criterion, the worst {cell.Species[atoms[i].Species]}-{cell.Species[atoms[j].Species]} at {ratio:F2} of the least distance allowed");
    }

    /// <summary>The rotation whose rows are the box axes x = ô, y = (d × o)^, z = d̂ in cube coordinates.</summary>
    private static Mat3 Orientation(Int3 o, Int3 d)
    {
        Vec3 x = Unit(Miller.ToVec(o));
        Vec3 z = Unit(Miller.ToVec(d));
        Vec3 y = Vec3.Cross(z, x);
        return Mat3.FromRows(x, y, z);
    }

    /// <summary>The rotation whose rows are the box axes x = ĉ, y = n × c, z = n̂ in the Cartesian frame of the cell.</summary>
    private static Mat3 OrientationCartesian(Vec3 c, Vec3 n)
    {
        Vec3 x = Unit(c);
        Vec3 z = Unit(n);
        return Mat3.FromRows(x, Vec3.Cross(z, x), z);
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
    /// Crystal units placed at r = shift + a·R·S·f for fractional coordinates f (S the cell shape, the identity for a cube), kept when their anchor has 0 ≤ x &lt; lx,
    /// 0 ≤ y &lt; ly (small negative values snap to 0) and zLo ≤ z ≤ zHi; their atoms are wrapped into the x and y
    /// periods and kept unwrapped along z.
    /// </summary>
    internal static List<PlacedUnit> Generate(UnitCell cell, RigidUnits units, Mat3 rotation, Vec3 shift, double lx, double ly, double zLo, double zHi)
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
                    Vec3 f = cell.ShapeInverse * (back * ((new Vec3(x, y, z) - shift) / a));
                    lo = new Vec3(Math.Min(lo.X, f.X), Math.Min(lo.Y, f.Y), Math.Min(lo.Z, f.Z));
                    hi = new Vec3(Math.Max(hi.X, f.X), Math.Max(hi.Y, f.Y), Math.Max(hi.Z, f.Z));
                }
            }
        }

        var result = new List<PlacedUnit>();
        for (int i = (int)Math.Floor(lo.X) - 2; i <= (int)Math.Ceiling(hi.X) + 1; i++)
        {
            for (int j = (int)Math.Floor(lo.Y) - 2; j <= (int)Math.Ceiling(hi.Y) + 1; j++)
            {
                for (int k = (int)Math.Floor(lo.Z) - 2; k <= (int)Math.Ceiling(hi.Z) + 1; k++)
                {
                    var cube = new Vec3(i, j, k);
                    foreach (RigidUnit unit in units.Units)
                    {
                        Vec3 anchor = shift + (a * (rotation * (cell.Shape * (cube + unit.Anchor))));
                        if (anchor.X < -Eps || anchor.X >= lx - Eps || anchor.Y < -Eps || anchor.Y >= ly - Eps || anchor.Z < zLo || anchor.Z > zHi)
                        {
                            continue;
                        }

                        var atoms = new (int Species, Vec3 R)[unit.Sites.Length];
                        for (int m = 0; m < atoms.Length; m++)
                        {
                            Vec3 r = shift + (a * (rotation * (cell.Shape * (cube + unit.Positions[m]))));
                            atoms[m] = (cell.Sites[unit.Sites[m]].Species, new Vec3(WrapLength(r.X, lx), WrapLength(r.Y, ly), r.Z));
                        }

                        result.Add(new PlacedUnit(unit.Kind, new Vec3(Math.Max(anchor.X, 0), Math.Max(anchor.Y, 0), anchor.Z), atoms));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The smallest positive normal (z) component of a crystal translation, modulo the normal period.</summary>
    private static double TranslationStep(UnitCell cell, Mat3 rotation, Vec3 periods)
    {
        UnitCell lattice = cell.LatticeOnly();
        double step = periods.Z;
        foreach (PlacedUnit u in Generate(lattice, RigidUnits.None(lattice), rotation, Vec3.Zero, periods.X, periods.Y, -Eps, periods.Z - Eps))
        {
            if (u.Anchor.Z > 1e-4)
            {
                step = Math.Min(step, u.Anchor.Z);
            }
        }

        return step;
    }

    /// <summary>
    /// The in-plane translations of the upper grain, as fractions of the CSL periods, that are sums of in-plane
    /// projections of a lattice vector of each grain (the projected DSC lattice): the translations that bring the
    /// two lattices into the registries of the crystal itself, where clean boundaries are found.
    /// </summary>
    internal static IReadOnlyList<(double X, double Y)> SpecialTranslations(UnitCell cell, Geometry g)
    {
        UnitCell lattice = cell.LatticeOnly();
        RigidUnits none = RigidUnits.None(lattice);
        List<(double, double)> Project(Mat3 rotation, bool flipX) =>
            Generate(lattice, none, rotation, Vec3.Zero, g.Periods.X, g.Periods.Y, -Eps, g.Periods.Z - Eps)
                .Select(u => (Fraction((flipX ? -1 : 1) * u.Anchor.X / g.Periods.X), Fraction(u.Anchor.Y / g.Periods.Y)))
                .ToList();
        List<(double X, double Y)> lower = Project(g.RotationLower, false);
        List<(double X, double Y)> upper = g.Construction switch
        {
            GrainConstruction.Mirror => lower,
            GrainConstruction.TwoFold => Project(g.RotationLower, true),
            _ => Project(g.RotationUpper, false),
        };
        var result = new List<(double X, double Y)>();
        foreach (var a in lower)
        {
            foreach (var b in upper)
            {
                (double X, double Y) t = (Fraction(a.X + b.X), Fraction(a.Y + b.Y));
                if (!result.Any(r => Near(r.X, t.X) && Near(r.Y, t.Y)))
                {
                    result.Add(t);
                }

                if (result.Count >= 256)
                {
                    return result;
                }
            }
        }

        return result;

        static double Fraction(double f)
        {
            double w = f - Math.Floor(f);
            return w > 1 - 1e-7 ? 0 : w;
        }

        static bool Near(double a, double b) => Math.Abs(a - b) < 1e-6 || Math.Abs(Math.Abs(a - b) - 1) < 1e-6;
    }

    /// <summary>Layers of unit anchors along the normal in one period column, named by the atoms of their units.</summary>
    private static List<Layer> Layers(UnitCell cell, RigidUnits units, Mat3 rotation, Vec3 periods)
    {
        List<PlacedUnit> column = Generate(cell, units, rotation, Vec3.Zero, periods.X, periods.Y, -Eps, periods.Z - Eps);
        var heights = column.Select(c => (Unit: c, Z: c.Anchor.Z < 0 ? 0 : c.Anchor.Z)).OrderBy(c => c.Z).ToList();
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
                    foreach (var (s, _) in heights[j].Unit.Atoms)
                    {
                        counts[s]++;
                    }

                    sum += heights[j].Z;
                }

                layers.Add(new Layer(sum / (i - start), cell.FormatComposition(counts)));
                start = i;
            }
        }

        return layers;
    }

    private static List<(int I, int J, double Ratio)> ClosePairs(Box box, List<Atom> atoms, double[,] minimum)
    {
        double cutoff = minimum.Cast<double>().Max();
        var positions = atoms.Select(a => a.R).ToArray();
        var visitor = new CloseCollector(atoms.Select(a => a.Species).ToArray(), atoms.Select(a => a.Unit).ToArray(), minimum, []);
        if (positions.Length > 0)
        {
            new CellList(box, positions, cutoff).VisitPairs(ref visitor);
        }

        return visitor.Pairs;
    }

    private readonly record struct Atom(int Species, int Grain, int Unit, Vec3 R);

    /// <summary>A unit of the crystal placed in the box: its kind, anchor and atoms (Å).</summary>
    internal sealed record PlacedUnit(int Kind, Vec3 Anchor, (int Species, Vec3 R)[] Atoms);

    private sealed record Placed(int Grain, PlacedUnit Unit);

    internal sealed record Layer(double Height, string Name);

    internal sealed record Geometry(
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
        List<Layer> LayersUpper,
        RigidUnits Units,
        double[,] Minimum,
        ModelEnergy Energy);

    private readonly struct CloseCollector(int[] species, int[] unit, double[,] minimum, List<(int, int, double)> pairs) : IPairVisitor
    {
        public List<(int I, int J, double Ratio)> Pairs { get; } = pairs;

        public void Visit(int i, int j, double distanceSquared)
        {
            if (unit[i] == unit[j])
            {
                return;
            }

            double limit = minimum[species[i], species[j]];
            if (distanceSquared < limit * limit * (1 - 1e-9))
            {
                Pairs.Add((i, j, Math.Sqrt(distanceSquared) / limit));
            }
        }
    }

    private readonly struct PairMinimum(int[] species, double[,] shortest) : IPairVisitor
    {
        public double[,] Shortest { get; } = shortest;

        public void Visit(int i, int j, double distanceSquared)
        {
            if (i == j && distanceSquared < 1e-12)
            {
                return;
            }

            int s = species[i], t = species[j];
            double d = Math.Sqrt(distanceSquared);
            if (d < Shortest[s, t])
            {
                Shortest[s, t] = d;
                Shortest[t, s] = d;
            }
        }
    }
}
