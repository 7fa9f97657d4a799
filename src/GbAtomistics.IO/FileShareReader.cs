using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>The files of one MPI rank's share of a several-file trajectory, restart overlaps left out (<see cref="FileShares"/>).</summary>
internal sealed class FileShareReader(string spec, IReadOnlyList<string> files, int from, int to, int[] drops, long[] ids, ReadOptions? options, string? format)
    : ITrajectoryReader
{
    private ITrajectoryReader? _current;
    private int _file = from - 1;
    private long _bytesBefore;

    public string Path => spec;

    public string FormatName => "lammps-dump";

    public int FrameIndex { get; private set; }

    public long BytesRead => _bytesBefore + (_current?.BytesRead ?? 0);

    public bool Read(Frame frame)
    {
        while (_current is not null || OpenNext())
        {
            if (_current!.Read(frame))
            {
                if (MultiFileReader.AtomChange(frame, ids) is { } change)
                {
                    throw new InputFormatException(files[_file], 0, _current.FrameIndex - 1, $"{change} (reading {spec} as one trajectory)");
                }

                FrameIndex++;
                return true;
            }

            CloseCurrent();
        }

        return false;
    }

    public bool Skip()
    {
        while (_current is not null || OpenNext())
        {
            if (_current!.Skip())
            {
                FrameIndex++;
                return true;
            }

            CloseCurrent();
        }

        return false;
    }

    public void Dispose() => _current?.Dispose();

    /// <summary>Opens the next file of the share, past its dropped leading frames; false after the last.</summary>
    private bool OpenNext()
    {
        if (++_file >= to)
        {
            return false;
        }

        _current = FormatRegistry.OpenReader(files[_file], options, format);
        for (int k = 0; k < drops[_file] && _current.Skip(); k++)
        {
        }

        return true;
    }

    private void CloseCurrent()
    {
        _bytesBefore += _current!.BytesRead;
        _current.Dispose();
        _current = null;
    }
}
