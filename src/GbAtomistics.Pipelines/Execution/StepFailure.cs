namespace GbAtomistics.Pipelines.Execution;

/// <summary>A step of a pipeline that could not be computed, and why (the run goes on with the others).</summary>
public sealed record StepFailure(string Step, string Message);
