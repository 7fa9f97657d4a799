using System.Diagnostics;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary><c>gbat completion bash</c> prints a script that bash loads and that completes commands, options and values.</summary>
public sealed class CompletionCommandTests
{
    [Theory]
    [InlineData("gbat rd", "rdf")]
    [InlineData("gbat build ", "csl")]
    [InlineData("gbat rdf --r-", "--r-max")]
    [InlineData("gbat build csl --overlap r", "refuse")]
    [InlineData("gbat info --format vasp-x", "vasp-xdatcar")]
    [InlineData("gbat profile dump.lammpstrj --boundaries ", "auto none")]
    [InlineData("gbat completion ", "bash zsh")]
    public void BashCompletesFromTheCommandTree(string line, string expected)
    {
        var (code, script, stderr) = Gbat.Run("completion", "bash");
        Assert.True(code == 0, stderr);
        string path = Path.Combine(TestPaths.NewTempDir(), "gbat.bash");
        File.WriteAllText(path, script);
        string words = string.Join(' ', line.Split(' ').Select(w => $"'{w}'"));
        var start = new ProcessStartInfo("bash", ["--norc", "--noprofile", "-c", $"source '{path}'; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); _gbat; echo \"${{COMPREPLY[*]}}\""])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.NewTempDir(),
        };
        using Process bash = Process.Start(start)!;
        string output = bash.StandardOutput.ReadToEnd().Trim();
        string error = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0, error);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void ZshGetsTheSameFunctionThroughBashcompinit()
    {
        var (code, script, _) = Gbat.Run("completion", "zsh");
        Assert.Equal(0, code);
        Assert.StartsWith("#compdef gbat\nautoload -U +X bashcompinit && bashcompinit\n", script, StringComparison.Ordinal);
        Assert.Contains("complete -o filenames -o bashdefault -F _gbat gbat", script, StringComparison.Ordinal);
        Assert.Equal(2, Gbat.Run("completion", "fish").Code);
    }
}
