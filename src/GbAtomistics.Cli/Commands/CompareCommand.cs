using System.CommandLine;
using System.Text.Json;
using GbAtomistics.Analysis.Comparison;
using GbAtomistics.Analysis.Roles;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat compare INPUT...</c>: RDF first peaks and mean coordination of systems and of their bulk and GB regions.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Trajectories or structures to compare", Arity = ArgumentArity.OneOrMore };
        var labels = new Option<string?>("--labels")
        {
            Description = "Names of the inputs in the table and plots, comma-separated (default: file names; inputs with the same file name are named by their folder)",
            HelpName = "LIST",
        };
        Option<string?> format = CommonOptions.Format();
        var typeMap = new Option<string[]>("--type-map")
        {
            Description = "Names for LAMMPS types, e.g. 1=Li,2=O,3=Cl; once for all inputs or once per input, in order",
            HelpName = "MAP",
            AllowMultipleArgumentsPerToken = false,
        };
        var roles = new Option<string[]>("--roles")
        {
            Description = "Chemical role of each species, e.g. Na=cation,P=centre,O=anion (roles: cation, anion, centre); once for all inputs or once per input, in order. " +
                "Aligns the table and overlays by role pair (Na-O with Na-S), lets --species name role pairs (cation-anion), and adds polyhedra and bond-valence sums by role (compare-roles.csv)",
            HelpName = "MAP",
            AllowMultipleArgumentsPerToken = false,
        };
        var bvR0 = new Option<string?>("--bv-r0")
        {
            Description = "Bond-valence R0 in Å (b = 0.37 Å) for pairs the built-in published table lacks or to replace its value, e.g. Li-Se=2.09,Na-I=2.56 (cation first)",
            HelpName = "PAIR=Å",
        };
        Option<string?> timestep = CommonOptions.Timestep();
        Option<string?> units = CommonOptions.Units();
        Option<int> first = CommonOptions.FirstFrame();
        Option<int?> last = CommonOptions.LastFrame();
        Option<int> every = CommonOptions.Every();
        var structure = new StructureOptions();
        Option<string> output = CommonOptions.Output("gbat-compare");
        Option<int> threads = CommonOptions.Threads();
        Option<bool> quiet = CommonOptions.Quiet();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "compare",
            "Compare systems (e.g. an oxide and its sulphide) and the bulk and grain-boundary regions of each: first peak " +
            "of g_AB (position, height), mean coordination, and the change of the GB against the bulk\n\n" +
            "Prints the table as Markdown and writes compare.csv, compare.md, compare.json and per pair an RDF overlay " +
            "(compare-rdf-A-B.png) and a CN distribution overlay (compare-cn-A-B.png) into --output. Pairs absent from an " +
            "input are skipped for it.\n\n" +
            "Examples:\n  gbat compare gb.lammpstrj --type-map 1=Li,2=O,3=Cl --species Li-O,Li-Cl --boundaries auto\n" +
            "  gbat compare oxide.lammpstrj sulphide.lammpstrj --labels Li3OCl,Li3SCl --type-map 1=Li,2=O,3=Cl " +
            "--type-map 1=Li,2=S,3=Cl --species Li-O,Li-S --boundaries auto\n" +
            "  gbat compare Na3PO4.lammpstrj Na3PS4.lammpstrj --type-map 1=Na,2=P,3=O --type-map 1=Na,2=P,3=S " +
            "--roles Na=cation,P=centre,O=anion --roles Na=cation,P=centre,S=anion --boundaries auto")
        {
            inputs, labels, format, typeMap, roles, bvR0, timestep, units, first, last, every, output, threads, quiet, json,
        };
        foreach (Option option in structure.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            string[] paths = parse.GetValue(inputs)!;
            string[] maps = parse.GetValue(typeMap) ?? [];
            if (maps.Length > 1 && maps.Length != paths.Length)
            {
                throw new InputException($"--type-map given {maps.Length} times for {paths.Length} inputs; expected once, or once per input");
            }

            string[] names = parse.GetValue(labels) is { } text
                ? text.Split(',', StringSplitOptions.TrimEntries)
                : InputLabels.Default(paths);
            if (names.Length != paths.Length)
            {
                throw new InputException($"--labels has {names.Length} names for {paths.Length} inputs");
            }

            var selection = new FrameSelection(parse.GetValue(first), parse.GetValue(last), parse.GetValue(every));
            var systems = paths.Select((path, k) => (names[k], new TrajectoryInput(
                path,
                CommonOptions.ReadOptions(maps.Length == 0 ? null : maps[Math.Min(k, maps.Length - 1)], parse.GetValue(timestep), parse.GetValue(units)),
                parse.GetValue(format),
                selection))).ToArray();
            CoordinationRequest request = structure.Request(parse);
            string[] roleMaps = parse.GetValue(roles) ?? [];
            string? r0 = parse.GetValue(bvR0);
            if (r0 is not null && roleMaps.Length == 0)
            {
                throw new InputException("--bv-r0 sets bond-valence parameters for the role analysis: give --roles too");
            }

            RoleRequest? roleRequest = roleMaps.Length == 0 ? null : RoleRequest.Parse(roleMaps, r0, paths.Length);
            var folder = new OutputFolder(parse.GetValue(output)!, paths, stderr);
            IReadOnlyList<ComparedSystem> results = TerminalProgress.During(stderr, parse.GetValue(quiet) || parse.GetValue(json), () => CompareStep.Compute(systems, request, parse.GetValue(threads), roleRequest));
            object summary = CompareStep.Write(results, folder);
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json.Options));
            }
            else if (!parse.GetValue(quiet))
            {
                foreach (ComparedSystem s in results)
                {
                    stdout.WriteLine($"{s.Label}: {s.Coordination.Result.Frames} frames; region: {s.Coordination.Region.Source}" +
                        (s.Coordination.Region.Region is { } g ? $" (planes {string.Join(", ", g.Planes.Select(p => p.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}, half-width {g.HalfWidth:F2} Å)" : ""));
                }

                stdout.WriteLine();
                stdout.Write(CompareStep.Table(results).ToMarkdown());
                stdout.WriteLine();
                if (CompareStep.RoleTable(results) is { } roleTable)
                {
                    stdout.WriteLine("Polyhedra and bond-valence sums by role (± standard error over blocks of frames; sd = spread over atoms):");
                    stdout.WriteLine();
                    stdout.Write(roleTable.ToMarkdown());
                    stdout.WriteLine();
                }

                stdout.WriteLine($"wrote {string.Join(", ", folder.Written)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
