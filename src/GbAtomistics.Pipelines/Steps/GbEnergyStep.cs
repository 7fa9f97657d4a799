using System.Globalization;
using System.Text;
using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Pipelines.Lammps;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>gb-energy</c> step: grain-boundary energies of the members of a <c>gbat build csl</c> folder with LAMMPS.
/// </summary>
/// <remarks>
/// <para>
/// 1. Bulk: <c>unit-cell.data</c> replicated n×n×n (n ≥ 4, and n·a0 above twice LAMMPS's neighbour cut-off), relaxed at
/// zero pressure (<c>fix box/relax iso 0.0</c>, conjugate gradient) and then at fixed box: e_bulk (eV/atom) and a0 (Å).
/// </para>
/// <para>
/// 2. Each built member: scaled affinely by s = a0/a_build, minimised at fixed box, then relaxed with the in-plane box
/// fixed and z free (<c>fix box/relax z 0.0</c>) and at fixed box, in cycles until Lz and E settle
/// (<see cref="Lammps.LammpsScripts.Bicrystal"/>); γ = (E − N·e_bulk)/(2A) with A = Lx·Ly (two boundaries per periodic
/// bicrystal), in eV/Å² and J/m² (1 eV/Å² = 16.0217663 J/m²). Vacuum builds are refused.
/// </para>
/// <para>
/// Non-cubic cells (<see cref="ProcedureNonCubic"/>): the bulk is relaxed with <c>fix box/relax aniso 0.0</c> and replicated per
/// axis; each grain of a member is mapped onto the relaxed lattice by <see cref="GrainDeformation"/> instead of one affine scale.
/// </para>
/// <para>
/// 3. One lmp process per member in a temporary folder (<see cref="GbEnergyRequest.Threads"/> at a time); a failed run is
/// reported with its last ERROR line and the others go on. Writes gb-energy.csv (ranked, lowest γ first),
/// gb-energy.json, NAME-relaxed.data (read back and rewritten by gbat, so atoms are in id order), NAME-relaxed.gb.json
/// (the member's metadata, structure renamed, relaxed box added) and the LAMMPS logs (bulk-lammps.log, NAME-lammps.log).
/// </para>
/// </remarks>
public static class GbEnergyStep
{
    /// <summary>The formula and procedure, as written into gb-energy.json and the command help.</summary>
    public const string Procedure =
        "bulk: unit cell replicated n×n×n (n ≥ 4, n·a0 > 2 × neighbour cut-off), fix box/relax iso 0.0 + CG, then CG at fixed box → e_bulk, a0; " +
        "bicrystal: change_box scale s = a0/a_build (remap), CG at fixed box, then cycles of fix box/relax z 0.0 + CG (Lx, Ly fixed) and CG at fixed box " +
        "until a cycle changes Lz by < 1e-4 Å and E by < 1e-6 eV (at most 20); " +
        "γ = (E − N·e_bulk)/(2·Lx·Ly), two boundaries per periodic bicrystal";

    /// <summary>The procedure for a non-cubic unit cell (tetragonal, orthorhombic, hexagonal), as written into gb-energy.json.</summary>
    public const string ProcedureNonCubic =
        "bulk: unit cell replicated na×nb×nc (each n ≥ 4, each perpendicular width of the box > 2 × neighbour cut-off), fix box/relax aniso 0.0 " +
        "(couple xy for tetragonal and hexagonal cells; angles kept) + CG, then CG at fixed box → e_bulk, a0, b0, c0; " +
        "bicrystal: each grain mapped by gbat onto the relaxed lattice with its own upper-triangular deformation gradient F_g (F_gᵀF_g = B_g⁻ᵀ G0 B_g⁻¹, " +
        "x = tilt axis and the boundary plane kept; piecewise in z, continuous at both boundaries, orthogonal box), CG at fixed box, then cycles of " +
        "fix box/relax z 0.0 + CG (Lx, Ly fixed) and CG at fixed box until a cycle changes Lz by < 1e-4 Å and E by < 1e-6 eV (at most 20); " +
        "γ = (E − N·e_bulk)/(2·Lx·Ly), two boundaries per periodic bicrystal; the grains carry no strain from the builder's rational approximation";

