using System.CommandLine;
using GbAtomistics.Cli.Commands;
using GbAtomistics.Core.Mpi;

namespace GbAtomistics.Cli;

/// <summary>The <c>gbat</c> command tree.</summary>
internal static class GbatCommand
{
    public static RootCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "gbat: grain-boundary analysis for solid electrolytes — read LAMMPS and VASP files, build CSL bicrystals, and " +
            "analyse structure and transport near boundaries, one command at a time or as a YAML pipeline ('gbat init FOLDER', " +
            "then 'gbat run pipeline.yaml').\n\n" +
            "Exit codes: 0 success; 1 bad input (one located line on stderr, e.g. FILE:LINE: expected X, found Y; for 'run', " +
            "also a step that could not be computed); 2 bad command line; 70 internal error (a bug: the stack trace is printed).\n\n" +
            "Example:\n  gbat run testdata/example/pipeline.yaml")
        {
            FormatsCommand.Create(stdout, stderr),
            InfoCommand.Create(stdout, stderr),
            ConvertCommand.Create(stdout, stderr),
            RdfCommand.Create(stdout, stderr),
            CoordinationCommand.Create(stdout, stderr),
            ProfileCommand.Create(stdout, stderr),
            CompareCommand.Create(stdout, stderr),
            SigmaCommand.Create(stdout, stderr),
            BuildCommand.Create(stdout, stderr),
            GbEnergyCommand.Create(stdout, stderr),
            MsdCommand.Create(stdout, stderr),
            ConductivityCommand.Create(stdout, stderr),
            DynamicsCommand.Create(stdout, stderr),
            ArrheniusCommand.Create(stdout, stderr),
            PolycrystalCommand.Create(stdout, stderr),
            RunCommand.Create(stdout, stderr),
            InitCommand.Create(stdout, stderr),
            CompletionCommand.Create(stdout, stderr),
        };
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, returning the exit code.</summary>
    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr)
    {
        RootCommand root = Create(stdout, stderr);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"gbat: {error.Message}");
            }

            stderr.WriteLine("gbat: see 'gbat --help' or 'gbat <command> --help'");
            return ExitCodes.UsageError;
        }

        if (MpiWorld.IsParallel && !args.Contains("--quiet"))
        {
            stderr.WriteLine($"gbat: {MpiWorld.Size} MPI ranks ({MpiWorld.Library}); frames are shared between them and rank 0 writes the outputs");
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return parse.Invoke(configuration);
    }
}
