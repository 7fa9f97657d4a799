using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.IO.Vasp;

/// <summary>
/// The structure header shared by POSCAR, CONTCAR and XDATCAR (VASP wiki, "POSCAR"): the comment line, the scaling
/// factor(s), three lattice lines (rows a, b, c), the optional VASP 5 species line and the counts line.
/// </summary>
/// <remarks>
/// Scaling line: one positive number s multiplies the lattice vectors and Cartesian coordinates; one negative
/// number is the target cell volume in Å³ (s = (V / |det L|)^⅓); three positive numbers scale the x, y and z
/// Cartesian components of every lattice vector (and of Cartesian coordinates).
/// <para>
/// Species: a VASP 5 species line names each count in order; POTCAR decorations such as <c>Li_sv</c> or
/// <c>Li_sv/1a2b3c</c> (VASP 6) are cut at the first <c>_</c> or <c>/</c>. A repeated entry (<c>Ce O C O</c>) is
/// kept as its own type with the same name, so types are always 1..(number of counts). A VASP 4 file has no species
/// line: names come from the type map, else from the comment line when it holds exactly as many element symbols as
/// there are counts (ASE does the same), else the file is refused with a message asking for a type map.
/// A type map given by the user overrides names from the file.
/// </para>
/// </remarks>
internal sealed class PoscarHeader
{
    private PoscarHeader(string title, Mat3 h, Vec3 cartesianScale, string[] names, int[] counts)
    {
        Title = title;
        H = h;
        CartesianScale = cartesianScale;
        Names = names;
        Counts = counts;
        AtomCount = counts.Sum();
    }

    public string Title { get; }

    /// <summary>The scaled cell: columns a, b, c in Å.</summary>
    public Mat3 H { get; }

    /// <summary>Factors for the x, y, z components of Cartesian coordinates in the file.</summary>
    public Vec3 CartesianScale { get; }

    /// <summary>Species name of each count (types 1..n).</summary>
    public string[] Names { get; }

    public int[] Counts { get; }

    public int AtomCount { get; }

    public SpeciesMap Species => SpeciesMap.FromOrderedNames(Names);

    /// <summary>Fills ids 1..N and types per species block.</summary>
    public void FillIdsAndTypes(Frame frame)
    {
        long[] ids = frame.Ids;
        int[] types = frame.Types;
        int k = 0;
        for (int t = 0; t < Counts.Length; t++)
        {
            for (int j = 0; j < Counts[t]; j++)
            {
                ids[k] = k + 1;
                types[k] = t + 1;
                k++;
            }
        }
    }

