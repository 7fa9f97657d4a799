namespace GbAtomistics.Cli.Commands;

/// <summary>Labels of the inputs of a command that compares several, when the user gives none.</summary>
internal static class InputLabels
{
    /// <summary>
    /// The file names; where two inputs share a file name (<c>run-a/dump.lammpstrj</c>, <c>run-b/dump.lammpstrj</c>)
    /// those inputs are labelled by their parent folder (<c>run-a</c>, <c>run-b</c>), then by more of the path
    /// (<c>x/run</c>, <c>y/run</c>); the same file given twice gets its position appended (<c>dump#1</c>, <c>dump#2</c>).
    /// </summary>
    public static string[] Default(IReadOnlyList<string> paths)
    {
        string[] full = paths.Select(Path.GetFullPath).ToArray();
        string[] labels = paths.Select(p => Path.GetFileName(p) is { Length: > 0 } n ? n : p).ToArray();
        for (int depth = 1; depth <= 16; depth++)
        {
            // Only inputs whose label clashes with a different file are relabelled by folder.
            int[] clashing = Clashing(labels).Where(k => Enumerable.Range(0, labels.Length).Any(j => labels[j] == labels[k] && full[j] != full[k])).ToArray();
            if (clashing.Length == 0)
            {
                break;
            }

            foreach (int k in clashing)
            {
                labels[k] = Folders(full[k], depth);
            }
        }

        foreach (int k in Clashing(labels))
        {
            labels[k] = $"{labels[k]}#{k + 1}";
        }

        return labels;
    }

    private static int[] Clashing(string[] labels) =>
        Enumerable.Range(0, labels.Length).Where(k => labels.Count(l => l == labels[k]) > 1).ToArray();

    /// <summary>The last <paramref name="depth"/> folder names above the file, joined with '/'.</summary>
    private static string Folders(string fullPath, int depth)
    {
        var names = new List<string>();
        string? dir = Path.GetDirectoryName(fullPath);
        while (names.Count < depth && !string.IsNullOrEmpty(dir) && Path.GetFileName(dir) is { Length: > 0 } name)
        {
            names.Insert(0, name);
            dir = Path.GetDirectoryName(dir);
        }

        return names.Count > 0 ? string.Join('/', names) : fullPath;
    }
}
