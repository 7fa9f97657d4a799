using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.IO.Xyz;

/// <summary>
/// Reads extended XYZ trajectories (format <c>extxyz</c>; the libAtoms/QUIP convention written by ASE, OVITO and
/// <see cref="ExtxyzWriter"/>): per frame a line with the atom count, a comment line of <c>key=value</c> pairs and one
/// row per atom whose columns the <c>Properties</c> key describes (default <c>species:S:1:pos:R:3</c>, plain XYZ).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Cell: <c>Lattice="ax ay az bx by bz cx cy cz"</c> (Å), <c>Origin="x y z"</c> (Å, default 0), <c>pbc="T T T"</c>
/// (default all periodic when a lattice is given). Without <c>Lattice</c> the box is the bounding box of the atoms
/// widened by 1 Å on each side, non-periodic.</item>
/// <item>Columns: <c>species</c>/<c>element</c> (S), <c>pos</c>/<c>positions</c> (R:3, Å, required), <c>id</c> (I),
/// <c>type</c> (I), <c>vel</c>/<c>velo</c>/<c>velocities</c> (R:3, read as Å/ps as this project writes them),
/// <c>forces</c>/<c>force</c> (R:3, eV/Å), <c>charge</c>/<c>charges</c>/<c>initial_charges</c> (R:1, e). Other R, I and L
/// columns become extra columns (named <c>name</c>, or <c>name_1</c>… when wider than one); other string columns are
/// skipped.</item>
/// <item>Types: the <c>type</c> column when present; else from <see cref="ReadOptions.TypeMap"/> by species name; else
/// species get types 1, 2, … in order of first appearance in the file. Ids: the <c>id</c> column, else 1..N in file
/// order. Atoms are sorted by id.</item>
/// <item>A comment line that is not a valid key=value list and names neither <c>Lattice</c> nor <c>Properties</c>
/// is taken as the free-text comment of a plain XYZ file.</item>
/// <item><c>Time=</c> is read in ps (this project's convention), <c>Step=</c> as the step (else the 0-based frame index),
/// <c>energy=</c> in eV.</item>
/// </list>
/// </remarks>
public sealed class ExtxyzReader : ITrajectoryReader, ILocatedReader
{
    private const string DefaultProperties = "species:S:1:pos:R:3";

    private readonly LineReader _reader;
    private readonly int _framesBefore;
    private readonly ReadOptions _options;
    private readonly List<(byte[] Name, int Type)> _speciesTypes = [];
    private readonly Dictionary<int, string> _typeNames = [];
    private SpeciesMap? _species;
    private string? _lastProperties;
    private ExtxyzColumn[] _columns = [];
    private string[] _extraNames = [];
    private readonly ParallelLines _parallel = new();

    public ExtxyzReader(string path, ReadOptions? options = null)
        : this(InputFile.OpenRead(path), path, options)
    {
    }

    /// <summary>
    /// Reads <paramref name="stream"/>; <paramref name="framesBefore"/> frames precede it in the file (a byte range read
    /// under MPI), so a frame without <c>Step=</c> gets its index in the whole file as its step.
    /// </summary>
    internal ExtxyzReader(Stream stream, string displayPath, ReadOptions? options = null, int framesBefore = 0)
    {
        _framesBefore = framesBefore;
        _reader = new LineReader(stream, displayPath);
        _options = options ?? ReadOptions.Default;
        Path = displayPath;
    }

    public string Path { get; }

    public string FormatName => "extxyz";

    public int FrameIndex { get; private set; }

    public long BytesRead => _reader.Position;

    /// <inheritdoc/>
    public bool ReadOnAllCores { get; private set; }

    public bool Read(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!ReadCount(out int n))
        {
            return false;
        }

        if (!_reader.TryReadLine(out ReadOnlySpan<byte> commentLine))
        {
            throw Truncation("the comment line");
        }

