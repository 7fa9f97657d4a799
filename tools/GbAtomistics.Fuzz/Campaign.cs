using System.Diagnostics;
using System.Text;

namespace GbAtomistics.Fuzz;

/// <summary>
/// Runs mutated seeds through every family and counts the outcomes. Each family draws from its own random stream
/// (campaign seed and family index), so a fixed count is reproducible. A family that hangs is stopped (its thread
/// cannot be ended and keeps running in the background).
/// </summary>
internal sealed class Campaign
{
    private readonly CampaignOptions _options;
    private readonly IReadOnlyList<FuzzFamily> _families;

    public Campaign(IReadOnlyList<FuzzFamily> families, CampaignOptions options)
    {
        _options = options;
        _families = options.Families.Count == 0
            ? families
            : families.Where(f => options.Families.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>Runs the campaign; returns the statistics of each family.</summary>
    public IReadOnlyList<FamilyStats> Run(TextWriter? log = null)
    {
        string work = Path.Combine(Path.GetTempPath(), "gbat-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var executor = new Executor(_options.TimeLimit, _options.MemoryLimit);
        var stats = _families.Select(f => new FamilyStats(f.Name)).ToArray();
        // Not HashCode.Combine: it is salted per process, and a campaign must replay from its seed.
        var randoms = _families.Select((_, i) => new Random(unchecked((_options.Seed * 1_000_003) + (i * 7919)))).ToArray();
        var stopped = new bool[_families.Count];
        var watch = Stopwatch.StartNew();
        try
        {
            for (int round = 0; ; round++)
            {
                bool any = false;
                for (int f = 0; f < _families.Count; f++)
                {
                    if (stopped[f] || (_options.Duration is null && round >= _options.ExecutionsPerFamily))
                    {
                        continue;
                    }

                    any = true;
                    FuzzFamily family = _families[f];
                    byte[] input = Mutate(family, randoms[f], out string mutation, out string seedName);
                    Outcome outcome = executor.Run(family, input, Path.Combine(work, family.FileName));
                    stats[f].Add(outcome);
                    if (outcome.Kind is OutcomeKind.Crash or OutcomeKind.Hang or OutcomeKind.Memory)
                    {
                        string line = $"{family.Name} #{stats[f].Executions} [{seedName}; {mutation}]: {outcome.Kind}: {outcome.Describe()}";
                        stats[f].Failures.Add(line);
                        log?.WriteLine(line);
                        Keep(family, stats[f].Executions, input, line, outcome);
                        if (outcome.Kind == OutcomeKind.Hang)
                        {
                            stopped[f] = true;
                            work = Path.Combine(Path.GetTempPath(), "gbat-fuzz", Guid.NewGuid().ToString("N"));
                            Directory.CreateDirectory(work); // the hung thread may still hold the old file
                        }
                    }
                }

                if (!any || (_options.Duration is { } d && watch.Elapsed >= d))
                {
                    break;
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // a hung reader may still hold its file open
            }
        }

        return stats;
    }

    /// <summary>A table of the statistics, one row per family and a total.</summary>
    public static string Report(IReadOnlyList<FamilyStats> stats, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| family | executions | accepted | refused (located) | crashes | hangs | memory | slowest (ms) | most allocated (MiB) |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (FamilyStats s in stats)
        {
            sb.AppendLine(FormattableString.Invariant(
                $"| {s.Family} | {s.Executions} | {s.Accepted} | {s.Refused} | {s.Crashes} | {s.Hangs} | {s.MemoryFailures} | {s.Slowest.TotalMilliseconds:F0} | {s.MostAllocated / 1048576.0:F1} |"));
        }

        sb.AppendLine(FormattableString.Invariant(
            $"| all | {stats.Sum(s => s.Executions)} | {stats.Sum(s => s.Accepted)} | {stats.Sum(s => s.Refused)} | {stats.Sum(s => s.Crashes)} | {stats.Sum(s => s.Hangs)} | {stats.Sum(s => s.MemoryFailures)} | {stats.Max(s => s.Slowest.TotalMilliseconds):F0} | {stats.Max(s => s.MostAllocated) / 1048576.0:F1} |"));
        sb.AppendLine(FormattableString.Invariant(
            $"elapsed {elapsed.TotalSeconds:F0} s; peak working set of the process {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));
        return sb.ToString();
    }

    private static byte[] Mutate(FuzzFamily family, Random random, out string mutation, out string seedName)
    {
        (string name, byte[] seed) = family.Seeds[random.Next(family.Seeds.Count)];
        seedName = name;
        if (family.Compress is null)
        {
            return Mutator.Apply(seed, random, out mutation);
        }

        // Half the compressed inputs carry damaged text in a sound stream, half a damaged stream.
        if (random.Next(2) == 0)
        {
            byte[] text = Mutator.Apply(seed, random, out mutation);
            return family.Compress(text);
        }

        return Mutator.CorruptCompressed(family.Compress(seed), random, out mutation);
    }

    private void Keep(FuzzFamily family, int execution, byte[] input, string line, Outcome outcome)
    {
        if (_options.FailureFolder is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        string stem = Path.Combine(folder, $"{family.Name}-{_options.Seed}-{execution}");
        File.WriteAllBytes(stem + "-" + family.FileName, input);
        File.WriteAllText(stem + ".txt", line + Environment.NewLine + outcome.Error + Environment.NewLine);
    }
}
