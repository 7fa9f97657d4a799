using System.Diagnostics;
using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Lammps;

/// <summary>
/// Runs <c>lmp -in INPUT -log LOG -echo log -nocite</c> in a working folder, one OpenMP thread, and collects the log
/// and the last <c>ERROR</c> line.
/// </summary>
/// <remarks>
/// LAMMPS reports every error of its own on a line starting with <c>ERROR</c>. A non-zero exit without such a line
/// comes from outside the input: the MPI runtime that Debian's <c>lmp</c> is linked with (a singleton's start-up or
/// shut-down racing with other MPI processes for its session directory, for instance) or the system. Such a run is
/// repeated, at most <see cref="Attempts"/> times in all, since the input itself is deterministic; when every try
/// fails, <see cref="LammpsRunResult.Error"/> holds the exit code and the last lines <c>lmp</c> printed.
/// </remarks>
public static class LammpsProcess
{
    /// <summary>Tries of one input when <c>lmp</c> exits non-zero without an <c>ERROR</c> line.</summary>
    public const int Attempts = 3;

    private const int TailLines = 4;

    /// <summary>Runs <paramref name="input"/> (a file in <paramref name="workDir"/>) and returns what LAMMPS left.</summary>
    public static LammpsRunResult Run(string lmp, string workDir, string input)
    {
        for (int attempt = 1; ; attempt++)
        {
            (LammpsRunResult run, string output) = RunOnce(lmp, workDir, input);
            if (run.ExitCode == 0 || run.Error is not null)
            {
                return run;
            }

            if (attempt == Attempts)
            {
                return run with { Error = $"lmp exited with code {run.ExitCode} without an ERROR line; its last output: {Tail(output)} (tried {Attempts} times)" };
            }

            Thread.Sleep(250 * attempt);
        }
    }

    /// <summary>One run: what LAMMPS left (<see cref="LammpsRunResult.Error"/> only from an ERROR line) and what it printed to stderr, else stdout.</summary>
    private static (LammpsRunResult Run, string Output) RunOnce(string lmp, string workDir, string input)
    {
        string log = Path.Combine(workDir, Path.GetFileNameWithoutExtension(input) + ".log");
        File.Delete(log);
        var info = new ProcessStartInfo(lmp)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "-in", input, "-log", log, "-echo", "log", "-nocite" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["OMP_NUM_THREADS"] = "1";
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InputException($"{lmp}: could not start LAMMPS");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InputException($"{lmp}: could not start LAMMPS ({e.Message}); install it (Debian/Ubuntu: apt-get install lammps) or give its path with --lmp or GBAT_LMP");
        }

        using (process)
        {
            process.StandardInput.Close();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            string text = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
            string screen = stdout + "\n" + stderr.Result;
            string? error = LastError(text) ?? LastError(screen);
            if (text.Length == 0)
            {
                text = screen;
            }

            return (new LammpsRunResult(process.ExitCode, text, error), string.IsNullOrWhiteSpace(stderr.Result) ? stdout : stderr.Result);
        }
    }

    private static string? LastError(string text)
    {
        string? error = null;
        foreach (string line in text.Split('\n'))
        {
            string t = line.Trim();
            if (t.StartsWith("ERROR", StringComparison.Ordinal))
            {
                error = t;
            }
        }

        return error;
    }

    // The last few lines of an output that are neither blank nor rules of dashes (as MPI messages are framed), on one line.
    private static string Tail(string text)
    {
        string[] lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.All(c => c == '-')).ToArray();
        return lines.Length == 0 ? "nothing" : string.Join(" / ", lines[Math.Max(0, lines.Length - TailLines)..]);
    }
}
