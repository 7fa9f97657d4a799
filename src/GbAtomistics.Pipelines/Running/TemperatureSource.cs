using System.Globalization;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;

namespace GbAtomistics.Pipelines.Running;

/// <summary>
/// Finds the temperature of a run when the user gives none: the mean and standard deviation of the <c>Temp</c> column
/// of <c>log.lammps</c> beside the trajectory over the thermo rows whose steps lie within the analysed frames (the
/// production part: a start-up transient before the first analysed frame is left out), else over the last thermo
/// block, else the last thermostat or velocity temperature in that log, else <c>TEBEG</c> of an <c>OUTCAR</c> beside it.
/// </summary>
public static class TemperatureSource
{
    /// <summary>The temperature in K and a sentence saying where it came from, or an error asking for --temperature.</summary>
    public static (double Kelvin, string Source) Resolve(double? given, string trajectoryPath)
    {
        TemperatureEstimate e = Estimate(given, trajectoryPath);
        return (e.Kelvin, e.Source);
    }

    /// <summary>
    /// The temperature of the frames from MD step <paramref name="firstStep"/> to <paramref name="lastStep"/>
    /// (inclusive; null for the whole last thermo block), with its spread when it comes from thermo rows.
    /// </summary>
    public static TemperatureEstimate Estimate(double? given, string trajectoryPath, long? firstStep = null, long? lastStep = null)
    {
        if (given is { } t)
        {
            return new TemperatureEstimate(t, null, null, "--temperature");
        }

        if (firstStep is { } first && lastStep is { } last && TimestepSource.LogBeside(trajectoryPath) is { } production &&
            FromRows(production, first, last) is { } rows)
        {
            return rows;
        }

        var (kelvin, source) = Fallback(trajectoryPath);
        return new TemperatureEstimate(kelvin, null, null, source);
    }

    /// <summary>
    /// Mean and standard deviation of <c>Temp</c> over the rows with first ≤ step ≤ last of one thermo block: the last
    /// block that covers the whole range, else the last with any rows in it (a log with <c>reset_timestep</c> repeats
    /// step numbers, so the production run is the last block, not the first, that matches).
    /// </summary>
    private static TemperatureEstimate? FromRows(string logPath, long first, long last)
    {
        LammpsLog log = LammpsLogReader.Read(logPath);
        var candidates = log.Blocks.Where(b => b.ColumnIndex("Temp") >= 0 && b.ColumnIndex("Step") == 0 && b.RowCount > 0).ToArray();
        ThermoBlock? block = candidates.LastOrDefault(b => b.FirstStep <= first && b.LastStep >= last)
            ?? candidates.LastOrDefault(b => b.Rows.Any(r => r[0] >= first && r[0] <= last));
        if (block is null)
        {
            return null;
        }

        int temp = block.ColumnIndex("Temp");
        double[] values = block.Rows.Where(r => r[0] >= first && r[0] <= last).Select(r => r[temp]).ToArray();
        if (values.Length == 0)
        {
            return null;
        }

        double mean = values.Average();
        double sd = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 0;
        string source = string.Create(CultureInfo.InvariantCulture,
            $"mean ± standard deviation of Temp over the {values.Length} thermo rows of {logPath} (block at line {block.HeaderLine}) at steps {first}–{last}, the analysed frames");
        return new TemperatureEstimate(mean, sd, values.Length, source);
    }

    private static (double Kelvin, string Source) Fallback(string trajectoryPath)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(trajectoryPath))!;
        string log = Path.Combine(dir, "log.lammps");
        if (File.Exists(log))
        {
            LammpsLog parsed = LammpsLogReader.Read(log);
            ThermoBlock? block = parsed.Blocks.LastOrDefault(b => b.ColumnIndex("Temp") >= 0 && b.RowCount > 0);
            if (block is not null)
            {
                return (block.Column("Temp").Average(), $"mean Temp of the last thermo block of {log} (line {block.HeaderLine})");
            }

            if (parsed.Temperatures.LastOrDefault() is { Values.Count: > 0 } command)
            {
                return (command.Values[^1], $"{log}:{command.Line}: {command.Text}");
            }
        }

        string outcar = Path.Combine(dir, "OUTCAR");
        if (File.Exists(outcar))
        {
            foreach (string line in File.ReadLines(outcar))
            {
                int i = line.IndexOf("TEBEG", StringComparison.Ordinal);
                if (i < 0)
                {
                    continue;
                }

                string rest = line[(i + 5)..].TrimStart(' ', '=').Trim();
                string token = new(rest.TakeWhile(ch => char.IsDigit(ch) || ch is '.' or 'E' or 'e' or '+' or '-').ToArray());
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double k) && k > 0)
                {
                    return (k, $"TEBEG of {outcar}");
                }
            }
        }

        throw new InputException($"no temperature: give --temperature K (none found in log.lammps or OUTCAR beside {trajectoryPath})");
    }
}
