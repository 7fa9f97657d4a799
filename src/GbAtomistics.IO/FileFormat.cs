namespace GbAtomistics.IO;

/// <summary>
/// One entry of <see cref="FormatRegistry"/>: a format's name, how it is recognised, and how to read or write it.
/// </summary>
/// <param name="Name">The name used by <c>--format</c> and in YAML (<c>lammps-dump</c>).</param>
/// <param name="Description">One line for <c>gbat formats</c>.</param>
/// <param name="Kind">Trajectory, single structure or log.</param>
/// <param name="Extensions">File extensions with the dot, lower case (<c>.lammpstrj</c>).</param>
/// <param name="NameMarkers">Case-sensitive parts of a file name that identify the format (<c>XDATCAR</c>).</param>
/// <param name="Sniff">True when the first bytes of a file look like this format.</param>
/// <param name="OpenReader">Opens a streaming reader, or null when the format is not read as frames.</param>
/// <param name="CreateWriter">Creates a writer, or null when the format is read-only.</param>
public sealed record FileFormat(
    string Name,
    string Description,
    FormatKind Kind,
    IReadOnlyList<string> Extensions,
    IReadOnlyList<string> NameMarkers,
    Func<ReadOnlyMemory<byte>, bool> Sniff,
    Func<string, ReadOptions, ITrajectoryReader>? OpenReader,
    Func<string, WriteOptions, IFrameWriter>? CreateWriter)
{
    public bool CanRead => OpenReader is not null || Kind == FormatKind.Log;

    public bool CanWrite => CreateWriter is not null;
}
