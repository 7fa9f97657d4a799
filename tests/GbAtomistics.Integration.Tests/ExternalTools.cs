using System.Diagnostics;

namespace GbAtomistics.Integration.Tests;

/// <summary>Finds reference programs on PATH and runs them in a folder; tests skip with a message when one is absent.</summary>
internal static class ExternalTools
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name)
    {
        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The path of <paramref name="name"/>, or skips the test naming the package that provides it.</summary>
    public static string Require(string name, string package)
    {
        string? found = Find(name);
        Skip.If(found is null, $"'{name}' is not on PATH (Debian: apt-get install -y {package}); engine comparison skipped");
        return found!;
    }

    /// <summary>Runs a program in <paramref name="workingDirectory"/>; fails the test with its output on a non-zero exit.</summary>
    public static void Run(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["OMP_NUM_THREADS"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within {timeout.TotalSeconds:F0} s in {workingDirectory}");
        }

        process.WaitForExit();
        Assert.True(
            process.ExitCode == 0,
            $"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode} in {workingDirectory}:\n{Tail(stdout.Result)}\n{Tail(stderr.Result)}");
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
