using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.IO.Lammps;

/// <summary>
/// Streams LAMMPS text dumps written by <c>dump atom</c> and <c>dump custom</c> (LAMMPS documentation, <c>dump</c>
/// command, "Description" of the file format): per frame the items <c>ITEM: TIMESTEP</c>,
/// <c>ITEM: NUMBER OF ATOMS</c>, <c>ITEM: BOX BOUNDS [xy xz yz] [pp pp pp]</c> and <c>ITEM: ATOMS</c> with
/// column names, optionally preceded by <c>ITEM: UNITS</c> and <c>ITEM: TIME</c> (<c>dump_modify units/time</c>).
/// </summary>
/// <remarks>
/// <para>Positions are absolute Cartesian coordinates in Å in the LAMMPS frame. When several coordinate sets are
/// present the first of x y z, xs ys zs, xu yu zu, xsu ysu zsu is used; scaled values become r = lo + H·s.
/// Image flags come from ix iy iz, or, when the positions are wrapped and an unwrapped set is also present, from
/// round(H⁻¹·(r_unwrapped − r)). Image flags mean r_unwrapped = r + ix·a + iy·b + iz·c.</para>
/// <para>Values are converted from <see cref="ReadOptions.Units"/> (or the file's own <c>ITEM: UNITS</c>) to
/// LAMMPS metal units: velocities Å/ps, forces eV/Å, charges e, time ps. Columns other than id, type, element,
/// coordinates, image flags, velocities, forces and q are kept by name as extra columns (unconverted); a coordinate
/// set not used for positions or image flags is ignored.</para>
/// <para>Triclinic headers give the bounding box and the tilt factors (xlo_bound xhi_bound xy, …), converted with
/// <see cref="LammpsBoxParameters.FromBoundingBox"/>. Boundary flags "pp" make a direction periodic; f, s and m
/// do not. A header without boundary flags (old LAMMPS) is periodic.</para>
/// <para>Atoms are ordered by id in every frame; the number of atoms may change between frames.</para>
/// </remarks>
public sealed class LammpsDumpReader : ITrajectoryReader, ILocatedReader
{
    private readonly LineReader _lines;
    private readonly ReadOptions _options;
    private UnitConversion _units;

    private LammpsDumpColumns? _columns;

    // Header of the frame being read.
    private long _step;
    private double? _time;
    private int _atomCount;
    private Box? _box;
    private LammpsBoxParameters _boxParameters;
    private PeriodicFlags _periodic;
    private long _frameStartLine;
    private long _atomsLine;

    // Reusable scratch (grown, never shrunk) so that reading allocates nothing per frame once sizes settle.
    private Vec3[] _unwrapped = [];
    private int[] _order = [];
    private int[] _stamp = [];
    private int[] _owner = [];
    private long[] _keys = [];
    private int _generation;
    private readonly PermuteBuffers _permute = new();
    private double[][] _extras = [];
    private readonly ParallelLines _parallel = new();

    // ReadOptions.OnlySpecies: which type numbers below 256 it names (larger ones are looked up as met), the frame
    // every atom is parsed into before the species' atoms are copied out, and the atom (line) index of each atom kept.
    private readonly bool[]? _keepType;
    private Frame? _unfiltered;
    private int[] _keptFrom = [];
    private bool _filtered;

    // Element names met in the element column (bytes, for allocation-free matching), their types, the map built.
    private readonly List<byte[]> _elementBytes = [];
    private readonly List<int> _elementTypes = [];
    private readonly Dictionary<int, int> _typeElement = [];
    private SpeciesMap? _elementSpecies;

    public LammpsDumpReader(string path, ReadOptions? options = null)
        : this(InputFile.OpenRead(path), path, options)
    {
    }

    internal LammpsDumpReader(Stream stream, string displayPath, ReadOptions? options = null)
    {
        _options = options ?? ReadOptions.Default;
        if (_options.OnlySpecies is not null)
        {
            _keepType = new bool[256];
            for (int type = 1; type < _keepType.Length; type++)
            {
                _keepType[type] = NamesSpecies(type);
            }
        }

        _units = UnitConversion.For(_options.Units);
        _lines = new LineReader(stream, displayPath);
        Path = displayPath;
    }

    public string Path { get; }

    public string FormatName => "lammps-dump";

    public int FrameIndex { get; private set; }

    public long BytesRead => _lines.Position;

    /// <inheritdoc/>
    public bool ReadOnAllCores { get; private set; }

    /// <summary>The step of the frame last read or skipped.</summary>
    internal long Step => _step;

    public bool Read(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        try
        {
            if (!ReadHeader())
            {
                return false;
            }

            ReadAtoms(frame);
        }
        catch (Exception e) when (IsStreamError(e))
        {
            throw StreamError(e);
        }

        FrameIndex++;
        return true;
    }

