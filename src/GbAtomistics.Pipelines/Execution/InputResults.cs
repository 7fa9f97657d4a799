using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis.Transport.Conductivity;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Pipelines.Definition;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Execution;

/// <summary>Everything computed for one input of a pipeline (null where not asked or failed).</summary>
internal sealed class InputResults(PipelineInput input)
{
    public PipelineInput Input { get; set; } = input;

    public List<(string Region, RdfResult Result)> Rdfs { get; } = [];

    public CoordinationRun? Coordination { get; set; }

    public ProfileRun? Profile { get; set; }

    public MsdResult? Msd { get; set; }

    public ConductivityResult? Conductivity { get; set; }

    /// <summary>The boundary excess volume of the profile, when the input has boundaries.</summary>
    public Analysis.Profiles.ExcessVolumeResult? Excess { get; set; }

    /// <summary>Van Hove functions, α₂ and hops, when the input is in the dynamics analysis.</summary>
    public Analysis.Transport.Dynamics.DynamicsResult? Dynamics { get; set; }

    public string? TemperatureSource { get; set; }

    /// <summary>The temperature of the conductivity (K) with its spread over the thermo rows, when computed.</summary>
    public TemperatureEstimate? Temperature { get; set; }

    public int Passes { get; set; }

    public int FramesUsed { get; set; }

    public int Atoms { get; set; }

    public List<string> PassContents { get; } = [];
}
