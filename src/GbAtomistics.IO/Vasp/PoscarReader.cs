using GbAtomistics.Core;

namespace GbAtomistics.IO.Vasp;

/// <summary>
/// Reads a VASP POSCAR or CONTCAR file as a one-frame trajectory (format <c>vasp-poscar</c>), following the VASP wiki
/// page "POSCAR": comment line, scaling factor(s), lattice rows a, b, c, the optional VASP 5 species line, the counts
/// line, an optional <c>Selective dynamics</c> line (only its first letter, s or S, matters), the coordinate-mode line
/// (first letter d/D: fractional; c/C/k/K: Cartesian in Å, multiplied by the scaling factor), one line per atom, and
/// the optional CONTCAR blocks after them.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Atoms get ids 1..N in file order and types 1..n in species-line order (<see cref="PoscarHeader"/> explains the
/// species rules, including VASP 4 files and repeated species). <see cref="Frame.Species"/> names the types; the box
/// origin is zero and all directions are periodic; positions are Cartesian in Å.</item>
/// <item>Selective-dynamics flags are kept as the extra columns <c>sd_x</c>, <c>sd_y</c>, <c>sd_z</c> (1 = T, may move;
/// 0 = F, fixed).</item>
/// <item>Coordinate lines may carry trailing T/F flags, a species label or other text, separated by spaces or tabs.</item>
/// <item>After the positions, a CONTCAR may hold a lattice-velocity block (a line starting with L, then 7 lines;
/// skipped), then the ionic velocities: a mode line (blank or starting with c/C/k/K: Cartesian Å/fs; d/D: fractional
/// cell vectors per fs) and one line per atom. They are stored in Å/ps (×1000). The predictor-corrector block that may
/// follow is ignored. A velocity block of zeros (written by relaxations) is read as zero velocities.</item>
/// </list>
/// </remarks>
public sealed class PoscarReader : ITrajectoryReader, ILocatedReader
{
    private readonly LineReader _reader;
    private readonly ReadOptions _options;
    private bool _done;

    public PoscarReader(string path, ReadOptions? options = null)
        : this(InputFile.OpenRead(path), path, options)
    {
    }

    internal PoscarReader(Stream stream, string displayPath, ReadOptions? options = null)
    {
        _reader = new LineReader(stream, displayPath);
        _options = options ?? ReadOptions.Default;
        Path = displayPath;
    }

    public string Path { get; }

    public string FormatName => "vasp-poscar";

    public int FrameIndex { get; private set; }

    public long BytesRead => _reader.Position;

    /// <summary>The comment (first) line of the file, once read.</summary>
    public string? Title { get; private set; }

    public bool Read(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_done)
        {
            return false;
        }

        _done = true;
        if (!_reader.TryReadLine(out ReadOnlySpan<byte> titleLine))
        {
            throw new InputFormatException(Path, 1, 0, "expected a POSCAR comment line, found an empty file", 0);
        }

        PoscarHeader header = PoscarHeader.ReadAfterTitle(_reader, titleLine, _options, 0, 0);
        Title = header.Title;
        int n = header.AtomCount;

        ReadOnlySpan<byte> line = NextLine("the coordinate mode line ('Direct' or 'Cartesian')");
        bool selective = false;
        byte c = PoscarHeader.FirstChar(line);
        if (c is (byte)'s' or (byte)'S')
        {
            selective = true;
            line = NextLine("the coordinate mode line ('Direct' or 'Cartesian')");
            c = PoscarHeader.FirstChar(line);
        }

        bool cartesian;
        if (c is (byte)'c' or (byte)'C' or (byte)'k' or (byte)'K')
        {
            cartesian = true;
        }
        else if (c is (byte)'d' or (byte)'D')
        {
            cartesian = false;
        }
        else
        {
            throw Error(_reader.LineNumber,
                $"expected the coordinate mode line ('Direct' or 'Cartesian'{(selective ? "" : ", or 'Selective dynamics'")}), found {Show(line)}");
        }

        frame.ClearOptional();
        frame.Resize(n);
        header.FillIdsAndTypes(frame);
        frame.Step = 0;
        frame.Coordinates = CoordinateKind.Wrapped;
        frame.Species = header.Species;
        frame.Box = new Box(header.H, Vec3.Zero, PeriodicFlags.All);
        double[]? sx = null, sy = null, sz = null;
        if (selective)
        {
            frame.SetExtraNames(["sd_x", "sd_y", "sd_z"]);
            sx = frame.Extra(0);
            sy = frame.Extra(1);
            sz = frame.Extra(2);
        }

