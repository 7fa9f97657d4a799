using System.Globalization;
using System.Text;
using System.Xml;
using GbAtomistics.Core;

namespace GbAtomistics.IO.Vasp;

/// <summary>
/// Streams the ionic steps of a VASP <c>vasprun.xml</c> (format name <c>vasp-vasprun</c>) as frames, with a
/// forward-only <see cref="XmlReader"/>: the document is never loaded, memory is one frame.
/// </summary>
/// <remarks>
/// <para>
/// Header: <c>&lt;atominfo&gt;</c> gives the atom count, the type of every atom (<c>atoms</c> array) and the
/// element of every type (<c>atomtypes</c> array, POTCAR order; suffixes such as <c>_pv</c> stripped);
/// <see cref="ReadOptions.TypeMap"/> overrides the names. POTIM (fs) and IBRION come from <c>&lt;incar&gt;</c>
/// and <c>&lt;parameters&gt;</c> (the latter, written later, wins).
/// </para>
/// <para>
/// One frame per <c>&lt;calculation&gt;</c>: its <c>&lt;structure&gt;</c> (cell rows a, b, c of
/// <c>varray name="basis"</c> in Å, so a variable cell is followed; fractional <c>varray name="positions"</c>
/// turned into Cartesian Å), <c>varray name="forces"</c> (eV/Å) and the calculation-level
/// <c>&lt;energy&gt;&lt;i name="e_fr_energy"&gt;</c>, VASP's free energy TOTEN in eV
/// (<see cref="Frame.PotentialEnergy"/>; the electronic <c>&lt;scstep&gt;</c> energies are ignored, and so is
/// the calculation-level <c>e_0_energy</c>, which VASP 5.4 writes as 0 in MD runs).
/// <see cref="Frame.Step"/> is the calculation index from 1; <see cref="Frame.Time"/> = step × POTIM in ps, the
/// time at the end of step n, set for MD (IBRION = 0 or not given) or when
/// <see cref="ReadOptions.TimestepPs"/> is given. Ids 1..N in file order, periodic cell with origin 0.
/// </para>
/// <para>
/// A file cut before <c>&lt;/modeling&gt;</c> (a killed run) yields its whole calculations, then an
/// <see cref="InputFormatException"/> with <see cref="InputFormatException.CompleteFrames"/> and the last line;
/// other malformed XML is an <see cref="InputFormatException"/> at the line the XML parser reports.
/// </para>
/// <para>Format reference: VASP wiki page vasprun.xml and the files VASP 5.4/6.3 write (https://www.vasp.at/wiki/).</para>
/// </remarks>
public sealed class VasprunReader : ITrajectoryReader, ILocatedReader
{
    private readonly VasprunCountingStream _stream;
    private readonly XmlReader _xml;
    private readonly IXmlLineInfo? _lineInfo;
    private readonly ReadOptions _options;
    private char[] _text = new char[256];
    private bool _headerDone;
    private bool _finished;
    private int _atomCount = -1;
    private int[] _atomTypes = [];
    private SpeciesMap? _species;
    private double? _potimFs;
    private int? _ibrion;
    private long _calculationLine; // line of the <calculation> being read, 0 outside one

    /// <summary>Opens <paramref name="path"/> (gz/bz2 transparent).</summary>
    public VasprunReader(string path, ReadOptions? options = null)
        : this(InputFile.OpenRead(path), path, options)
    {
    }

    internal VasprunReader(Stream stream, string displayPath, ReadOptions? options = null)
    {
        Path = displayPath;
        _options = options ?? ReadOptions.Default;
        _stream = new VasprunCountingStream(stream);
        var settings = new XmlReaderSettings
        {
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = true,
        };
        _xml = XmlReader.Create(_stream, settings);
        _lineInfo = _xml as IXmlLineInfo;
    }

    public string Path { get; }

    public string FormatName => "vasp-vasprun";

    public int FrameIndex { get; private set; }

    public long BytesRead => _stream.BytesRead;

    public bool Read(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Advance(frame);
    }

    public bool Skip() => Advance(null);

    long ILocatedReader.LineNumber => _lineInfo?.LineNumber ?? 0;

    public void Dispose() => _xml.Dispose();

    private long Line => _lineInfo?.LineNumber ?? 0;

    private double? TimestepPs =>
        _options.TimestepPs ?? (_potimFs is { } fs && (_ibrion is null || _ibrion == 0) ? fs / 1000.0 : null);

