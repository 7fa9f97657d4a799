using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.IO.Vasp;

/// <summary>
/// Streams the ionic steps of a VASP <c>OUTCAR</c> (format name <c>vasp-outcar</c>) as frames.
/// </summary>
/// <remarks>
/// <para>
/// Header: species from the <c>TITEL =</c> lines when there is one per type, else from the first
/// <c>POTCAR:</c> lines (VASP lists each type once, then repeats lines further down); the element is the token
/// after the functional label with suffixes stripped (<c>PAW_PBE Ti_pv 07Sep2000</c> → Ti). Counts from
/// <c>ions per type =</c>, checked against <c>NIONS =</c>; <c>POTIM</c> (fs), <c>IBRION</c> and <c>NWRITE</c>
/// from the parameter echo. <see cref="ReadOptions.TypeMap"/> overrides the names.
/// </para>
/// <para>
/// One frame per ionic step: the cell of the last <c>direct lattice vectors</c> block (first three columns,
/// rows a, b, c in Å), the <c>POSITION … TOTAL-FORCE (eV/Angst)</c> block (Cartesian positions in Å, forces in
/// eV/Å) and the free energy of the line <c>free  energy   TOTEN  =</c> in eV (<see cref="Frame.PotentialEnergy"/>;
/// the last such line of the step). This is VASP's TOTEN, not <c>energy(sigma-&gt;0)</c>, which ASE reports
/// as the energy; the two differ when the smearing entropy is non-zero. A step ends at the first electronic
/// <c>Iteration</c> line of the next step, at the next POSITION block, or at the end of the file.
/// </para>
/// <para>
/// <see cref="Frame.Step"/> is the ionic step counted from 1. <see cref="Frame.Time"/> = step × POTIM, the time
/// at the end of step n, in ps (POTIM fs / 1000, or <see cref="ReadOptions.TimestepPs"/>); it is set for
/// molecular dynamics (IBRION = 0 or not echoed) or when a timestep is given, and left null for relaxations.
/// Atoms get ids 1..N in file order and types 1..ntypes in POTCAR order; the cell is periodic with origin 0.
/// </para>
/// <para>
/// With NWRITE = 0 VASP writes basis vectors, positions and forces only for the first and last ionic steps
/// (VASP wiki, NWRITE). A step whose <c>free  energy   TOTEN</c> line is not preceded by a POSITION block is
/// therefore an error that names the numbers of energies and position blocks in the file and points to
/// XDATCAR or vasprun.xml. A file that ends inside an ionic step is a truncation error; a file with no complete
/// ionic step is an error too.
/// </para>
/// <para>Format references: VASP wiki pages OUTCAR, NWRITE, POTIM and IBRION (https://www.vasp.at/wiki/).</para>
/// </remarks>
public sealed class OutcarReader : ITrajectoryReader, ILocatedReader
{
    private static ReadOnlySpan<byte> PositionHeader => "POSITION"u8;
    private static ReadOnlySpan<byte> TotalForce => "TOTAL-FORCE"u8;
    private static ReadOnlySpan<byte> FreeEnergy => "free  energy   TOTEN"u8;
    private static ReadOnlySpan<byte> DirectLattice => "direct lattice vectors"u8;
    private static ReadOnlySpan<byte> Iteration => "Iteration"u8;

    private readonly LineReader _lines;
    private readonly ReadOptions _options;
    private readonly List<string> _potcarNames = [];
    private readonly List<string> _titelNames = [];
    private readonly int _stepsBefore;
    private bool _headerDone;
    private bool _finished;
    private int _atomCount;
    private int[] _typeCounts = [];
    private int _nions = -1;
    private double? _potimFs;
    private int? _ibrion;
    private int? _nwrite;
    private SpeciesMap? _species;
    private Box? _box;
    private int _positionBlocks;
    private int _energyLines;

    /// <summary>Opens <paramref name="path"/> (gz/bz2 transparent).</summary>
    public OutcarReader(string path, ReadOptions? options = null)
        : this(InputFile.OpenRead(path), path, options)
    {
    }

