using GbAtomistics.Core;

namespace GbAtomistics.IO.Vasp;

/// <summary>
/// Reads a VASP XDATCAR trajectory (format <c>vasp-xdatcar</c>): a POSCAR-like header (comment, scaling factor,
/// lattice rows, species line, counts; see <see cref="PoscarHeader"/>) followed by configurations, each a line
/// <c>Direct configuration=     N</c> and one line of fractional coordinates per atom.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Constant cell: the header is written once. Variable cell (NpT, ISIF=3): the whole header is repeated before
/// every configuration; this is detected frame by frame, so each frame gets its own cell.</item>
/// <item>Older VASP 5 output separates configurations by blank lines instead of configuration lines; those frames get
/// step = 1-based frame index. A header without species line (VASP 4 style) takes names as <see cref="PoscarHeader"/>
/// describes.</item>
/// <item>Step = the configuration number N (the ionic step). Time (ps) = step × POTIM, with POTIM from
/// <see cref="ReadOptions.TimestepPs"/>, else from an <c>INCAR</c> (POTIM in fs) or <c>OUTCAR</c> in the same folder as
/// the file; otherwise time stays null.</item>
/// <item>Ids 1..N in file order, types by species block, positions Cartesian in Å (r = H·s), origin zero, periodic.</item>
/// </list>
/// </remarks>
public sealed class XdatcarReader : ITrajectoryReader, ILocatedReader
{
    private readonly LineReader _reader;
    private readonly ReadOptions _options;
    private readonly double? _timestepPs;
    private PoscarHeader? _header;
    private Box? _box;
    private SpeciesMap? _species;
    private long _step;
    private bool _cartesian;

    public XdatcarReader(string path, ReadOptions? options = null)
        : this(InputFile.OpenRead(path), path, options, FindTimestep(path, options))
    {
    }

    internal XdatcarReader(Stream stream, string displayPath, ReadOptions? options = null)
        : this(stream, displayPath, options, options?.TimestepPs)
    {
    }

    /// <summary>A reader of a byte range of the file at <paramref name="path"/> (its timestep found as for the whole file).</summary>
    internal static XdatcarReader OfRange(Stream stream, string path, ReadOptions? options) =>
        new(stream, path, options, FindTimestep(path, options));

    private XdatcarReader(Stream stream, string displayPath, ReadOptions? options, double? timestepPs)
    {
        _reader = new LineReader(stream, displayPath);
        _options = options ?? ReadOptions.Default;
        _timestepPs = timestepPs;
        Path = displayPath;
    }

    public string Path { get; }

    public string FormatName => "vasp-xdatcar";

    public int FrameIndex { get; private set; }

    public long BytesRead => _reader.Position;

    /// <summary>The timestep used for <see cref="Frame.Time"/> in ps, or null when unknown.</summary>
    public double? TimestepPs => _timestepPs;

    public bool Read(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!BeginFrame())
        {
            return false;
        }

        PoscarHeader header = _header!;
        int n = header.AtomCount;
        frame.ClearOptional();
        frame.Resize(n);
        header.FillIdsAndTypes(frame);
        frame.Species = _species;
        frame.Box = _box!;
        frame.Step = _step;
        frame.Time = _timestepPs is { } dt ? _step * dt : null;
        frame.Coordinates = CoordinateKind.Wrapped;
        Vec3[] positions = frame.Positions;
        Mat3 h = header.H;
        for (int i = 0; i < n; i++)
        {
            if (!_reader.TryReadLine(out ReadOnlySpan<byte> line))
            {
                throw Truncated(i, n);
            }

            if (!PoscarHeader.TryParseVec3(line, out Vec3 v, out _))
            {
                throw new InputFormatException(Path, _reader.LineNumber, FrameIndex,
                    $"expected three coordinates of atom {i + 1} of {n}, found {InputFormatException.Show(PoscarHeader.Trimmed(line))}");
            }

            positions[i] = _cartesian ? PoscarHeader.Mul(v, header.CartesianScale) : h * v;
            if (!positions[i].IsFinite)
            {
                throw new InputFormatException(Path, _reader.LineNumber, FrameIndex,
                    $"expected coordinates of atom {i + 1} that give a finite position (after scaling), found {InputFormatException.Show(PoscarHeader.Trimmed(line))}");
            }
        }