    private const int MinimumCells = 4;

    // Residual normal stress (bar) above which the terminal table warns that the relaxation along z did not finish.
    private const double ResidualStressWarningBar = 5000;

    /// <summary>
    /// Checks the build folder, the potential and lmp, then opens the output folder through <paramref name="openOutput"/>
    /// (given the input files, which it must never overwrite), runs the bulk and every built member, writes the outputs
    /// and returns the result. Nothing is created before the inputs have been checked.
    /// </summary>
    public static GbEnergyResult Run(GbEnergyRequest request, Func<IReadOnlyList<string>, OutputFolder> openOutput)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(openOutput);
        if (request.Threads < 1)
        {
            throw new InputException($"--threads {request.Threads}: expected a positive number of lmp processes");
        }

        BuildFolder build = BuildFolder.Read(request.BuildDirectory);
        (string potentialInclude, string[] potentialLines, string potentialSource) = Potential(request);
        var members = new List<(BuildFolderMember Member, BicrystalMetadata Metadata, string Data)>();
        foreach (BuildFolderMember m in build.Members.Where(m => m.Built))
        {
            string metadataPath = build.FileOf(m.Metadata!);
            BicrystalMetadata metadata = BicrystalMetadataFile.Read(metadataPath);
            if (!metadata.Periodic)
            {
                throw new InputException($"{metadataPath}: a vacuum build (periodic = false): its excess energy includes two free surfaces and is not a boundary energy; build the bicrystal without --vacuum");
            }

            members.Add((m, metadata, DataFile(build, m)));
        }

        if (!File.Exists(build.UnitCell))
        {
            throw new InputException($"{build.UnitCell}: not found; expected the unit cell that 'gbat build csl' writes beside build.json");
        }

        if (build.NonCubic && (build.GrainCellVectors is null || build.CellVectors is null))
        {
            throw new InputException($"{build.BuildJson}: a {build.LatticeSystem} build without lattice.grain_cell_vectors_box_angstrom (written by an older gbat): build it again with 'gbat build csl'");
        }

        string atomStyle = AtomStyle(build.UnitCell);
        string lmp = LammpsExecutable.Resolve(request.Lmp);
        var inputs = new List<string> { build.BuildJson, build.UnitCell };
        inputs.AddRange(members.SelectMany(m => new[] { m.Data, build.FileOf(m.Member.Metadata!) }));
        if (request.PotentialFile is { } potentialFile)
        {
            inputs.Add(potentialFile);
        }

        OutputFolder output = openOutput(inputs);

