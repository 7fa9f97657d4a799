using GbAtomistics.Cli;

namespace GbAtomistics.Integration.Tests.Example;

/// <summary>Runs gbat in-process; fails the test with its output when it exits with an error.</summary>
internal static class GbatInProcess
{
    public static string Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = GbatCommand.Invoke(args, stdout, stderr);
        Assert.True(code == 0, $"gbat {string.Join(' ', args)} exited with {code}:\n{stdout}\n{stderr}");
        return stdout.ToString();
    }
}