    /// <summary>
    /// Reads the header after its comment line (already read and given as <paramref name="titleLine"/>).
    /// A file ending inside the header is a truncation with <paramref name="completeFrames"/> whole frames.
    /// </summary>
    public static PoscarHeader ReadAfterTitle(LineReader reader, ReadOnlySpan<byte> titleLine, ReadOptions options, int? frame, int completeFrames)
    {
        string title = Encoding.UTF8.GetString(titleLine).Trim();
        string path = reader.Path;

        ReadOnlySpan<byte> line = Next(reader, frame, completeFrames, "the scaling factor line");
        Span<double> scale = stackalloc double[3];
        int nScale = 0;
        var tok = new Tokens(line);
        while (nScale < 4 && tok.Next(out ReadOnlySpan<byte> t) && !IsComment(t))
        {
            if (nScale == 3 || !AsciiNumber.TryParseDouble(t, out double v))
            {
                throw new InputFormatException(path, reader.LineNumber, frame,
                    $"expected one or three scaling factors, found {InputFormatException.Show(Trimmed(line))}");
            }

            scale[nScale++] = v;
        }

        if (nScale != 1 && nScale != 3)
        {
            throw new InputFormatException(path, reader.LineNumber, frame,
                $"expected one or three scaling factors, found {InputFormatException.Show(Trimmed(line))}");
        }

        long scaleLine = reader.LineNumber;
        for (int i = 0; i < nScale; i++)
        {
            if (!double.IsFinite(scale[i]) || scale[i] == 0 || (nScale == 3 && scale[i] < 0))
            {
                throw new InputFormatException(path, scaleLine, frame, nScale == 1
                    ? $"expected a non-zero scaling factor (or a negative cell volume), found {InputFormatException.Show(Trimmed(line))}"
                    : $"expected three positive scaling factors, found {InputFormatException.Show(Trimmed(line))}");
            }
        }

        Span<Vec3> rows = stackalloc Vec3[3];
        for (int i = 0; i < 3; i++)
        {
            line = Next(reader, frame, completeFrames, $"lattice vector {(char)('a' + i)}");
            if (!TryParseVec3(line, out rows[i], out _))
            {
                throw new InputFormatException(path, reader.LineNumber, frame,
                    $"expected three numbers for lattice vector {(char)('a' + i)}, found {InputFormatException.Show(Trimmed(line))}");
            }
        }

        long lastLatticeLine = reader.LineNumber;
        if (CellCheck.Problem(rows[0], rows[1], rows[2]) is { } latticeProblem)
        {
            throw new InputFormatException(path, lastLatticeLine, frame, $"{latticeProblem} (the lattice lines before scaling)");
        }

        var lattice = new Mat3(rows[0], rows[1], rows[2]);
        double det = lattice.Determinant;
        double lengths = rows[0].Length * rows[1].Length * rows[2].Length;
        if (!(Math.Abs(det) > 1e-12 * lengths))
        {
            throw new InputFormatException(path, lastLatticeLine, frame,
                $"expected three independent lattice vectors, found a cell of zero volume (a={rows[0]}, b={rows[1]}, c={rows[2]})");
        }

        Mat3 h;
        Vec3 cartScale;
        if (nScale == 3)
        {
            cartScale = new Vec3(scale[0], scale[1], scale[2]);
            h = new Mat3(Mul(rows[0], cartScale), Mul(rows[1], cartScale), Mul(rows[2], cartScale));
        }
        else
        {
            double s = scale[0] > 0 ? scale[0] : Math.Cbrt(-scale[0] / Math.Abs(det));
            cartScale = new Vec3(s, s, s);
            h = s * lattice;
        }

        if (CellCheck.Problem(h) is { } cellProblem)
        {
            throw new InputFormatException(path, lastLatticeLine, frame, $"{cellProblem} (lattice times the scaling factor on line {scaleLine})");
        }

        // Species line (VASP 5) or counts line (VASP 4).
        line = Next(reader, frame, completeFrames, "the species or counts line");
        string[]? names = null;
        var first = new Tokens(line);
        if (!first.Next(out ReadOnlySpan<byte> firstToken))
        {
            throw new InputFormatException(path, reader.LineNumber, frame, "expected the species line (e.g. 'Li O Cl') or the counts line, found an empty line");
        }

        if (!AsciiNumber.TryParseInt(firstToken, out _))
        {
            var list = new List<string>();
            var st = new Tokens(line);
            while (st.Next(out ReadOnlySpan<byte> t) && !IsComment(t))
            {
                list.Add(SpeciesName(t));
            }

            names = [.. list];
            line = Next(reader, frame, completeFrames, "the counts line");
        }

        long countsLine = reader.LineNumber;
        var counts = new List<int>();
        var ct = new Tokens(line);
        while (ct.Next(out ReadOnlySpan<byte> t) && !IsComment(t))
        {
            if (!AsciiNumber.TryParseInt(t, out int c) || c < 0)
            {
                throw new InputFormatException(path, countsLine, frame,
                    $"expected the number of atoms of each species (non-negative integers), found {InputFormatException.Show(t)}");
            }

            counts.Add(c);
        }

        if (counts.Count == 0)
        {
            throw new InputFormatException(path, countsLine, frame, "expected the number of atoms of each species, found an empty line");
        }

        if (names is not null && names.Length != counts.Count)
        {
            throw new InputFormatException(path, countsLine, frame,
                $"expected {names.Length} counts, one per species on the line before ({string.Join(' ', names)}), found {counts.Count}");
        }

        long total = counts.Sum(c => (long)c);
        if (total == 0 || total > int.MaxValue / 2)
        {
            throw new InputFormatException(path, countsLine, frame, $"expected a positive total number of atoms, found {total}");
        }

        // Nothing is allocated for atoms the rest of the file cannot hold: a coordinate line is at least "0 0 0".
        if (reader.CannotHold(total, 6, out long room))
        {
            throw new InputFormatException(path, countsLine, frame,
                $"expected {total} coordinate lines (the sum of the counts), found room for at most {room} in {reader.LeftDescription}",
                completeFrames);
        }

        names = ResolveNames(names, counts.Count, title, options, path, countsLine, frame);
        return new PoscarHeader(title, h, cartScale, names, [.. counts]);
    }