        string work = Path.Combine(Path.GetTempPath(), "gbat-gb-energy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string potential = Path.Combine(work, "potential.mod");
            File.WriteAllText(potential, potentialInclude);

            // 1. Bulk reference; more cells when the box would not hold twice the neighbour cut-off.
            GbEnergyBulk bulk;
            LammpsRunResult bulkRun;
            if (build.NonCubic)
            {
                var cells = new Int3(MinimumCells, MinimumCells, MinimumCells);
                (bulk, bulkRun) = RunBulkCell(lmp, work, atomStyle, build, potential, cells);
                GbEnergyCell cell = bulk.Cell!;
                if (bulk.NeighbourCutoff is { } rc && (cell.Widths.X <= 2 * rc || cell.Widths.Y <= 2 * rc || cell.Widths.Z <= 2 * rc))
                {
                    int More(int n, double width) => width <= 2 * rc ? Math.Max(MinimumCells, (int)Math.Floor(2 * rc / (width / n)) + 1) : n;
                    (bulk, bulkRun) = RunBulkCell(lmp, work, atomStyle, build, potential,
                        new Int3(More(cell.Cells.X, cell.Widths.X), More(cell.Cells.Y, cell.Widths.Y), More(cell.Cells.Z, cell.Widths.Z)));
                }
            }
            else
            {
                (bulk, bulkRun) = RunBulk(lmp, work, atomStyle, build, potential, MinimumCells);
                if (bulk.NeighbourCutoff is { } rc && bulk.Cells * bulk.LatticeConstant <= 2 * rc)
                {
                    (bulk, bulkRun) = RunBulk(lmp, work, atomStyle, build, potential, (int)Math.Floor(2 * rc / bulk.LatticeConstant) + 1);
                }
            }

            // 2. Members, one lmp process each.
            var runs = new (GbEnergyMember Result, LammpsRunResult? Run, Frame? Relaxed)[members.Count];
            Parallel.For(0, members.Count, new ParallelOptions { MaxDegreeOfParallelism = request.Threads }, k =>
            {
                var (m, metadata, data) = members[k];
                try
                {
                    runs[k] = RunMember(lmp, work, atomStyle, potential, bulk, m, metadata, data, k);
                }
                catch (InputException e)
                {
                    // E.g. a relaxed structure that cannot be read back: this member failed, the others go on.
                    runs[k] = (new GbEnergyMember(m.Name, m.Translation, m.Termination, metadata.GrainOfAtom.Length, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, e.Message), null, null);
                }
            });

            // 3. Outputs.
            output.WriteText("bulk-lammps.log", bulkRun.Log);
            for (int k = 0; k < members.Count; k++)
            {
                var (m, metadata, dataPath) = members[k];
                var (result, run, relaxed) = runs[k];
                if (run is not null)
                {
                    output.WriteText(m.Name + "-lammps.log", run.Log);
                }

                if (relaxed is not null)
                {
                    string file = m.Name + "-relaxed.data";
                    var options = new WriteOptions { Overwrite = true, Inputs = output.Inputs, AtomStyle = atomStyle, Title = $"{m.Name} relaxed by gbat gb-energy" };
                    output.WritePlot(file, path => WriteFrame(new LammpsDataWriter(path, options), relaxed));
                    Box box = relaxed.Box;
                    var extra = new Dictionary<string, object?>
                    {
                        ["box_angstrom"] = new[] { box.A.X, box.B.Y, box.C.Z },
                        ["relaxed_from"] = Path.GetFileName(dataPath),
                        ["gamma_J_m2"] = result.GammaJPerM2,
                    };
                    output.WriteText(m.Name + "-relaxed.gb.json", BicrystalMetadataFile.ToJson(metadata with { Structure = file }, extra));
                }
            }

            GbEnergyMember[] ranked = runs.Select(r => r.Result)
                .OrderBy(r => r.Succeeded ? 0 : 1).ThenBy(r => r.Succeeded ? r.Gamma : 0).ToArray();
            BuildFolderMember[] skipped = build.Members.Where(m => !m.Built).ToArray();
            string? version = bulkRun.Version;
            output.WriteTable("gb-energy.csv", Csv(ranked, bulk.Cell), "a member whose LAMMPS run failed has no energy (its error is in the last column)");
            object summary = Summary(build, bulk, ranked, skipped, potentialSource, potentialLines, lmp, version);
            output.WriteText("gb-energy.json", JsonSerializer.Serialize(summary, Json.Options));
            if (ranked.Length > 0 && ranked.All(r => !r.Succeeded))
            {
                throw new InputException($"every member failed in LAMMPS; {ranked[0].Name}: {ranked[0].Error} (logs in {output.Path})");
            }

            return new GbEnergyResult(bulk, ranked, skipped, version, summary);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }

