using GbAtomistics.Analysis;

namespace GbAtomistics.Pipelines.Definition;

/// <summary>The <c>rdf</c> analysis: the options of <c>gbat rdf</c> and the regions (all, bulk, gb) to compute.</summary>
public sealed record RdfStage(IReadOnlyList<string> Inputs, double RMax, int Bins, IReadOnlyList<SpeciesPair>? Pairs, IReadOnlyList<string>? Regions);
