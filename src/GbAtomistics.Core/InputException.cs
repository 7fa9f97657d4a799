namespace GbAtomistics.Core;

/// <summary>
/// A problem with what the user gave us (a file, an option, a type map). Its message is one line meant for
/// the user; the command-line tool prints it without a stack trace and exits non-zero.
/// </summary>
public class InputException : Exception
{
    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