    /// <summary>
    /// Reads <paramref name="stream"/>; <paramref name="stepsBefore"/> ionic steps precede it in the file (a byte range
    /// read under MPI), so its first frame is step <paramref name="stepsBefore"/> + 1.
    /// </summary>
    internal OutcarReader(Stream stream, string displayPath, ReadOptions? options = null, int stepsBefore = 0)
    {
        _stepsBefore = stepsBefore;
        _lines = new LineReader(stream, displayPath);
        _options = options ?? ReadOptions.Default;
        Path = displayPath;
    }

    public string Path { get; }

    public string FormatName => "vasp-outcar";

    public int FrameIndex { get; private set; }

    public long BytesRead => _lines.Position;

    public bool Read(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Advance(frame);
    }

    public bool Skip() => Advance(null);

    long ILocatedReader.LineNumber => _lines.LineNumber;

    public void Dispose() => _lines.Dispose();

    private bool Advance(Frame? frame)
    {
        if (!_headerDone)
        {
            ReadHeader();
        }

        if (_finished)
        {
            return false;
        }

        bool started = false;
        bool havePositions = false;
        bool haveEnergy = false;
        double energy = 0;
        while (_lines.TryReadLine(out ReadOnlySpan<byte> raw))
        {
            ReadOnlySpan<byte> line = OutcarText.TrimStart(raw);
            if (line.IsEmpty)
            {
                continue;
            }

            switch (line[0])
            {
                case (byte)'-':
                    if (line.IndexOf(Iteration) >= 0)
                    {
                        if (haveEnergy)
                        {
                            _lines.UnreadLine();
                            return Emit(frame, energy);
                        }

                        started = true;
                    }

                    break;

                case (byte)'d':
                    if (line.StartsWith(DirectLattice))
                    {
                        ReadLattice();
                    }

                    break;

                case (byte)'P':
                    if (line.StartsWith(PositionHeader) && line.IndexOf(TotalForce) > 0)
                    {
                        if (haveEnergy)
                        {
                            _lines.UnreadLine();
                            return Emit(frame, energy);
                        }

                        if (havePositions)
                        {
                            throw Error(
                                $"expected the 'free  energy   TOTEN' line of ionic step {FrameIndex + 1} after its POSITION block, found a second POSITION block");
                        }

                        _positionBlocks++;
                        started = true;
                        ReadPositions(frame);
                        havePositions = true;
                    }

                    break;

                case (byte)'f':
                    if (line.StartsWith(FreeEnergy))
                    {
                        _energyLines++;
                        if (!havePositions)
                        {
                            throw PositionsMissing();
                        }

                        energy = ParseEnergy(line);
                        haveEnergy = true;
                    }

                    break;
            }
        }

        if (haveEnergy)
        {
            return Emit(frame, energy);
        }

        if (started)
        {
            string what = havePositions
                ? "its 'free  energy   TOTEN' line"
                : "its POSITION/TOTAL-FORCE block and 'free  energy   TOTEN' line";
            string none = FrameIndex == 0 ? "; no complete ionic step was found" : string.Empty;
            throw new InputFormatException(Path, _lines.LineNumber, FrameIndex,
                $"expected the end of ionic step {FrameIndex + 1} ({what}), found the end of the file{none}", FrameIndex);
        }

        if (FrameIndex == 0)
        {
            throw new InputFormatException(Path, _lines.LineNumber, 0,
                "expected an ionic step after the OUTCAR header, found the end of the file; no complete ionic step was found", 0);
        }

        _finished = true;
        return false;
    }

    private bool Emit(Frame? frame, double energy)
    {
        if (frame is not null)
        {
            long step = _stepsBefore + FrameIndex + 1;
            frame.Step = step;
            frame.PotentialEnergy = energy;
            frame.Species = _species;
            frame.Time = TimestepPs is { } dt ? step * dt : null;
            frame.Coordinates = CoordinateKind.Wrapped;
            int duplicate = frame.SortById();
            if (duplicate >= 0)
            {
                throw Error($"expected unique atom ids, found id {frame.Ids[duplicate]} twice");
            }
        }

        FrameIndex++;
        return true;
    }

