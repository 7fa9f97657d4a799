namespace GbAtomistics.Fuzz;

/// <summary>Settings of a fuzzing campaign.</summary>
internal sealed record CampaignOptions
{
    /// <summary>Executions per family; ignored when <see cref="Duration"/> is set.</summary>
    public int ExecutionsPerFamily { get; init; } = 200;

    /// <summary>Run round-robin over the families for this long instead of a fixed count.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Seed of the random mutations: the same seed and count give the same inputs.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>An execution running longer than this is a hang.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>An execution allocating more than this (bytes) is a memory failure.</summary>
    public long MemoryLimit { get; init; } = 2L << 30;

    /// <summary>Folder where failing inputs are kept (with a .txt description), or null to keep none.</summary>
    public string? FailureFolder { get; init; }

    /// <summary>Only the families named here (all when empty).</summary>
    public IReadOnlyList<string> Families { get; init; } = [];
}
