using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>One system of a comparison after its runs: its label and input, the coordination run, and the RDFs of its regions (all, or bulk and gb).</summary>
public sealed record ComparedSystem(string Label, TrajectoryInput Input, CoordinationRun Coordination, IReadOnlyList<(string Region, RdfResult Rdf)> Rdfs);
