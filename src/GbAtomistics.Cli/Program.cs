using System.Runtime.InteropServices;
using GbAtomistics.Cli;
using GbAtomistics.IO;

// SIGINT (Ctrl-C) and SIGTERM: remove the temporary files of outputs still being written (finished outputs stay whole),
// say so, and exit with 130 or 143.
using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    return GbatCommand.Invoke(args, Console.Out, Console.Error);
}
catch (Exception e)
{
    Console.Error.WriteLine("gbat: internal error (a bug; please report it with the command and this trace):");
    Console.Error.WriteLine(e);
    return ExitCodes.InternalError;
}

static void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    int removed = OutputFile.DeleteTemporaries();
    bool interrupt = context.Signal == PosixSignal.SIGINT;
    Console.Error.WriteLine($"gbat: {(interrupt ? "interrupted" : "terminated")}; {removed} unfinished output file(s) removed, finished ones kept");
    Environment.Exit(interrupt ? ExitCodes.Interrupted : ExitCodes.Terminated);
}
