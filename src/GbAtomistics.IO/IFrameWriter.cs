using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>
/// Writes frames to one file, whole or not at all: nothing appears at the target until <see cref="Complete"/>;
/// disposing an incomplete writer removes what it wrote.
/// </summary>
public interface IFrameWriter : IDisposable
{
    /// <summary>Appends a frame. Single-structure formats accept exactly one.</summary>
    void Write(Frame frame);

    /// <summary>Finishes the file and moves it into place.</summary>
    void Complete();
}
