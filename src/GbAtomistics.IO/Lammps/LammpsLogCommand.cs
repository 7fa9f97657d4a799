namespace GbAtomistics.IO.Lammps;

/// <summary>
/// An input command echoed in a LAMMPS log that sets a value the analyses need (a timestep or a temperature), with
/// the numbers read from it. Values are in the log's <c>units</c> style (timestep: fs for real, ps for metal;
/// temperatures: K, or reduced for lj).
/// </summary>
/// <param name="Line">1-based line of the command in the log.</param>
/// <param name="Text">The command as echoed, comment removed.</param>
/// <param name="Values">
/// The numbers: the timestep for <c>timestep</c>; the start and stop temperatures for thermostat fixes
/// (<c>nvt</c>/<c>npt</c> <c>temp</c> keyword, <c>langevin</c>, <c>temp/berendsen</c>, <c>temp/rescale</c>, …);
/// the temperature for <c>velocity … create</c> and <c>velocity … scale</c>.
/// </param>
/// <param name="BlocksBefore">Number of thermo blocks before the command, so the command applies to block
/// <c>BlocksBefore</c> and later.</param>
public sealed record LammpsLogCommand(long Line, string Text, IReadOnlyList<double> Values, int BlocksBefore);
