using GbAtomistics.IO;

namespace GbAtomistics.Pipelines;

/// <summary>
/// The folder a run writes its tables, JSON and plots into (created if missing). Each file is written whole or
/// not at all; files of an earlier run with the same names are replaced, but an input of the run never is.
/// </summary>
public sealed class OutputFolder
{
    private readonly List<string> _written = [];

    public OutputFolder(string path, IEnumerable<string> inputs)
    {
        Path = path;
        Inputs = inputs.ToArray();
        if (File.Exists(path))
        {
            throw new Core.InputException($"{path}: is a file; --output expects a folder");
        }

        Directory.CreateDirectory(path);
    }

    public string Path { get; }

    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Files written so far, in order.</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>The full path of <paramref name="name"/> in the folder, refusing a name that is an input.</summary>
    public string PathOf(string name)
    {
        string path = System.IO.Path.Combine(Path, name);
        OutputFile.CheckTarget(path, overwrite: true, Inputs);
        return path;
    }

    /// <summary>Writes a text file.</summary>
    public string WriteText(string name, string content)
    {
        string path = PathOf(name);
        using (OutputFile file = OutputFile.Create(path, overwrite: true, Inputs))
        {
            file.Writer.Write(content);
            file.Commit();
        }

        _written.Add(path);
        return path;
    }

    /// <summary>Writes a figure through <paramref name="save"/>, which receives the target path.</summary>
    public string WritePlot(string name, Action<string> save)
    {
        string path = PathOf(name);
        save(path);
        _written.Add(path);
        return path;
    }
}