    public bool Skip()
    {
        try
        {
            if (!ReadHeader())
            {
                return false;
            }

            long skipped = _lines.SkipLines(_atomCount);
            if (skipped < _atomCount)
            {
                throw Truncated($"{_atomCount} atom lines after 'ITEM: ATOMS' on line {_atomsLine}");
            }
        }
        catch (Exception e) when (IsStreamError(e))
        {
            throw StreamError(e);
        }

        FrameIndex++;
        return true;
    }

    long ILocatedReader.LineNumber => _lines.LineNumber;

    public void Dispose() => _lines.Dispose();

    // ---------------------------------------------------------------- header

    private bool ReadHeader()
    {
        ReadOnlySpan<byte> line;
        do
        {
            if (!_lines.TryReadLine(out line))
            {
                return false; // clean end of file between frames (trailing blank lines allowed)
            }
        }
        while (IsBlank(line));

        _frameStartLine = _lines.LineNumber;
        _time = null;

        // Optional items that LAMMPS writes before TIMESTEP (dump_modify units yes / time yes).
        while (true)
        {
            if (MatchItem(line, "UNITS"u8, out _))
            {
                ReadOnlySpan<byte> value = NextLine("the unit style after 'ITEM: UNITS'");
                string style = Encoding.UTF8.GetString(value.Trim((byte)' '));
                try
                {
                    _units = UnitConversion.For(UnitConversion.ParseStyle(style));
                }
                catch (InputException)
                {
                    throw Error(_lines.LineNumber, $"expected a LAMMPS unit style (metal, real, si, …), found {InputFormatException.Show(value)}");
                }
            }
            else if (MatchItem(line, "TIME"u8, out _))
            {
                ReadOnlySpan<byte> value = NextLine("the time after 'ITEM: TIME'");
                if (!TrySingleDouble(value, out double t) || !double.IsFinite(t))
                {
                    throw Error(_lines.LineNumber, $"expected the simulation time after 'ITEM: TIME', found {InputFormatException.Show(value)}");
                }

                _time = t * _units.Time;
            }
            else
            {
                break;
            }

            line = NextLine("'ITEM: TIMESTEP'");
        }

        if (!MatchItem(line, "TIMESTEP"u8, out _))
        {
            throw Error(_lines.LineNumber, $"expected 'ITEM: TIMESTEP', found {InputFormatException.Show(line)}");
        }

        line = NextLine("the timestep after 'ITEM: TIMESTEP'");
        if (!TrySingleLong(line, out _step))
        {
            throw Error(_lines.LineNumber, $"expected an integer timestep after 'ITEM: TIMESTEP', found {InputFormatException.Show(line)}");
        }

        if (_time is null && _options.TimestepPs is { } dt)
        {
            _time = _step * dt;
        }

        line = NextLine("'ITEM: NUMBER OF ATOMS'");
        if (!MatchItem(line, "NUMBER OF ATOMS"u8, out _))
        {
            throw Error(_lines.LineNumber, $"expected 'ITEM: NUMBER OF ATOMS', found {InputFormatException.Show(line)}");
        }

        line = NextLine("the number of atoms");
        if (!TrySingleLong(line, out long count) || count < 0 || count > int.MaxValue)
        {
            throw Error(_lines.LineNumber, $"expected a number of atoms between 0 and {int.MaxValue}, found {InputFormatException.Show(line)}");
        }

        _atomCount = (int)count;
        long countLine = _lines.LineNumber;
        ReadBox();

        line = NextLine("'ITEM: ATOMS'");
        if (!MatchItem(line, "ATOMS"u8, out ReadOnlySpan<byte> columns))
        {
            throw Error(_lines.LineNumber, $"expected 'ITEM: ATOMS' and column names, found {InputFormatException.Show(line)}");
        }

        _atomsLine = _lines.LineNumber;
        if (_columns is null || !columns.SequenceEqual(_columns.Header))
        {
            _columns = LammpsDumpColumns.Parse(columns, out string? problem)
                ?? throw Error(_atomsLine, problem!);
        }

        // Nothing is allocated for atoms the rest of the file cannot hold: an atom line has at least one byte per
        // column plus a separator or the line ending.
        if (_lines.CannotHold(_atomCount, 2 * _columns.Count, out long room))
        {
            throw new InputFormatException(Path, countLine, FrameIndex, FormattableString.Invariant(
                $"expected {_atomCount} atom lines after 'ITEM: ATOMS' on line {_atomsLine} (the number of atoms), found room for at most {room} in {_lines.LeftDescription}"),
                FrameIndex);
        }

        return true;
    }

