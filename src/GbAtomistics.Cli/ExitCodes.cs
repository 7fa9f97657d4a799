namespace GbAtomistics.Cli;

/// <summary>Process exit codes of <c>gbat</c>, as documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Bad input: a missing or malformed file, a bad option value; one located line on stderr.</summary>
    public const int InputError = 1;

    /// <summary>The command line itself could not be parsed (unknown option, missing argument).</summary>
    public const int UsageError = 2;

    /// <summary>Stopped by SIGINT (Ctrl-C), after removing unfinished outputs (128 + 2, the shell convention).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM, after removing unfinished outputs (128 + 15).</summary>
    public const int Terminated = 143;

    /// <summary>A bug in gbat: the stack trace is printed; please report it.</summary>
    public const int InternalError = 70;
}