        FrameIndex++;
        return true;
    }

    public bool Skip()
    {
        if (!BeginFrame())
        {
            return false;
        }

        int n = _header!.AtomCount;
        long skipped = _reader.SkipLines(n);
        if (skipped < n)
        {
            throw Truncated((int)skipped, n);
        }

        FrameIndex++;
        return true;
    }

    long ILocatedReader.LineNumber => _reader.LineNumber;

    public void Dispose() => _reader.Dispose();

    private static double? FindTimestep(string path, ReadOptions? options)
    {
        if (options?.TimestepPs is { } dt)
        {
            return dt;
        }

        return XdatcarTimestep.FindPotimFs(path) is { } fs ? fs * 1e-3 : null;
    }

    private InputFormatException Truncated(int found, int n) =>
        new(Path, _reader.LineNumber + 1, FrameIndex, $"expected {n} coordinate lines, found {found} before the end of the file", FrameIndex);

    /// <summary>
    /// Reads the lines before a configuration's coordinates (a repeated header, a configuration line, or a blank
    /// separator) and sets the header, step and coordinate mode. False at a clean end of the file.
    /// </summary>
    private bool BeginFrame()
    {
        ReadOnlySpan<byte> line;
        if (_header is null)
        {
            if (!_reader.TryReadLine(out line))
            {
                return false;
            }

            ReadHeader(line);
            return ReadConfigurationLine();
        }

        if (!_reader.TryReadLine(out line))
        {
            return false;
        }

        if (IsConfigurationLine(line))
        {
            SetStep(line);
            return true;
        }

        if (PoscarHeader.IsBlank(line))
        {
            // Blank separator (older layout), trailing blank lines, or a repeated header with an empty comment line.
            while (true)
            {
                if (!_reader.TryReadLine(out line))
                {
                    return false;
                }

                if (!PoscarHeader.IsBlank(line))
                {
                    break;
                }
            }

            int tokens = Tokens.Count(line);
            _reader.UnreadLine();
            if (tokens >= 3)
            {
                _step = FrameIndex + 1;
                _cartesian = false;
                return true;
            }

            ReadHeader(default);
            return ReadConfigurationLine();
        }

        // Anything else starts a repeated header (variable cell).
        ReadHeader(line);
        return ReadConfigurationLine();
    }

    private void ReadHeader(ReadOnlySpan<byte> titleLine)
    {
        PoscarHeader header = PoscarHeader.ReadAfterTitle(_reader, titleLine, _options, FrameIndex, FrameIndex);
        if (_header is null || !SameNames(_header, header))
        {
            _species = header.Species;
        }

        if (_header is null || _header.H != header.H)
        {
            _box = new Box(header.H, Vec3.Zero, PeriodicFlags.All);
        }

        _header = header;
    }

    private static bool SameNames(PoscarHeader a, PoscarHeader b) => a.Names.AsSpan().SequenceEqual(b.Names);

    /// <summary>The line after a header: a configuration line, or a blank line (older layout).</summary>
    private bool ReadConfigurationLine()
    {
        if (!_reader.TryReadLine(out ReadOnlySpan<byte> line))
        {
            if (FrameIndex == 0)
            {
                throw new InputFormatException(Path, _reader.LineNumber + 1, FrameIndex,
                    "expected a 'Direct configuration=' line after the header, found the end of the file", FrameIndex);
            }

            throw new InputFormatException(Path, _reader.LineNumber + 1, FrameIndex,
                "expected a 'Direct configuration=' line after the repeated header, found the end of the file", FrameIndex);
        }

        if (IsConfigurationLine(line))
        {
            SetStep(line);
            return true;
        }

        if (PoscarHeader.IsBlank(line))
        {
            _step = FrameIndex + 1;
            _cartesian = false;
            return true;
        }

        throw new InputFormatException(Path, _reader.LineNumber, FrameIndex,
            $"expected a 'Direct configuration=' line, found {InputFormatException.Show(PoscarHeader.Trimmed(line))}");
    }

    internal static bool IsConfigurationLine(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> t = PoscarHeader.Trimmed(line);
        return (StartsWithWord(t, "direct") || StartsWithWord(t, "cartesian")) && t.IndexOf("onfig"u8) > 0;
    }

    private static bool StartsWithWord(ReadOnlySpan<byte> t, string word)
    {
        if (t.Length < word.Length)
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            if ((t[i] | 0x20) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    private void SetStep(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> t = PoscarHeader.Trimmed(line);
        _cartesian = (t[0] | 0x20) == 'c';
        int eq = t.IndexOf((byte)'=');
        if (eq < 0)
        {
            _step = FrameIndex + 1;
            return;
        }

        ReadOnlySpan<byte> number = PoscarHeader.Trimmed(t[(eq + 1)..]);
        var tok = new Tokens(number);
        if (!tok.Next(out ReadOnlySpan<byte> first) || !AsciiNumber.TryParseLong(first, out long step))
        {
            throw new InputFormatException(Path, _reader.LineNumber, FrameIndex,
                $"expected a configuration number after '=', found {InputFormatException.Show(t)}");
        }

        _step = step;
    }
}
