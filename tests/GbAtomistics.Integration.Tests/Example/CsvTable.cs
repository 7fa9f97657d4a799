using System.Globalization;

namespace GbAtomistics.Integration.Tests.Example;

/// <summary>A CSV written by gbat (one header line, comma-separated cells: numbers or labels), checked while it is read.</summary>
internal sealed class CsvTable
{
    private readonly string _path;
    private readonly Dictionary<string, int> _columns;
    private readonly List<string[]> _rows = [];

    private CsvTable(string path, string[] header)
    {
        _path = path;
        _columns = header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
    }

    public int RowCount => _rows.Count;

    /// <summary>Reads <paramref name="path"/>; every row must have the header's column count and no empty cell.</summary>
    public static CsvTable Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        Assert.True(lines.Length >= 2, $"{path}: expected a header and at least one row");
        string[] header = lines[0].Split(',');
        var table = new CsvTable(path, header);
        for (int i = 1; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split(',');
            Assert.True(cells.Length == header.Length, $"{path}:{i + 1}: {cells.Length} cells, header has {header.Length}");
            Assert.True(cells.All(c => c.Length > 0), $"{path}:{i + 1}: empty cell");
            table._rows.Add(cells);
        }

        return table;
    }

    /// <summary>The values of the numeric column <paramref name="name"/>, top to bottom.</summary>
    public double[] Column(string name)
    {
        Assert.True(_columns.TryGetValue(name, out int j), $"{_path}: no column '{name}' (have {string.Join(", ", _columns.Keys)})");
        var values = new double[_rows.Count];
        for (int i = 0; i < _rows.Count; i++)
        {
            Assert.True(
                double.TryParse(_rows[i][j], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]),
                $"{_path}:{i + 2}: '{_rows[i][j]}' in column {name} is not a number");
        }

        return values;
    }
}
