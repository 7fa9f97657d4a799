namespace GbAtomistics.Fuzz;

/// <summary>How one execution of a mutated input ended.</summary>
internal enum OutcomeKind
{
    /// <summary>The reader accepted the input.</summary>
    Accepted,

    /// <summary>The reader refused it with the promised located error.</summary>
    Refused,

    /// <summary>Any other exception: a crash, kept as a regression input.</summary>
    Crash,

    /// <summary>The reader ran past the time limit.</summary>
    Hang,

    /// <summary>The reader allocated more than the memory limit.</summary>
    Memory,
}