    private double? TimestepPs =>
        _options.TimestepPs ?? (_potimFs is { } fs && (_ibrion is null || _ibrion == 0) ? fs / 1000.0 : null);

    private void ReadHeader()
    {
        while (_lines.TryReadLine(out ReadOnlySpan<byte> raw))
        {
            ReadOnlySpan<byte> line = OutcarText.TrimStart(raw);
            if (line.IsEmpty)
            {
                continue;
            }

            bool stepStarts =
                (line[0] == (byte)'-' && line.IndexOf(Iteration) >= 0)
                || (line.StartsWith(PositionHeader) && line.IndexOf(TotalForce) > 0)
                || line.StartsWith(FreeEnergy);
            if (stepStarts)
            {
                _lines.UnreadLine();
                FinishHeader(line);
                _headerDone = true;
                return;
            }

            if (line.StartsWith("POTCAR:"u8))
            {
                if (OutcarSpecies.NameInLabel(line["POTCAR:"u8.Length..]) is { } name)
                {
                    _potcarNames.Add(name);
                }
            }
            else if (line.StartsWith("TITEL"u8))
            {
                int eq = line.IndexOf((byte)'=');
                if (eq > 0 && OutcarSpecies.NameInLabel(line[(eq + 1)..]) is { } name)
                {
                    _titelNames.Add(name);
                }
            }
            else if (line.StartsWith("ions per type"u8))
            {
                ParseTypeCounts(line);
            }
            // POTIM, IBRION and NWRITE appear twice: in the free-form INCAR echo (VASP 6; may hold comments or
            // ';'), then in VASP's formatted parameter list. An unreadable echo is ignored; the list wins.
            else if (line.StartsWith("POTIM"u8))
            {
                _potimFs = TryHeaderDouble(line) ?? _potimFs;
            }
            else if (line.StartsWith("IBRION"u8))
            {
                _ibrion = TryHeaderInt(line) ?? _ibrion;
            }
            else if (line.StartsWith("NWRITE"u8))
            {
                _nwrite = TryHeaderInt(line) ?? _nwrite;
            }
            else if (line.StartsWith(DirectLattice))
            {
                ReadLattice();
            }
            else
            {
                int at = line.IndexOf("NIONS ="u8);
                if (at >= 0)
                {
                    _nions = ParseHeaderInt(line[at..], "NIONS");
                }
            }
        }

        // The file ended in the header: Advance reports that no ionic step was found.
        _headerDone = true;
    }

    private void FinishHeader(ReadOnlySpan<byte> firstStepLine)
    {
        long line = _lines.LineNumber + 1;
        if (_typeCounts.Length == 0)
        {
            throw new InputFormatException(Path, line, null,
                $"expected 'ions per type =' in the OUTCAR header before the first ionic step, found {InputFormatException.Show(firstStepLine)}");
        }

        if (_nions >= 0 && _nions != _atomCount)
        {
            throw new InputFormatException(Path, line, null,
                $"expected 'ions per type' to add up to NIONS = {_nions}, found {_atomCount}");
        }

        int types = _typeCounts.Length;
        List<string> names = _titelNames.Count == types ? _titelNames : _potcarNames;
        var map = new Dictionary<int, string>();
        for (int t = 1; t <= types; t++)
        {
            string? name = _options.TypeMap?.NameOf(t) ?? (t <= names.Count ? OutcarSpecies.ElementOf(names[t - 1]) : null);
            if (name is not null)
            {
                map[t] = name;
            }
        }

        _species = map.Count > 0 ? new SpeciesMap(map) : null;
    }

    private void ParseTypeCounts(ReadOnlySpan<byte> line)
    {
        int eq = line.IndexOf((byte)'=');
        var tokens = new Tokens(line[(eq + 1)..]);
        var counts = new List<int>();
        long total = 0;
        while (tokens.Next(out ReadOnlySpan<byte> token))
        {
            if (!AsciiNumber.TryParseInt(token, out int n) || n <= 0)
            {
                throw Error($"expected positive atom counts after 'ions per type =', found {InputFormatException.Show(token)}");
            }

            counts.Add(n);
            total += n;
        }

        if (counts.Count == 0)
        {
            throw Error("expected atom counts after 'ions per type =', found none");
        }

        if (total > Array.MaxLength)
        {
            throw Error($"expected at most {Array.MaxLength} atoms in all after 'ions per type =', found {total}");
        }

        _typeCounts = [.. counts];
        _atomCount = (int)total;
    }

