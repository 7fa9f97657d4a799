using GbAtomistics.Core;
using GbAtomistics.IO;

namespace GbAtomistics.Pipelines.Running;

/// <summary>A trajectory to analyse: the file, how to read it, and which frames to use.</summary>
public sealed record TrajectoryInput(string Path, ReadOptions ReadOptions, string? Format = null, FrameSelection? Selection = null)
{
    /// <summary>
    /// Where the MD timestep came from (<see cref="GbAtomistics.Pipelines.Running.TimestepSource.Resolve"/>): given, a <c>log.lammps</c>
    /// line, or the file itself; null before it is resolved.
    /// </summary>
    public string? TimestepSource { get; init; }

    public FrameSelection Frames => Selection ?? FrameSelection.All;

    /// <summary>
    /// The name figures give this input in their titles: the pipeline's input name; for a single command the file
    /// name, or its folder's name when the file has one of the names every run uses (<c>dump.lammpstrj.gz</c>,
    /// <c>XDATCAR</c>, <c>vasprun.xml</c>, <c>structure.data</c>), which would not tell two runs apart.
    /// </summary>
    public string Label
    {
        get => _label ?? DefaultLabel(Path);
        init => _label = value;
    }

    private readonly string? _label;

    private static readonly string[] GenericStems =
        ["dump", "traj", "trajectory", "md", "XDATCAR", "OUTCAR", "vasprun", "POSCAR", "CONTCAR", "structure", "data", "out"];

    private static string DefaultLabel(string path)
    {
        string file = System.IO.Path.GetFileName(path);
        string stem = file.Split('.')[0];
        string? folder = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)));
        return GenericStems.Contains(stem, StringComparer.OrdinalIgnoreCase) && !string.IsNullOrEmpty(folder) ? folder : file;
    }
}
