namespace GbAtomistics.Pipelines.Definition;

/// <summary>A parsed and validated pipeline file: inputs, analyses and where outputs go (paths resolved against the file).</summary>
public sealed record PipelineDefinition(
    string File,
    string Output,
    int? Threads,
    IReadOnlyList<PipelineInput> Inputs,
    RdfStage? Rdf,
    StructureStage? Coordination,
    StructureStage? Profile,
    MsdStage? Msd,
    IReadOnlyList<string> ConductivityInputs,
    IReadOnlyList<CompareStage> Comparisons,
    IReadOnlyList<ArrheniusStage> Arrhenius,
    PolycrystalStage? Polycrystal,
    DynamicsStage? Dynamics = null)
{
    public PipelineInput Input(string name) => Inputs.First(i => i.Name == name);
}