    private void ReadBox()
    {
        ReadOnlySpan<byte> line = NextLine("'ITEM: BOX BOUNDS'");
        long itemLine = _lines.LineNumber;
        if (!MatchItem(line, "BOX BOUNDS"u8, out ReadOnlySpan<byte> rest))
        {
            throw Error(itemLine, $"expected 'ITEM: BOX BOUNDS', found {InputFormatException.Show(line)}");
        }

        // Optional "xy xz yz" then three boundary flags (pp, ff, fs, sm, …); none at all in old dumps.
        var tokens = new Tokens(rest);
        bool triclinic = false;
        Span<bool> periodic = [true, true, true];
        int flags = 0;
        bool first = true;
        while (tokens.Next(out ReadOnlySpan<byte> token))
        {
            if (first && token.SequenceEqual("xy"u8))
            {
                if (!tokens.Next(out ReadOnlySpan<byte> xz) || !xz.SequenceEqual("xz"u8)
                    || !tokens.Next(out ReadOnlySpan<byte> yz) || !yz.SequenceEqual("yz"u8))
                {
                    throw Error(itemLine, $"expected 'xy xz yz' in the BOX BOUNDS item, found {InputFormatException.Show(rest)}");
                }

                triclinic = true;
            }
            else if (first && token.SequenceEqual("abc"u8))
            {
                throw Error(itemLine, "expected a BOX BOUNDS item with bounds or 'xy xz yz', found a general triclinic 'abc origin' box, which is not supported (dump it with the restricted triclinic convention)");
            }
            else if (flags < 3 && IsBoundaryFlag(token))
            {
                periodic[flags] = token[0] == (byte)'p' && token[1] == (byte)'p';
                flags++;
            }
            else
            {
                throw Error(itemLine, $"expected boundary flags like 'pp pp pp' after 'ITEM: BOX BOUNDS', found {InputFormatException.Show(token)}");
            }

            first = false;
        }

        if (flags is not 0 and not 3)
        {
            throw Error(itemLine, $"expected three boundary flags (one per dimension) after 'ITEM: BOX BOUNDS', found {flags}");
        }

        Span<double> lo = stackalloc double[3];
        Span<double> hi = stackalloc double[3];
        Span<double> tilt = stackalloc double[3];
        for (int d = 0; d < 3; d++)
        {
            line = NextLine(triclinic ? "3 numbers of the box bounds" : "2 numbers of the box bounds");
            var t = new Tokens(line);
            int n = 0;
            while (t.Next(out ReadOnlySpan<byte> token))
            {
                if (n == 3 || (n == 2 && !triclinic))
                {
                    n++;
                    break;
                }

                if (!AsciiNumber.TryParseDouble(token, out double value) || !double.IsFinite(value))
                {
                    throw Error(_lines.LineNumber, $"expected a number in the box bounds, found {InputFormatException.Show(token)}");
                }

                (n == 0 ? lo : n == 1 ? hi : tilt)[d] = value * _units.Length;
                n++;
            }

            int expected = triclinic ? 3 : 2;
            if (n != expected)
            {
                throw Error(_lines.LineNumber, $"expected {expected} numbers (lo hi{(triclinic ? " tilt" : string.Empty)}) in the box bounds, found {InputFormatException.Show(line)}");
            }
        }

        LammpsBoxParameters p = triclinic
            ? LammpsBoxParameters.FromBoundingBox(lo[0], hi[0], lo[1], hi[1], lo[2], hi[2], tilt[0], tilt[1], tilt[2])
            : new LammpsBoxParameters(lo[0], hi[0], lo[1], hi[1], lo[2], hi[2], 0, 0, 0);
        var flagsValue = new PeriodicFlags(periodic[0], periodic[1], periodic[2]);
        if (_box is not null && p == _boxParameters && flagsValue == _periodic)
        {
            return; // same cell as the previous frame: keep the (immutable) box
        }

        ReadOnlySpan<double> lengths = [p.Xhi - p.Xlo, p.Yhi - p.Ylo, p.Zhi - p.Zlo];
        for (int d = 0; d < 3; d++)
        {
            if (!(lengths[d] > 0))
            {
                throw Error(itemLine + 1 + d, FormattableString.Invariant(
                    $"expected {"xyz"[d]}hi > {"xyz"[d]}lo in the box bounds, found a box length of {lengths[d]:G6}"));
            }
        }

        try
        {
            if (CellCheck.Problem(p) is { } cellProblem)
            {
                throw Error(itemLine, cellProblem);
            }

            _box = Box.FromLammps(p, flagsValue);
        }
        catch (ArgumentException e)
        {
            throw Error(itemLine, $"expected a cell of non-zero volume, found {e.Message}");
        }

        _boxParameters = p;
        _periodic = flagsValue;
    }

    // ---------------------------------------------------------------- atoms

