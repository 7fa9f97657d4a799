namespace GbAtomistics.IO.Lammps;

/// <summary>
/// Reads a LAMMPS log file (<c>log.lammps</c>) into a <see cref="LammpsLog"/>.
/// </summary>
/// <remarks>
/// <para>
/// A thermo block starts at a line whose first word is <c>Step</c> and whose words are all column names (LAMMPS
/// <c>thermo_style one</c> and <c>custom</c>, padded or not). Each following line with as many words as columns and
/// a number first is a row; every word of a row must be a number (<c>nan</c> and <c>inf</c> included), else the
/// line is an <see cref="InputFormatException"/>. <c>WARNING</c> lines inside a block are skipped. The block ends at
/// <c>Loop time of</c> (complete) or at any other line (incomplete: a log that ends inside a run, or an error
/// message). Output of <c>thermo_style multi</c> and <c>yaml</c> is not tabular and is ignored.
/// </para>
/// <para>
/// Input commands echoed in the log give the unit style (<c>units</c>), timesteps (<c>timestep</c>) and temperature
/// set-points (thermostat fixes, <c>velocity … create/scale</c>); lines whose values are unsubstituted variables
/// are passed over, LAMMPS echoes the substituted line after them.
/// </para>
/// </remarks>
public static class LammpsLogReader
{
    /// <summary>Reads the log at <paramref name="path"/> (<c>.gz</c> and <c>.bz2</c> are decompressed).</summary>
    public static LammpsLog Read(string path)
    {
        using Stream stream = InputFile.OpenRead(path);
        return Read(stream, path);
    }

    internal static LammpsLog Read(Stream stream, string displayPath)
    {
        using var reader = new LineReader(stream, displayPath);
        var state = new LammpsLogParser(displayPath);
        try
        {
            while (reader.TryReadLine(out ReadOnlySpan<byte> line))
            {
                if (state.Columns is not null && state.ContinueBlock(line, reader.LineNumber))
                {
                    continue;
                }

                state.Command(line, reader.LineNumber);
            }
        }
        catch (Exception e) when (StreamGuard.IsContentError(e))
        {
            throw StreamGuard.Locate(e, displayPath, reader.LineNumber, reader.Position, null);
        }

        state.EndBlock(complete: false, loopTime: null);
        return new LammpsLog(
            displayPath, state.Version, state.UnitsCommands, state.Timesteps, state.Temperatures, state.Blocks, state.Units);
    }
}
