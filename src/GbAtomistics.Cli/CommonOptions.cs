using System.CommandLine;
using GbAtomistics.Core;
using GbAtomistics.IO;

namespace GbAtomistics.Cli;

/// <summary>The options every command spells the same way.</summary>
internal static class CommonOptions
{
    public static Option<string?> Format() => new Option<string?>("--format")
    {
        Description = "Input format when detection is not enough (see 'gbat formats')",
        HelpName = "NAME",
    }.Completing(FormatRegistry.All.Select(f => f.Name).ToArray());

    public static Option<string?> TypeMap() => new Option<string?>("--type-map")
    {
        Description = "Names for LAMMPS types, e.g. 1=Li,2=O,3=Cl (for VASP 4 files: species in count order)",
        HelpName = "MAP",
    };

    public static Option<string?> Timestep() => new Option<string?>("--timestep")
    {
        Description = "MD timestep with its unit, e.g. 2fs or 0.001ps (LAMMPS steps → time; VASP POTIM); msd and conductivity take that of log.lammps beside a LAMMPS dump when absent",
        HelpName = "T",
    };

    public static Option<string?> Units() => new Option<string?>("--units")
    {
        Description = "LAMMPS units style of the file (metal, real, si, cgs, electron, micro, nano, lj); default metal",
        HelpName = "STYLE",
    }.Completing("metal", "real", "si", "cgs", "electron", "micro", "nano", "lj");

    public static Option<int> FirstFrame() => new("--first-frame")
    {
        Description = "First frame to use (0-based)",
        HelpName = "N",
        DefaultValueFactory = _ => 0,
    };

    public static Option<int?> LastFrame() => new("--last-frame")
    {
        Description = "Last frame to use (0-based, inclusive)",
        HelpName = "N",
    };

    public static Option<int> Every() => new("--every")
    {
        Description = "Use every N-th frame from the first",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print a machine-readable JSON summary on stdout",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Print nothing but errors",
    };

    public static Option<string> Output(string defaultFolder) => new("--output", "-o")
    {
        Description = "Folder for tables, JSON and plots (created if missing)",
        HelpName = "DIR",
        DefaultValueFactory = _ => defaultFolder,
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Worker threads over frames (default: the number of cores)",
        HelpName = "N",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Option<string?> Region() => new Option<string?>("--region")
    {
        Description = "Restrict central atoms to the grain-boundary slabs (gb) or the rest (bulk): slabs from --boundaries, --planes, or NAME.gb.json beside the input",
        HelpName = "gb|bulk",
    }.Completing("gb", "bulk");

    public static Option<string> Normal() => new Option<string>("--normal")
    {
        Description = "Boundary normal: the cell vector the boundary planes cut (x, y or z)",
        HelpName = "x|y|z",
        DefaultValueFactory = _ => "z",
    }.Completing("x", "y", "z");

    public static Option<string?> Planes() => new Option<string?>("--planes")
    {
        Description = "Boundary plane positions as fractional coordinates along the normal, e.g. 0.25,0.75",
        HelpName = "LIST",
    };

    /// <summary>Builds reader options from the parsed common options.</summary>
    public static ReadOptions ReadOptions(string? typeMap, string? timestep, string? units) => new()
    {
        TypeMap = typeMap is null ? null : SpeciesMap.Parse(typeMap),
        TimestepPs = timestep is null ? null : UnitConversion.ParseTimePs(timestep),
        Units = units is null ? UnitStyle.Metal : UnitConversion.ParseStyle(units),
    };
}
