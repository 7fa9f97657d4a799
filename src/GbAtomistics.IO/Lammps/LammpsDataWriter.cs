using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.IO.Lammps;

/// <summary>
/// Writes one frame as a LAMMPS data file (the format of <c>read_data</c>) in <c>metal</c> units: lengths in Å,
/// velocities in Å/ps, charges in e, masses in g/mol.
/// </summary>
/// <remarks>
/// <para>
/// Atom style <c>atomic</c> (id type x y z) or <c>charge</c> (id type q x y z), from
/// <see cref="WriteOptions.AtomStyle"/>; by default <c>charge</c> when the frame has charges, else <c>atomic</c>
/// (charge style without charges writes q = 0). Image flags are appended when the frame has them, and a Velocities
/// section is written when it has velocities. Atoms are written in id order, numbers in shortest round-trip form.
/// </para>
/// <para>
/// Every type 1..max needs an element (from <see cref="WriteOptions.TypeMap"/>, else the frame's species) for its
/// mass; the Masses lines carry the element as a <c># Li</c> label, which <see cref="LammpsDataReader"/> reads back.
/// </para>
/// <para>
/// LAMMPS needs a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz). A cell in another orientation is rotated
/// rigidly (positions, origin and velocities) with <see cref="Box.LammpsRotation"/>; distances, volume and
/// fractional coordinates are unchanged. A left-handed cell cannot be written.
/// </para>
/// </remarks>
public sealed class LammpsDataWriter : IFrameWriter
{
    private readonly OutputFile _output;
    private readonly WriteOptions _options;
    private bool _written;

    public LammpsDataWriter(string path, WriteOptions? options = null)
    {
        _options = options ?? WriteOptions.Default;
        _output = OutputFile.Create(path, _options.Overwrite, _options.Inputs);
    }

    public void Write(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_written)
        {
            throw new InputException($"{_output.Path}: a LAMMPS data file holds one frame; select a single frame to write");
        }

        string style = (_options.AtomStyle ?? (frame.Charges is not null ? "charge" : "atomic")).Trim().ToLowerInvariant();
        if (style is not ("atomic" or "charge"))
        {
            throw new InputException($"{_output.Path}: atom style '{_options.AtomStyle}' cannot be written; expected atomic or charge");
        }

        int[] order = IdOrder(frame);
        int ntypes = 0;
        for (int i = 0; i < frame.Count; i++)
        {
            if (frame.Types[i] < 1)
            {
                throw new InputException($"{_output.Path}: atom {frame.Ids[i]} has type {frame.Types[i]}; LAMMPS types start at 1");
            }

            if (!frame.Positions[i].IsFinite || (frame.Velocities is { } v && !v[i].IsFinite))
            {
                throw new InputException($"{_output.Path}: atom {frame.Ids[i]} has a position or velocity that is NaN or infinite");
            }

            ntypes = Math.Max(ntypes, frame.Types[i]);
        }

        string[] elements = TypeElements(frame, ntypes);
        (LammpsBoxParameters box, Mat3? rotation) = Orient(frame.Box);

        TextWriter w = _output.Writer;
        string title = _options.Title ?? "LAMMPS data file written by gbat";
        title = title.ReplaceLineEndings(" ");
        w.WriteLine(Invariant($"{title}, timestep = {frame.Step}, units = metal"));
        w.WriteLine();
        w.WriteLine(Invariant($"{frame.Count} atoms"));
        w.WriteLine(Invariant($"{ntypes} atom types"));
        w.WriteLine();
        w.WriteLine(Invariant($"{box.Xlo:R} {box.Xhi:R} xlo xhi"));
        w.WriteLine(Invariant($"{box.Ylo:R} {box.Yhi:R} ylo yhi"));
        w.WriteLine(Invariant($"{box.Zlo:R} {box.Zhi:R} zlo zhi"));
        if (box.IsTriclinic)
        {
            w.WriteLine(Invariant($"{box.Xy:R} {box.Xz:R} {box.Yz:R} xy xz yz"));
        }

        if (frame.Count == 0)
        {
            _written = true;
            return;
        }

        w.WriteLine();
        w.WriteLine("Masses");
        w.WriteLine();
        for (int type = 1; type <= ntypes; type++)
        {
            w.WriteLine(Invariant($"{type} {GbAtomistics.Core.Elements.Mass(elements[type])!.Value:R} # {elements[type]}"));
        }