    /// <summary>The ranked table for the terminal.</summary>
    public static IEnumerable<string> Report(GbEnergyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        GbEnergyBulk b = result.Bulk;
        if (b.Cell is { } cell)
        {
            yield return Invariant($"bulk ({cell.System}, {cell.Relaxation}): e_bulk = {b.EnergyPerAtom:F6} eV/atom, a0 = {cell.Relaxed.X:F5}, b0 = {cell.Relaxed.Y:F5}, c0 = {cell.Relaxed.Z:F5} Å (built {cell.Built.X:G6}, {cell.Built.Y:G6}, {cell.Built.Z:G6} Å), {cell.Cells.X}×{cell.Cells.Y}×{cell.Cells.Z} cells, {b.Atoms} atoms; LAMMPS {result.LammpsVersion ?? "?"}");
            Mat3 f = cell.Deformation.Lower;
            yield return Invariant($"members mapped onto the relaxed lattice grain by grain: F_xx = {f[0, 0]:F6}, F_yy = {f[1, 1]:F6}, F_zz = {f[2, 2]:F6}, F_yz = ±{Math.Abs(f[1, 2]):F6} (no builder strain left in the grains)");
        }
        else
        {
            yield return Invariant($"bulk: e_bulk = {b.EnergyPerAtom:F6} eV/atom, a0 = {b.LatticeConstant:F5} Å (built with {b.BuildLatticeConstant:G6} Å, scale {b.Scale:F6}), {b.Cells}×{b.Cells}×{b.Cells} cells, {b.Atoms} atoms; LAMMPS {result.LammpsVersion ?? "?"}");
        }

        int width = Math.Max(6, result.Members.Select(m => m.Name.Length).DefaultIfEmpty(6).Max());
        yield return Invariant($"rank  {"member".PadRight(width)}  atoms   area(Å²)  Lz before→after (Å)    γ (J/m²)  γ (mJ/m²)  max disp (Å)  Pzz (bar)  status");
        int rank = 0;
        foreach (GbEnergyMember m in result.Members)
        {
            rank++;
            yield return m.Succeeded
                ? Invariant($"{rank,4}  {m.Name.PadRight(width)}  {m.Atoms,5}  {m.Area,9:F3}  {m.LzBefore,8:F3} → {m.LzAfter,8:F3}  {m.GammaJPerM2,10:F5}  {m.GammaJPerM2 * 1000,9:F1}  {m.MaxDisplacement,12:F3}  {m.Pzz,9:F1}  ok")
                : Invariant($"{rank,4}  {m.Name.PadRight(width)}  {m.Atoms,5}  failed: {m.Error}");
        }

        foreach (BuildFolderMember s in result.Skipped)
        {
            yield return $"   -  {s.Name.PadRight(width)}  not built: {s.Reason}";
        }

        foreach (GbEnergyMember m in result.Members.Where(m => m.Succeeded && Math.Abs(m.Pzz) > ResidualStressWarningBar))
        {
            yield return Invariant($"warning: {m.Name}: residual Pzz = {m.Pzz:F0} bar after {m.Cycles} cycles: the minimiser stopped before the normal stress vanished (a potential with a jump at its cut-off?); γ is less certain");
        }
    }

    /// <summary>The bulk reference as gb-energy.json gives it: the cubic fields, and for a non-cubic cell its relaxation and the grains' maps.</summary>
    private static Dictionary<string, object?> BulkSummary(GbEnergyBulk bulk)
    {
        var summary = new Dictionary<string, object?>
        {
            ["e_bulk_eV_per_atom"] = bulk.EnergyPerAtom,
            ["a0_angstrom"] = bulk.LatticeConstant,
            ["a_build_angstrom"] = bulk.BuildLatticeConstant,
            ["scale"] = bulk.Scale,
            ["cells"] = bulk.Cells,
            ["atoms"] = bulk.Atoms,
            ["neighbour_cutoff_angstrom"] = bulk.NeighbourCutoff,
            ["pressure_bar"] = bulk.Pressure,
        };
        if (bulk.Cell is { } cell)
        {
            summary["lattice_system"] = cell.System;
            summary["relaxation"] = "fix " + cell.Relaxation;
            summary["relaxed_abc_angstrom"] = new[] { cell.Relaxed.X, cell.Relaxed.Y, cell.Relaxed.Z };
            summary["built_abc_angstrom"] = new[] { cell.Built.X, cell.Built.Y, cell.Built.Z };
            summary["relaxed_over_built_abc"] = new[] { cell.Relaxed.X / cell.Built.X, cell.Relaxed.Y / cell.Built.Y, cell.Relaxed.Z / cell.Built.Z };
            summary["cells_abc"] = new[] { cell.Cells.X, cell.Cells.Y, cell.Cells.Z };
            summary["box_widths_angstrom"] = new[] { cell.Widths.X, cell.Widths.Y, cell.Widths.Z };
            summary["member_map"] = new
            {
                method = "per-grain deformation gradient onto the relaxed lattice (upper triangular in the box frame: x = tilt axis, boundary plane z = const kept), piecewise along z",
                grain_1 = Rows(cell.Deformation.Lower),
                grain_2 = Rows(cell.Deformation.Upper),
                builder_strain_in_gamma = false,
            };
        }

        return summary;
    }

