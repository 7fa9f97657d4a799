using System.Globalization;
using System.Text.Json;
using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Builders.Scoring;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.IO.Lammps;
using GbAtomistics.IO.Vasp;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>build csl</c> step: loads the unit cell (built-in or file), builds the bicrystal or the family of rigid-body
/// translations, and writes for each member NAME.data (LAMMPS, <c>charge</c> style with formal charges for an ionic
/// crystal, else <c>atomic</c>), NAME.vasp (POSCAR), NAME.gb.json (<see cref="BicrystalMetadataFile"/>) and NAME.png
/// (preview), plus <c>build.json</c> describing every member (composition per grain, net charge, termination,
/// removed atoms, shortest distance) and <c>unit-cell.data</c>, the conventional unit cell with the same types, masses,
/// atom style and charges (the bulk reference of <see cref="GbEnergyStep"/>).
/// </summary>
public static class BuildCslStep
{
    /// <summary>
    /// The unit cell of the request: a built-in structure, or the first frame of a unit-cell file (cubic, or
    /// tetragonal, orthorhombic or hexagonal with its lattice perpendicular to the tilt axis made coincident within the
    /// request's strain, in the file's own axes).
    /// </summary>
    public static UnitCell LoadCell(CslBuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string structure = request.Structure;
        if (Prototypes.Names.Contains(structure.Trim().ToLowerInvariant()) || structure.Trim().Equals("rocksalt", StringComparison.OrdinalIgnoreCase))
        {
            return Prototypes.Create(structure, request.LatticeConstant, request.Species, request.Charges);
        }

        if (!File.Exists(structure))
        {
            throw new InputException($"--structure '{structure}': expected a built-in structure ({string.Join(", ", Prototypes.Names)}) or an existing POSCAR / LAMMPS data file");
        }

        if (request.Species is not null)
        {
            throw new InputException("--species names the sites of a built-in structure; for a unit-cell file use --type-map");
        }

        var frame = new Frame();
        using (ITrajectoryReader reader = FormatRegistry.OpenReader(structure, new ReadOptions { TypeMap = request.TypeMap }, request.Format))
        {
            if (!reader.Read(frame))
            {
                throw new InputException($"{structure}: the file holds no structure");
            }
        }

        UnitCell cell = UnitCell.FromFrame(frame, Path.GetFileName(structure), request.Charges);
        if (request.LatticeConstant is { } a)
        {
            cell = cell.System == LatticeSystem.Cubic ? new UnitCell(cell.Name, a, cell.Species, cell.Charges, cell.Sites) : cell.WithLatticeConstant(a);
        }

        return UniqueAxisLattice.Rationalize(cell, request.MaxStrain, request.Axis);
    }

