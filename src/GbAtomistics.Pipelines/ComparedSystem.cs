using GbAtomistics.Analysis.Rdf;

namespace GbAtomistics.Pipelines;

/// <summary>One system of a comparison after its runs: its label and input, the coordination run, and the RDFs of its regions (all, or bulk and gb).</summary>
public sealed record ComparedSystem(string Label, TrajectoryInput Input, CoordinationRun Coordination, IReadOnlyList<(string Region, RdfResult Rdf)> Rdfs);
