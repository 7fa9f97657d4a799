using System.Globalization;
using System.Text;

namespace GbAtomistics.IO.Lammps;

/// <summary>
/// The line-by-line state of <see cref="LammpsLogReader"/>: the thermo block being read and the settings echoed so
/// far. Feed every line to <see cref="ContinueBlock"/> while <see cref="Columns"/> is set, else to
/// <see cref="Command"/>.
/// </summary>
internal sealed class LammpsLogParser(string path)
{
    private readonly List<double[]> _rows = [];
    private long _headerLine;

    public string? Version { get; private set; }

    public string? Units { get; private set; }

    public double? Timestep { get; private set; }

    public string[]? Columns { get; private set; }

    public List<LammpsLogCommand> UnitsCommands { get; } = [];

    public List<LammpsLogCommand> Timesteps { get; } = [];

    public List<LammpsLogCommand> Temperatures { get; } = [];

    public List<ThermoBlock> Blocks { get; } = [];

    /// <summary>Handles a line inside a block; false when the line ends the block and must be read as a command.</summary>
    public bool ContinueBlock(ReadOnlySpan<byte> line, long lineNumber)
    {
        ReadOnlySpan<byte> trimmed = line.Trim((byte)' ').Trim((byte)'\t');
        if (trimmed.StartsWith("Loop time of "u8))
        {
            var t = new Tokens(trimmed["Loop time of "u8.Length..]);
            double? seconds = t.Next(out ReadOnlySpan<byte> token) && AsciiNumber.TryParseDouble(token, out double s) ? s : null;
            EndBlock(complete: true, seconds);
            return true;
        }

        if (trimmed.StartsWith("WARNING"u8))
        {
            return true;
        }

        int width = Columns!.Length;
        var tokens = new Tokens(line);
        if (Tokens.Count(line) != width || !tokens.Next(out ReadOnlySpan<byte> first) || !TryParseValue(first, out double step))
        {
            EndBlock(complete: false, loopTime: null);
            return false;
        }

        double[] row = new double[width];
        row[0] = step;
        for (int c = 1; c < width; c++)
        {
            tokens.Next(out ReadOnlySpan<byte> token);
            if (!TryParseValue(token, out row[c]))
            {
                throw new InputFormatException(
                    path, lineNumber, null, $"expected a number in thermo column '{Columns[c]}', found {InputFormatException.Show(token)}");
            }
        }

        _rows.Add(row);
        return true;
    }

    public void EndBlock(bool complete, double? loopTime)
    {
        if (Columns is null)
        {
            return;
        }

        Blocks.Add(new ThermoBlock(Columns, [.. _rows], _headerLine, complete, loopTime, Units, Timestep));
        Columns = null;
        _rows.Clear();
    }

    public void Command(ReadOnlySpan<byte> line, long lineNumber)
    {
        ReadOnlySpan<byte> trimmed = line.TrimStart((byte)' ');
        if (Version is null && trimmed.StartsWith("LAMMPS ("u8))
        {
            string rest = Encoding.UTF8.GetString(trimmed["LAMMPS ("u8.Length..]);
            int close = rest.IndexOf(')', StringComparison.Ordinal);
            Version = close < 0 ? rest.Trim() : rest[..close].Trim();
            return;
        }

        var first = new Tokens(line);
        if (!first.Next(out ReadOnlySpan<byte> word))
        {
            return;
        }

        if (word.SequenceEqual("Step"u8))
        {
            StartBlockIfHeader(line, lineNumber);
            return;
        }

        if (!(word.SequenceEqual("units"u8) || word.SequenceEqual("timestep"u8) || word.SequenceEqual("fix"u8)
            || word.SequenceEqual("velocity"u8)))
        {
            return;
        }

        ReadOnlySpan<byte> content = LammpsDataSections.StripComment(line);
        string text = LammpsDataSections.Words(content);
        string[] words = text.Split(' ');
        switch (words[0])
        {
            case "units" when words.Length == 2:
                Units = words[1];
                UnitsCommands.Add(new LammpsLogCommand(lineNumber, text, [], Blocks.Count));
                break;
            case "timestep" when words.Length == 2 && TryNumber(words[1], out double dt):
                Timestep = dt;
                Timesteps.Add(new LammpsLogCommand(lineNumber, text, [dt], Blocks.Count));
                break;
            case "fix" when words.Length >= 4 && ThermostatTemperatures(words) is { } temps:
                Temperatures.Add(new LammpsLogCommand(lineNumber, text, temps, Blocks.Count));
                break;
            case "velocity" when words.Length >= 4 && words[2] is "create" or "scale" && TryNumber(words[3], out double t):
                Temperatures.Add(new LammpsLogCommand(lineNumber, text, [t], Blocks.Count));
                break;
        }
    }

    private void StartBlockIfHeader(ReadOnlySpan<byte> line, long lineNumber)
    {
        var names = new List<string>();
        var t = new Tokens(line);
        while (t.Next(out ReadOnlySpan<byte> token))
        {
            if (TryParseValue(token, out _))
            {
                return; // "Step 100 ..." is not a header (thermo_style multi prints "---- Step 100 ----").
            }

            names.Add(Encoding.UTF8.GetString(token));
        }

        Columns = [.. names];
        _headerLine = lineNumber;
        _rows.Clear();
    }

    /// <summary>Start and stop temperatures of a thermostat fix, or null for other fixes.</summary>
    private static double[]? ThermostatTemperatures(string[] words)
    {
        // fix ID group style args: the style without an accelerator suffix (/kk, /omp, /gpu, /intel, /opt).
        string style = words[3];
        foreach (string suffix in new[] { "/kk", "/omp", "/gpu", "/intel", "/opt" })
        {
            if (style.EndsWith(suffix, StringComparison.Ordinal))
            {
                style = style[..^suffix.Length];
            }
        }

        int at;
        if (style.Contains("nvt", StringComparison.Ordinal) || style.Contains("npt", StringComparison.Ordinal))
        {
            // fix nvt/npt and variants: keyword "temp Tstart Tstop Tdamp".
            at = Array.IndexOf(words, "temp", 4) + 1;
            if (at == 0)
            {
                return null;
            }
        }
        else if (style is "langevin" or "langevin/eff" or "temp/berendsen" or "temp/csvr" or "temp/csld" or "gld" or "gjf")
        {
            at = 4; // fix ID group style Tstart Tstop ...
        }
        else if (style is "temp/rescale" or "temp/rescale/eff")
        {
            at = 5; // fix ID group temp/rescale N Tstart Tstop window fraction
        }
        else
        {
            return null;
        }

        if (at + 1 >= words.Length || !TryNumber(words[at], out double start) || !TryNumber(words[at + 1], out double stop))
        {
            return null;
        }

        return [start, stop];
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A thermo value: a number, or <c>nan</c>/<c>inf</c> as C's printf writes them.</summary>
    private static bool TryParseValue(ReadOnlySpan<byte> token, out double value)
    {
        if (AsciiNumber.TryParseDouble(token, out value))
        {
            return true;
        }

        ReadOnlySpan<byte> body = token.Length > 0 && (token[0] == (byte)'-' || token[0] == (byte)'+') ? token[1..] : token;
        bool negative = token.Length > 0 && token[0] == (byte)'-';
        if (Ascii.EqualsIgnoreCase(body, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(body, "inf"u8) || Ascii.EqualsIgnoreCase(body, "infinity"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        return false;
    }
}
