using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary>
/// A real gbat process killed in the middle of writing: SIGINT and SIGTERM remove its unfinished output and exit 130 or
/// 143; after SIGKILL the temporary file is left, recognised as stale and removed by the next gbat writing there; a
/// finished output is never touched.
/// </summary>
public sealed partial class InterruptTests
{
    private static readonly Lazy<string> Dump = new(() =>
    {
        // About 30 MB: long enough to catch the conversion while it writes.
        string path = Path.Combine(TestPaths.NewTempDir(), "big.lammpstrj");
        var random = new Random(1);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        for (int t = 0; t < 100; t++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"ITEM: TIMESTEP\n{t}\nITEM: NUMBER OF ATOMS\n8000\nITEM: BOX BOUNDS pp pp pp\n0 40\n0 40\n0 40\nITEM: ATOMS id type x y z\n"));
            for (int i = 1; i <= 8000; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{i} {1 + (i % 2)} {40 * random.NextDouble():F5} {40 * random.NextDouble():F5} {40 * random.NextDouble():F5}\n"));
            }
        }

        return path;
    });

    [SkippableTheory]
    [InlineData(2, 130, "interrupted")]  // SIGINT
    [InlineData(15, 143, "terminated")]  // SIGTERM
    public void SignalsRemoveTheUnfinishedOutput(int signal, int exitCode, string word)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "POSIX signals");
        string folder = TestPaths.NewTempDir();
        using Process gbat = Start(Dump.Value, Path.Combine(folder, "out.xyz.gz"));
        Assert.True(WaitForTemporary(folder, gbat), "the conversion finished before it could be interrupted");
        Assert.Equal(0, Kill(gbat.Id, signal));
        string stderr = gbat.StandardError.ReadToEnd();
        Assert.True(gbat.WaitForExit(30_000));
        Assert.Equal(exitCode, gbat.ExitCode);
        Assert.Contains($"gbat: {word}; 1 unfinished output file(s) removed", stderr);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [SkippableFact]
    public void AfterSigkillTheStaleTemporaryIsRemovedByTheNextRunAndFinishedFilesStay()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "POSIX signals");
        string folder = TestPaths.NewTempDir();
        string finished = Path.Combine(folder, "finished.txt");
        File.WriteAllText(finished, "kept");
        using (Process gbat = Start(Dump.Value, Path.Combine(folder, "out.xyz.gz")))
        {
            Assert.True(WaitForTemporary(folder, gbat), "the conversion finished before it could be killed");
            gbat.Kill();
            Assert.True(gbat.WaitForExit(30_000));
        }

        string stale = Assert.Single(Directory.GetFiles(folder, ".*.tmp"));
        Assert.Matches(TemporaryName(), Path.GetFileName(stale));

        var (code, _, stderr) = Gbat.Run("convert", Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj"),
            Path.Combine(folder, "small.xyz"), "--type-map", "1=Li,2=O", "--quiet");
        Assert.True(code == 0, stderr);
        Assert.False(File.Exists(stale), "the stale temporary of the killed process is still there");
        Assert.Equal("kept", File.ReadAllText(finished));
        Assert.False(File.Exists(Path.Combine(folder, "out.xyz.gz")));
    }

    private static Process Start(string input, string output)
    {
        string gbat = Path.Combine(AppContext.BaseDirectory, "gbat.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { gbat, "convert", input, output, "--type-map", "1=Li,2=O", "--quiet" })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    /// <summary>Waits until the process has a temporary output file in <paramref name="folder"/>; false if it ended first.</summary>
    private static bool WaitForTemporary(string folder, Process process)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (Directory.GetFiles(folder, ".*.tmp").Length > 0)
            {
                Thread.Sleep(50);
                return !process.HasExited;
            }

            if (process.HasExited)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return false;
    }

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/> with the system's kill command; returns its exit code.</summary>
    private static int Kill(int pid, int signal)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        return kill.ExitCode;
    }

    [GeneratedRegex(@"^\.out\.xyz\.gz\.gbat-\d+-[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryName();
}
