namespace GbAtomistics.Fuzz;

/// <summary>What one family's executions came to.</summary>
internal sealed class FamilyStats
{
    public FamilyStats(string family)
    {
        Family = family;
    }

    public string Family { get; }

    public int Executions { get; private set; }

    public int Accepted { get; private set; }

    public int Refused { get; private set; }

    public int Crashes { get; private set; }

    public int Hangs { get; private set; }

    public int MemoryFailures { get; private set; }

    /// <summary>The longest execution.</summary>
    public TimeSpan Slowest { get; private set; }

    /// <summary>The most bytes one execution allocated.</summary>
    public long MostAllocated { get; private set; }

    /// <summary>Failures (crash, hang, memory) in the order found: the mutation and a description.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Counts <paramref name="outcome"/>.</summary>
    public void Add(Outcome outcome)
    {
        Executions++;
        switch (outcome.Kind)
        {
            case OutcomeKind.Accepted: Accepted++; break;
            case OutcomeKind.Refused: Refused++; break;
            case OutcomeKind.Crash: Crashes++; break;
            case OutcomeKind.Hang: Hangs++; break;
            default: MemoryFailures++; break;
        }

        if (outcome.Elapsed > Slowest)
        {
            Slowest = outcome.Elapsed;
        }

        MostAllocated = Math.Max(MostAllocated, outcome.AllocatedBytes);
    }
}
