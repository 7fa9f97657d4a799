using GbAtomistics.Cli;

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
