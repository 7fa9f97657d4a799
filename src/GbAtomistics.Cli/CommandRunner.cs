using GbAtomistics.Core;

namespace GbAtomistics.Cli;

/// <summary>
/// Runs a command body: a user error (<see cref="InputException"/>) becomes one line on stderr and
/// <see cref="ExitCodes.InputError"/>; anything else is a bug and keeps its stack trace.
/// </summary>
internal static class CommandRunner
{
    public static int Run(TextWriter stderr, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InputException e)
        {
            stderr.WriteLine($"gbat: {e.Message}");
            return ExitCodes.InputError;
        }
    }
}
