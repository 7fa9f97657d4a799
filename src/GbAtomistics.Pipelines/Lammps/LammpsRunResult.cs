namespace GbAtomistics.Pipelines.Lammps;

/// <summary>What one <c>lmp</c> run left: its exit code, the text of its log (screen output when the log is missing) and why it failed.</summary>
/// <param name="ExitCode">Process exit code (0 on success).</param>
/// <param name="Log">The LAMMPS log text.</param>
/// <param name="Error">
/// The last line starting with <c>ERROR</c> in the log or on the screen; when there is none and the exit code is not 0,
/// the exit code and the last lines <c>lmp</c> printed (after <see cref="LammpsProcess.Attempts"/> tries); otherwise null.
/// </param>
public sealed record LammpsRunResult(int ExitCode, string Log, string? Error)
{
    /// <summary>The value fields of the last line of the log that starts with <paramref name="tag"/>, or null.</summary>
    public string[]? Tagged(string tag)
    {
        string[]? found = null;
        foreach (string line in Log.Split('\n'))
        {
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                found = line[(tag.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }

        return found;
    }

    /// <summary>The LAMMPS version from the first line of the log, e.g. <c>29 Sep 2021 - Update 2</c>, or null.</summary>
    public string? Version
    {
        get
        {
            foreach (string line in Log.Split('\n'))
            {
                if (line.StartsWith("LAMMPS (", StringComparison.Ordinal))
                {
                    return line.Trim()[8..].TrimEnd(')');
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The largest neighbour-list cut-off LAMMPS reported (<c>master list distance cutoff</c>: the interaction
    /// cut-off plus the neighbour skin, Å), or null.
    /// </summary>
    public double? NeighbourCutoff
    {
        get
        {
            double? cutoff = null;
            foreach (string line in Log.Split('\n'))
            {
                int i = line.IndexOf("master list distance cutoff =", StringComparison.Ordinal);
                if (i >= 0 && double.TryParse(line[(i + 29)..].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double c))
                {
                    cutoff = Math.Max(cutoff ?? 0, c);
                }
            }

            return cutoff;
        }
    }
}
