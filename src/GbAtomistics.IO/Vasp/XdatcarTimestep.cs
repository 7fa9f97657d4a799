using System.Globalization;

namespace GbAtomistics.IO.Vasp;

/// <summary>
/// Finds the ionic timestep POTIM (fs) of a VASP run from the INCAR or OUTCAR beside a trajectory file, for
/// <see cref="XdatcarReader"/>. INCAR tags are <c>KEY = value</c>, several per line separated by <c>;</c>, comments after
/// <c>!</c> or <c>#</c> (VASP wiki, "INCAR"); OUTCAR echoes the tag as <c>POTIM  =    2.00    time-step for ionic-motion</c>.
/// </summary>
internal static class XdatcarTimestep
{
    private const int MaxOutcarLines = 500_000;

    /// <summary>POTIM in fs from <c>INCAR</c>, else <c>OUTCAR</c>, in the folder of <paramref name="trajectoryPath"/>; null when neither gives it.</summary>
    public static double? FindPotimFs(string trajectoryPath)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(trajectoryPath)) ?? ".";
        string incar = Path.Combine(dir, "INCAR");
        if (File.Exists(incar) && FromIncar(incar) is { } fromIncar)
        {
            return fromIncar;
        }

        string outcar = Path.Combine(dir, "OUTCAR");
        return File.Exists(outcar) ? FromOutcar(outcar) : null;
    }

    /// <summary>POTIM (fs) set in an INCAR file, or null.</summary>
    public static double? FromIncar(string path)
    {
        using var reader = new StreamReader(InputFile.OpenRead(path));
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            int comment = line.IndexOfAny(['!', '#']);
            if (comment >= 0)
            {
                line = line[..comment];
            }

            foreach (string item in line.Split(';'))
            {
                int eq = item.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0 || !item[..eq].Trim().Equals("POTIM", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string value = item[(eq + 1)..].Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double potim) || !(potim > 0) || !double.IsFinite(potim))
                {
                    throw new InputFormatException(path, lineNumber, null, $"expected a positive POTIM in fs, found '{value}'");
                }

                return potim;
            }
        }

        return null;
    }

    /// <summary>POTIM (fs) echoed in an OUTCAR file (searched in its first lines), or null.</summary>
    public static double? FromOutcar(string path)
    {
        using var reader = new StreamReader(InputFile.OpenRead(path));
        for (int n = 0; n < MaxOutcarLines && reader.ReadLine() is { } line; n++)
        {
            int at = line.IndexOf("POTIM", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            int eq = line.IndexOf('=', at);
            if (eq < 0)
            {
                continue;
            }

            string value = line[(eq + 1)..].Trim().Split([' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double potim) && potim > 0 && double.IsFinite(potim))
            {
                return potim;
            }
        }

        return null;
    }
}
