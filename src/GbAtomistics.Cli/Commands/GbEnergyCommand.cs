using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat gb-energy BUILD_DIR --potential FILE</c>: grain-boundary energies (J/m²) of built bicrystals, relaxed with LAMMPS.</summary>
internal static class GbEnergyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var buildDir = new Argument<string>("BUILD_DIR") { Description = "Output folder of 'gbat build csl' (build.json, unit-cell.data, NAME.data, NAME.gb.json)" };
        var potential = new Option<string?>("--potential") { Description = "LAMMPS input fragment with the pair_style / pair_coeff (/ kspace_style) lines, included as is; types follow the species order of build.json", HelpName = "FILE" };
        var pairStyle = new Option<string?>("--pair-style") { Description = "Instead of --potential: the pair_style arguments, e.g. eam/alloy", HelpName = "STYLE" };
        var pairCoeff = new Option<string[]>("--pair-coeff") { Description = "With --pair-style: the pair_coeff arguments, e.g. \"* * /usr/share/lammps/potentials/Cu_mishin1.eam.alloy Cu\" (repeatable)", HelpName = "COEFFS", AllowMultipleArgumentsPerToken = false };
        var kspace = new Option<string?>("--kspace") { Description = "With --pair-style: the kspace_style arguments, e.g. \"ewald 1e-6\"", HelpName = "STYLE" };
        var lmp = new Option<string?>("--lmp") { Description = "LAMMPS executable (default: $GBAT_LMP, else lmp on the PATH)", HelpName = "PATH" };
        var threads = new Option<int>("--threads") { Description = "Members relaxed at the same time, one single-threaded lmp process each", HelpName = "N", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for the tables, relaxed structures and logs (default BUILD_DIR/gb-energy)", HelpName = "DIR" };
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "gb-energy",
            "Grain-boundary energies of the bicrystals of a 'gbat build csl' folder, relaxed with LAMMPS (lmp; Debian: apt-get install lammps).\n" +
            "1. Bulk: unit-cell.data replicated n×n×n (n ≥ 4, n·a0 above twice the neighbour cut-off), fix box/relax iso 0.0 with conjugate\n" +
            "   gradient, then CG at fixed box: e_bulk (eV/atom) and the relaxed lattice constant a0.\n" +
            "2. Each built member: scaled affinely to a0 (change_box ... scale a0/a_build remap), minimised at fixed box, then relaxed with\n" +
            "   Lx, Ly fixed and Lz free (fix box/relax z 0.0) and at fixed box, repeated until Lz and E settle (at most 20 cycles; the\n" +
            "   residual Pzz is reported). γ = (E − N·e_bulk)/(2·Lx·Ly): two boundaries per periodic bicrystal.\n" +
            "   Vacuum builds are refused (their excess energy includes two free surfaces). 1 eV/Å² = 16.0217663 J/m².\n" +
            "Non-cubic cells (tetragonal, orthorhombic, hexagonal): the bulk is replicated na×nb×nc (each n ≥ 4, every perpendicular box\n" +
            "   width above twice the cut-off) and relaxed with fix box/relax aniso 0.0 (couple xy when a = b): e_bulk, a0, b0, c0; gbat maps\n" +
            "   each grain onto the relaxed lattice with its own deformation (x and the boundary plane kept; a shear of opposite signs in the\n" +
            "   two grains when the in-plane net does not scale isotropically), so γ has no strain of the builder's rational approximation.\n" +
            "3. One lmp process per member in a temporary folder; a member whose run fails is reported with the last LAMMPS ERROR line.\n" +
            "   An lmp that exits non-zero without an ERROR line (the MPI runtime or the system, not the input) is run again, 3 tries in\n" +
            "   all; then the exit code and its last output are reported.\n" +
            "Writes gb-energy.csv (ranked, lowest γ first), gb-energy.json, NAME-relaxed.data (atoms in id order), NAME-relaxed.gb.json\n" +
            "and the LAMMPS logs. File names inside a potential fragment are resolved by LAMMPS from the temporary folder: give absolute\n" +
            "paths, or names in LAMMPS's potentials folder.\n\n" +
            "Examples:\n" +
            "  gbat build csl --structure fcc --a 3.615 --axis 110 --sigma 3 --plane 111 --repeat 3x2 --to lammps --output cu-twin\n" +
            "  gbat gb-energy cu-twin --pair-style eam/alloy --pair-coeff \"* * /usr/share/lammps/potentials/Cu_mishin1.eam.alloy Cu\"\n" +
            "  gbat gb-energy nacl-s5 --potential tools/csl-relax/born-nacl.mod --threads 2 --output nacl-s5-energy")
        {
            buildDir, potential, pairStyle, pairCoeff, kspace, lmp, threads, output, quiet, json,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            string dir = parse.GetValue(buildDir)!;
            var request = new GbEnergyRequest
            {
                BuildDirectory = dir,
                PotentialFile = parse.GetValue(potential),
                PairStyle = parse.GetValue(pairStyle),
                PairCoeffs = parse.GetValue(pairCoeff) ?? [],
                Kspace = parse.GetValue(kspace),
                Lmp = parse.GetValue(lmp),
                Threads = parse.GetValue(threads),
            };

            OutputFolder? folder = null;
            GbEnergyResult result = GbEnergyStep.Run(request, inputs => folder = new OutputFolder(parse.GetValue(output) ?? Path.Combine(dir, "gb-energy"), inputs, stderr));
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(result.Summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                foreach (string line in GbEnergyStep.Report(result))
                {
                    stdout.WriteLine(line);
                }

                stdout.WriteLine($"wrote {folder!.Written.Count} files into {folder.Path}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