    private void ReadAtoms(Frame frame)
    {
        LammpsDumpColumns columns = _columns!;
        int n = _atomCount;
        if (!columns.HasType && !columns.HasElement && (_options.TypeMap is null || _options.TypeMap.Count != 1))
        {
            throw Error(_atomsLine, "expected a 'type' column, found none; add 'type' to the dump command, or pass a type map with a single type (e.g. 1=Cu) to give every atom that type");
        }

        // With ReadOptions.OnlySpecies, where the species is the type, every line is parsed into a frame of the
        // reader's and the species' atoms copied out of it (see KeepSpecies).
        _filtered = _keepType is not null && columns.HasType && !columns.HasElement;
        Frame into = _filtered ? (_unfiltered ??= new Frame()) : frame;
        into.Resize(n);
        into.Step = _step;
        into.Time = _time;
        into.Box = _box!;
        into.PotentialEnergy = null;
        into.Coordinates = columns.PositionsUnwrapped ? CoordinateKind.Unwrapped : CoordinateKind.Wrapped;
        Int3[]? images = columns.HasImages ? into.EnsureImages() : (into.Images = null);
        Vec3[]? velocities = columns.HasVelocities ? into.EnsureVelocities() : (into.Velocities = null);
        Vec3[]? forces = columns.HasForces ? into.EnsureForces() : (into.Forces = null);
        double[]? charges = columns.HasCharges ? into.EnsureCharges() : (into.Charges = null);
        into.SetExtraNames(columns.ExtraNames);

        Vec3[]? unwrapped = null;
        if (columns.UnwrappedSet >= 0)
        {
            if (_unwrapped.Length < n) _unwrapped = new Vec3[n];
            unwrapped = _unwrapped;
        }

        if (_extras.Length != columns.ExtraNames.Length)
        {
            _extras = new double[columns.ExtraNames.Length][];
        }

        double[][] extras = _extras;
        for (int k = 0; k < extras.Length; k++)
        {
            extras[k] = into.Extra(k);
        }

        var targets = new AtomTargets
        {
            Kinds = columns.Kinds,
            Slots = columns.Slots,
            Box = _boxParameters,
            Units = _units,
            Scaled = columns.PositionsScaled,
            UnwrappedScaled = columns.UnwrappedSet == 3,
            Ids = into.Ids,
            Types = into.Types,
            Positions = into.Positions,
            Unwrapped = unwrapped,
            Images = images,
            Velocities = velocities,
            Forces = forces,
            Charges = charges,
            Extras = extras,
            FixedType = columns.HasType || columns.HasElement ? 0 : _options.TypeMap!.Types.First(),
            Filtered = _filtered,
        };

        // Large frames are parsed by all cores (each atom line is independent), except under MPI, where the ranks
        // already share the cores, and with an element column, whose names are looked up in one table.
        ReadOnAllCores = n >= _options.ParallelAtoms && !columns.HasElement && Environment.ProcessorCount > 1 && !Core.Mpi.MpiWorld.IsParallel;
        if (ReadOnAllCores)
        {
            ReadAtomsInParallel(targets, n);
        }
        else
        {
            Span<double> v = stackalloc double[LammpsDumpColumns.SlotCount];
            Span<int> image = stackalloc int[3];
            for (int i = 0; i < n; i++)
            {
                if (!_lines.TryReadLine(out ReadOnlySpan<byte> line))
                {
                    throw Truncated($"{n} atom lines after 'ITEM: ATOMS' on line {_atomsLine}, found {i}");
                }

                ParseAtom(line, i, _lines.LineNumber, targets, v, image);
            }
        }

        frame.AtomsLeftOut = 0;
        if (_filtered)
        {
            int kept = KeepSpecies(into, frame, unwrapped, n);
            frame.AtomsLeftOut = n - kept;
            n = kept;
            images = frame.Images;
        }

        Vec3[] positions = frame.Positions;
        if (unwrapped is not null)
        {
            DeriveImages(positions, unwrapped, images!, n);
        }

        frame.Species = _options.TypeMap ?? (columns.HasElement ? ElementSpecies() : null);
        OrderById(frame);
    }

    /// <summary>The atom lines of one frame parsed by all cores (<see cref="ParallelLines"/>).</summary>
    private void ReadAtomsInParallel(AtomTargets targets, int n)
    {
        int found = _parallel.Parse(_lines, n, (buffer, starts, ends, from, to, first, firstLine) =>
        {
            Span<double> v = stackalloc double[LammpsDumpColumns.SlotCount];
            Span<int> image = stackalloc int[3];
            int j = from;
            try
            {
                for (; j < to; j++)
                {
                    ParseAtom(buffer.AsSpan(starts[j], ends[j] - starts[j]), first + j, firstLine + j, targets, v, image);
                }
            }
            catch (InputFormatException e)
            {
                return (j, e);
            }

            return null;
        });

        if (found < n)
        {
            throw Truncated($"{n} atom lines after 'ITEM: ATOMS' on line {_atomsLine}, found {found}");
        }
    }

