using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>
/// A file written whole or not at all: content goes to a hidden temporary file beside the target, which is
/// moved into place by <see cref="Commit"/>; disposing without committing deletes it. An existing file is
/// never replaced unless the caller allows it, and a file the run reads is never replaced.
/// A name ending in <c>.gz</c> is written gzip-compressed.
/// </summary>
/// <remarks>
/// Temporary files are named <c>.NAME.gbat-PID-GUID.tmp</c>. The ones still open can be deleted at once
/// (<see cref="DeleteTemporaries"/>, called when gbat is interrupted), and a temporary left by a process that no longer
/// runs (killed with SIGKILL, a crash of the machine) is recognised by its process id and deleted the next time gbat
/// writes into that folder.
/// </remarks>
public sealed class OutputFile : IDisposable
{
    private const string Marker = ".gbat-";

    private static readonly ConcurrentDictionary<string, byte> Open = new();

    private readonly string _tempPath;
    private readonly bool _overwrite;
    private readonly Stream _stream;
    private bool _committed;

    private OutputFile(string path, bool overwrite)
    {
        Path = path;
        _overwrite = overwrite;
        if (Discarding)
        {
            _tempPath = string.Empty;
            _stream = Stream.Null;
            Writer = TextWriter.Null;
            return;
        }

        string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        RemoveStale(dir);
        _tempPath = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(path)}{Marker}{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        Open[_tempPath] = 0;
        Stream file = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Fastest)
            : file;
        Writer = new StreamWriter(_stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }

    /// <summary>
    /// Whether outputs are discarded instead of written: set on every MPI rank but rank 0, which alone writes the
    /// results that all ranks computed.
    /// </summary>
    public static bool Discarding { get; set; }

    /// <summary>The final path.</summary>
    public string Path { get; }

    /// <summary>Text writer over the temporary file (UTF-8, LF line endings).</summary>
    public TextWriter Writer { get; }

    /// <summary>
    /// Starts writing <paramref name="path"/>. Refuses (with an <see cref="InputException"/>) when the path is one of
    /// <paramref name="inputs"/>, or exists and <paramref name="overwrite"/> is false.
    /// </summary>
    public static OutputFile Create(string path, bool overwrite = false, IEnumerable<string>? inputs = null)
    {
        CheckTarget(path, overwrite, inputs);
        return new OutputFile(path, overwrite);
    }

    /// <summary>
    /// Writes <paramref name="path"/> whole or not at all through a writer that wants a file name (a plotting
    /// library): <paramref name="writeTemporary"/> writes the hidden temporary file, which is then moved into place;
    /// an interrupted or failed write leaves nothing behind.
    /// </summary>
    public static void Write(string path, Action<string> writeTemporary, bool overwrite = false, IEnumerable<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(writeTemporary);
        CheckTarget(path, overwrite, inputs);
        if (Discarding)
        {
            return;
        }

        string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        RemoveStale(dir);

        // The extension stays last: the writer may choose its format by it.
        string temp = System.IO.Path.Combine(
            dir, $".{System.IO.Path.GetFileName(path)}{Marker}{Environment.ProcessId}-{Guid.NewGuid():N}.tmp{System.IO.Path.GetExtension(path)}");
        Open[temp] = 0;
        try
        {
            writeTemporary(temp);
            File.Move(temp, path, overwrite);
        }
        finally
        {
            File.Delete(temp);
            Open.TryRemove(temp, out _);
        }
    }

    /// <summary>Checks that <paramref name="path"/> may be written, without creating anything.</summary>
    public static void CheckTarget(string path, bool overwrite, IEnumerable<string>? inputs)
    {
        string full = System.IO.Path.GetFullPath(path);
        foreach (string input in inputs ?? [])
        {
            if (string.Equals(System.IO.Path.GetFullPath(input), full, StringComparison.Ordinal))
            {
                throw new InputException($"{path}: is also an input; refusing to overwrite it");
            }
        }

        if (Directory.Exists(full))
        {
            throw new InputException($"{path}: is a folder, expected a file name");
        }

        if (!overwrite && File.Exists(full))
        {
            throw new InputException($"{path}: already exists; choose another name or allow overwriting");
        }
    }

    /// <summary>Finishes the file and moves it into place.</summary>
    public void Commit()
    {
        if (Discarding)
        {
            _committed = true;
            return;
        }

        Writer.Flush();
        Writer.Dispose();
        File.Move(_tempPath, Path, _overwrite);
        _committed = true;
        Open.TryRemove(_tempPath, out _);
    }

    /// <summary>Deletes the temporary files of every output still being written; returns how many there were.</summary>
    public static int DeleteTemporaries()
    {
        int count = 0;
        foreach (string temp in Open.Keys)
        {
            try
            {
                File.Delete(temp);
                count++;
            }
            catch (IOException)
            {
                // Best effort while the process ends.
            }
            catch (UnauthorizedAccessException)
            {
            }

            Open.TryRemove(temp, out _);
        }

        return count;
    }

    /// <summary>Deletes the temporaries in <paramref name="dir"/> whose writing process no longer runs.</summary>
    private static void RemoveStale(string dir)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(dir, $".*{Marker}*.tmp*").ToArray();
        }
        catch (IOException)
        {
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        foreach (string file in candidates)
        {
            string name = System.IO.Path.GetFileName(file);
            int start = name.LastIndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
            int end = name.IndexOf('-', start);
            if (end < 0 || !int.TryParse(name.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ||
                pid == Environment.ProcessId || Running(pid))
            {
                continue;
            }

            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool Running(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid}");
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            Writer.Dispose();
        }
        catch (IOException)
        {
            // The temporary file is deleted below either way.
        }

        File.Delete(_tempPath);
        Open.TryRemove(_tempPath, out _);
    }
}