        long commentLineNumber = _reader.LineNumber;
        string comment = Encoding.UTF8.GetString(commentLine);
        Dictionary<string, string>? pairs = ExtxyzComment.Parse(comment, out string? error);
        if (pairs is null)
        {
            // A free-text comment of a plain XYZ file is not an error; a broken extended header is.
            if (comment.Contains("Lattice", StringComparison.OrdinalIgnoreCase) || comment.Contains("Properties", StringComparison.OrdinalIgnoreCase))
            {
                throw new InputFormatException(Path, commentLineNumber, FrameIndex, error!);
            }

            pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        SetColumns(pairs.GetValueOrDefault("Properties") ?? DefaultProperties, commentLineNumber);

        // Nothing is allocated for atoms the rest of the file cannot hold: an atom line is at least "X 0 0 0".
        if (_reader.CannotHold(n, 8, out long room))
        {
            throw new InputFormatException(Path, commentLineNumber - 1, FrameIndex,
                $"expected {n} atom lines (the count on this line), found room for at most {room} in {_reader.LeftDescription}",
                FrameIndex);
        }

        frame.ClearOptional();
        frame.Resize(n);
        frame.Coordinates = CoordinateKind.Wrapped;
        frame.Step = pairs.TryGetValue("Step", out string? stepText) ? ParseLong(stepText, "Step", commentLineNumber) : _framesBefore + FrameIndex;
        frame.Time = pairs.TryGetValue("Time", out string? timeText) ? ParseDouble(timeText, "Time", commentLineNumber) : null;
        frame.PotentialEnergy = pairs.TryGetValue("energy", out string? eText) ? ParseDouble(eText, "energy", commentLineNumber) : null;
        frame.SetExtraNames(_extraNames);

        bool hasId = false, hasType = false;
        foreach (ExtxyzColumn c in _columns)
        {
            hasId |= c.Kind == ExtxyzColumnKind.Id;
            hasType |= c.Kind == ExtxyzColumnKind.Type;
            if (c.Kind == ExtxyzColumnKind.Velocity) frame.EnsureVelocities();
            if (c.Kind == ExtxyzColumnKind.Force) frame.EnsureForces();
            if (c.Kind == ExtxyzColumnKind.Charge) frame.EnsureCharges();
        }

        // Large frames are parsed by all cores (each line is independent), except under MPI, where the ranks already
        // share the cores.
        ReadOnAllCores = n >= _options.ParallelAtoms && Environment.ProcessorCount > 1 && !Core.Mpi.MpiWorld.IsParallel;
        if (ReadOnAllCores)
        {
            ReadAtomsInParallel(frame, n, hasId, hasType);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                if (!_reader.TryReadLine(out ReadOnlySpan<byte> line))
                {
                    throw Truncation($"{n} atom lines (found {i})");
                }

                ParseAtom(frame, i, line, hasId, hasType, _reader.LineNumber);
            }
        }

        frame.Species = _options.TypeMap ?? (_typeNames.Count > 0 ? (_species ??= new SpeciesMap(_typeNames)) : null);
        frame.Box = MakeBox(pairs, frame, commentLineNumber);

        int duplicate = frame.SortById();
        if (duplicate >= 0)
        {
            throw new InputFormatException(Path, commentLineNumber, FrameIndex,
                $"expected unique atom ids, found id {frame.Ids[duplicate].ToString(CultureInfo.InvariantCulture)} twice");
        }