    /// <summary>True when a token ends at <paramref name="k"/>: the end of the line, a space or a tab.</summary>
    private static bool EndsToken(ReadOnlySpan<byte> line, int k) => k == line.Length || line[k] == (byte)' ' || line[k] == (byte)'\t';

    /// <summary>Parses atom line <paramref name="line"/> (file line <paramref name="lineNumber"/>) into atom <paramref name="i"/>.</summary>
    private void ParseAtom(ReadOnlySpan<byte> line, int i, long lineNumber, in AtomTargets t, Span<double> v, Span<int> image)
    {
        LammpsColumnKind[] kinds = t.Kinds;
        int[] slots = t.Slots;
        int columnCount = kinds.Length;
        int type = t.FixedType;
        int element = -1;
        int pos = 0;
        int length = line.Length;
        for (int c = 0; c < columnCount; c++)
        {
            while (pos < length && (line[pos] == (byte)' ' || line[pos] == (byte)'\t'))
            {
                pos++;
            }

            // A plain number is parsed where it stands, without cutting out the token first; anything else (a sign on
            // an id, a long exponent, a malformed token) is cut out and parsed, or reported, below.
            LammpsColumnKind kind = kinds[c];
            int start = pos;
            if (kind == LammpsColumnKind.Value)
            {
                if (AsciiNumber.TryFastAt(line, ref pos, out double fast) && EndsToken(line, pos))
                {
                    v[slots[c]] = fast;
                    continue;
                }
            }
            else if (kind is LammpsColumnKind.Id or LammpsColumnKind.Type
                && AsciiNumber.TryDigitsAt(line, ref pos, out long whole) && EndsToken(line, pos))
            {
                if (kind == LammpsColumnKind.Id)
                {
                    t.Ids[i] = whole;
                    continue;
                }

                if (whole is >= 1 and <= int.MaxValue)
                {
                    type = (int)whole;
                    if (t.Filtered && !KeepsType(type))
                    {
                        t.Types[i] = 0;
                        return;
                    }

                    continue;
                }
            }

            pos = start;
            while (pos < length && line[pos] != (byte)' ' && line[pos] != (byte)'\t')
            {
                pos++;
            }

            if (pos == start)
            {
                throw ColumnCountError(line, _columns!, lineNumber);
            }

            ReadOnlySpan<byte> token = line[start..pos];
            switch (kind)
            {
                case LammpsColumnKind.Value:
                    if (!AsciiNumber.TryParseDouble(token, out double value) || !double.IsFinite(value))
                    {
                        throw FieldError(lineNumber, _columns!.Names[c], token, "a finite number");
                    }

                    v[slots[c]] = value;
                    break;
                case LammpsColumnKind.Id:
                    if (!AsciiNumber.TryParseLong(token, out t.Ids[i]))
                    {
                        throw FieldError(lineNumber, "id", token, "an integer");
                    }

                    break;
                case LammpsColumnKind.Type:
                    if (!AsciiNumber.TryParseInt(token, out type) || type < 1)
                    {
                        throw FieldError(lineNumber, "type", token, "an integer type ≥ 1");
                    }

                    if (t.Filtered && !KeepsType(type))
                    {
                        t.Types[i] = 0;
                        return;
                    }

                    break;
                case LammpsColumnKind.Image:
                    if (!AsciiNumber.TryParseInt(token, out image[slots[c]]))
                    {
                        throw FieldError(lineNumber, _columns!.Names[c], token, "an integer image flag");
                    }

                    break;
                case LammpsColumnKind.Extra:
                    if (!AsciiNumber.TryParseDouble(token, out t.Extras[slots[c]][i]))
                    {
                        throw FieldError(lineNumber, _columns!.Names[c], token, "a number");
                    }

                    break;
                case LammpsColumnKind.Element:
                    element = ElementIndex(token);
                    break;
            }
        }

        while (pos < length && Tokens.IsSpace(line[pos]))
        {
            pos++;
        }

        if (pos < length)
        {
            throw ColumnCountError(line, _columns!, lineNumber);
        }

        if (element >= 0)
        {
            type = ResolveElementType(element, _columns!.HasType ? type : 0);
        }

        t.Types[i] = type;
        t.Positions[i] = t.Scaled
            ? FromScaled(t.Box, v[0], v[1], v[2])
            : new Vec3(v[0] * t.Units.Length, v[1] * t.Units.Length, v[2] * t.Units.Length);
        if (!t.Positions[i].IsFinite)
        {
            throw Error(lineNumber, $"expected coordinates that give a finite position, found {InputFormatException.Show(line)}");
        }

        if (t.Unwrapped is { } unwrapped)
        {
            unwrapped[i] = t.UnwrappedScaled
                ? FromScaled(t.Box, v[3], v[4], v[5])
                : new Vec3(v[3] * t.Units.Length, v[4] * t.Units.Length, v[5] * t.Units.Length);
            if (!unwrapped[i].IsFinite)
            {
                throw Error(lineNumber, $"expected unwrapped coordinates that give a finite position, found {InputFormatException.Show(line)}");
            }
        }
        else if (t.Images is { } images)
        {
            images[i] = new Int3(image[0], image[1], image[2]);
        }

        if (t.Velocities is { } velocities)
        {
            velocities[i] = new Vec3(v[6] * t.Units.Velocity, v[7] * t.Units.Velocity, v[8] * t.Units.Velocity);
        }

        if (t.Forces is { } forces)
        {
            forces[i] = new Vec3(v[9] * t.Units.Force, v[10] * t.Units.Force, v[11] * t.Units.Force);
        }

        if (t.Charges is { } charges)
        {
            charges[i] = v[12] * t.Units.Charge;
        }
    }

