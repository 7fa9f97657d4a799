using System.Runtime.InteropServices;
using GbAtomistics.Cli;
using GbAtomistics.Core;
using GbAtomistics.Core.Mpi;
using GbAtomistics.IO;

// SIGINT (Ctrl-C) and SIGTERM: remove the temporary files of outputs still being written (finished outputs stay whole),
// say so, and exit with 130 or 143. A signal after the command has returned (under mpirun, the launcher ending the
// job because another rank exited with the error this rank has already reported) changes nothing: the process
// goes on exiting quietly with the command's own code.
int finished = -1;
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
    int code = GbatCommand.Invoke(args, stdout, stderr);
    Volatile.Write(ref finished, code);
    return code;
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

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    if (Volatile.Read(ref finished) >= 0)
    {
        return; // the process is already on its way out with the command's code
    }

    int removed = OutputFile.DeleteTemporaries();
    bool interrupt = context.Signal == PosixSignal.SIGINT;
    if (MpiWorld.Rank == 0)
    {
        // Under MPI only rank 0 speaks: the launcher terminates the other ranks when one ends with an error.
        Console.Error.WriteLine($"gbat: {(interrupt ? "interrupted" : "terminated")}; {removed} unfinished output file(s) removed, finished ones kept");
    }

    Environment.Exit(interrupt ? ExitCodes.Interrupted : ExitCodes.Terminated);
}