        FrameIndex++;
        return true;
    }

    public bool Skip()
    {
        if (!ReadCount(out int n))
        {
            return false;
        }

        long skipped = _reader.SkipLines(n + 1L);
        if (skipped < n + 1L)
        {
            throw Truncation(skipped == 0 ? "the comment line" : $"{n} atom lines (found {skipped - 1})");
        }

        FrameIndex++;
        return true;
    }

    long ILocatedReader.LineNumber => _reader.LineNumber;

    public void Dispose() => _reader.Dispose();

    /// <summary>
    /// The atom lines of a large frame parsed by all cores (<see cref="ParallelLines"/>). Lines that name a species (or
    /// a type's name) not seen before are then parsed in file order on this thread, so types are numbered in order of
    /// first appearance as in a sequential read.
    /// </summary>
    private void ReadAtomsInParallel(Frame frame, int n, bool hasId, bool hasType)
    {
        var deferred = new ConcurrentQueue<int>();
        int found = _parallel.Parse(
            _reader,
            n,
            (buffer, starts, ends, from, to, first, firstLine) =>
            {
                int j = from;
                try
                {
                    for (; j < to; j++)
                    {
                        if (!ParseAtom(frame, first + j, buffer.AsSpan(starts[j], ends[j] - starts[j]), hasId, hasType, firstLine + j, concurrent: true))
                        {
                            deferred.Enqueue(j);
                        }
                    }
                }
                catch (InputFormatException e)
                {
                    return (j, e);
                }

                return null;
            },
            (buffer, starts, ends, before, first, firstLine) =>
            {
                foreach (int j in deferred.Where(j => j < before).Order())
                {
                    ParseAtom(frame, first + j, buffer.AsSpan(starts[j], ends[j] - starts[j]), hasId, hasType, firstLine + j);
                }

                deferred.Clear();
            });

        if (found < n)
        {
            throw Truncation($"{n} atom lines (found {found})");
        }
    }

    private InputFormatException Truncation(string what) =>
        new(Path, _reader.LineNumber + 1, FrameIndex, $"expected {what}, found the end of the file", FrameIndex);

    /// <summary>Reads the atom-count line, skipping blank lines between frames. False at a clean end.</summary>
    private bool ReadCount(out int n)
    {
        n = 0;
        ReadOnlySpan<byte> line;
        do
        {
            if (!_reader.TryReadLine(out line))
            {
                return false;
            }
        }
        while (IsBlank(line));

        var tok = new Tokens(line);
        tok.Next(out ReadOnlySpan<byte> first);
        if (!AsciiNumber.TryParseInt(first, out n) || n < 0 || tok.Next(out _))
        {
            throw new InputFormatException(Path, _reader.LineNumber, FrameIndex,
                $"expected the number of atoms (one non-negative integer), found {InputFormatException.Show(Trim(line))}");
        }

        return true;
    }

    private void SetColumns(string properties, long lineNumber)
    {
        if (properties == _lastProperties)
        {
            return;
        }

        string[] parts = properties.Split(':');
        if (parts.Length % 3 != 0 || parts.Length == 0)
        {
            throw new InputFormatException(Path, lineNumber, FrameIndex,
                $"expected Properties as name:type:count triples (e.g. species:S:1:pos:R:3), found '{properties}'");
        }

        var columns = new List<ExtxyzColumn>();
        var extras = new List<string>();
        bool hasPos = false;
        for (int p = 0; p < parts.Length; p += 3)
        {
            string name = parts[p];
            string typeText = parts[p + 1];
            if (name.Length == 0 || typeText.Length != 1 || "SRIL".IndexOf(char.ToUpperInvariant(typeText[0])) < 0
                || !int.TryParse(parts[p + 2], NumberStyles.None, CultureInfo.InvariantCulture, out int width) || width < 1)
            {
                throw new InputFormatException(Path, lineNumber, FrameIndex,
                    $"expected a property name:type:count with type S, R, I or L and count ≥ 1, found '{name}:{typeText}:{parts[p + 2]}'");
            }

            char type = char.ToUpperInvariant(typeText[0]);
            ExtxyzColumnKind kind = Classify(name.ToLowerInvariant(), type, width);
            if (kind == ExtxyzColumnKind.Position)
            {
                hasPos = true;
            }

            int extraIndex = -1;
            if (kind == ExtxyzColumnKind.Extra)
            {
                extraIndex = extras.Count;
                for (int k = 0; k < width; k++)
                {
                    extras.Add(width == 1 ? name : name + "_" + (k + 1).ToString(CultureInfo.InvariantCulture));
                }
            }

            columns.Add(new ExtxyzColumn(name, type, width, kind, extraIndex));
        }

        if (!hasPos)
        {
            throw new InputFormatException(Path, lineNumber, FrameIndex, $"expected a pos:R:3 column in Properties, found '{properties}'");
        }

        _columns = [.. columns];
        _extraNames = [.. extras];
        _lastProperties = properties;
    }

    private static ExtxyzColumnKind Classify(string name, char type, int width) => (name, type, width) switch
    {
        ("species" or "element" or "elements", 'S', 1) => ExtxyzColumnKind.Species,
        ("pos" or "positions", 'R', 3) => ExtxyzColumnKind.Position,
        ("id" or "ids", 'I', 1) => ExtxyzColumnKind.Id,
        ("type" or "types", 'I', 1) => ExtxyzColumnKind.Type,
        ("vel" or "velo" or "velocities", 'R', 3) => ExtxyzColumnKind.Velocity,
        ("forces" or "force", 'R', 3) => ExtxyzColumnKind.Force,
        ("charge" or "charges" or "initial_charges", 'R', 1) => ExtxyzColumnKind.Charge,
        (_, 'S', _) => ExtxyzColumnKind.Ignored,
        _ => ExtxyzColumnKind.Extra,
    };

    /// <summary>
    /// Parses atom line <paramref name="line"/> (file line <paramref name="lineNumber"/>) into atom <paramref name="i"/>.
    /// With <paramref name="concurrent"/> (other threads parse other lines of the frame) a line that would name a
    /// species or type not seen before is left for a sequential pass instead: false, its type not set.
    /// </summary>
    private bool ParseAtom(Frame frame, int i, ReadOnlySpan<byte> line, bool hasId, bool hasType, long lineNumber, bool concurrent = false)
    {
        var tok = new Tokens(line);
        ReadOnlySpan<byte> species = default;
        bool hasSpecies = false;
        if (!hasId)
        {
            frame.Ids[i] = i + 1;
        }

        foreach (ExtxyzColumn c in _columns)
        {
            switch (c.Kind)
            {
                case ExtxyzColumnKind.Species:
                    species = Token(ref tok, line, c, lineNumber);
                    hasSpecies = true;
                    break;
                case ExtxyzColumnKind.Position:
                    frame.Positions[i] = Vector(ref tok, line, c, lineNumber);
                    break;
                case ExtxyzColumnKind.Velocity:
                    frame.Velocities![i] = Vector(ref tok, line, c, lineNumber);
                    break;
                case ExtxyzColumnKind.Force:
                    frame.Forces![i] = Vector(ref tok, line, c, lineNumber);
                    break;
                case ExtxyzColumnKind.Charge:
                    frame.Charges![i] = Number(ref tok, line, c, lineNumber);
                    break;
                case ExtxyzColumnKind.Id:
                    frame.Ids[i] = Integer(ref tok, line, c, lineNumber);
                    break;
                case ExtxyzColumnKind.Type:
                    long t = Integer(ref tok, line, c, lineNumber);
                    if (t < 1 || t > int.MaxValue)
                    {
                        throw AtomError(line, lineNumber, $"expected a type number ≥ 1 in column '{c.Name}'");
                    }

                    frame.Types[i] = (int)t;
                    break;
                case ExtxyzColumnKind.Extra:
                    for (int k = 0; k < c.Width; k++)
                    {
                        frame.Extra(c.ExtraIndex + k)[i] = c.Type == 'L' ? Logical(ref tok, line, c, lineNumber) : Number(ref tok, line, c, lineNumber);
                    }

                    break;
                default:
                    for (int k = 0; k < c.Width; k++)
                    {
                        Token(ref tok, line, c, lineNumber);
                    }

                    break;
            }
        }

        if (hasType)
        {
            if (hasSpecies && _options.TypeMap is null && !_typeNames.ContainsKey(frame.Types[i]))
            {
                if (concurrent)
                {
                    return false;
                }

                _typeNames[frame.Types[i]] = Encoding.UTF8.GetString(species);
                _species = null;
            }
        }
        else if (hasSpecies)
        {
            int known = KnownType(species);
            if (known == 0 && concurrent)
            {
                return false;
            }

            frame.Types[i] = known != 0 ? known : TypeOf(species, line, lineNumber);
        }
        else
        {
            frame.Types[i] = 1;
        }

        return true;
    }

    /// <summary>The type of a species name seen before, else 0.</summary>
    private int KnownType(ReadOnlySpan<byte> species)
    {
        foreach ((byte[] name, int type) in _speciesTypes)
        {
            if (species.SequenceEqual(name))
            {
                return type;
            }
        }

        return 0;
    }

    /// <summary>The type of a species name not seen before (from the type map, else the next number), remembered.</summary>
    private int TypeOf(ReadOnlySpan<byte> species, ReadOnlySpan<byte> line, long lineNumber)
    {

        string text = Encoding.UTF8.GetString(species);
        int newType;
        if (_options.TypeMap is { } map)
        {
            newType = map.TypesOf(Elements.Normalize(text) ?? text).FirstOrDefault();
            if (newType == 0)
            {
                throw AtomError(line, lineNumber, $"expected a species named in the type map ({map}), found '{text}'");
            }
        }
        else
        {
            newType = _speciesTypes.Count == 0 ? 1 : _speciesTypes.Max(p => p.Type) + 1;
            _typeNames[newType] = text;
            _species = null;
        }

        _speciesTypes.Add((species.ToArray(), newType));
        return newType;
    }

    private Box MakeBox(Dictionary<string, string> pairs, Frame frame, long lineNumber)
    {
        Vec3 origin = Vec3.Zero;
        if (pairs.TryGetValue("Origin", out string? originText))
        {
            double[] o = Numbers(originText, 3, "Origin", lineNumber);
            origin = new Vec3(o[0], o[1], o[2]);
        }

        if (!pairs.TryGetValue("Lattice", out string? latticeText))
        {
            Vec3 lo = new(double.MaxValue, double.MaxValue, double.MaxValue);
            Vec3 hi = new(double.MinValue, double.MinValue, double.MinValue);
            foreach (Vec3 r in frame.Positions.AsSpan(0, frame.Count))
            {
                lo = new Vec3(Math.Min(lo.X, r.X), Math.Min(lo.Y, r.Y), Math.Min(lo.Z, r.Z));
                hi = new Vec3(Math.Max(hi.X, r.X), Math.Max(hi.Y, r.Y), Math.Max(hi.Z, r.Z));
            }

            if (frame.Count == 0)
            {
                lo = Vec3.Zero;
                hi = Vec3.Zero;
            }

            var pad = new Vec3(1, 1, 1);
            Vec3 size = hi - lo + 2 * pad;
            if (CellCheck.Problem(new Vec3(size.X, 0, 0), new Vec3(0, size.Y, 0), new Vec3(0, 0, size.Z)) is { } spanProblem)
            {
                throw new InputFormatException(Path, lineNumber, FrameIndex, $"{spanProblem} (the box around the atoms of a file without Lattice)");
            }

            return Box.Orthogonal(size.X, size.Y, size.Z, lo - pad, PeriodicFlags.None);
        }

        double[] l = Numbers(latticeText, 9, "Lattice", lineNumber);
        var a = new Vec3(l[0], l[1], l[2]);
        var b = new Vec3(l[3], l[4], l[5]);
        var c = new Vec3(l[6], l[7], l[8]);
        double det = Vec3.Dot(a, Vec3.Cross(b, c));
        if (!(Math.Abs(det) > 1e-12 * a.Length * b.Length * c.Length))
        {
            throw new InputFormatException(Path, lineNumber, FrameIndex, $"expected a Lattice of three independent vectors, found a cell of zero volume ('{latticeText}')");
        }

        if (CellCheck.Problem(a, b, c) is { } cellProblem)
        {
            throw new InputFormatException(Path, lineNumber, FrameIndex, $"{cellProblem} in Lattice=\"{latticeText}\"");
        }

        PeriodicFlags periodic = PeriodicFlags.All;
        if (pairs.TryGetValue("pbc", out string? pbcText))
        {
            string[] flags = pbcText.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            if (flags.Length != 3 || !flags.All(f => Bool(f) is not null))
            {
                throw new InputFormatException(Path, lineNumber, FrameIndex, $"expected pbc as three T/F flags, found '{pbcText}'");
            }

            periodic = new PeriodicFlags(Bool(flags[0])!.Value, Bool(flags[1])!.Value, Bool(flags[2])!.Value);
        }

        return Box.FromVectors(a, b, c, origin, periodic);
    }

    private static bool? Bool(string s) => s.ToUpperInvariant() switch
    {
        "T" or "TRUE" or "1" => true,
        "F" or "FALSE" or "0" => false,
        _ => null,
    };

    private double[] Numbers(string text, int count, string key, long lineNumber)
    {
        string[] items = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        double[] values = new double[count];
        if (items.Length != count)
        {
            throw new InputFormatException(Path, lineNumber, FrameIndex, $"expected {count} numbers in {key}, found '{text}'");
        }

        for (int i = 0; i < count; i++)
        {
            if (!double.TryParse(items[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new InputFormatException(Path, lineNumber, FrameIndex, $"expected {count} numbers in {key}, found '{text}'");
            }
        }

        return values;
    }

    private double ParseDouble(string text, string key, long lineNumber) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new InputFormatException(Path, lineNumber, FrameIndex, $"expected a number for {key}, found '{text}'");

    private long ParseLong(string text, string key, long lineNumber) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v)
            ? v
            : throw new InputFormatException(Path, lineNumber, FrameIndex, $"expected an integer for {key}, found '{text}'");

    private ReadOnlySpan<byte> Token(scoped ref Tokens tok, ReadOnlySpan<byte> line, ExtxyzColumn c, long lineNumber)
    {
        if (!tok.Next(out ReadOnlySpan<byte> t))
        {
            throw AtomError(line, lineNumber, $"expected a value for column '{c.Name}' ({Describe()}), found the end of the line");
        }

        return t;
    }

    private double Number(scoped ref Tokens tok, ReadOnlySpan<byte> line, ExtxyzColumn c, long lineNumber)
    {
        ReadOnlySpan<byte> t = Token(ref tok, line, c, lineNumber);
        if (!AsciiNumber.TryParseDouble(t, out double v) || !double.IsFinite(v))
        {
            throw AtomError(line, lineNumber, $"expected a finite number in column '{c.Name}', found {InputFormatException.Show(t)}");
        }

        return v;
    }

    private double Logical(scoped ref Tokens tok, ReadOnlySpan<byte> line, ExtxyzColumn c, long lineNumber)
    {
        ReadOnlySpan<byte> t = Token(ref tok, line, c, lineNumber);
        return (t[0] | 0x20) switch
        {
            't' or '1' => 1,
            'f' or '0' => 0,
            _ => throw AtomError(line, lineNumber, $"expected T or F in column '{c.Name}', found {InputFormatException.Show(t)}"),
        };
    }

    private long Integer(scoped ref Tokens tok, ReadOnlySpan<byte> line, ExtxyzColumn c, long lineNumber)
    {
        ReadOnlySpan<byte> t = Token(ref tok, line, c, lineNumber);
        if (!AsciiNumber.TryParseLong(t, out long v))
        {
            throw AtomError(line, lineNumber, $"expected an integer in column '{c.Name}', found {InputFormatException.Show(t)}");
        }

        return v;
    }

    private Vec3 Vector(scoped ref Tokens tok, ReadOnlySpan<byte> line, ExtxyzColumn c, long lineNumber) =>
        new(Number(ref tok, line, c, lineNumber), Number(ref tok, line, c, lineNumber), Number(ref tok, line, c, lineNumber));

    private string Describe() => "columns " + string.Join(' ', _columns.Select(c => c.Width == 1 ? c.Name : $"{c.Name}×{c.Width}"));

    private InputFormatException AtomError(ReadOnlySpan<byte> line, long lineNumber, string detail) =>
        new(Path, lineNumber, FrameIndex, $"{detail}; line {InputFormatException.Show(Trim(line))}");

    private static bool IsBlank(ReadOnlySpan<byte> line) => Trim(line).IsEmpty;

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line)
    {
        int i = 0;
        int j = line.Length;
        while (i < j && Tokens.IsSpace(line[i])) i++;
        while (j > i && Tokens.IsSpace(line[j - 1])) j--;
        return line[i..j];
    }
}