    /// <summary>True when type <paramref name="type"/> carries the name <see cref="ReadOptions.OnlySpecies"/> (as analyses name species: the type map's name, else the type number).</summary>
    private bool NamesSpecies(int type) =>
        string.Equals(SpeciesMap.NameOrNumber(_options.TypeMap, type), _options.OnlySpecies, StringComparison.OrdinalIgnoreCase);

    private bool KeepsType(int type) => (uint)type < (uint)_keepType!.Length ? _keepType[type] : NamesSpecies(type);

    /// <summary>
    /// Copies the atoms of <paramref name="from"/>'s first <paramref name="n"/> whose type was kept (not 0) into
    /// <paramref name="to"/>, in file order, with the frame's other fields, and moves their unwrapped positions to the
    /// front of <paramref name="unwrapped"/>. Returns how many were kept.
    /// </summary>
    private int KeepSpecies(Frame from, Frame to, Vec3[]? unwrapped, int n)
    {
        int[] types = from.Types;
        if (_keptFrom.Length < n) _keptFrom = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++)
        {
            if (types[i] != 0)
            {
                _keptFrom[kept++] = i;
            }
        }

        to.Resize(kept);
        to.Step = from.Step;
        to.Time = from.Time;
        to.Box = from.Box;
        to.PotentialEnergy = from.PotentialEnergy;
        to.Coordinates = from.Coordinates;
        to.SetExtraNames(from.ExtraNames);
        ReadOnlySpan<int> source = _keptFrom.AsSpan(0, kept);
        Gather(from.Ids, to.Ids, source);
        Gather(types, to.Types, source);
        Gather(from.Positions, to.Positions, source);
        if (unwrapped is not null) Gather(unwrapped, unwrapped, source);
        to.Images = from.Images is { } images ? Gather(images, to.EnsureImages(), source) : null;
        to.Velocities = from.Velocities is { } velocities ? Gather(velocities, to.EnsureVelocities(), source) : null;
        to.Forces = from.Forces is { } forces ? Gather(forces, to.EnsureForces(), source) : null;
        to.Charges = from.Charges is { } charges ? Gather(charges, to.EnsureCharges(), source) : null;
        for (int k = 0; k < from.ExtraNames.Count; k++)
        {
            Gather(from.Extra(k), to.Extra(k), source);
        }

        return kept;

