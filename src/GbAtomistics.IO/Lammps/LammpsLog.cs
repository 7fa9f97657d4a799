namespace GbAtomistics.IO.Lammps;

/// <summary>
/// What <see cref="LammpsLogReader"/> found in a LAMMPS log file: the version, the unit style, the timesteps and
/// temperature set-points echoed from the input, and every thermo table. Values are as printed, in the log's
/// <c>units</c> style (no conversion).
/// </summary>
public sealed class LammpsLog
{
    internal LammpsLog(
        string path,
        string? version,
        IReadOnlyList<LammpsLogCommand> unitsCommands,
        IReadOnlyList<LammpsLogCommand> timesteps,
        IReadOnlyList<LammpsLogCommand> temperatures,
        IReadOnlyList<ThermoBlock> blocks,
        string? units)
    {
        Path = path;
        Version = version;
        UnitsCommands = unitsCommands;
        Timesteps = timesteps;
        Temperatures = temperatures;
        Blocks = blocks;
        Units = units;
    }

    /// <summary>The file as the user named it.</summary>
    public string Path { get; }

    /// <summary>The version from the first line <c>LAMMPS (27 Jun 2024)</c>: <c>27 Jun 2024</c>; null when absent.</summary>
    public string? Version { get; }

    /// <summary>The last <c>units</c> style in the log (<c>metal</c>, <c>real</c>, <c>lj</c>, …), or null.</summary>
    public string? Units { get; }

    /// <summary>Every <c>units</c> command, in order (no values; the style is the last word of the text).</summary>
    public IReadOnlyList<LammpsLogCommand> UnitsCommands { get; }

    /// <summary>Every <c>timestep</c> command whose value is a number, in order.</summary>
    public IReadOnlyList<LammpsLogCommand> Timesteps { get; }

    /// <summary>Thermostat fixes and <c>velocity create/scale</c> commands with their temperatures, in order.</summary>
    public IReadOnlyList<LammpsLogCommand> Temperatures { get; }

    /// <summary>The thermo tables, in order.</summary>
    public IReadOnlyList<ThermoBlock> Blocks { get; }
}
