using System.CommandLine;
using System.Diagnostics;
using System.Text;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary>
/// Every example of every command's <c>--help</c> runs as written, in a folder where the file names the examples use
/// stand for shipped files (the table "Files the examples name" in the README): <c>dump.lammpstrj</c> is the Li2O
/// bulk run, <c>gb.lammpstrj</c>, <c>run/</c> and <c>gb/</c> the Σ5(310) bicrystal at 1000 K, and so on. Examples
/// that run LAMMPS are run when <c>lmp</c> is on the PATH.
/// </summary>
public sealed class HelpExamplesTests
{
    [Fact]
    public void EveryHelpExampleRunsAsWritten()
    {
        string dir = Prepare();
        var failures = new StringBuilder();
        int ran = 0;
        foreach (string example in Examples())
        {
            string[] words = Words(example);
            if (words[1] == "gb-energy" && !HasLammps())
            {
                continue;
            }

            var (code, output) = Run(dir, words[1..]);
            ran++;
            if (code != 0)
            {
                failures.Append(example).Append("\n  exit ").Append(code).Append(": ").Append(output.Trim()).Append('\n');
            }
        }

        Assert.True(ran >= 40, $"only {ran} examples found");
        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>The example lines of every command's help, in the order of the command list.</summary>
    private static List<string> Examples()
    {
        var examples = new List<string>();
        void Walk(Command command, string[] path)
        {
            if (command.Subcommands.Count == 0 || path.Length > 0)
            {
                var (_, help, _) = Gbat.Run([.. path, "--help"]);
                bool inExamples = false;
                foreach (string line in help.Split('\n'))
                {
                    string t = line.Trim();
                    inExamples = t.StartsWith("Example", StringComparison.Ordinal) || (inExamples && t.Length > 0);
                    if (inExamples && t.StartsWith("gbat ", StringComparison.Ordinal))
                    {
                        examples.Add(t);
                    }
                }
            }

            foreach (Command sub in command.Subcommands)
            {
                Walk(sub, [.. path, sub.Name]);
            }
        }

        Walk(GbatCommand.Create(TextWriter.Null, TextWriter.Null), []);
        return examples.Distinct().ToList();
    }

    /// <summary>
    /// The words of an example as a shell would split them: quotes group, a trailing <c># comment</c>, a
    /// parenthesised note and an output redirection (<c>&gt; FILE</c>) are left out.
    /// </summary>
    private static string[] Words(string example)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char quote = '\0';
        foreach (char c in example)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == ' ')
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        int end = words.FindIndex(w => w is "#" or ">" || w.StartsWith('('));
        return (end < 0 ? words : words[..end]).ToArray();
    }

    /// <summary>The stand-ins: shipped files under the names the examples use, and what other examples need first.</summary>
    private static string Prepare()
    {
        string dir = TestPaths.NewTempDir();
        string data = TestPaths.TestData;
        string hot = Path.Combine(data, "example", "li2o-s5-310-1000K");
        Copy(Path.Combine(data, "li2o-bulk", "li2o-bulk-1000K.lammpstrj"), Path.Combine(dir, "dump.lammpstrj"));
        Copy(Path.Combine(data, "li2o-bulk", "XDATCAR"), Path.Combine(dir, "XDATCAR"));
        Copy(Path.Combine(hot, "dump.lammpstrj.gz"), Path.Combine(dir, "gb.lammpstrj"));
        Copy(Path.Combine(hot, "structure.gb.json"), Path.Combine(dir, "gb.gb.json"));
        Copy(Path.Combine(hot, "structure.data"), Path.Combine(dir, "structure.data"));
        Copy(Path.Combine(hot, "log.lammps"), Path.Combine(dir, "log.lammps")); // timestep and temperature beside gb.lammpstrj
        Copy(Path.Combine(hot, "dump.lammpstrj.gz"), Path.Combine(dir, "oxide.lammpstrj"));
        Copy(Path.Combine(data, "example", "li2o-s5-310-900K", "dump.lammpstrj.gz"), Path.Combine(dir, "sulphide.lammpstrj"));
        Copy(Path.Combine(data, "structures", "Na3PS4.vasp"), Path.Combine(dir, "Na3PS4.vasp"));
        CopyFolder(hot, Path.Combine(dir, "run"));
        CopyFolder(hot, Path.Combine(dir, "gb"));
        CopyFolder(Path.Combine(data, "example", "li2o-bulk-1000K"), Path.Combine(dir, "bulk"));
        CopyFolder(Path.Combine(data, "example"), dir);
        CopyFolder(Path.Combine(data, "example"), Path.Combine(dir, "testdata", "example"));
        CopyFolder(Path.Combine(data, "li2o-bulk"), Path.Combine(dir, "runs", "li2o-bulk-1000K"));
        Copy(Path.Combine(TestPaths.RepositoryRoot, "tools", "csl-relax", "born-nacl.mod"), Path.Combine(dir, "tools", "csl-relax", "born-nacl.mod"));
        Must(dir, "convert", Path.Combine(data, "li2o-bulk", "li2o-bulk.data"), "POSCAR");

        // Na3PO4 and Na3PS4 bicrystals (model cells of testdata/structures) as one-frame dumps.
        foreach (var (name, ligand) in new[] { ("Na3PO4", "O"), ("Na3PS4", "S") })
        {
            Must(dir, "build", "csl", "--structure", Path.Combine(data, "structures", $"{name}.vasp"), "--charges", $"Na=1,P=5,{ligand}=-2",
                "--axis", "001", "--sigma", "5", "--plane", "210", "--units", $"P:{ligand}", "--output", $"{name}-build", "--quiet");
            Must(dir, "convert", Directory.GetFiles(Path.Combine(dir, $"{name}-build"), $"{name}-*.data")[0], $"{name}.lammpstrj");
            Copy(Directory.GetFiles(Path.Combine(dir, $"{name}-build"), $"{name}-*.gb.json")[0], Path.Combine(dir, $"{name}.gb.json"));
        }

        // Conductivities at three temperatures (the bicrystal at 800, 900, 1000 K), a table of runs, and Arrhenius fits.
        foreach (var (t, run) in new[] { ("T500", "li2o-s5-310-800K"), ("T600", "li2o-s5-310-900K"), ("T700", "li2o-s5-310-1000K") })
        {
            Must(dir, "conductivity", Path.Combine(data, "example", run, "dump.lammpstrj.gz"), "--type-map", "1=Li,2=O", "--charges", "Li=1,O=-2", "--output", t, "--quiet");
        }

        File.WriteAllText(Path.Combine(dir, "runs.csv"), "temperature_K,sigma_S_per_cm,error_S_per_cm\n800,0.12,0.01\n900,0.25,0.02\n1000,0.41,0.03\n");
        string[] json = ["T500/conductivity.json", "T600/conductivity.json", "T700/conductivity.json"];
        Must(dir, ["arrhenius", .. json, "--region", "all", "--extrapolate-to", "900", "--output", "bulk", "--quiet"]);
        Must(dir, ["arrhenius", .. json, "--region", "gb", "--direction", "parallel", "--extrapolate-to", "900", "--output", "gb-par", "--quiet"]);
        Must(dir, ["arrhenius", .. json, "--region", "gb", "--direction", "perpendicular", "--extrapolate-to", "900", "--output", "gb-perp", "--quiet"]);
        return dir;
    }

    private static void Must(string dir, params string[] args)
    {
        var (code, output) = Run(dir, args);
        Assert.True(code == 0, $"preparing: gbat {string.Join(' ', args)}\n{output}");
    }

    /// <summary>Runs gbat in <paramref name="dir"/> (a separate process: the examples use paths relative to it).</summary>
    private static (int Code, string Output) Run(string dir, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gbat.dll"));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr + stdout.Result[..Math.Min(stdout.Result.Length, 2000)]);
    }

    private static bool HasLammps() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "lmp")));

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
