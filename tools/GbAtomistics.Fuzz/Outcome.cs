namespace GbAtomistics.Fuzz;

/// <summary>The result of one execution: how it ended, its time and allocation, and the exception if any.</summary>
internal sealed record Outcome(OutcomeKind Kind, TimeSpan Elapsed, long AllocatedBytes, Exception? Error)
{
    /// <summary>A one-line description for reports.</summary>
    public string Describe() => Kind switch
    {
        OutcomeKind.Crash => $"{Error!.GetType().FullName}: {Error.Message}",
        OutcomeKind.Hang => $"still running after {Elapsed.TotalSeconds:F0} s",
        OutcomeKind.Memory => Error is OutOfMemoryException
            ? $"OutOfMemoryException after {AllocatedBytes / (1 << 20)} MiB had been allocated"
            : $"allocated {AllocatedBytes / (1 << 20)} MiB",
        _ => Error?.Message ?? "accepted",
    };
}