    /// <summary>Runs the bulk relaxation <paramref name="script"/> and returns the values of its tagged line (a clear error when there are not <paramref name="count"/>).</summary>
    private static (LammpsRunResult Run, string[] Values) RunBulkScript(string lmp, string work, BuildFolder build, string script, string tag, int count)
    {
        string input = Path.Combine(work, "bulk.in");
        File.WriteAllText(input, script);
        LammpsRunResult run = LammpsProcess.Run(lmp, work, input);
        string[]? values = run.Tagged(tag);
        if (run.ExitCode != 0 || values is null || values.Length != count)
        {
            throw new InputException($"{build.UnitCell}: the bulk relaxation in LAMMPS failed: {run.Error ?? $"lmp exited with code {run.ExitCode} and printed no {tag} line"}");
        }

        return (run, values);
    }

    private static (GbEnergyBulk Bulk, LammpsRunResult Run) RunBulk(string lmp, string work, string atomStyle, BuildFolder build, string potential, int cells)
    {
        (LammpsRunResult run, string[] values) = RunBulkScript(lmp, work, build, LammpsScripts.Bulk(atomStyle, Path.GetFullPath(build.UnitCell), potential, cells), LammpsScripts.BulkTag, 4);

        double energy = Parse(values[0]);
        int atoms = int.Parse(values[1], CultureInfo.InvariantCulture);
        double a0 = Parse(values[2]) / cells;
        if (!double.IsFinite(energy) || !(a0 > 0))
        {
            throw new InputException($"{build.UnitCell}: the bulk relaxation in LAMMPS gave E = {values[0]} eV, a0 = {a0} Å");
        }

        return (new GbEnergyBulk(energy / atoms, a0, build.LatticeConstant, cells, atoms, run.NeighbourCutoff) { Pressure = Parse(values[3]) }, run);
    }

    private static (GbEnergyBulk Bulk, LammpsRunResult Run) RunBulkCell(string lmp, string work, string atomStyle, BuildFolder build, string potential, Int3 cells)
    {
        var unit = new Frame();
        using (var reader = new LammpsDataReader(build.UnitCell))
        {
            reader.Read(unit);
        }

        Box box = unit.Box;
        Vec3[] built = [box.A, box.B, box.C];
        Mat3 vectors = build.CellVectors!.Value;
        Vec3[] expected = [vectors.C0, vectors.C1, vectors.C2];
        for (int k = 0; k < 3; k++)
        {
            if (Math.Abs(built[k].Length - expected[k].Length) > 1e-6 * expected[k].Length)
            {
                throw new InputException(Invariant($"{build.UnitCell}: cell vector {"abc"[k]} is {built[k].Length:G9} Å long, build.json lists {expected[k].Length:G9} Å: the unit cell does not belong to this build"));
            }
        }

        bool couple = build.LatticeSystem is "tetragonal" or "hexagonal";
        (LammpsRunResult run, string[] values) = RunBulkScript(lmp, work, build, LammpsScripts.BulkCell(atomStyle, Path.GetFullPath(build.UnitCell), potential, cells, couple), LammpsScripts.BulkCellTag, 9);

        double energy = Parse(values[0]);
        int atoms = int.Parse(values[1], CultureInfo.InvariantCulture);
        var a = new Vec3(Parse(values[2]), 0, 0);
        var b = new Vec3(Parse(values[5]), Parse(values[3]), 0);
        var c = new Vec3(Parse(values[6]), Parse(values[7]), Parse(values[4]));
        var relaxed = new Vec3(a.Length / cells.X, b.Length / cells.Y, c.Length / cells.Z);
        double volume = Math.Abs(Vec3.Dot(a, Vec3.Cross(b, c)));
        var widths = new Vec3(volume / Vec3.Cross(b, c).Length, volume / Vec3.Cross(c, a).Length, volume / Vec3.Cross(a, b).Length);
        if (!double.IsFinite(energy) || !(relaxed.X > 0 && relaxed.Y > 0 && relaxed.Z > 0))
        {
            throw new InputException($"{build.UnitCell}: the bulk relaxation in LAMMPS gave E = {values[0]} eV, box {values[2]} {values[3]} {values[4]} Å");
        }

        (Mat3 lower, Mat3 upper) = build.GrainCellVectors!.Value;
        var builtLengths = new Vec3(built[0].Length, built[1].Length, built[2].Length);
        GrainDeformation deformation = GrainDeformation.For(lower, upper, relaxed);
        var cell = new GbEnergyCell(build.LatticeSystem, builtLengths, relaxed, cells, widths, "box/relax aniso 0.0" + (couple ? " couple xy" : string.Empty), deformation);
        double a0 = build.LatticeConstant * relaxed.X / builtLengths.X;
        var bulk = new GbEnergyBulk(energy / atoms, a0, build.LatticeConstant, cells.X, atoms, run.NeighbourCutoff) { Pressure = Parse(values[8]), Cell = cell };
        return (bulk, run);
    }

