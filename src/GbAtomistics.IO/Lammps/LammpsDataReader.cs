using System.Globalization;
using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.IO.Lammps;

/// <summary>
/// Reads a LAMMPS data file (the format of the LAMMPS <c>read_data</c> command) as one frame in <c>metal</c>
/// units: positions in Å (absolute Cartesian, as in the file), velocities in Å/ps, charges in e.
/// </summary>
/// <remarks>
/// <para>
/// Layout, per the <c>read_data</c> documentation: the first line is a title and is always skipped. Header lines
/// follow in any order (<c>N atoms</c>, <c>N atom types</c>, topology counts, <c>xlo xhi</c>, <c>ylo yhi</c>,
/// <c>zlo zhi</c>, <c>xy xz yz</c>, or the general-triclinic <c>avec</c>/<c>bvec</c>/<c>cvec</c>/<c>abc origin</c>);
/// <c>#</c> starts a comment anywhere and blank lines are ignored. Sections follow, each a keyword line and the
/// number of lines the header declares for it.
/// </para>
/// <para>
/// Read: Masses, Atom Type Labels, Atoms and Velocities. A type is named by its label (Atom Type Labels, or a single
/// word after <c>#</c> on its Masses line, as LAMMPS <c>write_data</c> and pymatgen write them) when the label is
/// an element symbol spelled as such (<c>Li</c>); otherwise by the element whose standard weight lies within
/// 0.2 % of its mass (<see cref="Elements.FromMass"/>; so never the reduced-unit placeholder 1.0, and not in unit
/// styles whose masses are not g/mol); otherwise by the label as written. <see cref="ReadOptions.TypeMap"/> overrides each type it names. Every other section (coefficients, topology,
/// bonus sections) is skipped by counting its lines. The atom style is taken from the <c>Atoms # style</c> hint
/// when that is a LAMMPS style name, else from <see cref="ReadOptions.AtomStyle"/>, else from the column count
/// (5 or 8 atomic, 7 or 10 full; 6 and 9 fit both charge and molecular and need the style named).
/// </para>
/// <para>
/// A title written by <c>write_data</c> (<c>…, timestep = N, units = real</c>) gives the step and the unit style;
/// its units take precedence over the default <see cref="ReadOptions.Units"/> (metal), and a different non-default
/// option is an error. Data files do not record boundary conditions, so the box is periodic along a, b and c.
/// Molecule ids go to the extra column <c>mol</c>.
/// </para>
/// </remarks>
public sealed class LammpsDataReader : ITrajectoryReader, ILocatedReader
{
    private readonly LineReader _reader;
    private readonly ReadOptions _options;
    private bool _done;

    // Header state.
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private double _xlo = -0.5, _xhi = 0.5, _ylo = -0.5, _yhi = 0.5, _zlo = -0.5, _zhi = 0.5;
    private double _xy, _xz, _yz;
    private long _xLine, _yLine, _zLine, _tiltLine;
    private Vec3? _avec, _bvec, _cvec, _abcOrigin;
    private long _generalLine;
    private long? _titleStep;
    private UnitStyle? _titleUnits;

    // Body state.
    private readonly Dictionary<int, string> _typeLabelNames = [];
    private readonly Dictionary<int, double> _masses = [];
    private Dictionary<string, int>? _typeLabels;
    private long[] _atomLines = [];
    private bool _atomsRead;
    private bool _velocitiesRead;

    public LammpsDataReader(string path, ReadOptions? options = null)
        : this(InputFile.OpenRead(path), path, options)
    {
    }

    internal LammpsDataReader(Stream stream, string displayPath, ReadOptions? options = null)
    {
        _reader = new LineReader(stream, displayPath);
        _options = options ?? ReadOptions.Default;
    }

    public string Path => _reader.Path;

    public string FormatName => "lammps-data";

    public int FrameIndex { get; private set; }

