namespace GbAtomistics.Pipelines.Execution;

/// <summary>What a pipeline run did: the report, the files written, passes per input, failures and the wall time.</summary>
public sealed record PipelineOutcome(
    string Report,
    IReadOnlyList<string> Written,
    IReadOnlyDictionary<string, int> PassesPerInput,
    IReadOnlyList<StepFailure> Failures,
    TimeSpan Elapsed);
