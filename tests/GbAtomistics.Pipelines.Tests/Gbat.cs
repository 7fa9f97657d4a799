using GbAtomistics.Cli;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>Runs gbat in-process and captures its output.</summary>
internal static class Gbat
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = GbatCommand.Invoke(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
