using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>
/// A streaming reader of frames. Memory is one frame whatever the file size. Single-structure formats
/// (LAMMPS data, POSCAR) are readers that yield one frame.
/// </summary>
public interface ITrajectoryReader : IDisposable
{
    /// <summary>The file as the user named it.</summary>
    string Path { get; }

    /// <summary>The registry name of the format (<c>lammps-dump</c>, …).</summary>
    string FormatName { get; }

    /// <summary>Number of frames read or skipped so far; the 0-based index of the next frame.</summary>
    int FrameIndex { get; }

    /// <summary>Bytes consumed so far (of the decompressed stream), for progress reports.</summary>
    long BytesRead { get; }

    /// <summary>
    /// True when the atom lines of the frame last read were parsed by all cores (large frames of LAMMPS dumps and
    /// extended XYZ files), so that a second reader beside this one would find no core free.
    /// </summary>
    bool ReadOnAllCores => false;

    /// <summary>
    /// Fills <paramref name="frame"/> with the next frame (atoms ordered by id). Returns false at a clean end of
    /// file between frames; throws <see cref="InputFormatException"/> for malformed content or a truncated frame.
    /// </summary>
    bool Read(Frame frame);

    /// <summary>
    /// Skips the next frame, as cheaply as the format allows (without parsing atom lines where possible).
    /// Returns false at the end of the file.
    /// </summary>
    bool Skip();
}
