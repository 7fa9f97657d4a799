namespace GbAtomistics.IO;

/// <summary>A reader that can say where in its file it is, so that failures caught at the boundary are located.</summary>
internal interface ILocatedReader
{
    /// <summary>1-based number of the line last read, or 0 when unknown.</summary>
    long LineNumber { get; }
}
