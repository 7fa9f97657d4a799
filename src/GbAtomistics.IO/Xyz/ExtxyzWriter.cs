using System.Globalization;
using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.IO.Xyz;

/// <summary>
/// Writes frames as extended XYZ (format <c>extxyz</c>, the libAtoms/QUIP convention read by ASE and OVITO): per frame
/// the atom count, a comment line of <c>key=value</c> pairs, and one row per atom.
/// </summary>
/// <remarks>
/// Comment line: <c>Lattice="ax ay az bx by bz cx cy cz"</c> (cell vectors a, b, c in Å), <c>Origin="x y z"</c> (the
/// box origin in Å; OVITO reads it, ASE ignores it), <c>Properties=species:S:1:pos:R:3:id:I:1:type:I:1</c> followed by
/// <c>vel:R:3</c> (velocities in Å/ps, not ASE's momenta), <c>forces:R:3</c> (eV/Å), <c>charge:R:1</c> (e) when the frame
/// has them and one <c>name:R:1</c> per extra column; then <c>pbc="T T T"</c>, <c>Time=</c> (ps, when known),
/// <c>Step=</c> and <c>energy=</c> (eV, when known). Positions are the absolute Cartesian positions in Å (the cell
/// starts at <c>Origin</c>). Extra column names are made safe for the Properties list: every character other than a
/// letter, digit or <c>_</c> becomes <c>_</c> and trailing <c>_</c> are dropped, so <c>c_cn[1]</c> → <c>c_cn_1</c>; a
/// name that clashes with another column gets a suffix <c>_2</c>, <c>_3</c>, …. Species are the element names of
/// <see cref="WriteOptions.TypeMap"/> or <see cref="Frame.Species"/>, else the type number. Numbers are printed in the
/// shortest form that reads back to the same double.
/// </remarks>
public sealed class ExtxyzWriter : IFrameWriter
{
    private readonly OutputFile _file;
    private readonly WriteOptions _options;
    private readonly char[] _buffer = new char[64];

    public ExtxyzWriter(string path, WriteOptions? options = null)
    {
        _options = options ?? WriteOptions.Default;
        _file = OutputFile.Create(path, _options.Overwrite, _options.Inputs);
    }

    /// <summary>The Properties-safe form of an extra column name (see the remarks).</summary>
    public static string SanitizeName(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        string s = sb.ToString().TrimEnd('_');
        return s.Length == 0 ? "extra" : char.IsAsciiDigit(s[0]) ? "_" + s : s;
    }

    public void Write(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        TextWriter w = _file.Writer;
        int n = frame.Count;
        Dictionary<int, string> speciesOfType = SpeciesNames(frame);
        string[] extraNames = ExtraNames(frame);

        w.WriteLine(n.ToString(CultureInfo.InvariantCulture));
        var header = new StringBuilder();
        Box box = frame.Box;
        header.Append("Lattice=\"");
        AppendVector(header, box.A).Append(' ');
        AppendVector(header, box.B).Append(' ');
        AppendVector(header, box.C).Append("\" Origin=\"");
        AppendVector(header, box.Origin).Append("\" Properties=species:S:1:pos:R:3:id:I:1:type:I:1");
        if (frame.Velocities is not null) header.Append(":vel:R:3");
        if (frame.Forces is not null) header.Append(":forces:R:3");
        if (frame.Charges is not null) header.Append(":charge:R:1");
        foreach (string name in extraNames)
        {
            header.Append(':').Append(name).Append(":R:1");
        }

        header.Append(" pbc=\"")
            .Append(box.Periodic.A ? 'T' : 'F').Append(' ')
            .Append(box.Periodic.B ? 'T' : 'F').Append(' ')
            .Append(box.Periodic.C ? 'T' : 'F').Append('"');
        if (frame.Time is { } time)
        {
            header.Append(" Time=").Append(R(time));
        }

        header.Append(" Step=").Append(frame.Step.ToString(CultureInfo.InvariantCulture));
        if (frame.PotentialEnergy is { } energy)
        {
            header.Append(" energy=").Append(R(energy));
        }

        w.WriteLine(header.ToString());

        Vec3[] positions = frame.Positions;
        for (int i = 0; i < n; i++)
        {
            int type = frame.Types[i];
            w.Write(speciesOfType.TryGetValue(type, out string? species) ? species : type.ToString(CultureInfo.InvariantCulture));
            WriteVec(w, positions[i]);
            w.Write(' ');
            w.Write(frame.Ids[i].ToString(CultureInfo.InvariantCulture));
            w.Write(' ');
            w.Write(type.ToString(CultureInfo.InvariantCulture));
            if (frame.Velocities is { } v) WriteVec(w, v[i]);
            if (frame.Forces is { } f) WriteVec(w, f[i]);
            if (frame.Charges is { } q) WriteNumber(w, q[i]);
            for (int k = 0; k < extraNames.Length; k++)
            {
                WriteNumber(w, frame.Extra(k)[i]);
            }

            w.WriteLine();
        }

    }

    public void Complete() => _file.Commit();

    public void Dispose() => _file.Dispose();

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static StringBuilder AppendVector(StringBuilder sb, Vec3 v) =>
        sb.Append(R(v.X)).Append(' ').Append(R(v.Y)).Append(' ').Append(R(v.Z));

    /// <summary>The species column of each type present (keyed by type, so a huge type number costs nothing).</summary>
    private Dictionary<int, string> SpeciesNames(Frame frame)
    {
        var names = new Dictionary<int, string>();
        for (int i = 0; i < frame.Count; i++)
        {
            int t = frame.Types[i];
            if (!names.ContainsKey(t))
            {
                string? name = _options.TypeMap?.NameOf(t) ?? frame.Species?.NameOf(t);
                names[t] = name is null || name.Length == 0 || name.Any(char.IsWhiteSpace) ? t.ToString(CultureInfo.InvariantCulture) : name;
            }
        }

        return names;
    }

    private static string[] ExtraNames(Frame frame)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "species", "pos", "id", "type", "vel", "forces", "charge" };
        string[] names = new string[frame.ExtraNames.Count];
        for (int k = 0; k < names.Length; k++)
        {
            string baseName = SanitizeName(frame.ExtraNames[k]);
            string name = baseName;
            for (int suffix = 2; !used.Add(name); suffix++)
            {
                name = baseName + "_" + suffix.ToString(CultureInfo.InvariantCulture);
            }

            names[k] = name;
        }

        return names;
    }

    private void WriteVec(TextWriter w, Vec3 v)
    {
        WriteNumber(w, v.X);
        WriteNumber(w, v.Y);
        WriteNumber(w, v.Z);
    }

    private void WriteNumber(TextWriter w, double x)
    {
        w.Write(' ');
        if (x.TryFormat(_buffer, out int written, default, CultureInfo.InvariantCulture))
        {
            w.Write(_buffer, 0, written);
        }
        else
        {
            w.Write(R(x));
        }
    }
}
