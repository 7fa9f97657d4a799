using System.CommandLine;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Cli.Commands;

/// <summary>
/// The input argument and the reading and frame-selection options of every command that analyses one trajectory,
/// and their conversion to the <see cref="TrajectoryInput"/> a pipeline step takes.
/// </summary>
internal sealed class TrajectoryOptions(string inputDescription = "Trajectory or structure")
{
    public Argument<string> Input { get; } = new("INPUT") { Description = inputDescription };

    public Option<string?> Format { get; } = CommonOptions.Format();

    public Option<string?> TypeMap { get; } = CommonOptions.TypeMap();

    public Option<string?> Timestep { get; } = CommonOptions.Timestep();

    public Option<string?> Units { get; } = CommonOptions.Units();

    public Option<int> First { get; } = CommonOptions.FirstFrame();

    public Option<int?> Last { get; } = CommonOptions.LastFrame();

    public Option<int> Every { get; } = CommonOptions.Every();

    /// <summary>Adds the argument and the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Input);
        foreach (Option o in new Option[] { Format, TypeMap, Timestep, Units, First, Last, Every })
        {
            command.Add(o);
        }
    }

    public TrajectoryInput ToInput(ParseResult parse) => new(
        parse.GetValue(Input)!,
        CommonOptions.ReadOptions(parse.GetValue(TypeMap), parse.GetValue(Timestep), parse.GetValue(Units)),
        parse.GetValue(Format),
        new FrameSelection(parse.GetValue(First), parse.GetValue(Last), parse.GetValue(Every)));
}
