using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary>
/// <c>gbat sigma --axis 110 --max-sigma 50</c>: the CSL misorientations about an axis of a cubic, tetragonal,
/// orthorhombic, hexagonal or rhombohedral lattice.
/// </summary>
internal static class SigmaCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var axis = new Option<string>("--axis") { Description = "Rotation (tilt) axis [uvw], e.g. 001, 110, 111, 1-12 or 1,1,2; hexagonal also [uvtw], e.g. 2-1-10", HelpName = "UVW", Required = true };
        var maxSigma = new Option<int>("--max-sigma") { Description = "Largest Σ to list", HelpName = "N", DefaultValueFactory = _ => 50 };
        var lattice = new Option<string?>("--lattice") { Description = "Lattice system: cubic (default), tetragonal, orthorhombic, hexagonal or rhombohedral", HelpName = "SYSTEM" };
        var ratio = new Option<string?>("--ratio")
        {
            Description = "Axial ratio: tetragonal/hexagonal c²/a² (8/3, 8:3, 2), orthorhombic a²:b²:c² (1:2:3), rhombohedral (1+2cos α):cos α (15:-4); " +
                "a decimal (2.6361, 1:1.37:2.05) is a measured value, approximated by a fraction",
            HelpName = "RATIO",
        };
        var tolerance = new Option<double>("--ratio-tolerance")
        {
            Description = "Largest strain (%) a rational approximation may put on a lattice parameter (c, b or α; a kept)",
            HelpName = "PCT",
            DefaultValueFactory = _ => LatticeRatio.DefaultTolerance * 100,
        };
        var maxDenominator = new Option<long>("--max-denominator")
        {
            Description = "Largest denominator of an approximated ratio",
            HelpName = "N",
            DefaultValueFactory = _ => LatticeRatio.DefaultMaxDenominator,
        };
        var structure = new Option<string?>("--structure") { Description = "Take the lattice from the cell of a POSCAR or LAMMPS data file (system detected, ratio approximated)", HelpName = "FILE" };
        var output = new Option<string?>("--output", "-o") { Description = "Also write sigma.csv and sigma.json into this folder", HelpName = "DIR" };
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "sigma",
            "CSL misorientations about one axis: Σ, the conventional (smallest) angle, the symmetry-equivalent angle and,\n" +
            "for cubic lattices, the symmetric tilt planes (lower grain)/(upper grain). Cubic: θ = 2·atan(n√N/m), Σ = m² + N·n²\n" +
            "without factors of 2; [110] Σ3 is listed as 70.53° (equivalent 109.47°, the value pymatgen quotes).\n" +
            "Tetragonal, orthorhombic, hexagonal and rhombohedral lattices need a rational axial ratio (--ratio, or --structure\n" +
            "with the ratio approximated and the strain reported); their rows list every rotation angle in (0°, 180°] instead\n" +
            "of planes. Monoclinic and triclinic lattices are not supported.\n\n" +
            "Examples:\n  gbat sigma --axis 110 --max-sigma 50\n  gbat sigma --axis 001 --max-sigma 100 --output sigma-001 --json\n" +
            "  gbat sigma --lattice hexagonal --ratio 8/3 --axis 2-1-10 --max-sigma 30\n" +
            "  gbat sigma --lattice hexagonal --ratio 2.6361 --axis 0001\n" +
            "  gbat sigma --lattice tetragonal --ratio 9:4 --axis 100\n" +
            "  gbat sigma --lattice orthorhombic --ratio 1:2:3 --axis 001\n" +
            "  gbat sigma --lattice rhombohedral --ratio 15:-4 --axis 111")
        {
            axis, maxSigma, lattice, ratio, tolerance, maxDenominator, structure, output, quiet, json,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            ApproximatedLattice l = SigmaStep.ResolveLattice(
                parse.GetValue(lattice), parse.GetValue(ratio), parse.GetValue(tolerance), parse.GetValue(maxDenominator), parse.GetValue(structure));
            Int3 o = LatticeAxis.Parse(parse.GetValue(axis)!, l.Lattice.System);
            int max = parse.GetValue(maxSigma);
            IReadOnlyList<SigmaEntry> entries = SigmaStep.Compute(l.Lattice, o, max);
            object summary = SigmaStep.Summary(entries, o, max, l);
            if (parse.GetValue(output) is { } dir)
            {
                summary = SigmaStep.Write(entries, o, max, l, new OutputFolder(dir, []));
            }

            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                stdout.Write(SigmaStep.ToText(entries, o, l));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
