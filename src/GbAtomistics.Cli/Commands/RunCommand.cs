using System.CommandLine;
using System.Reflection;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Definition;
using GbAtomistics.Pipelines.Execution;

namespace GbAtomistics.Cli.Commands;

/// <summary><c>gbat run PIPELINE.yaml</c>: runs a YAML pipeline.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("PIPELINE") { Description = "Pipeline file (YAML); see 'gbat init' and the README section Pipelines" };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for the results (default: the pipeline's 'output', relative to the file)", HelpName = "DIR" };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: the pipeline's 'threads', else the number of cores)", HelpName = "N" };
        var check = new Option<bool>("--check") { Description = "Only read and validate the pipeline (files, regions, options); read no trajectory" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Write into an output folder that already holds files (files of the same name are replaced)" };
        Option<bool> quiet = CommonOptions.Quiet();
        var command = new Command(
            "run",
            "Run a YAML pipeline: inputs, regions, analyses, comparisons, Arrhenius sets and the polycrystal curve.\n\n" +
            "Each trajectory is read once for all its analyses (twice when a coordination cut-off is automatic). Writes one folder\n" +
            "per input, comparison and Arrhenius set, JSON with provenance (tool version, input sizes and SHA-256), PNG and SVG\n" +
            "plots, pipeline.json and report.md into the output folder. Errors in the file are reported as FILE:LINE:COLUMN:\n" +
            "key.path: expected ..., found .... A step that fails is listed in report.md and the others go on (exit code 1).\n\n" +
            "An output folder that already holds files is refused unless --overwrite is given.\n\n" +
            "Examples:\n  gbat run testdata/example/pipeline.yaml\n  gbat run pipeline.yaml --output results-2 --threads 8\n  gbat run pipeline.yaml --output results --overwrite\n  gbat run pipeline.yaml --check")
        {
            file, output, threads, check, overwrite, quiet,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            PipelineDefinition definition = PipelineParser.Load(parse.GetValue(file)!);
            if (parse.GetValue(output) is { } dir)
            {
                definition = definition with { Output = Path.GetFullPath(dir) };
            }

            bool q = parse.GetValue(quiet);
            if (parse.GetValue(check))
            {
                if (!q)
                {
                    stdout.WriteLine($"{definition.File}: valid; {definition.Inputs.Count} inputs, output {definition.Output}");
                }

                return ExitCodes.Success;
            }

            if (!parse.GetValue(overwrite) && Directory.Exists(definition.Output) && Directory.EnumerateFileSystemEntries(definition.Output).Any())
            {
                throw new InputException(
                    $"{definition.Output}: the output folder exists and is not empty; give --overwrite to write into it, or another --output");
            }

            string version = typeof(RunCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            PipelineOutcome outcome = TerminalProgress.Wanted(stderr, q)
                ? TerminalProgress.Show(p => new PipelineRunner(definition, version, parse.GetValue(threads), p).Run())
                : new PipelineRunner(definition, version, parse.GetValue(threads)).Run();
            foreach (StepFailure f in outcome.Failures)
            {
                stderr.WriteLine($"gbat: {f.Step}: {f.Message}");
            }

            if (!q)
            {
                foreach (var (name, passes) in outcome.PassesPerInput)
                {
                    stdout.WriteLine($"{name}: {passes} pass{(passes == 1 ? "" : "es")} over the trajectory");
                }

                stdout.WriteLine($"run: {outcome.Written.Count} files in {definition.Output} ({outcome.Elapsed.TotalSeconds:F1} s); report: {outcome.Report}");
            }

            return outcome.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.InputError;
        }));
        return command;
    }
}