    private static double? TryHeaderDouble(ReadOnlySpan<byte> line) =>
        AsciiNumber.TryParseDouble(OutcarText.TokenAfterEquals(line), out double value) && double.IsFinite(value) ? value : null;

    private static int? TryHeaderInt(ReadOnlySpan<byte> line) =>
        AsciiNumber.TryParseInt(OutcarText.TokenAfterEquals(line), out int value) ? value : null;

    private int ParseHeaderInt(ReadOnlySpan<byte> line, string tag)
    {
        ReadOnlySpan<byte> token = OutcarText.TokenAfterEquals(line);
        if (!AsciiNumber.TryParseInt(token, out int value))
        {
            throw Error($"expected an integer after '{tag} =', found {InputFormatException.Show(token)}");
        }

        return value;
    }

    /// <summary>Reads the three rows after a <c>direct lattice vectors</c> header (first three numbers each).</summary>
    private void ReadLattice()
    {
        Span<double> v = stackalloc double[3];
        Span<Vec3> rows = stackalloc Vec3[3];
        for (int r = 0; r < 3; r++)
        {
            if (!_lines.TryReadLine(out ReadOnlySpan<byte> line))
            {
                throw Truncated("expected 3 rows of direct lattice vectors");
            }

            int n = OutcarText.ParseNumbers(line, v, out ReadOnlySpan<byte> bad);
            if (n < 0)
            {
                throw Error($"expected a number in the direct lattice vectors, found {InputFormatException.Show(bad)}");
            }

            if (n < 3)
            {
                throw Error($"expected 3 numbers on lattice row {r + 1}, found {InputFormatException.Show(OutcarText.TrimStart(line))}");
            }

            if (!double.IsFinite(v[0]) || !double.IsFinite(v[1]) || !double.IsFinite(v[2]))
            {
                throw Error($"expected finite lattice vectors, found {InputFormatException.Show(OutcarText.TrimStart(line))}");
            }

            rows[r] = new Vec3(v[0], v[1], v[2]);
        }

        if (_box is not null && _box.A == rows[0] && _box.B == rows[1] && _box.C == rows[2])
        {
            return;
        }

        if (CellCheck.Problem(rows[0], rows[1], rows[2]) is { } cellProblem)
        {
            throw Error(cellProblem);
        }

        try
        {
            _box = Box.FromVectors(rows[0], rows[1], rows[2]);
        }
        catch (ArgumentException e)
        {
            throw Error($"expected a cell with non-zero volume, found {e.Message}");
        }
    }

