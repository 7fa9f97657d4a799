using System.Text.Json;
using GbAtomistics.IO;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// The folder a run writes its tables, JSON and plots into (created if missing). Each file is written whole or
/// not at all; files of an earlier run with the same names are replaced, but an input of the run never is. Notes
/// about what was written (empty cells and why) are kept in <see cref="Notes"/> and echoed to the writer given.
/// </summary>
public sealed class OutputFolder
{
    private readonly List<string> _written = [];
    private readonly List<string> _notes;
    private readonly TextWriter? _noteWriter;

    /// <param name="path">The folder.</param>
    /// <param name="inputs">Files of the run, never replaced.</param>
    /// <param name="notes">Where notes are echoed as they are made (a command's stderr), or null.</param>
    public OutputFolder(string path, IEnumerable<string> inputs, TextWriter? notes = null)
        : this(path, inputs, notes, [])
    {
    }

    private OutputFolder(string path, IEnumerable<string> inputs, TextWriter? notes, List<string> sharedNotes)
    {
        Path = path;
        Inputs = inputs.ToArray();
        _noteWriter = notes;
        _notes = sharedNotes;
        if (File.Exists(path))
        {
            throw new Core.InputException($"{path}: is a file; --output expects a folder");
        }

        if (!OutputFile.Discarding)
        {
            Directory.CreateDirectory(path);
        }

        foreach (string note in RunNotes.Drain())
        {
            _noteWriter?.WriteLine($"note: {note}");
        }
    }

    public string Path { get; }

    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Files written so far, in order.</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>Notes made by this folder and its subfolders, in order, each naming the file it is about.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>A subfolder that shares the inputs and the notes.</summary>
    public OutputFolder Subfolder(string name) => new(System.IO.Path.Combine(Path, name), Inputs, _noteWriter, _notes);

    /// <summary>Records a note about the file <paramref name="name"/> of this folder (echoed as <c>note: PATH: text</c>).</summary>
    public void Note(string name, string text)
    {
        string line = $"{System.IO.Path.Combine(Path, name)}: {text}";
        _notes.Add(line);
        _noteWriter?.WriteLine($"note: {line}");
    }

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

    /// <summary>
    /// Writes <paramref name="summary"/> as the JSON file <paramref name="name"/> after <paramref name="others"/> has
    /// written a step's other files. The summary is serialised on another thread meanwhile: a run's first
    /// serialisation takes tens of milliseconds, as a plot does, and by then the cores that read the frames are idle.
    /// </summary>
    public string WriteJson(string name, object summary, Action others)
    {
        Task<string> json = Task.Run(() => JsonSerializer.Serialize(summary, Json.Options));
        others();
        return WriteText(name, json.GetAwaiter().GetResult());
    }

    /// <summary>
    /// Writes a CSV table (header line, then rows) and, when some cells are empty (values that could not be computed),
    /// notes which columns and how many rows, with <paramref name="emptyMeans"/> saying why such a cell is empty.
    /// </summary>
    public string WriteTable(string name, string csv, string emptyMeans)
    {
        string path = WriteText(name, csv);
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 2)
        {
            return path;
        }

        string[] header = Cells(lines[0]);
        var empty = new int[header.Length];
        foreach (string line in lines.Skip(1))
        {
            string[] cells = Cells(line);
            for (int c = 0; c < Math.Min(cells.Length, header.Length); c++)
            {
                empty[c] += cells[c].Length == 0 ? 1 : 0;
            }
        }

        string[] columns = Enumerable.Range(0, header.Length).Where(c => empty[c] > 0)
            .Select(c => $"{header[c]} ({empty[c]} of {lines.Length - 1})").ToArray();
        if (columns.Length > 0)
        {
            Note(name, $"empty cells in {string.Join(", ", columns)}: {emptyMeans}");
        }

        return path;
    }

    /// <summary>The cells of one CSV line; a quoted cell may hold commas.</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells.ToArray();
    }

    /// <summary>
    /// Writes a figure through <paramref name="save"/>, which receives the target path (a temporary name with the same
    /// extension, moved into place when it is whole). A <c>.png</c> name is written as SVG too, so every figure exists
    /// in both forms. Returns the PNG (or only) path.
    /// </summary>
    public string WritePlot(string name, Action<string> save)
    {
        string[] names = System.IO.Path.GetExtension(name).Equals(".png", StringComparison.OrdinalIgnoreCase)
            ? [name, System.IO.Path.ChangeExtension(name, ".svg")]
            : [name];
        // The PNG and the SVG are drawn from separate figures, at the same time.
        string[] paths = [.. names.Select(PathOf)];
        try
        {
            Parallel.ForEach(paths, path => OutputFile.Write(path, save, overwrite: true, Inputs));
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        _written.AddRange(paths);
        return paths[0];
    }
}
