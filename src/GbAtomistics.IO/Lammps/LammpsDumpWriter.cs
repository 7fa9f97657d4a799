using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.IO.Lammps;

/// <summary>
/// Writes frames as a LAMMPS <c>dump custom</c> text file (LAMMPS documentation, <c>dump</c> command), one frame
/// after another, in metal units (Å, Å/ps, eV/Å, e).
/// </summary>
/// <remarks>
/// Columns: <c>id type</c>, <c>element</c> when every type present is named (by <see cref="WriteOptions.TypeMap"/>
/// or <see cref="Frame.Species"/>), <c>x y z</c> for wrapped or <c>xu yu zu</c> for unwrapped positions,
/// <c>ix iy iz</c>, <c>vx vy vz</c>, <c>fx fy fz</c> and <c>q</c> when the frame has them, then every extra
/// column. Numbers are written in the shortest form that reads back to the same double, so a round trip is exact.
/// A triclinic cell gets the bounding-box header (<c>ITEM: BOX BOUNDS xy xz yz</c>,
/// <see cref="LammpsBoxParameters.BoundingBox"/>); a cell not in the LAMMPS orientation (a along x, b in the xy
/// plane) is rotated with <see cref="Box.LammpsRotation"/>, and positions, velocities and forces with it.
/// Periodic directions are written <c>pp</c>, the others <c>ff</c>.
/// </remarks>
public sealed class LammpsDumpWriter : IFrameWriter
{
    private readonly OutputFile _file;
    private readonly TextWriter _out;
    private readonly WriteOptions _options;
    private readonly char[] _buffer = new char[64];
    private bool _completed;

    public LammpsDumpWriter(string path, WriteOptions? options = null)
    {
        _options = options ?? WriteOptions.Default;
        _file = OutputFile.Create(path, _options.Overwrite, _options.Inputs);
        _out = _file.Writer;
    }

    /// <summary>Number of frames written so far.</summary>
    public int FramesWritten { get; private set; }

    public void Write(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_completed)
        {
            throw new InvalidOperationException("the dump is already complete");
        }

        Box box = frame.Box;
        Mat3? rotation = null;
        LammpsBoxParameters p;
        if (box.IsLammpsOriented)
        {
            p = box.ToLammps();
        }
        else
        {
            Mat3 r;
            try
            {
                r = box.LammpsRotation();
            }
            catch (InvalidOperationException e)
            {
                throw new InputException($"{_file.Path}: frame {FramesWritten}: cannot write the cell as a LAMMPS box: {e.Message}");
            }

            rotation = r;
            Vec3 a = r * box.A, b = r * box.B, c = r * box.C, o = r * box.Origin;
            p = new LammpsBoxParameters(o.X, o.X + a.X, o.Y, o.Y + b.Y, o.Z, o.Z + c.Z, b.X, c.X, c.Y);
        }

        TextWriter w = _out;
        w.Write("ITEM: TIMESTEP\n");
        WriteLong(frame.Step);
        w.Write("\nITEM: NUMBER OF ATOMS\n");
        WriteLong(frame.Count);
        w.Write('\n');

        string flags = string.Join(' ', Flag(box.Periodic.A), Flag(box.Periodic.B), Flag(box.Periodic.C));
        if (p.IsTriclinic)
        {
            (double xlo, double xhi, double ylo, double yhi) = p.BoundingBox();
            w.Write($"ITEM: BOX BOUNDS xy xz yz {flags}\n");
            WriteLine3(xlo, xhi, p.Xy);
            WriteLine3(ylo, yhi, p.Xz);
            WriteLine3(p.Zlo, p.Zhi, p.Yz);
        }
        else
        {
            w.Write($"ITEM: BOX BOUNDS {flags}\n");
            WriteLine2(p.Xlo, p.Xhi);
            WriteLine2(p.Ylo, p.Yhi);
            WriteLine2(p.Zlo, p.Zhi);
        }

        SpeciesMap? species = _options.TypeMap ?? frame.Species;
        bool element = species is not null && frame.Types.AsSpan(0, frame.Count).ToArray().Distinct().All(t => species.NameOf(t) is not null);
        bool unwrapped = frame.Coordinates == CoordinateKind.Unwrapped;
        w.Write("ITEM: ATOMS id type");
        if (element) w.Write(" element");
        w.Write(unwrapped ? " xu yu zu" : " x y z");
        if (frame.Images is not null) w.Write(" ix iy iz");
        if (frame.Velocities is not null) w.Write(" vx vy vz");
        if (frame.Forces is not null) w.Write(" fx fy fz");
        if (frame.Charges is not null) w.Write(" q");
        foreach (string name in frame.ExtraNames)
        {
            w.Write(' ');
            w.Write(name);
        }

        w.Write('\n');

        int extraCount = frame.ExtraNames.Count;
        for (int i = 0; i < frame.Count; i++)
        {
            WriteLong(frame.Ids[i]);
            w.Write(' ');
            WriteLong(frame.Types[i]);
            if (element)
            {
                w.Write(' ');
                w.Write(species!.NameOf(frame.Types[i]));
            }

            WriteVector(Rotate(rotation, frame.Positions[i]));
            if (frame.Images is { } images)
            {
                Int3 im = images[i];
                w.Write(' ');
                WriteLong(im.X);
                w.Write(' ');
                WriteLong(im.Y);
                w.Write(' ');
                WriteLong(im.Z);
            }

            if (frame.Velocities is { } velocities) WriteVector(Rotate(rotation, velocities[i]));
            if (frame.Forces is { } forces) WriteVector(Rotate(rotation, forces[i]));
            if (frame.Charges is { } charges)
            {
                w.Write(' ');
                WriteDouble(charges[i]);
            }

            for (int k = 0; k < extraCount; k++)
            {
                w.Write(' ');
                WriteDouble(frame.Extra(k)[i]);
            }

            w.Write('\n');
        }

        FramesWritten++;
    }

    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _file.Commit();
        _completed = true;
    }

    public void Dispose() => _file.Dispose();

    private static string Flag(bool periodic) => periodic ? "pp" : "ff";

    private static Vec3 Rotate(Mat3? rotation, Vec3 v) => rotation is { } r ? r * v : v;

    private void WriteVector(Vec3 v)
    {
        _out.Write(' ');
        WriteDouble(v.X);
        _out.Write(' ');
        WriteDouble(v.Y);
        _out.Write(' ');
        WriteDouble(v.Z);
    }

    private void WriteLine2(double a, double b)
    {
        WriteDouble(a);
        _out.Write(' ');
        WriteDouble(b);
        _out.Write('\n');
    }

    private void WriteLine3(double a, double b, double c)
    {
        WriteDouble(a);
        _out.Write(' ');
        WriteDouble(b);
        _out.Write(' ');
        WriteDouble(c);
        _out.Write('\n');
    }

    /// <summary>Shortest text that parses back to the same double ("R" semantics of .NET Core 3.0 and later).</summary>
    private void WriteDouble(double value)
    {
        value.TryFormat(_buffer, out int written, "R", CultureInfo.InvariantCulture);
        _out.Write(_buffer, 0, written);
    }

    private void WriteLong(long value)
    {
        value.TryFormat(_buffer, out int written, default, CultureInfo.InvariantCulture);
        _out.Write(_buffer, 0, written);
    }
}
