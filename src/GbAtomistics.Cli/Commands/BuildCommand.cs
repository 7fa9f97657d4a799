using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat build csl</c>: periodic symmetric tilt bicrystals from a cubic unit cell, or about c from a tetragonal, orthorhombic or hexagonal one (tetragonal and orthorhombic also about a or b).</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var build = new Command("build", "Build input structures for grain-boundary studies (see 'gbat build csl --help')")
        {
            CslCommand(stdout, stderr),
        };
        return build;
    }

    private static Command CslCommand(TextWriter stdout, TextWriter stderr)
    {
        var structure = new Option<string>("--structure") { Description = $"Built-in structure ({string.Join(", ", Prototypes.Names)}) or a POSCAR / LAMMPS data file with a cubic, tetragonal, orthorhombic or hexagonal unit cell", HelpName = "NAME|FILE", Required = true };
        var a = new Option<double?>("--a") { Description = "Lattice constant in Å (default: the built-in's, or the file's)", HelpName = "Å" };
        var species = new Option<string?>("--species") { Description = "Elements of the built-in's site kinds in order, e.g. Li,O,Cl for antiperovskite (face centre, body centre, corner)", HelpName = "LIST" };
        var charges = new Option<string?>("--charges") { Description = "Formal charges in e, e.g. Li=1,O=-2,Cl=-1 (default: the built-in's, or the file's charges)", HelpName = "MAP" };
        Option<string?> format = CommonOptions.Format();
        Option<string?> typeMap = CommonOptions.TypeMap();
        var axis = new Option<string>("--axis") { Description = "Tilt axis [uvw] (box x), e.g. 001, 110, 111; non-cubic cells: 001 (hexagonal also 0001), tetragonal and orthorhombic also 100 and 010", HelpName = "UVW", Required = true };
        var sigma = new Option<int?>("--sigma") { Description = "Σ of the boundary (see 'gbat sigma')", HelpName = "N" };
        var angle = new Option<double?>("--angle") { Description = "Misorientation angle in degrees (instead of, or with, --sigma)", HelpName = "DEG" };
        var plane = new Option<string?>("--plane") { Description = "Boundary plane family (hkl), e.g. 310 (non-cubic: planes containing the axis, (hk0) about 001, (0kl) about 100, (h0l) about 010; hexagonal also (hki0) such as 2-1-10, and (hkil) containing a basal axis such as 01-12 about 2-1-10); default the first plane of the Σ entry", HelpName = "HKL" };
        var maxStrain = new Option<double>("--max-strain") { Description = "Non-cubic cells: largest strain in % allowed to make the lattice perpendicular to the axis coincident (about 001 b is strained to a rational (b/a)² (orthorhombic); about 100 or 010 c to a rational (c/b)² or (c/a)², hexagonal about 2-1-10 or 01-10 c to a rational (c/a)²; reported per grain)", HelpName = "PCT", DefaultValueFactory = _ => 100 * UniqueAxisLattice.DefaultMaxStrain };
        var repeat = new Option<string>("--repeat") { Description = "Repetitions of the CSL period along the tilt axis (x) and in the plane (y)", HelpName = "NXxNY", DefaultValueFactory = _ => "1x1" };
        var thickness = new Option<double>("--thickness") { Description = "Least thickness of each grain along the normal (z) in Å, rounded up to whole periods", HelpName = "Å", DefaultValueFactory = _ => 20.0 };
        var termination = new Option<int?>("--termination") { Description = "Where the boundary cuts the layer stacking (index from --list-terminations); default: the best of all", HelpName = "N" };
        var listTerminations = new Option<bool>("--list-terminations") { Description = "Print the terminations of the stacking along the normal and stop" };
        var translations = new Option<string?>("--translations") { Description = "Grid of in-plane translations of the upper grain over one CSL period: writes the whole family, ranked (default: search an automatic grid, write the winner)", HelpName = "NXxNY" };
        var translation = new Option<string?>("--translation") { Description = "One fixed in-plane translation of the upper grain, as fractions of the CSL periods along x and y (no search)", HelpName = "TX,TY" };
        var expansion = new Option<double>("--expansion") { Description = "Extra gap along the normal at each boundary in Å", HelpName = "Å", DefaultValueFactory = _ => 0.0 };
        var vacuum = new Option<double?>("--vacuum") { Description = "Replace the periodic second boundary with free surfaces and this much vacuum (Å)", HelpName = "Å" };
        var minRatio = new Option<string?>("--min-ratio") { Description = "Least distance of every species pair as a fraction of its shortest bulk distance: one value, pairs, or both (default 0.75; e.g. 0.7,Li-Li=0.6)", HelpName = "F|A-B=F,..." };
        var units = new Option<string>("--units") { Description = "Rigid units kept whole: auto (detected from the cell's bonding), none, or CENTRE:LIGAND pairs such as P:S", HelpName = "auto|none|C:L,...", DefaultValueFactory = _ => "auto" }.Completing("auto", "none");
        var scorePotential = new Option<string?>("--score-potential") { Description = "Rank candidates with this LAMMPS pair_style/pair_coeff fragment (born, buck, lj/cut, morse; Coulomb by Ewald) instead of the Born-Mayer model", HelpName = "FILE" };
        var overlap = new Option<string>("--overlap") { Description = "Pairs below the criterion across a boundary: formula-units (remove the upper grain's units, completed to whole formula units; default) or refuse", HelpName = "MODE", DefaultValueFactory = _ => "formula-units" }.Completing("formula-units", "refuse");
        var name = new Option<string?>("--name") { Description = "Base name of the output files (default e.g. Li3OCl-S5-310)", HelpName = "NAME" };
        var to = new Option<string>("--to") { Description = "Structure formats: lammps (NAME.data), poscar (NAME.vasp) or both", HelpName = "LIST", DefaultValueFactory = _ => "lammps,poscar" };
        var atomStyle = new Option<string?>("--atom-style") { Description = "LAMMPS atom style: charge (default for ionic crystals, formal charges) or atomic", HelpName = "STYLE" };
        var noPreview = new Option<bool>("--no-preview") { Description = "Do not write the preview PNG" };
        Option<string> output = CommonOptions.Output("gbat-build");
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "csl",
            "Periodic symmetric tilt bicrystal from a cubic unit cell, or about c from a tetragonal, orthorhombic or hexagonal\n" +
            "cell (planes (hk0); an orthorhombic b is strained to make (b/a)² rational, at most --max-strain, and reported),\n" +
            "or about a or b (--axis 100, 010) from a tetragonal or orthorhombic cell (planes (0kl), (h0l); c is strained to make\n" +
            "(c/b)² or (c/a)² rational; Σ, planes and strain are given in the cell's own axes):\n" +
            "tilt axis along x, boundary normal along z, two boundaries\n" +
            "(z = 0 and z = Lz/2). Each grain is whole CSL periods of whole rigid units (polyanions such as PS4 stay whole and\n" +
            "belong to the grain of their centre), so the result is stoichiometric and neutral. By default every in-plane\n" +
            "translation of an automatic grid and every termination is built; candidates with a species pair below --min-ratio\n" +
            "of its bulk distance are repaired by removing whole formula units (or dropped), and the one of lowest model energy\n" +
            "(Ewald Coulomb of the formal charges + Born-Mayer contact repulsion) is written. Writes NAME.data, NAME.vasp,\n" +
            "NAME.gb.json, NAME.png and build.json (per-pair distance table, model energy, why the candidate was chosen).\n\n" +
            "Examples:\n" +
            "  gbat build csl --structure antiperovskite --a 3.91 --species Li,O,Cl --axis 110 --sigma 3 --plane 111 --output li3ocl\n" +
            "  gbat build csl --structure rock-salt --axis 001 --sigma 5 --plane 310 --repeat 2x1 --translations 4x4 --output nacl-s5\n" +
            "  gbat build csl --structure Na3PS4.vasp --charges Na=1,P=5,S=-2 --axis 001 --sigma 5 --plane 210 --units P:S\n" +
            "  gbat build csl --structure POSCAR --type-map 1=Li,2=O --charges Li=1,O=-2 --axis 001 --sigma 5 --plane 210 --vacuum 15")
        {
            structure, a, species, charges, format, typeMap, axis, sigma, angle, plane, maxStrain, repeat, thickness, termination, listTerminations,
            translations, translation, expansion, vacuum, minRatio, units, overlap, scorePotential, name, to, atomStyle, noPreview, output, quiet, json,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            var (rx, ry) = Grid(parse.GetValue(repeat)!, "--repeat");
            string? gridText = parse.GetValue(translations);
            string? translationText = parse.GetValue(translation);
            string? minRatioText = parse.GetValue(minRatio);
            string? planeText = parse.GetValue(plane);
            string? speciesText = parse.GetValue(species);
            string? chargesText = parse.GetValue(charges);
            string? typeMapText = parse.GetValue(typeMap);
            var request = new CslBuildRequest
            {
                Structure = parse.GetValue(structure)!,
                Axis = LatticeAxis.ParseThreeOrFour(parse.GetValue(axis)!),
                LatticeConstant = parse.GetValue(a),
                Species = speciesText?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Charges = chargesText is null ? null : ChargeMap.Parse(chargesText),
                Format = parse.GetValue(format),
                TypeMap = typeMapText is null ? null : SpeciesMap.Parse(typeMapText),
                Sigma = parse.GetValue(sigma),
                AngleDegrees = parse.GetValue(angle),
                Plane = planeText is null ? null : LatticeAxis.ParsePlane(planeText),
                MaxStrain = parse.GetValue(maxStrain) / 100,
                RepeatAxis = rx,
                RepeatPlane = ry,
                Thickness = parse.GetValue(thickness),
                Termination = parse.GetValue(termination),
                Translations = gridText is null ? null : Grid(gridText, "--translations"),
                Translation = translationText is null ? null : Fractions(translationText),
                Expansion = parse.GetValue(expansion),
                Vacuum = parse.GetValue(vacuum),
                Distances = minRatioText is null ? new DistanceCriterion() : DistanceCriterion.Parse(minRatioText),
                Units = parse.GetValue(units)!,
                Overlap = ParseOverlap(parse.GetValue(overlap)!),
                ScorePotential = parse.GetValue(scorePotential),
                Name = parse.GetValue(name),
                Formats = parse.GetValue(to)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                AtomStyle = parse.GetValue(atomStyle),
                Preview = !parse.GetValue(noPreview),
            };

            if (parse.GetValue(listTerminations))
            {
                UnitCell cell = BuildCslStep.LoadCell(request);
                var options = BuildCslStep.Options(request, cell);
                foreach (Termination t in CslBuilder.Terminations(options))
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Index,3}  {t.Description}  (cut at {t.Height:F3} Å in the normal period)"));
                }

                return ExitCodes.Success;
            }

            IReadOnlyList<CslBuildMember> members = BuildCslStep.Build(request);
            var folder = new OutputFolder(parse.GetValue(output)!, File.Exists(request.Structure) ? [request.Structure] : [], stderr);
            object summary = BuildCslStep.Write(members, request, folder);
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                foreach (string line in BuildCslStep.Report(members))
                {
                    stdout.WriteLine(line);
                }

                stdout.WriteLine($"wrote {folder.Written.Count} files into {folder.Path}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    internal static (int X, int Y) Grid(string text, string option)
    {
        string[] parts = text.Split(['x', 'X', '×', ','], StringSplitOptions.TrimEntries);
        if (parts.Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int x) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int y) && x >= 1 && y >= 1)
        {
            return (x, y);
        }

        throw new InputException($"{option} '{text}': expected two positive whole numbers such as 2x3");
    }

    private static (double X, double Y) Fractions(string text)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 &&
            double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) &&
            double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double y) &&
            double.IsFinite(x) && double.IsFinite(y))
        {
            return (x, y);
        }

        throw new InputException($"--translation '{text}': expected two fractions of the CSL periods such as 0.5,0.25");
    }

    private static OverlapMode ParseOverlap(string text) => text.Trim().ToLowerInvariant() switch
    {
        "formula-units" or "formula-unit" => OverlapMode.FormulaUnits,
        "refuse" or "none" => OverlapMode.Refuse,
        _ => throw new InputException($"--overlap '{text}': expected formula-units or refuse"),
    };
}