        w.WriteLine();
        w.WriteLine(Invariant($"Atoms # {style}"));
        w.WriteLine();
        bool charge = style == "charge";
        foreach (int i in order)
        {
            Vec3 r = rotation is { } rot ? rot * frame.Positions[i] : frame.Positions[i];
            w.Write(Invariant($"{frame.Ids[i]} {frame.Types[i]} "));
            if (charge)
            {
                w.Write(Invariant($"{frame.Charges?[i] ?? 0.0:R} "));
            }

            w.Write(Invariant($"{r.X:R} {r.Y:R} {r.Z:R}"));
            if (frame.Images is { } images)
            {
                w.Write(Invariant($" {images[i].X} {images[i].Y} {images[i].Z}"));
            }

            w.WriteLine();
        }

        if (frame.Velocities is { } velocities)
        {
            w.WriteLine();
            w.WriteLine("Velocities");
            w.WriteLine();
            foreach (int i in order)
            {
                Vec3 v = rotation is { } rot ? rot * velocities[i] : velocities[i];
                w.WriteLine(Invariant($"{frame.Ids[i]} {v.X:R} {v.Y:R} {v.Z:R}"));
            }
        }

        _written = true;
    }

    public void Complete()
    {
        if (!_written)
        {
            throw new InputException($"{_output.Path}: no frame to write; a LAMMPS data file needs one");
        }

        _output.Commit();
    }

    public void Dispose() => _output.Dispose();

    private int[] IdOrder(Frame frame)
    {
        int n = frame.Count;
        int[] order = new int[n];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = frame.Ids[i];
        }

        Array.Sort(keys, order);
        for (int i = 0; i < n; i++)
        {
            if (keys[i] < 1)
            {
                throw new InputException($"{_output.Path}: atom id {keys[i]} cannot be written; LAMMPS ids start at 1");
            }

            if (i > 0 && keys[i] == keys[i - 1])
            {
                throw new InputException($"{_output.Path}: atom id {keys[i]} appears twice");
            }
        }

        return order;
    }

    /// <summary>The element of each type 1..<paramref name="ntypes"/> (index 0 unused).</summary>
    /// <remarks>
    /// Grown type by type rather than sized from <paramref name="ntypes"/>: a frame with a huge type number (a
    /// damaged dump) stops at the first type without a species instead of allocating for every number below it.
    /// </remarks>
    private string[] TypeElements(Frame frame, int ntypes)
    {
        var result = new List<string> { string.Empty };
        for (int type = 1; type <= ntypes && type > 0; type++)
        {
            string? name = _options.TypeMap?.NameOf(type) ?? frame.Species?.NameOf(type);
            string? element = name is null ? null : GbAtomistics.Core.Elements.Normalize(name);
            if (element is null)
            {
                string what = name is null ? "no species" : $"species '{name}', which is not an element";
                throw new InputException(
                    $"{_output.Path}: atom type {type} has {what}, so its mass is unknown; pass a type map such as 1=Li,2=O,3=Cl");
            }

            result.Add(element);
        }

        return [.. result];
    }

    /// <summary>The LAMMPS box parameters, and the rotation applied to positions when the cell had to be turned.</summary>
    private (LammpsBoxParameters Box, Mat3? Rotation) Orient(Box box)
    {
        if (box.IsLammpsOriented)
        {
            return (box.ToLammps(), null);
        }

        Mat3 r;
        try
        {
            r = box.LammpsRotation();
        }
        catch (InvalidOperationException e)
        {
            throw new InputException($"{_output.Path}: cannot write this cell as a LAMMPS box: {e.Message}");
        }

        // After the rotation a lies along x and b in the xy plane; entries that should be zero are round-off.
        Mat3 h = r * box.H;
        Vec3 o = r * box.Origin;
        double lx = h.C0.X, ly = h.C1.Y, lz = h.C2.Z;
        double scale = Math.Max(lx, Math.Max(ly, lz));
        var p = new LammpsBoxParameters(
            o.X, o.X + lx, o.Y, o.Y + ly, o.Z, o.Z + lz, Clean(h.C1.X, scale), Clean(h.C2.X, scale), Clean(h.C2.Y, scale));
        return (p, r);
    }

    /// <summary>A tilt that is round-off of the rotation (below 1e-12 of the box size) becomes exactly 0.</summary>
    private static double Clean(double tilt, double scale) => Math.Abs(tilt) < 1e-12 * scale ? 0 : tilt;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
