using System.CommandLine;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Definition;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat init FOLDER</c>: writes a commented starting pipeline for the trajectories in a folder.</summary>
internal static class InitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string>("FOLDER") { Description = "Folder holding the trajectories (searched three levels deep)" };
        var output = new Option<string?>("--output", "-o") { Description = "Pipeline file to write (default: FOLDER/pipeline.yaml)", HelpName = "FILE" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the pipeline file if it exists" };
        Option<bool> quiet = CommonOptions.Quiet();
        var command = new Command(
            "init",
            "Write a commented starting pipeline for the trajectories found in a folder: one input per trajectory, species,\n" +
            "charges and timestep from the LAMMPS data file and log beside it, boundaries from a *.gb.json beside it, and\n" +
            "RDF, coordination, profile, MSD, conductivity, bulk-vs-GB comparison, Arrhenius sets (runs whose names differ\n" +
            "by a temperature such as -800K) and the polycrystal curve. Edit it, then 'gbat run' it.\n\n" +
            "Examples:\n  gbat init runs/\n  gbat init runs/ --output runs/analysis.yaml --overwrite")
        {
            folder, output, overwrite, quiet,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            string dir = parse.GetValue(folder)!;
            string target = parse.GetValue(output) ?? Path.Combine(dir, "pipeline.yaml");
            if (File.Exists(target) && !parse.GetValue(overwrite))
            {
                throw new InputException($"{target}: already exists; give --overwrite to replace it, or --output another file");
            }

            string text = PipelineTemplate.Create(dir, target);
            using (OutputFile file = OutputFile.Create(target, parse.GetValue(overwrite), []))
            {
                file.Writer.Write(text);
                file.Commit();
            }

            if (!parse.GetValue(quiet))
            {
                stdout.WriteLine($"wrote {target}; edit it, then: gbat run {target}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
