using System.Diagnostics;
using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Lammps;

/// <summary>
/// Runs <c>lmp -in INPUT -log LOG -screen none</c> in a working folder, one OpenMP thread, and collects the log and
/// the last <c>ERROR</c> line.
/// </summary>
public static class LammpsProcess
{
    /// <summary>Runs <paramref name="input"/> (a file in <paramref name="workDir"/>) and returns what LAMMPS left.</summary>
    public static LammpsRunResult Run(string lmp, string workDir, string input)
    {
        string log = Path.Combine(workDir, Path.GetFileNameWithoutExtension(input) + ".log");
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

            return new LammpsRunResult(process.ExitCode, text, error);
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
}