    /// <summary>Parses the first three tokens of a line as finite numbers; <paramref name="rest"/> is what follows.</summary>
    public static bool TryParseVec3(ReadOnlySpan<byte> line, out Vec3 value, out Tokens rest)
    {
        rest = new Tokens(line);
        value = default;
        if (!rest.Next(out ReadOnlySpan<byte> tx) || !AsciiNumber.TryParseDouble(tx, out double x) || !double.IsFinite(x)
            || !rest.Next(out ReadOnlySpan<byte> ty) || !AsciiNumber.TryParseDouble(ty, out double y) || !double.IsFinite(y)
            || !rest.Next(out ReadOnlySpan<byte> tz) || !AsciiNumber.TryParseDouble(tz, out double z) || !double.IsFinite(z))
        {
            return false;
        }

        value = new Vec3(x, y, z);
        return true;
    }

    /// <summary>The line without leading and trailing blanks, for messages.</summary>
    public static ReadOnlySpan<byte> Trimmed(ReadOnlySpan<byte> line)
    {
        int i = 0;
        int j = line.Length;
        while (i < j && Tokens.IsSpace(line[i])) i++;
        while (j > i && Tokens.IsSpace(line[j - 1])) j--;
        return line[i..j];
    }

    /// <summary>True when the line holds only blanks.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => Trimmed(line).IsEmpty;

    /// <summary>The first non-blank character of the line, or 0.</summary>
    public static byte FirstChar(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> t = Trimmed(line);
        return t.IsEmpty ? (byte)0 : t[0];
    }

    /// <summary>Component-wise product.</summary>
    public static Vec3 Mul(Vec3 a, Vec3 b) => new(a.X * b.X, a.Y * b.Y, a.Z * b.Z);

    private static bool IsComment(ReadOnlySpan<byte> token) => token[0] == (byte)'!' || token[0] == (byte)'#';

    private static ReadOnlySpan<byte> Next(LineReader reader, int? frame, int completeFrames, string what)
    {
        if (!reader.TryReadLine(out ReadOnlySpan<byte> line))
        {
            throw new InputFormatException(reader.Path, reader.LineNumber + 1, frame, $"expected {what}, found the end of the file", completeFrames);
        }

        return line;
    }

    private static string SpeciesName(ReadOnlySpan<byte> token)
    {
        string raw = Encoding.UTF8.GetString(token);
        int cut = raw.IndexOfAny(['_', '/']);
        if (cut > 0)
        {
            raw = raw[..cut];
        }

        return Elements.Normalize(raw) ?? raw;
    }

    private static string[] ResolveNames(string[]? fromFile, int n, string title, ReadOptions options, string path, long countsLine, int? frame)
    {
        string[] names = new string[n];
        if (fromFile is null)
        {
            string[] titleWords = title.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            bool titleNames = titleWords.Length == n && titleWords.All(Elements.IsElement);
            for (int i = 0; i < n; i++)
            {
                string? name = options.TypeMap?.NameOf(i + 1) ?? (titleNames ? Elements.Normalize(titleWords[i]) : null);
                if (name is null)
                {
                    string example = string.Join(',', Enumerable.Range(1, n).Select(t => $"{t}=X{t}"));
                    throw new InputFormatException(path, countsLine, frame,
                        $"expected a species line before the counts line (VASP 5 format), found none: the species of the {n} counts are unknown " +
                        $"(a VASP 4 file); give them in POTCAR order with a type map, e.g. --type-map {example}");
                }

                names[i] = name;
            }

            return names;
        }

        for (int i = 0; i < n; i++)
        {
            names[i] = options.TypeMap?.NameOf(i + 1) ?? fromFile[i];
        }

        return names;
    }
}
