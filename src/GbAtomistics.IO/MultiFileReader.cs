using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>
/// Several files read as one trajectory, in the order <see cref="TrajectoryFiles.Expand"/> gives. Where a run was
/// restarted, the first frames of a file repeat steps the previous file already gave (the restart frame, or more):
/// those are dropped once, recognised by their timestep. A gap (the first new step of a file further from the last
/// step than the dump interval seen so far) or a change of the atoms (their number or ids) is a located error.
/// </summary>
public sealed class MultiFileReader : ITrajectoryReader
{
    private readonly IReadOnlyList<string> _files;
    private readonly ReadOptions _options;
    private readonly string? _format;
    private readonly Frame _scratch = new();
    private ITrajectoryReader? _current;
    private readonly StepSequence _steps = new();
    private int _file = -1;
    private long[]? _ids;
    private long _bytesBefore;

    public MultiFileReader(string spec, ReadOptions? options = null, string? format = null)
    {
        Path = spec;
        _files = TrajectoryFiles.Expand(spec);
        _options = options ?? ReadOptions.Default;
        _format = format;
    }

    public string Path { get; }

    public string FormatName => _current?.FormatName ?? FormatRegistry.DetectForReading(_files[0], _format).Name;

    public int FrameIndex { get; private set; }

    public long BytesRead => _bytesBefore + (_current?.BytesRead ?? 0);

    /// <inheritdoc/>
    public bool ReadOnAllCores => _current?.ReadOnAllCores ?? false;

    /// <summary>The files, in the order they are read.</summary>
    public IReadOnlyList<string> Files => _files;

    public bool Read(Frame frame)
    {
        while (true)
        {
            if (_current is null && !OpenNext())
            {
                return false;
            }

            if (!_current!.Read(frame))
            {
                _bytesBefore += _current.BytesRead;
                _current.Dispose();
                _current = null;
                continue;
            }

            if (!_steps.Keep(frame.Step, _file > 0 ? _files[_file - 1] : string.Empty, Error))
            {
                continue; // a frame the previous file already gave (restart overlap)
            }

            CheckAtoms(frame);
            FrameIndex++;
            return true;
        }
    }

    public bool Skip() => Read(_scratch);

    public void Dispose() => _current?.Dispose();

    private bool OpenNext()
    {
        if (++_file >= _files.Count)
        {
            return false;
        }

        _current = FormatRegistry.OpenReader(_files[_file], _options, _format);
        if (_file > 0)
        {
            _steps.NewFile();
        }

        return true;
    }

    private void CheckAtoms(Frame frame)
    {
        if (_ids is null)
        {
            _ids = frame.Ids[..frame.Count];
        }
        else if (AtomChange(frame, _ids) is { } change)
        {
            throw Error(change);
        }
    }

    /// <summary>What differs between the atoms of <paramref name="frame"/> and <paramref name="ids"/>, or null.</summary>
    internal static string? AtomChange(Frame frame, long[] ids) =>
        frame.Count != ids.Length ? $"expected the {ids.Length} atoms of the earlier files, found {frame.Count}"
        : !frame.Ids.AsSpan(0, frame.Count).SequenceEqual(ids) ? "expected the atom ids of the earlier files, found other ids"
        : null;

    private InputFormatException Error(string detail) =>
        new(_files[_file], 0, _current?.FrameIndex - 1, $"{detail} (reading {Path} as one trajectory)");
}