    private static (GbEnergyMember, LammpsRunResult?, Frame?) RunMember(
        string lmp, string work, string atomStyle, string potential, GbEnergyBulk bulk, BuildFolderMember m, BicrystalMetadata metadata, string data, int index)
    {
        string dir = Path.Combine(work, Invariant($"m{index:D4}"));
        Directory.CreateDirectory(dir);
        string relaxedPath = Path.Combine(dir, "relaxed.data");
        string input = Path.Combine(dir, "gb.in");
        string start = Path.GetFullPath(data);
        double scale = bulk.Scale;
        if (bulk.Cell is { } cell)
        {
            // Non-cubic: gbat maps each grain onto the relaxed lattice and LAMMPS starts from that structure unscaled.
            if (metadata.NormalAxis != 2 || metadata.Planes.Length != 2)
            {
                throw new InputException($"{m.Name}: expected two boundary planes normal to z in the metadata, as 'gbat build csl' writes for a periodic bicrystal");
            }

            // The builder puts the lower grain's lattice between z = 0 and Lz/2 and the upper grain's above (the middles
            // of the gaps between them; the metadata's planes are re-centred on the atoms after removals).

            var built = new Frame();
            using (var reader = new LammpsDataReader(start, new ReadOptions { TypeMap = SpeciesMap.FromOrderedNames(metadata.Species), AtomStyle = atomStyle }))
            {
                reader.Read(built);
            }

            Frame mapped = cell.Deformation.Apply(built, 0.0, 0.5);
            start = Path.Combine(dir, "mapped.data");
            var options = new WriteOptions { Overwrite = true, AtomStyle = atomStyle, Title = $"{m.Name} mapped onto the relaxed lattice by gbat gb-energy" };
            WriteFrame(new LammpsDataWriter(start, options), mapped);
            scale = 1.0;
        }

        File.WriteAllText(input, LammpsScripts.Bicrystal(atomStyle, start, potential, scale, relaxedPath));
        LammpsRunResult run = LammpsProcess.Run(lmp, dir, input);
        int n = metadata.GrainOfAtom.Length;
        string[]? begin = run.Tagged(LammpsScripts.StartTag);
        string[]? end = run.Tagged(LammpsScripts.EndTag);
        GbEnergyMember Failed(string why) => new(m.Name, m.Translation, m.Termination, n, double.NaN, begin is { Length: 2 } ? Parse(begin[1]) : double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, why);
        if (run.ExitCode != 0 || begin is not { Length: 2 } || end is not { Length: 8 } || !File.Exists(relaxedPath))
        {
            return (Failed(run.Error ?? Invariant($"lmp exited with code {run.ExitCode} before printing the relaxed energy")), run, null);
        }

        double energy = Parse(end[0]);
        int atoms = int.Parse(end[1], CultureInfo.InvariantCulture);
        double lx = Parse(end[2]), ly = Parse(end[3]), lz = Parse(end[4]), maxDisplacement = Parse(end[5]), pzz = Parse(end[6]);
        int cycles = (int)Parse(end[7]);
        if (atoms != n)
        {
            return (Failed(Invariant($"LAMMPS ended with {atoms} atoms; the metadata lists {n} (atoms were lost)")), run, null);
        }

        double area = lx * ly;
        double gamma = (energy - (atoms * bulk.EnergyPerAtom)) / (2 * area);
        if (!double.IsFinite(gamma))
        {
            return (Failed(Invariant($"the relaxed energy {end[0]} eV is not finite")), run, null);
        }

        // write_data lists atoms in LAMMPS's storage order: read it back (atoms sorted by id) to rewrite it in id order.
        var relaxed = new Frame();
        using (var reader = new LammpsDataReader(relaxedPath, new ReadOptions { TypeMap = SpeciesMap.FromOrderedNames(metadata.Species), AtomStyle = atomStyle }))
        {
            reader.Read(relaxed);
        }

        relaxed.Images = null;
        relaxed.Velocities = null;
        var result = new GbEnergyMember(m.Name, m.Translation, m.Termination, atoms, area, Parse(begin[1]), lz, energy, gamma, maxDisplacement, null) { Pzz = pzz, Cycles = cycles };
        return (result, run, relaxed);
    }

