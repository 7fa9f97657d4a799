using System.Runtime.InteropServices;
using GbAtomistics.Cli;
using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;
using GbAtomistics.IO;

// SIGINT (Ctrl-C) and SIGTERM: remove the temporary files of outputs still being written (finished outputs stay whole),
// say so, and exit with 130 or 143.
using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

// Under mpirun/srun: join the MPI job. Every rank computes the same results from summed accumulators; rank 0 alone
// prints and writes files.
TextWriter stdout = Console.Out, stderr = Console.Error;
try
{
    MpiWorld.Start();
}
catch (InputException e)
{
    Console.Error.WriteLine($"gbat: {e.Message}");
    return ExitCodes.InputError;
}

if (MpiWorld.Rank != 0)
{
    stdout = stderr = TextWriter.Null;
    OutputFile.Discarding = true;
}

try
{
    return GbatCommand.Invoke(args, stdout, stderr);
}
catch (Exception e)
{
    stderr.WriteLine("gbat: internal error (a bug; please report it with the command and this trace):");
    stderr.WriteLine(e);
    return ExitCodes.InternalError;
}
finally
{
    MpiWorld.Stop();
}

static void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    int removed = OutputFile.DeleteTemporaries();
    bool interrupt = context.Signal == PosixSignal.SIGINT;
    if (MpiWorld.Rank == 0)
    {
        // Under MPI only rank 0 speaks: the launcher terminates the other ranks when one ends with an error.
        Console.Error.WriteLine($"gbat: {(interrupt ? "interrupted" : "terminated")}; {removed} unfinished output file(s) removed, finished ones kept");
    }

    Environment.Exit(interrupt ? ExitCodes.Interrupted : ExitCodes.Terminated);
}