    private bool Advance(Frame? frame)
    {
        if (_finished)
        {
            return false;
        }

        try
        {
            if (!_headerDone)
            {
                ReadHeader();
                _headerDone = true;
            }

            while (true)
            {
                if (_xml.NodeType == XmlNodeType.Element && _xml.Depth == 1)
                {
                    if (_xml.LocalName == "calculation")
                    {
                        _calculationLine = Line;
                        ReadCalculation(frame);
                        _calculationLine = 0;
                        FrameIndex++;
                        return true;
                    }

                    _xml.Skip();
                    continue;
                }

                if ((_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == 0) || !_xml.Read())
                {
                    _finished = true;
                    return false;
                }
            }
        }
        catch (XmlException e)
        {
            _finished = true;
            throw FromXml(e);
        }
    }

    private InputFormatException FromXml(XmlException e)
    {
        string message = e.Message;
        int at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        if (at > 0)
        {
            message = message[..at];
        }

        long line = e.LineNumber;
        int? frame = _headerDone ? FrameIndex : null;
        if (_stream.ReachedEnd && line >= _stream.Lines)
        {
            line = Math.Min(line, Math.Max(1, _stream.Lines));
            string what = _calculationLine > 0
                ? $"the end of <calculation> {FrameIndex + 1} (opened on line {_calculationLine})"
                : "the rest of the XML document up to </modeling>";
            string none = _calculationLine > 0 && FrameIndex == 0 ? "; no complete calculation was found" : string.Empty;
            return new InputFormatException(Path, line, frame,
                $"expected {what}, found the end of the file ({message}){none}", FrameIndex);
        }

        return new InputFormatException(Path, line, frame, $"expected well-formed XML, found an error: {message}");
    }

    private InputFormatException Error(string detail, long? line = null) =>
        new(Path, line ?? Line, _headerDone ? FrameIndex : null, detail);

    // ---- header ----