    private static (string Include, string[] Lines, string Source) Potential(GbEnergyRequest request)
    {
        bool file = !string.IsNullOrWhiteSpace(request.PotentialFile);
        bool inline = !string.IsNullOrWhiteSpace(request.PairStyle) || request.PairCoeffs.Count > 0 || !string.IsNullOrWhiteSpace(request.Kspace);
        if (file == inline)
        {
            throw new InputException(file
                ? "--potential and --pair-style/--pair-coeff/--kspace both given: expected one of the two"
                : "no potential: expected --potential FILE (a LAMMPS fragment with pair_style/pair_coeff lines) or --pair-style STYLE with --pair-coeff COEFFS");
        }

        if (file)
        {
            string path = Path.GetFullPath(request.PotentialFile!);
            if (!File.Exists(path))
            {
                throw new InputException($"--potential '{request.PotentialFile}': no such file; expected a LAMMPS input fragment with pair_style and pair_coeff lines");
            }

            string[] lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
            if (!lines.Any(l => l.StartsWith("pair_style", StringComparison.Ordinal)))
            {
                throw new InputException($"{request.PotentialFile}: expected a pair_style line in the LAMMPS fragment, found none");
            }

            string quoted = path.Contains(' ', StringComparison.Ordinal) ? "\"" + path + "\"" : path;
            return ($"include {quoted}\n", lines, path);
        }

        if (string.IsNullOrWhiteSpace(request.PairStyle) || request.PairCoeffs.Count == 0)
        {
            throw new InputException("--pair-style and --pair-coeff: expected both (e.g. --pair-style eam/alloy --pair-coeff \"* * Cu_mishin1.eam.alloy Cu\")");
        }

        var text = new List<string> { "pair_style " + request.PairStyle!.Trim() };
        text.AddRange(request.PairCoeffs.Select(c => "pair_coeff " + c.Trim()));
        if (!string.IsNullOrWhiteSpace(request.Kspace))
        {
            text.Add("kspace_style " + request.Kspace.Trim());
        }

        return (string.Join('\n', text) + "\n", text.ToArray(), "command line");
    }

    private static string DataFile(BuildFolder build, BuildFolderMember m)
    {
        string path = build.FileOf(m.Structure!);
        if (!path.EndsWith(".data", StringComparison.OrdinalIgnoreCase))
        {
            path = build.FileOf(m.Name + ".data");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{path}: not found; gb-energy needs the LAMMPS data file of each member (build with --to lammps)");
        }

        return path;
    }

    private static string AtomStyle(string unitCell)
    {
        var frame = new Frame();
        using (var reader = new LammpsDataReader(unitCell))
        {
            if (!reader.Read(frame) || frame.Count == 0)
            {
                throw new InputException($"{unitCell}: expected the atoms of the unit cell, found none");
            }
        }

        return frame.Charges is not null ? "charge" : "atomic";
    }