    /// <summary>Reads (or, for <paramref name="frame"/> null, counts through) a POSITION/TOTAL-FORCE block.</summary>
    private void ReadPositions(Frame? frame)
    {
        if (_box is null)
        {
            throw Error("expected a 'direct lattice vectors' block before the first POSITION block, found none");
        }

        ReadDashes("a line of dashes under the POSITION header");
        int n = _atomCount;
        if (frame is null)
        {
            long skipped = _lines.SkipLines(n);
            if (skipped < n)
            {
                throw Truncated($"expected {n} atom lines in the POSITION block, found {skipped}");
            }
        }
        else
        {
            // Nothing is allocated for atoms the rest of the file cannot hold: a POSITION line has six numbers.
            if (_lines.CannotHold(n, 12, out long room))
            {
                throw Truncated($"expected {n} atom lines in the POSITION block ('ions per type'), found room for at most {room} in {_lines.LeftDescription}");
            }

            Vec3[] forces = frame.Forces ?? [];
            frame.ClearOptional();
            frame.Resize(n);
            frame.Forces = forces;
            forces = frame.EnsureForces();
            frame.Box = _box;
            long[] ids = frame.Ids;
            int[] types = frame.Types;
            Vec3[] positions = frame.Positions;
            Span<double> v = stackalloc double[7];
            int type = 1;
            int left = _typeCounts[0];
            for (int i = 0; i < n; i++)
            {
                if (!_lines.TryReadLine(out ReadOnlySpan<byte> line))
                {
                    throw Truncated($"expected {n} atom lines in the POSITION block, found {i}");
                }

                int count = OutcarText.ParseNumbers(line, v, out ReadOnlySpan<byte> bad);
                if (count < 0)
                {
                    throw Error($"expected a number in atom line {i + 1} of the POSITION block, found {InputFormatException.Show(bad)}");
                }

                if (count != 6)
                {
                    throw Error($"expected 6 numbers (x y z fx fy fz) in atom line {i + 1} of {n}, found {InputFormatException.Show(OutcarText.TrimStart(line))}");
                }

                for (int k = 0; k < 6; k++)
                {
                    if (!double.IsFinite(v[k]))
                    {
                        throw Error($"expected finite positions and forces in atom line {i + 1}, found {InputFormatException.Show(OutcarText.TrimStart(line))}");
                    }
                }

                while (left == 0)
                {
                    left = _typeCounts[type++];
                }

                left--;
                ids[i] = i + 1;
                types[i] = type;
                positions[i] = new Vec3(v[0], v[1], v[2]);
                forces[i] = new Vec3(v[3], v[4], v[5]);
            }
        }

        ReadDashes($"a line of dashes after the {n} atom lines of the POSITION block (NIONS = {n})");
    }

    private void ReadDashes(string what)
    {
        if (!_lines.TryReadLine(out ReadOnlySpan<byte> raw))
        {
            throw Truncated($"expected {what}");
        }

        ReadOnlySpan<byte> line = OutcarText.TrimStart(raw);
        if (line.Length < 3 || line[0] != (byte)'-' || line[1] != (byte)'-')
        {
            throw Error($"expected {what}, found {InputFormatException.Show(line)}");
        }
    }

    private double ParseEnergy(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> token = OutcarText.TokenAfterEquals(line);
        if (!AsciiNumber.TryParseDouble(token, out double value) || !double.IsFinite(value))
        {
            throw Error($"expected a finite energy after 'free  energy   TOTEN  =', found {InputFormatException.Show(token)}");
        }

        return value;
    }

    /// <summary>The NWRITE = 0 case: an ionic energy without positions. Counts the rest of the file for the message.</summary>
    private InputFormatException PositionsMissing()
    {
        long line = _lines.LineNumber;
        int step = FrameIndex + 1;
        while (_lines.TryReadLine(out ReadOnlySpan<byte> raw))
        {
            ReadOnlySpan<byte> t = OutcarText.TrimStart(raw);
            if (t.StartsWith(FreeEnergy))
            {
                _energyLines++;
            }
            else if (t.StartsWith(PositionHeader) && t.IndexOf(TotalForce) > 0)
            {
                _positionBlocks++;
            }
        }

        _finished = true;
        string nwrite = _nwrite is { } w ? string.Create(CultureInfo.InvariantCulture, $"NWRITE = {w}") : "NWRITE is not echoed";
        return new InputFormatException(Path, line, FrameIndex,
            $"expected a POSITION/TOTAL-FORCE block before the energy of ionic step {step}, found none: positions are only "
            + $"written for some ionic steps ({_energyLines} 'free  energy   TOTEN' lines but {_positionBlocks} POSITION blocks; "
            + $"{nwrite}). VASP writes positions and forces of every ionic step only with NWRITE >= 1; NWRITE = 0 writes "
            + "them for the first and last ionic steps only. Read the trajectory from XDATCAR or vasprun.xml instead");
    }

    private InputFormatException Error(string detail) => new(Path, _lines.LineNumber, _headerDone ? FrameIndex : null, detail);

    private InputFormatException Truncated(string detail) =>
        new(Path, _lines.LineNumber, FrameIndex, detail + ", found the end of the file", FrameIndex);
}
