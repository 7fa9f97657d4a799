using System.Globalization;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;

namespace GbAtomistics.Pipelines;

/// <summary>
/// Finds the temperature of a run when the user gives none: the mean of the <c>Temp</c> column of the last thermo
/// block of <c>log.lammps</c> beside the trajectory, else the last thermostat or velocity temperature in that log,
/// else <c>TEBEG</c> of an <c>OUTCAR</c> beside it.
/// </summary>
public static class TemperatureSource
{
    /// <summary>The temperature in K and a sentence saying where it came from, or an error asking for --temperature.</summary>
    public static (double Kelvin, string Source) Resolve(double? given, string trajectoryPath)
    {
        if (given is { } t)
        {
            return (t, "--temperature");
        }

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