    private static string Csv(IReadOnlyList<GbEnergyMember> ranked, GbEnergyCell? cell)
    {
        bool terminations = ranked.Any(m => m.Termination is not null);
        var text = new StringBuilder("rank,member,translation_x_frac,translation_y_frac");
        text.Append(terminations ? ",termination" : string.Empty);
        text.Append(",atoms,area_A2,Lz_before_A,Lz_after_A,E_eV,gamma_eV_A2,gamma_J_m2,gamma_mJ_m2,max_displacement_A,Pzz_bar,cycles,status");
        text.Append(cell is null ? "\n" : ",a0_A,b0_A,c0_A,bulk_relaxation,member_map\n");
        int rank = 0;
        foreach (GbEnergyMember m in ranked)
        {
            text.Append(Invariant($"{++rank},{m.Name},{Num(m.Translation?[0])},{Num(m.Translation?[1])}"));
            if (terminations)
            {
                text.Append(',').Append(CsvText(m.Termination ?? string.Empty));
            }

            text.Append(Invariant($",{m.Atoms},{Num(m.Area)},{Num(m.LzBefore)},{Num(m.LzAfter)},{Num(m.Energy)},{Num(m.Gamma)},{Num(m.GammaJPerM2)},{Num(m.GammaJPerM2 * 1000)},{Num(m.MaxDisplacement)},{Num(m.Pzz)},{m.Cycles},"));
            text.Append(m.Succeeded ? "ok" : CsvText("failed: " + m.Error));
            if (cell is not null)
            {
                text.Append(Invariant($",{Num(cell.Relaxed.X)},{Num(cell.Relaxed.Y)},{Num(cell.Relaxed.Z)},{cell.Relaxation},per-grain deformation onto the relaxed lattice"));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static object Summary(BuildFolder build, GbEnergyBulk bulk, IReadOnlyList<GbEnergyMember> ranked, IReadOnlyList<BuildFolderMember> skipped,
        string potentialSource, string[] potentialLines, string lmp, string? version) => new
    {
        step = "gb-energy",
        build_dir = build.Path,
        procedure = bulk.Cell is null ? Procedure : ProcedureNonCubic,
        potential = new { source = potentialSource, lines = potentialLines },
        lammps = new { executable = lmp, version },
        species = build.Species,
        bulk = BulkSummary(bulk),
        members = ranked.Select((m, k) => new
        {
            rank = k + 1,
            name = m.Name,
            translation_fraction = m.Translation,
            termination = m.Termination,
            atoms = m.Atoms,
            area_angstrom2 = Nullable(m.Area),
            lz_before_angstrom = Nullable(m.LzBefore),
            lz_after_angstrom = Nullable(m.LzAfter),
            energy_eV = Nullable(m.Energy),
            gamma_eV_per_angstrom2 = Nullable(m.Gamma),
            gamma_J_per_m2 = Nullable(m.GammaJPerM2),
            gamma_mJ_per_m2 = Nullable(m.GammaJPerM2 * 1000),
            max_displacement_angstrom = Nullable(m.MaxDisplacement),
            pzz_bar = Nullable(m.Pzz),
            relaxation_cycles = m.Cycles,
            status = m.Status,
            error = m.Error,
            relaxed = m.Succeeded ? m.Name + "-relaxed.data" : null,
            log = m.Name + "-lammps.log",
        }),
        skipped = skipped.Select(s => new { name = s.Name, reason = s.Reason }),
        units = new { length = "Å", energy = "eV", gamma = "J/m² (and eV/Å²; 1 eV/Å² = 16.0217663 J/m²)" },
    };

    private static double[][] Rows(Mat3 f) => [[f[0, 0], f[0, 1], f[0, 2]], [f[1, 0], f[1, 1], f[1, 2]], [f[2, 0], f[2, 1], f[2, 2]]];

    private static double? Nullable(double x) => double.IsFinite(x) ? x : null;

    private static string Num(double? x) => x is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string CsvText(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void WriteFrame(IFrameWriter writer, Frame frame)
    {
        using (writer)
        {
            writer.Write(frame);
            writer.Complete();
        }
    }
}
