using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Lammps;

/// <summary>
/// Finds the LAMMPS executable: the path given on the command line (<c>--lmp</c>), else the environment variable
/// <c>GBAT_LMP</c>, else <c>lmp</c> on the <c>PATH</c>.
/// </summary>
public static class LammpsExecutable
{
    /// <summary>The environment variable that overrides the search of the <c>PATH</c>.</summary>
    public const string EnvironmentVariable = "GBAT_LMP";

    private const string Install = "install LAMMPS (Debian/Ubuntu: apt-get install lammps) or give its path with --lmp or GBAT_LMP";

    /// <summary>The full path of the executable; an <see cref="InputException"/> (one line) when there is none.</summary>
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Existing(option, "--lmp");
        }

        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Existing(env, EnvironmentVariable);
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "lmp");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InputException($"lmp (LAMMPS) is not on PATH: {Install}");
    }

    private static string Existing(string path, string source)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InputException($"{source} '{path}': no such LAMMPS executable; {Install}");
        }

        return full;
    }
}
