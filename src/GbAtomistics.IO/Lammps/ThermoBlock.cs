using System.Collections.ObjectModel;

namespace GbAtomistics.IO.Lammps;

/// <summary>
/// One table of thermodynamic output in a LAMMPS log: the rows printed by one <c>run</c> or <c>minimize</c>, from
/// the header line that starts with <c>Step</c> to <c>Loop time of …</c>. Values are as printed, in the units
/// style in force for the run (<see cref="Units"/>).
/// </summary>
public sealed class ThermoBlock
{
    private readonly string[] _columns;
    private readonly double[][] _rows;

    internal ThermoBlock(
        string[] columns, double[][] rows, long headerLine, bool isComplete, double? loopTime, string? units, double? timestep)
    {
        _columns = columns;
        _rows = rows;
        Columns = Array.AsReadOnly(columns);
        Rows = new ReadOnlyCollection<IReadOnlyList<double>>(rows.Select(r => (IReadOnlyList<double>)Array.AsReadOnly(r)).ToArray());
        HeaderLine = headerLine;
        IsComplete = isComplete;
        LoopTimeSeconds = loopTime;
        Units = units;
        Timestep = timestep;
    }

    /// <summary>Column names as printed (<c>Step</c>, <c>Temp</c>, <c>PotEng</c>, …).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, each with one value per column.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Rows { get; }

    public int RowCount => _rows.Length;

    /// <summary>1-based line of the header in the log.</summary>
    public long HeaderLine { get; }

    /// <summary>
    /// True when the block ended with <c>Loop time of</c>; false when the log ended inside it (a killed run) or
    /// another line interrupted it (an error). The rows read are kept either way.
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>Wall-clock seconds from <c>Loop time of</c>, or null for an incomplete block.</summary>
    public double? LoopTimeSeconds { get; }

    /// <summary>The <c>units</c> style set before this run (<c>metal</c>, <c>real</c>, …), or null when the log does not show it.</summary>
    public string? Units { get; }

    /// <summary>The last <c>timestep</c> set before this run, in the time unit of <see cref="Units"/>, or null.</summary>
    public double? Timestep { get; }

    /// <summary>The first step, or null for a block without rows.</summary>
    public long? FirstStep => _rows.Length == 0 ? null : (long)_rows[0][0];

    /// <summary>The last step, or null for a block without rows.</summary>
    public long? LastStep => _rows.Length == 0 ? null : (long)_rows[^1][0];

    /// <summary>Index of the column named <paramref name="name"/> (case-insensitive), or −1.</summary>
    public int ColumnIndex(string name) => Array.FindIndex(_columns, c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A copy of the values of one column.</summary>
    public double[] Column(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _columns.Length);
        return _rows.Select(r => r[index]).ToArray();
    }

    /// <summary>A copy of the values of the column named <paramref name="name"/>; an <see cref="ArgumentException"/> when absent.</summary>
    public double[] Column(string name)
    {
        int index = ColumnIndex(name);
        if (index < 0)
        {
            throw new ArgumentException($"no thermo column '{name}'; the block has {string.Join(", ", _columns)}", nameof(name));
        }

        return Column(index);
    }
}