        Vec3[] positions = frame.Positions;
        for (int i = 0; i < n; i++)
        {
            if (!_reader.TryReadLine(out line))
            {
                throw new InputFormatException(Path, _reader.LineNumber + 1, 0,
                    $"expected {n} coordinate lines (the sum of the counts), found {i} before the end of the file", 0);
            }

            if (!PoscarHeader.TryParseVec3(line, out Vec3 v, out Tokens rest))
            {
                throw Error(_reader.LineNumber, $"expected three coordinates of atom {i + 1} of {n}, found {Show(line)}");
            }

            positions[i] = cartesian ? PoscarHeader.Mul(v, header.CartesianScale) : header.H * v;
            if (!positions[i].IsFinite)
            {
                throw Error(_reader.LineNumber, $"expected coordinates of atom {i + 1} that give a finite position (after scaling), found {Show(line)}");
            }
            if (selective)
            {
                sx![i] = Flag(ref rest, line, i);
                sy![i] = Flag(ref rest, line, i);
                sz![i] = Flag(ref rest, line, i);
            }
        }

        ReadVelocities(frame, header);
        FrameIndex = 1;
        return true;
    }

    public bool Skip()
    {
        if (_done)
        {
            return false;
        }

        // A POSCAR is small; reading it whole is the cheapest way to know it is well formed.
        var scratch = new Frame();
        bool read = Read(scratch);
        return read;
    }

    long ILocatedReader.LineNumber => _reader.LineNumber;

    public void Dispose() => _reader.Dispose();

    private void ReadVelocities(Frame frame, PoscarHeader header)
    {
        int n = header.AtomCount;
        if (!_reader.TryReadLine(out ReadOnlySpan<byte> line))
        {
            return;
        }

        byte c = PoscarHeader.FirstChar(line);
        if (c is (byte)'l' or (byte)'L')
        {
            // "Lattice velocities and vectors" (ISIF=3 molecular dynamics): not needed here.
            _reader.SkipLines(7);
            if (!_reader.TryReadLine(out line))
            {
                return;
            }

            c = PoscarHeader.FirstChar(line);
        }

        bool direct;
        if (c == 0 || c is (byte)'c' or (byte)'C' or (byte)'k' or (byte)'K')
        {
            direct = false;
        }
        else if (c is (byte)'d' or (byte)'D')
        {
            direct = true;
        }
        else
        {
            throw Error(_reader.LineNumber,
                $"expected {n} coordinate lines (the sum of the counts) followed by the end of the file, a blank line or a velocity mode line, found another line {Show(line)}");
        }

        // Velocity lines, unless only blank lines are left.
        long modeLine = _reader.LineNumber;
        while (true)
        {
            if (!_reader.TryReadLine(out line))
            {
                return;
            }

            if (!PoscarHeader.IsBlank(line))
            {
                break;
            }

            if (!direct && _reader.LineNumber > modeLine + 1)
            {
                // Two blank lines: no velocities follow.
                return;
            }
        }

        Vec3[] velocities = frame.EnsureVelocities();
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && !_reader.TryReadLine(out line))
            {
                throw new InputFormatException(Path, _reader.LineNumber + 1, 0,
                    $"expected {n} velocity lines, found {i} before the end of the file", 0);
            }

            if (!PoscarHeader.TryParseVec3(line, out Vec3 v, out _))
            {
                throw Error(_reader.LineNumber, $"expected three velocity components of atom {i + 1} of {n}, found {Show(line)}");
            }

            Vec3 cart = direct ? header.H * v : v;
            velocities[i] = 1000.0 * cart;
        }
    }

    private double Flag(ref Tokens rest, ReadOnlySpan<byte> line, int atom)
    {
        if (rest.Next(out ReadOnlySpan<byte> t) && t.Length >= 1)
        {
            byte f = t[0];
            if (f is (byte)'t' or (byte)'T' && (t.Length == 1 || IsWord(t, "true")))
            {
                return 1;
            }

            if (f is (byte)'f' or (byte)'F' && (t.Length == 1 || IsWord(t, "false")))
            {
                return 0;
            }
        }

        throw Error(_reader.LineNumber, $"expected three coordinates and three T/F selective-dynamics flags for atom {atom + 1}, found {Show(line)}");
    }

    private static bool IsWord(ReadOnlySpan<byte> token, string word)
    {
        if (token.Length != word.Length)
        {
            return false;
        }

        for (int i = 0; i < token.Length; i++)
        {
            if ((token[i] | 0x20) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    private ReadOnlySpan<byte> NextLine(string what)
    {
        if (!_reader.TryReadLine(out ReadOnlySpan<byte> line))
        {
            throw new InputFormatException(Path, _reader.LineNumber + 1, 0, $"expected {what}, found the end of the file", 0);
        }

        return line;
    }

    private static string Show(ReadOnlySpan<byte> line) => InputFormatException.Show(PoscarHeader.Trimmed(line));

    private InputFormatException Error(long line, string detail) => new(Path, line, 0, detail);
}