    public long BytesRead => _reader.Position;

    private int NumTypes => (int)Math.Min(int.MaxValue, _counts.GetValueOrDefault("atom types"));

    public bool Read(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_done)
        {
            return false;
        }

        _done = true;
        Parse(frame);
        FrameIndex = 1;
        return true;
    }

    public bool Skip()
    {
        if (_done)
        {
            return false;
        }

        _done = true;
        FrameIndex = 1;
        return true;
    }

    long ILocatedReader.LineNumber => _reader.LineNumber;

    public void Dispose() => _reader.Dispose();

    private void Parse(Frame frame)
    {
        frame.ClearOptional();
        frame.Species = null;
        frame.Resize(0);
        ReadTitle();
        ReadHeader();
        UnitStyle unitStyle = ResolveUnits();
        UnitConversion units = UnitConversion.For(unitStyle);
        Box box = BuildBox(units.Length);

        long natoms = _counts.GetValueOrDefault("atoms");
        string? previousSection = null;
        long previousCount = 0;
        while (_reader.TryReadLine(out ReadOnlySpan<byte> raw))
        {
            ReadOnlySpan<byte> content = LammpsDataSections.StripComment(raw);
            if (LammpsDataSections.IsBlank(content))
            {
                continue;
            }

            string name = LammpsDataSections.StartsWithLetter(content) ? LammpsDataSections.Words(content) : string.Empty;
            if (!LammpsDataSections.IsSection(name))
            {
                string after = previousSection is null
                    ? string.Empty
                    : string.Create(CultureInfo.InvariantCulture, $" after the {previousCount} lines of section '{previousSection}'");
                throw Error(
                    _reader.LineNumber,
                    $"expected a section keyword (Atoms, Velocities, Masses, Bonds, … Coeffs){after}, found {InputFormatException.Show(raw.Trim((byte)' '))}");
            }

            long sectionLine = _reader.LineNumber;
            string hint = LammpsDataSections.Comment(raw);
            long count = SectionLength(name, sectionLine);
            switch (name)
            {
                case "Atoms":
                    ReadAtoms(frame, hint, sectionLine, natoms, units);
                    break;
                case "Velocities":
                    ReadVelocities(frame, sectionLine, natoms, units);
                    break;
                case "Masses":
                    ReadMasses(count);
                    break;
                case "Atom Type Labels":
                    ReadTypeLabels(count);
                    break;
                default:
                    if (count < 0)
                    {
                        SkipUntilSection();
                        previousSection = null;
                        continue;
                    }

                    SkipLines(name, count);
                    break;
            }

            previousSection = name;
            previousCount = count;
        }

        if (!_atomsRead && natoms > 0)
        {
            throw Error(_reader.LineNumber, $"expected an Atoms section with {natoms} atoms, found the end of the file", truncated: true);
        }

        frame.Box = box;
        frame.Coordinates = CoordinateKind.Wrapped;
        frame.Step = _titleStep ?? 0;
        frame.Time = _titleStep is { } step && _options.TimestepPs is { } dt ? step * dt : null;
        frame.Species = BuildSpecies(unitStyle);
    }

    private void ReadTitle()
    {
        if (!_reader.TryReadLine(out ReadOnlySpan<byte> title))
        {
            throw Error(1, "expected a LAMMPS data file (a title line, then the header), found an empty file");
        }

        // write_data titles: "LAMMPS data file via write_data, version 2 Aug 2023, timestep = 1000, units = metal".
        string text = Encoding.UTF8.GetString(title);
        if (TitleValue(text, "timestep") is { } stepText
            && long.TryParse(stepText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long step))
        {
            _titleStep = step;
        }

        if (TitleValue(text, "units") is { } unitText)
        {
            try
            {
                _titleUnits = UnitConversion.ParseStyle(unitText);
            }
            catch (InputException)
            {
                // Not a unit style LAMMPS knows: the title is free text, so ignore it.
            }
        }
    }

    private static string? TitleValue(string title, string key)
    {
        int i = title.IndexOf(key + " = ", StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        string rest = title[(i + key.Length + 3)..];
        int end = rest.IndexOfAny([',', ' ', '\t']);
        return end < 0 ? rest.Trim() : rest[..end];
    }

    private UnitStyle ResolveUnits()
    {
        if (_titleUnits is not { } fileUnits)
        {
            return _options.Units;
        }

        if (_options.Units != UnitStyle.Metal && _options.Units != fileUnits)
        {
            throw Error(
                1,
                $"expected units {_options.Units.ToString().ToLowerInvariant()} (as the options say), found 'units = {fileUnits.ToString().ToLowerInvariant()}' in the title written by LAMMPS");
        }

        return fileUnits;
    }

    private void ReadHeader()
    {
        while (_reader.TryReadLine(out ReadOnlySpan<byte> raw))
        {
            ReadOnlySpan<byte> content = LammpsDataSections.StripComment(raw);
            if (LammpsDataSections.IsBlank(content))
            {
                continue;
            }

            if (LammpsDataSections.StartsWithLetter(content) && LammpsDataSections.IsSection(LammpsDataSections.Words(content)))
            {
                _reader.UnreadLine();
                return;
            }

            ParseHeaderLine(raw, content);
        }
    }

    private void ParseHeaderLine(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> content)
    {
        long line = _reader.LineNumber;
        Span<double> values = stackalloc double[4];
        int nValues = 0;
        var t = new Tokens(content);
        ReadOnlySpan<byte> token;
        ReadOnlySpan<byte> firstValue = default;
        bool haveKeyword = false;
        while (t.Next(out token))
        {
            if (!AsciiNumber.TryParseDouble(token, out double v))
            {
                haveKeyword = true;
                break;
            }

            if (nValues == 0)
            {
                firstValue = token;
            }

            if (nValues < values.Length)
            {
                values[nValues] = v;
            }

            nValues++;
        }

        if (!haveKeyword)
        {
            throw Error(line, $"expected a header line such as '100 atoms' or '0 10 xlo xhi', found {Show(raw)}");
        }

        var keywordBuilder = new StringBuilder(Encoding.UTF8.GetString(token));
        while (t.Next(out token))
        {
            keywordBuilder.Append(' ').Append(Encoding.UTF8.GetString(token));
        }

        string keyword = keywordBuilder.ToString();
        switch (keyword)
        {
            case "atoms":
            case "atom types":
            case "bonds":
            case "angles":
            case "dihedrals":
            case "impropers":
            case "bond types":
            case "angle types":
            case "dihedral types":
            case "improper types":
            case "ellipsoids":
            case "lines":
            case "triangles":
            case "bodies":
            case "extra bond per atom":
            case "extra angle per atom":
            case "extra dihedral per atom":
            case "extra improper per atom":
            case "extra special per atom":
                ExpectValues(line, keyword, nValues, 1, raw);
                if (!AsciiNumber.TryParseLong(firstValue, out long count) || count < 0)
                {
                    throw Error(line, $"expected a non-negative whole number before '{keyword}', found {InputFormatException.Show(firstValue)}");
                }

                if (keyword == "atom types" && count > int.MaxValue)
                {
                    throw Error(line, $"expected at most {int.MaxValue} atom types, found {InputFormatException.Show(firstValue)}");
                }

                _counts[keyword] = count;
                break;
            case "xlo xhi":
                ExpectValues(line, keyword, nValues, 2, raw);
                (_xlo, _xhi, _xLine) = (values[0], values[1], line);
                break;
            case "ylo yhi":
                ExpectValues(line, keyword, nValues, 2, raw);
                (_ylo, _yhi, _yLine) = (values[0], values[1], line);
                break;
            case "zlo zhi":
                ExpectValues(line, keyword, nValues, 2, raw);
                (_zlo, _zhi, _zLine) = (values[0], values[1], line);
                break;
            case "xy xz yz":
                ExpectValues(line, keyword, nValues, 3, raw);
                (_xy, _xz, _yz, _tiltLine) = (values[0], values[1], values[2], line);
                break;
            case "avec":
            case "bvec":
            case "cvec":
            case "abc origin":
                ExpectValues(line, keyword, nValues, 3, raw);
                var vec = new Vec3(values[0], values[1], values[2]);
                _generalLine = line;
                if (keyword == "avec") _avec = vec;
                else if (keyword == "bvec") _bvec = vec;
                else if (keyword == "cvec") _cvec = vec;
                else _abcOrigin = vec;
                break;
            default:
                throw Error(line, $"expected a header line such as '100 atoms' or '0 10 xlo xhi', or a section keyword, found {Show(raw)}");
        }
    }

    private void ExpectValues(long line, string keyword, int found, int expected, ReadOnlySpan<byte> raw)
    {
        if (found != expected)
        {
            throw Error(line, $"expected {expected} number{(expected == 1 ? "" : "s")} before '{keyword}', found {found} in {Show(raw)}");
        }

    }

    private Box BuildBox(double lengthFactor)
    {
        if (_avec is not null || _bvec is not null || _cvec is not null)
        {
            if (_avec is not { } a || _bvec is not { } b || _cvec is not { } c)
            {
                throw Error(_generalLine, "expected all three of avec, bvec and cvec for a general triclinic box, found only some");
            }

            Vec3 o = _abcOrigin ?? Vec3.Zero;
            if (!a.IsFinite || !b.IsFinite || !c.IsFinite || !o.IsFinite)
            {
                throw Error(_generalLine, "expected finite cell vectors, found NaN or infinity");
            }

            if (CellCheck.Problem(lengthFactor * a, lengthFactor * b, lengthFactor * c) is { } generalProblem)
            {
                throw Error(_generalLine, generalProblem);
            }

            try
            {
                return Box.FromVectors(lengthFactor * a, lengthFactor * b, lengthFactor * c, lengthFactor * o);
            }
            catch (ArgumentException e)
            {
                throw Error(_generalLine, $"expected a cell with non-zero volume, found avec, bvec, cvec spanning none ({e.Message})");
            }
        }

        CheckBounds(_xlo, _xhi, "xlo xhi", _xLine);
        CheckBounds(_ylo, _yhi, "ylo yhi", _yLine);
        CheckBounds(_zlo, _zhi, "zlo zhi", _zLine);
        if (!double.IsFinite(_xy) || !double.IsFinite(_xz) || !double.IsFinite(_yz))
        {
            throw Error(_tiltLine, "expected finite tilt factors xy xz yz, found NaN or infinity");
        }

        var p = new LammpsBoxParameters(
            _xlo * lengthFactor, _xhi * lengthFactor, _ylo * lengthFactor, _yhi * lengthFactor,
            _zlo * lengthFactor, _zhi * lengthFactor, _xy * lengthFactor, _xz * lengthFactor, _yz * lengthFactor);
        if (CellCheck.Problem(p) is { } cellProblem)
        {
            throw Error(_tiltLine > 0 ? _tiltLine : _xLine, cellProblem);
        }

        try
        {
            return Box.FromLammps(p, PeriodicFlags.All);
        }
        catch (ArgumentException e)
        {
            throw Error(_tiltLine, $"expected a cell with non-zero volume, found {e.Message}");
        }
    }

    private void CheckBounds(double lo, double hi, string keyword, long line)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi))
        {
            throw Error(line, $"expected finite bounds before '{keyword}', found NaN or infinity");
        }

        if (!(hi > lo))
        {
            throw Error(line, FormattableString.Invariant($"expected {keyword[4..]} > {keyword[..3]} (a box of non-zero volume), found {lo} {hi}"));
        }
    }

    /// <summary>Lines in the section from the header counts, or −1 when the header does not give it.</summary>
    private long SectionLength(string name, long line)
    {
        string? key = LammpsDataSections.CountKeyOf(name);
        if (key is null)
        {
            return -1;
        }

        if (key == LammpsDataSections.TypePairs)
        {
            long n = _counts.GetValueOrDefault("atom types");
            return n > 3_000_000_000L ? long.MaxValue : n * (n + 1) / 2; // more pairs than any file holds
        }

        if (_counts.TryGetValue(key, out long count))
        {
            return count;
        }

        if (name is "Atoms" or "Velocities" or "Masses" or "Atom Type Labels")
        {
            throw Error(line, $"expected the header to declare '{key}' (as in '10 {key}') before the {name} section, found none");
        }

        return -1;
    }

    /// <summary>
    /// The next non-blank line of a section (comment removed). A file that ends first, or a section keyword
    /// before the declared count, is an error naming the declared and found counts.
    /// </summary>
    private ReadOnlySpan<byte> NextSectionLine(string section, long expected, long found) =>
        NextSectionLine(section, expected, found, out _);

    private ReadOnlySpan<byte> NextSectionLine(string section, long expected, long found, out ReadOnlySpan<byte> rawLine)
    {
        while (true)
        {
            if (!_reader.TryReadLine(out ReadOnlySpan<byte> raw))
            {
                throw Error(
                    _reader.LineNumber,
                    $"expected {expected} lines in section '{section}' (from the header), found {found} before the end of the file",
                    truncated: true);
            }

            ReadOnlySpan<byte> content = LammpsDataSections.StripComment(raw);
            if (LammpsDataSections.IsBlank(content))
            {
                continue;
            }

            if (LammpsDataSections.StartsWithLetter(content) && LammpsDataSections.IsSection(LammpsDataSections.Words(content)))
            {
                throw Error(
                    _reader.LineNumber,
                    $"expected {expected} lines in section '{section}' (from the header), found {found} before {Show(raw)}");
            }

            rawLine = raw;
            return content;
        }
    }

    private void SkipLines(string section, long count)
    {
        for (long i = 0; i < count; i++)
        {
            NextSectionLine(section, count, i);
        }
    }

    private void SkipUntilSection()
    {
        while (_reader.TryReadLine(out ReadOnlySpan<byte> raw))
        {
            ReadOnlySpan<byte> content = LammpsDataSections.StripComment(raw);
            if (LammpsDataSections.StartsWithLetter(content) && LammpsDataSections.IsSection(LammpsDataSections.Words(content)))
            {
                _reader.UnreadLine();
                return;
            }
        }
    }

    private void ReadMasses(long count)
    {
        int ntypes = NumTypes;
        for (long i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> content = NextSectionLine("Masses", count, i, out ReadOnlySpan<byte> raw);
            long line = _reader.LineNumber;
            var t = new Tokens(content);
            t.Next(out ReadOnlySpan<byte> typeToken);
            int type = ParseType(typeToken, ntypes, line);
            if (!t.Next(out ReadOnlySpan<byte> massToken) || !AsciiNumber.TryParseDouble(massToken, out double mass))
            {
                throw Error(line, $"expected 'type mass' in the Masses section, found {Show(content)}");
            }

            if (!double.IsFinite(mass) || mass <= 0)
            {
                throw Error(line, $"expected a positive mass, found {InputFormatException.Show(massToken)}");
            }

            _masses[type] = mass;
            string comment = LammpsDataSections.Comment(raw);
            if (comment.Length > 0 && !comment.Any(char.IsWhiteSpace))
            {
                _typeLabelNames.TryAdd(type, comment);
            }
        }
    }

    private void ReadTypeLabels(long count)
    {
        int ntypes = NumTypes;
        _typeLabels ??= new Dictionary<string, int>(StringComparer.Ordinal);
        for (long i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> content = NextSectionLine("Atom Type Labels", count, i);
            long line = _reader.LineNumber;
            var t = new Tokens(content);
            t.Next(out ReadOnlySpan<byte> typeToken);
            if (!AsciiNumber.TryParseInt(typeToken, out int type) || type < 1 || type > ntypes)
            {
                throw Error(line, $"expected an atom type in 1..{ntypes}, found {InputFormatException.Show(typeToken)}");
            }

            if (!t.Next(out ReadOnlySpan<byte> labelToken))
            {
                throw Error(line, $"expected 'type label' in the Atom Type Labels section, found {Show(content)}");
            }

            string label = Encoding.UTF8.GetString(labelToken);
            _typeLabels[label] = type;
            _typeLabelNames[type] = label;
        }
    }

    private int ParseType(ReadOnlySpan<byte> token, int ntypes, long line)
    {
        if (AsciiNumber.TryParseInt(token, out int type))
        {
            if (type < 1 || type > ntypes)
            {
                throw Error(line, $"expected an atom type in 1..{ntypes} (header 'atom types'), found {InputFormatException.Show(token)}");
            }

            return type;
        }

        if (_typeLabels is { } labels && token.Length <= 64)
        {
            Span<char> chars = stackalloc char[token.Length];
            int n = Encoding.UTF8.GetChars(token, chars);
            if (labels.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..n], out int labelled))
            {
                return labelled;
            }
        }

        throw Error(line, $"expected an atom type (a number in 1..{ntypes} or a label from Atom Type Labels), found {InputFormatException.Show(token)}");
    }

    private LammpsAtomStyle ResolveStyle(string hint, long sectionLine, long firstLine, int firstLineColumns)
    {
        string hintWord = hint.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        if (hintWord.Length > 0 && LammpsAtomStyles.IsKnownToLammps(hintWord))
        {
            if (LammpsAtomStyles.TryParse(hintWord, out LammpsAtomStyle hinted))
            {
                return hinted;
            }

            throw Error(sectionLine, $"expected atom style {LammpsAtomStyles.SupportedList}, found '{hintWord}' after 'Atoms #'");
        }

        if (_options.AtomStyle is { } option)
        {
            if (LammpsAtomStyles.TryParse(option, out LammpsAtomStyle chosen))
            {
                return chosen;
            }

            throw Error(sectionLine, $"expected atom style {LammpsAtomStyles.SupportedList} (the atom style option), found '{option}'");
        }

        return firstLineColumns switch
        {
            5 or 8 => LammpsAtomStyle.Atomic,
            7 or 10 => LammpsAtomStyle.Full,
            6 or 9 => throw Error(
                sectionLine,
                $"expected an atom style: the Atoms section has no '# style' hint and its {firstLineColumns} columns fit both charge (id type q x y z) and molecular (id mol type x y z); name the atom style (charge, molecular, …)"),
            _ => throw Error(
                firstLine,
                $"expected 5 or 8 (atomic), 7 or 10 (full) columns in the Atoms section, found {firstLineColumns}; name the atom style if it is another one"),
        };
    }

    private void ReadAtoms(Frame frame, string hint, long sectionLine, long natoms, UnitConversion units)
    {
        if (_atomsRead)
        {
            throw Error(sectionLine, "expected one Atoms section, found a second");
        }

        if (natoms > Array.MaxLength)
        {
            throw Error(sectionLine, $"expected at most {Array.MaxLength} atoms, found a header declaring {natoms}");
        }

        // Nothing is allocated for atoms the rest of the file cannot hold: an atom line has at least five fields
        // (id type x y z), each a byte and a separator.
        if (_reader.CannotHold(natoms, 10, out long room))
        {
            throw Error(sectionLine, string.Create(CultureInfo.InvariantCulture,
                $"expected {natoms} atom lines (header 'atoms'), found room for at most {room} in {_reader.LeftDescription}"), truncated: true);
        }

        int n = (int)natoms;
        int ntypes = NumTypes;
        frame.Resize(n);
        if (_atomLines.Length < n)
        {
            _atomLines = new long[n];
        }

        LammpsAtomStyle style = LammpsAtomStyle.Atomic;
        bool hasMol = false, hasCharge = false;
        int columns = 0;
        double[]? mol = null;
        double[]? charges = null;
        long[] ids = frame.Ids;
        int[] types = frame.Types;
        Vec3[] positions = frame.Positions;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<byte> content = NextSectionLine("Atoms", natoms, i);
            long line = _reader.LineNumber;
            int count = Tokens.Count(content);
            if (i == 0)
            {
                style = ResolveStyle(hint, sectionLine, line, count);
                hasMol = LammpsAtomStyles.HasMolecule(style);
                hasCharge = LammpsAtomStyles.HasCharge(style);
                columns = LammpsAtomStyles.Columns(style);
                if (hasMol)
                {
                    frame.SetExtraNames(["mol"]);
                    mol = frame.Extra(0);
                }

                if (hasCharge)
                {
                    charges = frame.EnsureCharges();
                }
            }

            if (count != columns && count != columns + 3)
            {
                throw Error(
                    line,
                    $"expected {columns} or {columns + 3} columns for atom style {LammpsAtomStyles.Name(style)} ({LammpsAtomStyles.Layout(style)} [ix iy iz]), found {count}");
            }

            var t = new Tokens(content);
            t.Next(out ReadOnlySpan<byte> token);
            if (!AsciiNumber.TryParseLong(token, out long id) || id < 1)
            {
                throw Error(line, $"expected a positive atom id, found {InputFormatException.Show(token)}");
            }

            ids[i] = id;
            if (hasMol)
            {
                t.Next(out token);
                if (!AsciiNumber.TryParseLong(token, out long m))
                {
                    throw Error(line, $"expected a molecule id (a whole number), found {InputFormatException.Show(token)}");
                }

                mol![i] = m;
            }

            t.Next(out token);
            types[i] = ParseType(token, ntypes, line);
            if (hasCharge)
            {
                charges![i] = NextDouble(ref t, line, "charge") * units.Charge;
            }

            double x = NextDouble(ref t, line, "x");
            double y = NextDouble(ref t, line, "y");
            double z = NextDouble(ref t, line, "z");
            positions[i] = new Vec3(x * units.Length, y * units.Length, z * units.Length);
            if (count == columns + 3)
            {
                Int3[] images = frame.EnsureImages();
                images[i] = new Int3(NextInt(ref t, line, "ix"), NextInt(ref t, line, "iy"), NextInt(ref t, line, "iz"));
            }

            _atomLines[i] = line;
        }

        _atomsRead = true;
        CheckDuplicateIds(frame);
        frame.SortById();
    }

    private void CheckDuplicateIds(Frame frame)
    {
        var seen = new Dictionary<long, int>(frame.Count);
        for (int i = 0; i < frame.Count; i++)
        {
            if (!seen.TryAdd(frame.Ids[i], i))
            {
                throw Error(
                    _atomLines[i],
                    $"expected each atom id once, found id {frame.Ids[i]} again (first on line {_atomLines[seen[frame.Ids[i]]]})");
            }
        }
    }

    private void ReadVelocities(Frame frame, long sectionLine, long natoms, UnitConversion units)
    {
        if (!_atomsRead)
        {
            throw Error(sectionLine, "expected the Atoms section before Velocities, found Velocities first");
        }

        if (_velocitiesRead)
        {
            throw Error(sectionLine, "expected one Velocities section, found a second");
        }

        Vec3[] velocities = frame.EnsureVelocities();
        bool[] seen = new bool[frame.Count];
        for (int i = 0; i < natoms; i++)
        {
            ReadOnlySpan<byte> content = NextSectionLine("Velocities", natoms, i);
            long line = _reader.LineNumber;
            int count = Tokens.Count(content);
            if (count != 4)
            {
                throw Error(line, $"expected 4 columns (id vx vy vz) in the Velocities section, found {count}");
            }

            var t = new Tokens(content);
            t.Next(out ReadOnlySpan<byte> token);
            if (!AsciiNumber.TryParseLong(token, out long id))
            {
                throw Error(line, $"expected an atom id, found {InputFormatException.Show(token)}");
            }

            int index = Array.BinarySearch(frame.Ids, 0, frame.Count, id);
            if (index < 0)
            {
                throw Error(line, $"expected the id of an atom in the Atoms section, found {id}");
            }

            if (seen[index])
            {
                throw Error(line, $"expected one velocity per atom, found a second for atom {id}");
            }

            seen[index] = true;
            double vx = NextDouble(ref t, line, "vx");
            double vy = NextDouble(ref t, line, "vy");
            double vz = NextDouble(ref t, line, "vz");
            velocities[index] = new Vec3(vx * units.Velocity, vy * units.Velocity, vz * units.Velocity);
        }

        _velocitiesRead = true;
    }

    /// <summary>
    /// Names the types: a label spelled as an element symbol ("Li", "O") names that element; otherwise the element
    /// inferred from the mass (force-field labels such as "ca" or "c3" are not calcium or a name); otherwise the
    /// label as it is. The type map of the options overrides each type it names.
    /// </summary>
    private SpeciesMap? BuildSpecies(UnitStyle unitStyle)
    {
        var names = new Dictionary<int, string>();

        // Masses are in g/mol only in the metal, real and electron styles.
        bool massesInGramsPerMole = unitStyle is UnitStyle.Metal or UnitStyle.Real or UnitStyle.Electron;
        // Only types the file names or gives a mass can get a name: walking 1..'atom types' would spin for a header
        // that declares billions of types.
        int ntypes = NumTypes;
        foreach (int type in _typeLabelNames.Keys.Concat(_masses.Keys).Where(t => t >= 1 && t <= ntypes).Distinct().Order())
        {
            string? label = _typeLabelNames.GetValueOrDefault(type);
            string? name = null;
            if (label is not null && Elements.Normalize(label) == label)
            {
                name = label;
            }
            else if (massesInGramsPerMole && _masses.TryGetValue(type, out double mass))
            {
                // The relative tolerance keeps the placeholder mass 1.0 of reduced-unit files from becoming hydrogen.
                name = Elements.FromMass(mass);
            }

            name ??= label;
            if (name is not null)
            {
                names[type] = name;
            }
        }

        if (_options.TypeMap is { } map)
        {
            foreach (int type in map.Types)
            {
                names[type] = map.NameOf(type)!;
            }
        }

        return names.Count == 0 ? null : new SpeciesMap(names);
    }

    private double NextDouble(ref Tokens t, long line, string what)
    {
        t.Next(out ReadOnlySpan<byte> token);
        if (!AsciiNumber.TryParseDouble(token, out double v) || !double.IsFinite(v))
        {
            throw Error(line, $"expected a finite number for {what}, found {InputFormatException.Show(token)}");
        }

        return v;
    }

    private int NextInt(ref Tokens t, long line, string what)
    {
        t.Next(out ReadOnlySpan<byte> token);
        if (!AsciiNumber.TryParseInt(token, out int v))
        {
            throw Error(line, $"expected a whole number for image flag {what}, found {InputFormatException.Show(token)}");
        }

        return v;
    }

    private static string Show(ReadOnlySpan<byte> line) => InputFormatException.Show(line.Trim((byte)' '));

    private InputFormatException Error(long line, string detail, bool truncated = false) =>
        new(Path, line, null, detail, truncated ? 0 : null);
}
