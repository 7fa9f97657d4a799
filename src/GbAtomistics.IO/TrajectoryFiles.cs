using System.Text.RegularExpressions;
using GbAtomistics.Core;

namespace GbAtomistics.IO;

/// <summary>
/// A trajectory written as several files (one per restart, or per N steps): given as a glob pattern
/// (<c>run/dump.*.lammpstrj</c>, quoted so the shell leaves it alone) or as a list joined by the path-list separator
/// (<c>a.lammpstrj:b.lammpstrj</c> on Linux; the pipeline YAML takes a list). A pattern's matches are taken in natural
/// order (numbers compared as numbers: <c>dump.2</c> before <c>dump.10</c>); a list in the order given. The files are
/// read as one trajectory by <see cref="MultiFileReader"/>.
/// </summary>
public static partial class TrajectoryFiles
{
    /// <summary>Whether <paramref name="spec"/> names several files (a glob pattern or a list).</summary>
    public static bool IsMulti(string spec) =>
        spec.Contains(Path.PathSeparator, StringComparison.Ordinal) || Path.GetFileName(spec).IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The files of <paramref name="spec"/> in time order; a clear error when a pattern matches nothing or a listed file is missing.</summary>
    public static IReadOnlyList<string> Expand(string spec)
    {
        if (spec.Contains(Path.PathSeparator, StringComparison.Ordinal))
        {
            string[] files = spec.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (string f in files)
            {
                if (!File.Exists(f))
                {
                    throw new InputException($"{f}: no such file (listed in the input {spec})");
                }
            }

            return files;
        }

        if (!IsMulti(spec))
        {
            return [spec];
        }

        string dir = Path.GetDirectoryName(spec) is { Length: > 0 } d ? d : ".";
        if (!Directory.Exists(dir))
        {
            throw new InputException($"{spec}: no such folder {dir}");
        }

        string[] matches = Directory.GetFiles(dir, Path.GetFileName(spec))
            .Select(f => dir == "." && !spec.StartsWith("./", StringComparison.Ordinal) ? Path.GetFileName(f) : f)
            .Order(NaturalOrder.Instance)
            .ToArray();
        return matches.Length > 0 ? matches : throw new InputException($"{spec}: no file matches the pattern");
    }

    /// <summary>The total size in bytes of the files of <paramref name="spec"/>.</summary>
    public static long TotalBytes(string spec) => Expand(spec).Sum(f => new FileInfo(f).Length);

    /// <summary>Compares file names with their digit runs as numbers.</summary>
    private sealed partial class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            string[] a = Parts().Split(x ?? string.Empty), b = Parts().Split(y ?? string.Empty);
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                int c = a[i].Length > 0 && char.IsAsciiDigit(a[i][0]) && b[i].Length > 0 && char.IsAsciiDigit(b[i][0])
                    ? decimal.Parse(a[i], System.Globalization.CultureInfo.InvariantCulture).CompareTo(decimal.Parse(b[i], System.Globalization.CultureInfo.InvariantCulture))
                    : string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Length.CompareTo(b.Length);
        }

        [GeneratedRegex("([0-9]+)")]
        private static partial Regex Parts();
    }
}