    private void ReadHeader()
    {
        if (!_xml.Read() || _xml.MoveToContent() == XmlNodeType.None)
        {
            throw new InputFormatException(Path, Math.Max(1, Line), null, "expected a <modeling> document, found an empty file", 0);
        }

        if (_xml.NodeType != XmlNodeType.Element || _xml.LocalName != "modeling")
        {
            throw Error($"expected the root element <modeling> of a vasprun.xml, found <{_xml.LocalName}>");
        }

        if (_xml.IsEmptyElement)
        {
            throw Error("expected <atominfo> and <calculation> elements inside <modeling>, found an empty element");
        }

        _xml.Read();
        bool haveAtoms = false;
        while (true)
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.Depth == 1)
            {
                switch (_xml.LocalName)
                {
                    case "incar":
                    case "parameters":
                        ReadParameters();
                        continue;
                    case "atominfo":
                        ReadAtomInfo();
                        haveAtoms = true;
                        continue;
                    case "calculation":
                        if (!haveAtoms)
                        {
                            throw Error("expected <atominfo> before the first <calculation>, found none");
                        }

                        return;
                    default:
                        _xml.Skip();
                        continue;
                }
            }

            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == 0)
            {
                return;
            }

            if (!_xml.Read())
            {
                return;
            }
        }
    }

    /// <summary>Takes POTIM and IBRION from the <c>&lt;i&gt;</c> elements anywhere inside incar/parameters.</summary>
    private void ReadParameters()
    {
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return;
        }

        int depth = _xml.Depth;
        _xml.Read();
        while (true)
        {
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth)
            {
                _xml.Read();
                return;
            }

            if (_xml.NodeType == XmlNodeType.Element && (_xml.LocalName == "i" || _xml.LocalName == "v"))
            {
                string? name = _xml.GetAttribute("name");
                if (name is "POTIM" or "IBRION")
                {
                    long line = Line;
                    string text = _xml.ReadElementContentAsString().Trim();
                    if (name == "POTIM")
                    {
                        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double potim) || !double.IsFinite(potim))
                        {
                            throw Error($"expected a number for POTIM, found {Quote(text)}", line);
                        }

                        _potimFs = potim;
                    }
                    else
                    {
                        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int ibrion))
                        {
                            throw Error($"expected an integer for IBRION, found {Quote(text)}", line);
                        }

                        _ibrion = ibrion;
                    }
                }
                else
                {
                    _xml.Skip();
                }

                continue;
            }

            _xml.Read();
        }
    }

    private void ReadAtomInfo()
    {
        long infoLine = Line;
        int depth = _xml.Depth;
        int count = -1;
        int types = -1;
        List<(long Line, string[] Cells)>? atoms = null;
        List<(long Line, string[] Cells)>? atomTypes = null;
        if (!_xml.IsEmptyElement)
        {
            _xml.Read();
            while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
            {
                if (_xml.NodeType != XmlNodeType.Element)
                {
                    _xml.Read();
                    continue;
                }

                switch (_xml.LocalName)
                {
                    case "atoms":
                        count = ReadCount("atoms");
                        break;
                    case "types":
                        types = ReadCount("types");
                        break;
                    case "array" when _xml.GetAttribute("name") == "atoms":
                        atoms = ReadArrayRows();
                        break;
                    case "array" when _xml.GetAttribute("name") == "atomtypes":
                        atomTypes = ReadArrayRows();
                        break;
                    default:
                        _xml.Skip();
                        break;
                }
            }
        }

        _xml.Read();
        if (count <= 0 || atoms is null || atomTypes is null)
        {
            throw Error("expected <atoms>, <array name=\"atoms\"> and <array name=\"atomtypes\"> in <atominfo>, found "
                + (count <= 0 ? "no atom count" : atoms is null ? "no atoms array" : "no atomtypes array"), infoLine);
        }

        if (types > 0 && atomTypes.Count != types)
        {
            throw Error($"expected {types} rows in <array name=\"atomtypes\"> (<types>), found {atomTypes.Count}", infoLine);
        }

        if (atoms.Count != count)
        {
            throw Error($"expected {count} rows in <array name=\"atoms\"> (<atoms>), found {atoms.Count}", infoLine);
        }

        int ntypes = atomTypes.Count;
        var perType = new int[ntypes];
        _atomTypes = new int[count];
        for (int i = 0; i < count; i++)
        {
            (long line, string[] cells) = atoms[i];
            if (cells.Length < 2 || !int.TryParse(cells[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int type)
                || type < 1 || type > ntypes)
            {
                string found = cells.Length < 2 ? $"{cells.Length} cells" : Quote(cells[1]);
                throw Error($"expected an atom type between 1 and {ntypes} in the second cell of atom {i + 1}, found {found}", line);
            }

            _atomTypes[i] = type;
            perType[type - 1]++;
        }

        var names = new Dictionary<int, string>();
        for (int t = 1; t <= ntypes; t++)
        {
            (long line, string[] cells) = atomTypes[t - 1];
            if (cells.Length < 2 || !int.TryParse(cells[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n))
            {
                throw Error($"expected an atom count and an element in row {t} of <array name=\"atomtypes\">, found {cells.Length} cells", line);
            }

            if (n != perType[t - 1])
            {
                throw Error($"expected {n} atoms of type {t} (atomtypes), found {perType[t - 1]} in the atoms array", line);
            }

            string element = cells[1].Trim();
            string? name = _options.TypeMap?.NameOf(t) ?? (element.Length > 0 ? OutcarSpecies.ElementOf(element) : null);
            if (name is not null)
            {
                names[t] = name;
            }
        }

        _atomCount = count;
        _species = names.Count > 0 ? new SpeciesMap(names) : null;
    }

    private int ReadCount(string what)
    {
        long line = Line;
        string text = _xml.ReadElementContentAsString().Trim();
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n <= 0)
        {
            throw Error($"expected a positive count in <{what}>, found {Quote(text)}", line);
        }

        return n;
    }

    /// <summary>The <c>&lt;rc&gt;</c> rows (their <c>&lt;c&gt;</c> cells) of an <c>&lt;array&gt;</c>, with their lines.</summary>
    private List<(long Line, string[] Cells)> ReadArrayRows()
    {
        var rows = new List<(long, string[])>();
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return rows;
        }

        int depth = _xml.Depth;
        _xml.Read();
        var cells = new List<string>();
        while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "rc")
            {
                long line = Line;
                cells.Clear();
                if (_xml.IsEmptyElement)
                {
                    _xml.Read();
                }
                else
                {
                    int rcDepth = _xml.Depth;
                    _xml.Read();
                    while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == rcDepth))
                    {
                        if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "c")
                        {
                            cells.Add(_xml.ReadElementContentAsString());
                        }
                        else if (_xml.NodeType == XmlNodeType.Element)
                        {
                            _xml.Skip();
                        }
                        else
                        {
                            _xml.Read();
                        }
                    }

                    _xml.Read();
                }

                rows.Add((line, [.. cells]));
            }
            else if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName != "set")
            {
                _xml.Skip();
            }
            else
            {
                _xml.Read();
            }
        }

        _xml.Read();
        return rows;
    }

    // ---- calculations ----

    private void ReadCalculation(Frame? frame)
    {
        long calcLine = Line;
        int depth = _xml.Depth;
        bool haveStructure = false;
        bool haveForces = false;
        double? energy = null;
        if (frame is not null)
        {
            Vec3[]? forces = frame.Forces;
            frame.ClearOptional();
            frame.Resize(_atomCount);
            frame.Forces = forces;
        }

        if (_xml.IsEmptyElement)
        {
            throw Error("expected <structure> and <energy> in <calculation>, found an empty element");
        }

        _xml.Read();
        while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
        {
            if (_xml.NodeType != XmlNodeType.Element || _xml.Depth != depth + 1)
            {
                _xml.Read();
                continue;
            }

            switch (_xml.LocalName)
            {
                case "structure":
                    if (frame is null)
                    {
                        _xml.Skip();
                    }
                    else
                    {
                        ReadStructure(frame);
                    }

                    haveStructure = true;
                    break;
                case "varray" when _xml.GetAttribute("name") == "forces":
                    if (frame is null)
                    {
                        _xml.Skip();
                    }
                    else
                    {
                        ReadRows(frame.EnsureForces(), "forces");
                    }

                    haveForces = true;
                    break;
                case "energy":
                    if (frame is null)
                    {
                        _xml.Skip();
                        energy = 0;
                    }
                    else
                    {
                        energy = ReadEnergy();
                    }

                    break;
                default:
                    _xml.Skip();
                    break;
            }
        }

        // Stay on </calculation>: reading past it would make a file cut right after it fail this frame.
        long endLine = Line;
        if (!haveStructure)
        {
            throw Error($"expected a <structure> in the <calculation> that starts on line {calcLine}, found none", endLine);
        }

        if (energy is null)
        {
            throw Error($"expected a calculation-level <energy> in the <calculation> that starts on line {calcLine}, found none", endLine);
        }

        if (frame is null)
        {
            return;
        }

        if (!haveForces)
        {
            frame.Forces = null;
        }

        long step = FrameIndex + 1;
        long[] ids = frame.Ids;
        int[] types = frame.Types;
        for (int i = 0; i < _atomCount; i++)
        {
            ids[i] = i + 1;
            types[i] = _atomTypes[i];
        }

        frame.Step = step;
        frame.Time = TimestepPs is { } dt ? step * dt : null;
        frame.PotentialEnergy = energy;
        frame.Species = _species;
        frame.Coordinates = CoordinateKind.Wrapped;
    }

    private void ReadStructure(Frame frame)
    {
        long structureLine = Line;
        int depth = _xml.Depth;
        Span<Vec3> basis = stackalloc Vec3[3];
        bool haveBasis = false;
        bool havePositions = false;
        if (!_xml.IsEmptyElement)
        {
            _xml.Read();
            while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
            {
                if (_xml.NodeType != XmlNodeType.Element)
                {
                    _xml.Read();
                    continue;
                }

                string? name = _xml.LocalName == "varray" ? _xml.GetAttribute("name") : null;
                if (_xml.LocalName == "crystal" && !_xml.IsEmptyElement)
                {
                    _xml.Read(); // descend: the basis is inside
                }
                else if (name == "basis")
                {
                    ReadRows(basis, "basis");
                    haveBasis = true;
                }
                else if (name == "positions")
                {
                    ReadRows(frame.Positions.AsSpan(0, _atomCount), "positions");
                    havePositions = true;
                }
                else
                {
                    _xml.Skip();
                }
            }
        }

        _xml.Read();
        if (!haveBasis || !havePositions)
        {
            throw Error($"expected <varray name=\"basis\"> and <varray name=\"positions\"> in <structure>, found no {(haveBasis ? "positions" : "basis")}", structureLine);
        }

        Box box;
        if (CellCheck.Problem(basis[0], basis[1], basis[2]) is { } cellProblem)
        {
            throw Error(cellProblem, structureLine);
        }

        try
        {
            box = Box.FromVectors(basis[0], basis[1], basis[2]);
        }
        catch (ArgumentException e)
        {
            throw Error($"expected a cell with non-zero volume, found {e.Message}", structureLine);
        }

        frame.Box = box;
        Vec3[] positions = frame.Positions;
        for (int i = 0; i < _atomCount; i++)
        {
            positions[i] = box.ToCartesian(positions[i]);
            if (!positions[i].IsFinite)
            {
                throw Error($"expected fractional positions that give finite Cartesian ones, found atom {i + 1} at infinity", structureLine);
            }
        }
    }

    private double ReadEnergy()
    {
        long energyLine = Line;
        int depth = _xml.Depth;
        double? value = null;
        if (!_xml.IsEmptyElement)
        {
            _xml.Read();
            while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
            {
                if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "i" && _xml.GetAttribute("name") == "e_fr_energy")
                {
                    long line = Line;
                    string text = _xml.ReadElementContentAsString().Trim();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                    {
                        throw Error($"expected a finite number for e_fr_energy, found {Quote(text)}", line);
                    }

                    value = v;
                }
                else if (_xml.NodeType == XmlNodeType.Element)
                {
                    _xml.Skip();
                }
                else
                {
                    _xml.Read();
                }
            }
        }

        _xml.Read();
        return value ?? throw Error("expected <i name=\"e_fr_energy\"> in the calculation's <energy>, found none", energyLine);
    }

    /// <summary>Reads the <c>&lt;v&gt;</c> rows of a varray into <paramref name="rows"/>; the row count must match.</summary>
    private void ReadRows(Span<Vec3> rows, string what)
    {
        long varrayLine = Line;
        int depth = _xml.Depth;
        int count = 0;
        if (!_xml.IsEmptyElement)
        {
            _xml.Read();
            while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
            {
                if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "v")
                {
                    if (count == rows.Length)
                    {
                        throw Error($"expected {rows.Length} rows in <varray name=\"{what}\">, found more", Line);
                    }

                    rows[count++] = ReadVector(what);
                }
                else if (_xml.NodeType == XmlNodeType.Element)
                {
                    _xml.Skip();
                }
                else
                {
                    _xml.Read();
                }
            }
        }

        long endLine = Line;
        _xml.Read();
        if (count != rows.Length)
        {
            throw Error($"expected {rows.Length} rows in <varray name=\"{what}\"> (line {varrayLine}), found {count}", endLine);
        }
    }

    /// <summary>Parses one <c>&lt;v&gt;</c> element of three numbers without allocating.</summary>
    private Vec3 ReadVector(string what)
    {
        long line = Line;
        int length = 0;
        if (!_xml.IsEmptyElement)
        {
            _xml.Read();
            if (_xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                if (_xml.CanReadValueChunk)
                {
                    int n;
                    while ((n = _xml.ReadValueChunk(_text, length, _text.Length - length)) > 0)
                    {
                        length += n;
                        if (length == _text.Length)
                        {
                            Array.Resize(ref _text, _text.Length * 2);
                        }
                    }
                }
                else
                {
                    string value = _xml.Value;
                    if (value.Length > _text.Length)
                    {
                        _text = new char[value.Length];
                    }

                    value.CopyTo(_text);
                    length = value.Length;
                }

                _xml.Read();
            }

            if (_xml.NodeType != XmlNodeType.EndElement)
            {
                throw Error($"expected three numbers in <v> of <varray name=\"{what}\">, found a <{_xml.LocalName}> element", Line);
            }
        }

        _xml.Read();
        ReadOnlySpan<char> rest = _text.AsSpan(0, length);
        Span<double> v = stackalloc double[3];
        int k = 0;
        while (true)
        {
            rest = rest.TrimStart();
            if (rest.IsEmpty)
            {
                break;
            }

            int end = rest.IndexOfAny(' ', '\t', '\n');
            if (end < 0)
            {
                end = rest.Length;
            }

            ReadOnlySpan<char> token = rest[..end];
            rest = rest[end..];
            if (k == 3)
            {
                k++;
                break;
            }

            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out v[k]) || !double.IsFinite(v[k]))
            {
                throw Error($"expected a finite number in <varray name=\"{what}\">, found {Quote(token)}", line);
            }

            k++;
        }

        if (k != 3)
        {
            throw Error($"expected 3 numbers in each <v> of <varray name=\"{what}\">, found {Quote(_text.AsSpan(0, length).Trim())}", line);
        }

        return new Vec3(v[0], v[1], v[2]);
    }

    private static string Quote(ReadOnlySpan<char> text) => InputFormatException.Show(Encoding.UTF8.GetBytes(text.ToString()));
}