        // source ascends and source[j] ≥ j, so gathering within one array never overwrites an element still to be read.
        static T[] Gather<T>(T[] values, T[] into, ReadOnlySpan<int> source)
        {
            for (int j = 0; j < source.Length; j++)
            {
                into[j] = values[source[j]];
            }

            return into;
        }
    }

    /// <summary>r = lo + H·s for box fractions s (LAMMPS scaled coordinates), in Å.</summary>
    private static Vec3 FromScaled(in LammpsBoxParameters p, double sx, double sy, double sz) => new(
        p.Xlo + (p.Xhi - p.Xlo) * sx + p.Xy * sy + p.Xz * sz,
        p.Ylo + (p.Yhi - p.Ylo) * sy + p.Yz * sz,
        p.Zlo + (p.Zhi - p.Zlo) * sz);

    /// <summary>Image flags from wrapped and unwrapped positions: round(H⁻¹·(r_u − r)).</summary>
    private void DeriveImages(Vec3[] positions, Vec3[] unwrapped, Int3[] images, int n)
    {
        Mat3 inverse = _box!.HInverse;
        for (int i = 0; i < n; i++)
        {
            Vec3 s = inverse * (unwrapped[i] - positions[i]);
            double x = Math.Round(s.X), y = Math.Round(s.Y), z = Math.Round(s.Z);
            if (Math.Abs(x) > int.MaxValue || Math.Abs(y) > int.MaxValue || Math.Abs(z) > int.MaxValue)
            {
                throw Error(AtomLine(i), "expected unwrapped and wrapped coordinates of the same atom to differ by whole cell vectors, found an absurd difference");
            }

            images[i] = new Int3((int)x, (int)y, (int)z);
        }
    }

    // ---------------------------------------------------------------- ordering by id

    /// <summary>
    /// Orders the atoms by id without allocating: nothing to do when the ids ascend; a counting placement when the
    /// ids span a range not much larger than the atom count (the usual case: ids 1..N shuffled over processors);
    /// an in-place sort of reusable key and index arrays otherwise. A repeated id is an error naming its line.
    /// </summary>
    private void OrderById(Frame frame)
    {
        int n = frame.Count;
        long[] ids = frame.Ids;
        bool ascending = true;
        long min = n > 0 ? ids[0] : 0, max = min;
        for (int i = 1; i < n; i++)
        {
            long id = ids[i];
            if (id <= ids[i - 1]) ascending = false;
            if (id < min) min = id;
            if (id > max) max = id;
        }

        if (ascending)
        {
            return;
        }

        if (_order.Length < n) _order = new int[n];
        int[] order = _order;
        ulong span = unchecked((ulong)max - (ulong)min); // exact even when max − min overflows long
        if (span < (ulong)n * 4 + 1024)
        {
            int range = (int)span + 1;
            if (_stamp.Length < range)
            {
                int size = Math.Max(range, _stamp.Length * 2);
                _stamp = new int[size];
                _owner = new int[size];
                _generation = 0;
            }

            // stamp[id − min] == generation marks the ids of this frame, so the array needs no clearing per frame.
            if (++_generation == int.MaxValue)
            {
                Array.Clear(_stamp);
                _generation = 1;
            }

            int[] stamp = _stamp;
            int[] owner = _owner;
            int gen = _generation;
            for (int i = 0; i < n; i++)
            {
                int k = (int)(ids[i] - min);
                if (stamp[k] == gen)
                {
                    throw DuplicateId(ids[i], owner[k], i);
                }

                stamp[k] = gen;
                owner[k] = i;
            }

            int j = 0;
            for (int k = 0; k < range; k++)
            {
                if (stamp[k] == gen)
                {
                    order[j++] = owner[k];
                }
            }
        }
        else
        {
            if (_keys.Length < n) _keys = new long[n];
            long[] keys = _keys;
            Array.Copy(ids, keys, n);
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            Array.Sort(keys, order, 0, n);
            for (int i = 1; i < n; i++)
            {
                if (keys[i] == keys[i - 1])
                {
                    int a = Math.Min(order[i], order[i - 1]);
                    int b = Math.Max(order[i], order[i - 1]);
                    throw DuplicateId(keys[i], a, b);
                }
            }
        }

        ReadOnlySpan<int> perm = order.AsSpan(0, n);
        _permute.Apply(frame.Ids, perm);
        _permute.Apply(frame.Types, perm);
        _permute.Apply(frame.Positions, perm);
        if (frame.Images is { } images) _permute.Apply(images, perm);
        if (frame.Velocities is { } velocities) _permute.Apply(velocities, perm);
        if (frame.Forces is { } forces) _permute.Apply(forces, perm);
        if (frame.Charges is { } charges) _permute.Apply(charges, perm);
        for (int k = 0; k < frame.ExtraNames.Count; k++)
        {
            _permute.Apply(frame.Extra(k), perm);
        }
    }

    // ---------------------------------------------------------------- elements

    private int ElementIndex(ReadOnlySpan<byte> token)
    {
        for (int e = 0; e < _elementBytes.Count; e++)
        {
            if (token.SequenceEqual(_elementBytes[e]))
            {
                return e;
            }
        }

        string name = Encoding.UTF8.GetString(token);
        int type;
        if (_options.TypeMap is { } map)
        {
            string normalized = Elements.Normalize(name) ?? name;
            type = map.TypesOf(normalized).FirstOrDefault();
            if (type == 0)
            {
                throw Error(_lines.LineNumber, $"expected an element named in the type map ({map}), found '{name}'");
            }
        }
        else
        {
            type = _elementBytes.Count + 1; // order of first appearance
        }

        _elementBytes.Add(token.ToArray());
        _elementTypes.Add(type);
        _elementSpecies = null;
        return _elementBytes.Count - 1;
    }

    /// <summary>The type of an atom with an element column; with a type column too, checks they agree.</summary>
    private int ResolveElementType(int element, int type)
    {
        if (type == 0)
        {
            return _elementTypes[element];
        }

        if (_typeElement.TryGetValue(type, out int known))
        {
            if (known != element)
            {
                throw Error(_lines.LineNumber, $"expected type {type} to be element '{Encoding.UTF8.GetString(_elementBytes[known])}' as before, found '{Encoding.UTF8.GetString(_elementBytes[element])}'");
            }
        }
        else
        {
            _typeElement[type] = element;
            _elementSpecies = null;
        }

        return type;
    }

    private SpeciesMap ElementSpecies()
    {
        if (_elementSpecies is null)
        {
            var names = new Dictionary<int, string>();
            if (_columns!.HasType)
            {
                foreach ((int type, int element) in _typeElement)
                {
                    names[type] = Normalized(element);
                }
            }
            else
            {
                for (int e = 0; e < _elementBytes.Count; e++)
                {
                    names[_elementTypes[e]] = Normalized(e);
                }
            }

            _elementSpecies = new SpeciesMap(names);
        }

        return _elementSpecies;

        string Normalized(int e)
        {
            string name = Encoding.UTF8.GetString(_elementBytes[e]);
            return Elements.Normalize(name) ?? name;
        }
    }

    // ---------------------------------------------------------------- helpers

    private ReadOnlySpan<byte> NextLine(string expected)
    {
        if (!_lines.TryReadLine(out ReadOnlySpan<byte> line))
        {
            throw Truncated(expected);
        }

        return line;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (!Tokens.IsSpace(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the line is <c>ITEM: </c> followed by the words of <paramref name="item"/>; the rest follows.</summary>
    private static bool MatchItem(ReadOnlySpan<byte> line, ReadOnlySpan<byte> item, out ReadOnlySpan<byte> rest)
    {
        rest = default;
        var tokens = new Tokens(line);
        if (!tokens.Next(out ReadOnlySpan<byte> token) || !token.SequenceEqual("ITEM:"u8))
        {
            return false;
        }

        var words = new Tokens(item);
        while (words.Next(out ReadOnlySpan<byte> word))
        {
            if (!tokens.Next(out token) || !token.SequenceEqual(word))
            {
                return false;
            }
        }

        rest = tokens.Rest;
        return true;
    }

    private static bool IsBoundaryFlag(ReadOnlySpan<byte> token) =>
        token.Length == 2 && IsBoundaryLetter(token[0]) && IsBoundaryLetter(token[1]);

    private static bool IsBoundaryLetter(byte b) => b is (byte)'p' or (byte)'f' or (byte)'s' or (byte)'m';

    private static bool TrySingleLong(ReadOnlySpan<byte> line, out long value)
    {
        var t = new Tokens(line);
        value = 0;
        return t.Next(out ReadOnlySpan<byte> token) && AsciiNumber.TryParseLong(token, out value) && !t.Next(out _);
    }

    private static bool TrySingleDouble(ReadOnlySpan<byte> line, out double value)
    {
        var t = new Tokens(line);
        value = 0;
        return t.Next(out ReadOnlySpan<byte> token) && AsciiNumber.TryParseDouble(token, out value) && !t.Next(out _);
    }

    /// <summary>A damaged compressed stream (a killed run's truncated .gz/.bz2 ends this way) or a failing read.</summary>
    private static bool IsStreamError(Exception e) =>
        e is IOException or InvalidDataException or ICSharpCode.SharpZipLib.SharpZipBaseException;

    private InputFormatException StreamError(Exception e) =>
        new(Path, _lines.LineNumber + 1, FrameIndex, $"expected more readable data, found a damaged or unreadable stream ({e.Message})", FrameIndex);

    private InputFormatException Error(long line, string detail) => new(Path, line, FrameIndex, detail);

    private InputFormatException Truncated(string expected) =>
        new(Path, _lines.LineNumber + 1, FrameIndex, $"expected {expected}, found the end of the file", FrameIndex);

    private InputFormatException FieldError(long lineNumber, string column, ReadOnlySpan<byte> token, string what) =>
        Error(lineNumber, $"expected {what} in column '{column}', found {InputFormatException.Show(token)}");

    private InputFormatException ColumnCountError(ReadOnlySpan<byte> line, LammpsDumpColumns columns, long lineNumber) =>
        Error(lineNumber, $"expected {columns.Count} columns ({columns.Describe()}), found {Tokens.Count(line)}: {InputFormatException.Show(line)}");

    private InputFormatException DuplicateId(long id, int firstIndex, int secondIndex) =>
        Error(AtomLine(secondIndex), $"expected each atom id once per frame, found id {id} again (first on line {AtomLine(firstIndex)})");

    /// <summary>The file line of atom <paramref name="i"/> of the frame read last (counting only the atoms kept, with <see cref="ReadOptions.OnlySpecies"/>).</summary>
    private long AtomLine(int i) => _atomsLine + 1 + (_filtered ? _keptFrom[i] : i);
}