    /// <summary>The builder options of the request (at its fixed translation, or at zero).</summary>
    public static CslBuildOptions Options(CslBuildRequest request, UnitCell cell)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(cell, request.Axis)
        {
            Sigma = request.Sigma,
            AngleDegrees = request.AngleDegrees,
            Plane = request.Plane,
            RepeatAxis = request.RepeatAxis,
            RepeatPlane = request.RepeatPlane,
            Thickness = request.Thickness,
            Termination = request.Termination,
            Translation = request.Translation ?? (0, 0),
            Expansion = request.Expansion,
            Vacuum = request.Vacuum,
            Distances = request.Distances,
            Units = RigidUnits.Parse(cell, request.Units),
            Overlap = request.Overlap,
            ScorePotential = request.ScorePotential is { } file ? PairPotential.Read(file, cell.Species) : null,
        };
    }

    /// <summary>
    /// Builds the request. By default the translation search writes its winner; with a fixed translation the best
    /// termination there; with a translation grid the whole family, ranked by model energy (members that cannot be
    /// built are kept with the reason; a grid where none builds is an error).
    /// </summary>
    public static IReadOnlyList<CslBuildMember> Build(CslBuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Translation is not null && request.Translations is not null)
        {
            throw new InputException("--translation fixes one translation and --translations asks for a family: give one of them");
        }

        UnitCell cell = LoadCell(request);
        CslBuildOptions options = Options(request, cell);
        if (request.Translations is not { } grid)
        {
            CslBicrystal gb = request.Translation is null ? TranslationSearch.Best(options) : CslBuilder.Build(options);
            return [new CslBuildMember(BaseName(request, gb), 0, 0, 0, gb.Options.Translation.X, gb.Options.Translation.Y, gb, null)];
        }

        IReadOnlyList<CslCandidate> ranked = TranslationSearch.Rank(options, grid.X, grid.Y);
        if (ranked[0].Bicrystal is not { } best)
        {
            throw new InputException("no member of the translation family could be built: " + ranked[0].Failure);
        }

        string baseName = BaseName(request, best);
        return ranked.Select((c, k) => new CslBuildMember(
            string.Create(CultureInfo.InvariantCulture, $"{baseName}-t{k:D3}"), k, c.I, c.J, c.TranslationX, c.TranslationY, c.Bicrystal, c.Failure)).ToList();
    }

    /// <summary>Writes every member that was built; returns the JSON summary (also written as build.json).</summary>
    public static object Write(IReadOnlyList<CslBuildMember> members, CslBuildRequest request, OutputFolder output)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        string[] formats = request.Formats.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        if (formats.Length == 0 || formats.Any(f => f is not ("lammps" or "poscar")))
        {
            throw new InputException($"--to {string.Join(",", request.Formats)}: expected lammps, poscar or both");
        }

        var summaries = new List<object>();
        foreach (CslBuildMember m in members)
        {
            if (m.Bicrystal is not { } gb)
            {
                summaries.Add(new { name = m.Name, grid = new[] { m.I, m.J }, translation_fraction = new[] { m.TranslationX, m.TranslationY }, built = false, reason = m.Failure });
                continue;
            }

            string? structureName = null;
            if (formats.Contains("lammps"))
            {
                string file = m.Name + ".data";
                string style = request.AtomStyle ?? (gb.Cell.IsIonic ? "charge" : "atomic");
                var options = new WriteOptions { Overwrite = true, Inputs = output.Inputs, AtomStyle = style, Title = Title(gb) };
                output.WritePlot(file, path => WriteFrame(new LammpsDataWriter(path, options), gb.Frame)); // any whole-file writer
                structureName = file;
            }

            if (formats.Contains("poscar"))
            {
                string file = m.Name + ".vasp";
                var options = new WriteOptions { Overwrite = true, Inputs = output.Inputs, Title = Title(gb) };
                output.WritePlot(file, path => WriteFrame(new PoscarWriter(path, options), gb.Frame));
                structureName ??= file;
            }

            BicrystalMetadata metadata = gb.Metadata with { Structure = structureName! };
            output.WriteText(m.Name + ".gb.json", BicrystalMetadataFile.ToJson(metadata, gb.Cell.System == LatticeSystem.Cubic
                ? null
                : new Dictionary<string, object?> { ["lattice"] = RhombohedralCentring.NameOf(gb.Cell), ["sigma_hexagonal_net"] = HexagonalNetSigma(gb) }));
            if (request.Preview)
            {
                output.WritePlot(m.Name + ".png", path => BicrystalPlot.Save(gb.Frame, metadata, path, structure: $"{gb.Cell.Formula} ({gb.Cell.Name})"));
            }

            summaries.Add(CslBuildMemberSummary(m, gb, structureName!));
        }

        var first = members.First(m => m.Bicrystal is not null).Bicrystal!;

        // The conventional unit cell with the bicrystals' species order, types, masses, atom style and charges: the bulk reference of 'gb-energy'.
        const string unitCellFile = "unit-cell.data";
        var cellOptions = new WriteOptions { Overwrite = true, Inputs = output.Inputs, AtomStyle = request.AtomStyle ?? (first.Cell.IsIonic ? "charge" : "atomic"), Title = $"{first.Cell.Formula} conventional unit cell ({first.Cell.Name})" };
        output.WritePlot(unitCellFile, path => WriteFrame(new LammpsDataWriter(path, cellOptions), UnitCellFrame.Create(first.Cell)));
        object summary = new
        {
            step = "build-csl",
            structure = first.Cell.Name,
            formula = first.Cell.Formula,
            lattice_constant_angstrom = first.Cell.A,
            lattice = first.Cell.System == LatticeSystem.Cubic ? (object)new
            {
                system = CslLattice.Name(first.Cell.System),
                cell_vectors_angstrom = new[] { first.Cell.Shape.C0, first.Cell.Shape.C1, first.Cell.Shape.C2 }.Select(v => new[] { first.Cell.A * v.X, first.Cell.A * v.Y, first.Cell.A * v.Z }),
                max_strain_percent = (double?)null,
                strain_per_grain = first.Cell.Strains.Count == 0
                    ? null
                    : Enumerable.Range(1, 2).Select(g => new
                    {
                        grain = g,
                        strains = first.Cell.Strains.Select(s => new { parameter = s.Parameter, measured_over_a = s.Measured, built_over_a = s.Exact, strain_percent = s.StrainPercent }),
                    }),
            }
            : new
            {
                system = RhombohedralCentring.NameOf(first.Cell),
                sigma_hexagonal_net = HexagonalNetSigma(first),
                cell_vectors_angstrom = new[] { first.Cell.Shape.C0, first.Cell.Shape.C1, first.Cell.Shape.C2 }.Select(v => new[] { first.Cell.A * v.X, first.Cell.A * v.Y, first.Cell.A * v.Z }),
                max_strain_percent = first.Cell.System == LatticeSystem.Cubic ? (double?)null : request.MaxStrain * 100,
                strain_per_grain = first.Cell.Strains.Count == 0
                    ? null
                    : Enumerable.Range(1, 2).Select(g => new
                    {
                        grain = g,
                        strains = first.Cell.Strains.Select(s => new { parameter = s.Parameter, measured_over_a = s.Measured, built_over_a = s.Exact, strain_percent = s.StrainPercent }),
                    }),
                grain_cell_vectors_box_angstrom = GrainCellVectors(first),
            },
            unit_cell = unitCellFile,
            species = first.Cell.Species,
            formal_charges_e = first.Cell.Charges,
            axis = new[] { first.Entry.Axis.X, first.Entry.Axis.Y, first.Entry.Axis.Z },
            sigma = first.Entry.Sigma,
            angle_degrees = Math.Round(first.Entry.AngleDegrees, 6),
            equivalent_angle_degrees = Math.Round(first.Entry.EquivalentAngleDegrees, 6),
            plane_lower = Miller.Plane(first.Planes.Lower),
            plane_upper = Miller.Plane(first.Planes.Upper),
            construction = first.Construction.ToString().ToLowerInvariant(),
            box_axes = "x = tilt axis, y = in the boundary plane, z = boundary normal; boundaries at z = 0 (periodic) and z = Lz/2",
            csl_periods_angstrom = new[] { first.Periods.X, first.Periods.Y, first.Periods.Z },
            periods_per_grain = first.PeriodsPerGrain,
            distance_criterion = first.Options.Distances.ToString(),
            rigid_units = first.Units.Description,
            formula_unit_in_units = string.Join(" + ", first.Units.FormulaInKinds.Select((n, k) => $"{n} {first.Units.Kinds[k]}")),
            overlap = first.Options.Overlap == OverlapMode.Refuse ? "refuse" : "formula-units",
            scoring = first.Options.ScorePotential is { } pot
                ? $"model energy: Ewald Coulomb of the charges + the {pot.Style} pair terms of {pot.Source} (cut-off {pot.Cutoff} Å), (E - n e_bulk)/(2A), unrelaxed"
                : "model energy: Ewald Coulomb of the formal charges + Born-Mayer contact repulsion (rho 0.3 Å), (E - n e_bulk)/(2A), unrelaxed",
            terminations = first.Terminations.Select(t => new { index = t.Index, description = t.Description, height_angstrom = t.Height }),
            translations = request.Translations is { } grid ? new[] { grid.X, grid.Y } : null,
            search = request.Translations is null && request.Translation is null ? "automatic translation grid, winner written" : null,
            expansion_angstrom = request.Expansion,
            vacuum_angstrom = request.Vacuum,
            members = summaries,
            units = new { length = "Å", angle = "degrees", charge = "e" },
        };
        output.WriteText("build.json", JsonSerializer.Serialize(summary, Json.Options));
        return summary;
    }

    /// <summary>
    /// The cell vectors a, b, c (Å) of grain 1 (lower) and grain 2 (upper) in the box frame, as built: the grain's
    /// rotation applied to the cell vectors; the upper grain of a mirror or two-fold construction is the image of the
    /// lower one ((x, y, −z) or (−x, y, −z)). <c>gb-energy</c> maps each grain onto the relaxed lattice with them.
    /// </summary>
    private static double[][][] GrainCellVectors(CslBicrystal gb)
    {
        (Mat3 lower, Mat3 upper) = gb.GrainCells();
        static double[][] Columns(Mat3 m) => [[m.C0.X, m.C0.Y, m.C0.Z], [m.C1.X, m.C1.Y, m.C1.Z], [m.C2.X, m.C2.Y, m.C2.Z]];
        return [Columns(lower), Columns(upper)];
    }

    /// <summary>One line per member for the terminal.</summary>
    public static IEnumerable<string> Report(IReadOnlyList<CslBuildMember> members)
    {
        foreach (CslBuildMember m in members)
        {
            if (m.Bicrystal is not { } gb)
            {
                yield return $"{m.Name}: not built: {m.Failure}";
                continue;
            }

            Box box = gb.Frame.Box;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{m.Name}: Σ{gb.Entry.Sigma} {gb.Planes} about {Miller.Direction(gb.Entry.Axis)}, {gb.Entry.AngleDegrees:F2}° (≡ {gb.Entry.EquivalentAngleDegrees:F2}°), " +
                $"{gb.Frame.Count} atoms, box {box.A.X:F3} x {box.B.Y:F3} x {box.C.Z:F3} Å, termination {gb.Termination.Index} ({gb.Termination.Description}), " +
                $"grain 1 {gb.Cell.FormatComposition(gb.GrainComposition[0])} ({gb.GrainCharge(1):+0.###;-0.###;0} e), grain 2 {gb.Cell.FormatComposition(gb.GrainComposition[1])} ({gb.GrainCharge(2):+0.###;-0.###;0} e), " +
                $"net charge {gb.NetCharge:+0.###;-0.###;0} e, removed {gb.Cell.FormatComposition(gb.Removed.ToArray())}, " +
                $"translation ({m.TranslationX:0.###}, {m.TranslationY:0.###}), model energy {gb.ModelEnergy:F3} J/m²");
            int? hexagonalNet = HexagonalNetSigma(gb);
            if (gb.Cell.Strains.Count > 0 || hexagonalNet is not null)
            {
                yield return "  lattice: " + RhombohedralCentring.NameOf(gb.Cell)
                    + (hexagonalNet is { } h ? $", Σ{gb.Entry.Sigma} of the rhombohedral lattice (Σ{h} of the hexagonal net alone)" : string.Empty)
                    + (gb.Cell.Strains.Count == 0 ? string.Empty : ", strain of each grain: " + string.Join(", ",
                    gb.Cell.Strains.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Parameter} {s.StrainPercent:+0.###;-0.###;0} % ({s.Parameter}/a {s.Measured:G6} -> {s.Exact:G6})"))));
            }

            PairDistance worst = gb.PairDistances[0];
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  closest pair to the criterion: {worst.A}-{worst.B} {worst.ShortestAngstrom:F3} Å = {worst.Ratio:F2} of bulk {worst.BulkAngstrom:F3} Å (criterion {worst.MinRatio:0.###}); rigid units: {gb.Units.Description}");
            if (gb.Selection.Length > 0)
            {
                yield return "  chosen: " + gb.Selection;
            }
        }
    }

    private static object CslBuildMemberSummary(CslBuildMember m, CslBicrystal gb, string structure) => new
    {
        name = m.Name,
        rank = m.Rank,
        structure,
        metadata = m.Name + ".gb.json",
        grid = new[] { m.I, m.J },
        translation_fraction = new[] { m.TranslationX, m.TranslationY },
        translation_angstrom = new[] { m.TranslationX * gb.Periods.X, m.TranslationY * gb.Periods.Y },
        built = true,
        atoms = gb.Frame.Count,
        box_angstrom = new[] { gb.Frame.Box.A.X, gb.Frame.Box.B.Y, gb.Frame.Box.C.Z },
        boundary_area_angstrom2 = gb.BoundaryArea,
        termination = new { index = gb.Termination.Index, description = gb.Termination.Description },
        grains = Enumerable.Range(1, 2).Select(g => new
        {
            grain = g,
            composition = gb.Cell.FormatComposition(gb.GrainComposition[g - 1]),
            counts = gb.GrainComposition[g - 1],
            formula_units = gb.FormulaUnits(g),
            net_charge_e = gb.GrainCharge(g),
        }),
        net_charge_e = gb.NetCharge,
        removed = gb.Cell.FormatComposition(gb.Removed.ToArray()),
        shortest_distance_angstrom = double.IsFinite(gb.ShortestDistance) ? gb.ShortestDistance : (double?)null,
        pair_distances = gb.PairDistances.Select(p => new
        {
            pair = $"{p.A}-{p.B}",
            bulk_angstrom = p.BulkAngstrom,
            shortest_angstrom = double.IsFinite(p.ShortestAngstrom) ? p.ShortestAngstrom : (double?)null,
            ratio = double.IsFinite(p.Ratio) ? p.Ratio : (double?)null,
            min_ratio = p.MinRatio,
        }),
        model_energy_j_m2 = gb.ModelEnergy,
        selection = gb.Selection.Length > 0 ? gb.Selection : null,
    };

    /// <summary>
    /// For a bicrystal of an R-centred hexagonal cell (whose Σ is that of the rhombohedral lattice), Σ of the same
    /// rotation for the hexagonal net alone; null for any other cell.
    /// </summary>
    private static int? HexagonalNetSigma(CslBicrystal gb) =>
        RhombohedralCentring.Detect(gb.Cell) is null ? null : RhombohedralSigma.Of(gb.Entry.Rotations[0].M, gb.Entry.Rotations[0].N, null);

    private static string BaseName(CslBuildRequest request, CslBicrystal gb)
    {
        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            if (request.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || request.Name.Contains('/', StringComparison.Ordinal))
            {
                throw new InputException($"--name '{request.Name}': expected a file name without folders");
            }

            return request.Name;
        }

        Int3 p = gb.Planes.Upper;
        string plane = Miller.Format(new Int3(Math.Abs(p.X), Math.Abs(p.Y), Math.Abs(p.Z)));
        return $"{gb.Cell.Formula}-S{gb.Entry.Sigma}-{plane.Replace(' ', '_')}";
    }

    private static string Title(CslBicrystal gb) => string.Create(CultureInfo.InvariantCulture,
        $"{gb.Cell.Formula} Sigma{gb.Entry.Sigma} {gb.Planes} tilt about {Miller.Direction(gb.Entry.Axis)} {gb.Entry.AngleDegrees:F2} deg");

    private static void WriteFrame(IFrameWriter writer, Frame frame)
    {
        using (writer)
        {
            writer.Write(frame);
            writer.Complete();
        }
    }
}
