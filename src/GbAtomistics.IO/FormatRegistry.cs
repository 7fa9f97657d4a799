using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;
using GbAtomistics.IO.Vasp;
using GbAtomistics.IO.Xyz;

namespace GbAtomistics.IO;

/// <summary>
/// Every file format GbAtomistics reads or writes, in one list. Detection tries, in order: a name marker
/// (XDATCAR, OUTCAR, vasprun, POSCAR, CONTCAR anywhere in the file name), the content of the first bytes,
/// then the extension. <c>.gz</c> and <c>.bz2</c> are transparent.
/// </summary>
public static class FormatRegistry
{
    /// <summary>The formats, in the order <c>gbat formats</c> lists them.</summary>
    public static IReadOnlyList<FileFormat> All { get; } =
    [
        new("lammps-dump", "LAMMPS text dump (atom/custom styles), any column order, triclinic", FormatKind.Trajectory,
            [".lammpstrj", ".dump", ".lammpsdump"], [],
            ContentSniffer.IsLammpsDump,
            (path, o) => new LammpsDumpReader(path, o), (path, o) => new LammpsDumpWriter(path, o)),
        new("lammps-data", "LAMMPS data file (atomic/charge/full/molecular styles)", FormatKind.Structure,
            [".data", ".lmp"], [],
            ContentSniffer.IsLammpsData,
            (path, o) => new LammpsDataReader(path, o), (path, o) => new LammpsDataWriter(path, o)),
        new("lammps-log", "LAMMPS log: thermo blocks, units, timestep, temperature set-points", FormatKind.Log,
            [".log"], ["log.lammps"],
            ContentSniffer.IsLammpsLog,
            null, null),
        new("vasp-poscar", "VASP POSCAR/CONTCAR (VASP 4 and 5, selective dynamics, velocities)", FormatKind.Structure,
            [".vasp", ".poscar"], ["POSCAR", "CONTCAR"],
            ContentSniffer.IsPoscar,
            (path, o) => new PoscarReader(path, o), (path, o) => new PoscarWriter(path, o)),
        new("vasp-xdatcar", "VASP XDATCAR trajectory (constant or variable cell)", FormatKind.Trajectory,
            [".xdatcar"], ["XDATCAR"],
            ContentSniffer.IsXdatcar,
            (path, o) => new XdatcarReader(path, o), null),
        new("vasp-outcar", "VASP OUTCAR (positions, forces, energies, lattice per ionic step)", FormatKind.Trajectory,
            [".outcar"], ["OUTCAR"],
            ContentSniffer.IsOutcar,
            (path, o) => new OutcarReader(path, o), null),
        new("vasp-vasprun", "VASP vasprun.xml (streamed; per-step lattice, positions, forces, energies)", FormatKind.Trajectory,
            [".xml"], ["vasprun"],
            ContentSniffer.IsVasprun,
            (path, o) => new VasprunReader(path, o), null),
        new("extxyz", "Extended XYZ (ASE/OVITO): lattice, species, per-atom properties", FormatKind.Trajectory,
            [".xyz", ".extxyz"], [],
            ContentSniffer.IsExtxyz,
            (path, o) => new ExtxyzReader(path, o), (path, o) => new ExtxyzWriter(path, o)),
    ];

    /// <summary>The format called <paramref name="name"/>; an unknown name is an error suggesting the nearest.</summary>
    public static FileFormat Get(string name)
    {
        FileFormat? format = All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (format is not null)
        {
            return format;
        }

        string nearest = All.MinBy(f => EditDistance(f.Name, name.ToLowerInvariant()))!.Name;
        throw new InputException(
            $"unknown format '{name}'; did you mean '{nearest}'? (known: {string.Join(", ", All.Select(f => f.Name))})");
    }

    /// <summary>
    /// The format of an existing file: <paramref name="explicitName"/> when given, else detected from the name and
    /// content. An undetectable file is an error that lists the formats and suggests <c>--format</c>.
    /// </summary>
    public static FileFormat DetectForReading(string path, string? explicitName = null)
    {
        if (!string.IsNullOrEmpty(explicitName))
        {
            return Get(explicitName);
        }

        if (TrajectoryFiles.IsMulti(path))
        {
            return DetectForReading(TrajectoryFiles.Expand(path)[0]);
        }

        string name = InputFile.StripCompression(Path.GetFileName(path));
        FileFormat? byMarker = All.FirstOrDefault(f => f.NameMarkers.Any(m => name.Contains(m, StringComparison.Ordinal)));
        if (byMarker is not null)
        {
            return byMarker;
        }

        byte[] head = InputFile.ReadHead(path);
        FileFormat? byContent = All.FirstOrDefault(f => f.Sniff(head));
        if (byContent is not null)
        {
            return byContent;
        }

        FileFormat? byExtension = ByExtension(name);
        return byExtension ?? throw new InputException(
            $"{path}: cannot tell the file format from its name or content; give it with --format " +
            $"({string.Join(", ", All.Select(f => f.Name))})");
    }

    /// <summary>The format to write <paramref name="path"/> in: <paramref name="explicitName"/>, else from the name.</summary>
    public static FileFormat DetectForWriting(string path, string? explicitName = null)
    {
        FileFormat format;
        if (!string.IsNullOrEmpty(explicitName))
        {
            format = Get(explicitName);
        }
        else
        {
            string name = InputFile.StripCompression(Path.GetFileName(path));
            format = All.FirstOrDefault(f => f.NameMarkers.Any(m => name.Contains(m, StringComparison.Ordinal)))
                ?? ByExtension(name)
                ?? throw new InputException(
                    $"{path}: cannot tell which format to write from the name; give it with --to " +
                    $"({string.Join(", ", All.Where(f => f.CanWrite).Select(f => f.Name))})");
        }

        if (!format.CanWrite)
        {
            throw new InputException(
                $"{path}: format '{format.Name}' can be read but not written; writable formats: " +
                string.Join(", ", All.Where(f => f.CanWrite).Select(f => f.Name)));
        }

        return format;
    }

    /// <summary>Opens a streaming reader for <paramref name="path"/>, detecting the format unless it is given.</summary>
    public static ITrajectoryReader OpenReader(string path, ReadOptions? options = null, string? format = null)
    {
        if (TrajectoryFiles.IsMulti(path))
        {
            return new MultiFileReader(path, options, format);
        }

        FileFormat f = DetectForReading(path, format);
        if (f.OpenReader is null)
        {
            throw new InputException($"{path}: a {f.Name} file holds no atoms; expected a structure or trajectory");
        }

        try
        {
            return new StreamGuard(f.OpenReader(path, options ?? ReadOptions.Default));
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new InputFormatException(path, 0, 0, $"expected a readable file, found a damaged or unreadable stream ({e.Message})", 0);
        }
        catch (Exception e) when (StreamGuard.IsContentError(e))
        {
            throw StreamGuard.Locate(e, path, 0, 0, 0);
        }
    }

    private static FileFormat? ByExtension(string name)
    {
        string ext = Path.GetExtension(name).ToLowerInvariant();
        return ext.Length == 0 ? null : All.FirstOrDefault(f => f.Extensions.Contains(ext));
    }

    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }
}
