using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.IO.Vasp;

/// <summary>
/// Writes one frame as a VASP 5 POSCAR (VASP wiki, "POSCAR"): comment line, scaling factor 1, lattice rows a, b, c in Å,
/// species line, counts line, <c>Selective dynamics</c> when the frame has the extra columns <c>sd_x</c>, <c>sd_y</c>,
/// <c>sd_z</c> (non-zero = T), <c>Direct</c> (default) or <c>Cartesian</c> (<see cref="WriteOptions.Cartesian"/>)
/// coordinates, and a velocity block in Cartesian Å/fs when the frame has velocities.
/// </summary>
/// <remarks>
/// Atoms are grouped by type number, ascending (one species-line entry per type, so two types with the same element
/// give a repeated entry, which VASP accepts); within a type they keep the frame order. Species names come from
/// <see cref="WriteOptions.TypeMap"/>, else <see cref="Frame.Species"/>; a type without a name is an
/// <see cref="InputException"/>. POSCAR has no origin: Cartesian coordinates are written relative to the box origin.
/// Numbers are printed with 16 decimals (positions, lattice) or 16 significant digits (velocities).
/// </remarks>
public sealed class PoscarWriter : IFrameWriter
{
    private readonly OutputFile _file;
    private readonly WriteOptions _options;
    private bool _written;

    public PoscarWriter(string path, WriteOptions? options = null)
    {
        _options = options ?? WriteOptions.Default;
        _file = OutputFile.Create(path, _options.Overwrite, _options.Inputs);
    }

    public void Write(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_written)
        {
            throw new InvalidOperationException("a POSCAR holds one frame; this writer already has one");
        }

        if (frame.Count == 0)
        {
            throw new InputException($"{_file.Path}: cannot write a POSCAR without atoms");
        }

        _written = true;
        int[] types = [.. frame.Types.Distinct().Order()];
        string[] typeNames = new string[types.Length];
        int[] counts = new int[types.Length];
        for (int k = 0; k < types.Length; k++)
        {
            typeNames[k] = _options.TypeMap?.NameOf(types[k]) ?? frame.Species?.NameOf(types[k])
                ?? throw new InputException(
                    $"{_file.Path}: POSCAR needs a species name for every type; type {types[k]} has none (give a type map, e.g. --type-map 1=Li,2=O)");
            if (typeNames[k].Any(char.IsWhiteSpace) || typeNames[k].Length == 0)
            {
                throw new InputException($"{_file.Path}: species name '{typeNames[k]}' of type {types[k]} cannot be written on a POSCAR species line");
            }
        }

        var order = new List<int>(frame.Count);
        for (int k = 0; k < types.Length; k++)
        {
            for (int i = 0; i < frame.Count; i++)
            {
                if (frame.Types[i] == types[k])
                {
                    order.Add(i);
                    counts[k]++;
                }
            }
        }

        TextWriter w = _file.Writer;
        string title = _options.Title ?? string.Join(' ', typeNames.Select((name, k) => name + counts[k].ToString(CultureInfo.InvariantCulture)));
        w.WriteLine(title.ReplaceLineEndings(" "));
        w.WriteLine("   1.0");
        Box box = frame.Box;
        foreach (Vec3 v in new[] { box.A, box.B, box.C })
        {
            w.WriteLine($"  {F(v.X)}  {F(v.Y)}  {F(v.Z)}");
        }

        w.WriteLine("  " + string.Join(' ', typeNames.Select(s => s.PadLeft(5))));
        w.WriteLine("  " + string.Join(' ', counts.Select(c => c.ToString(CultureInfo.InvariantCulture).PadLeft(5))));

        double[]? sx = frame.Extra("sd_x");
        double[]? sy = frame.Extra("sd_y");
        double[]? sz = frame.Extra("sd_z");
        bool selective = sx is not null && sy is not null && sz is not null;
        if (selective)
        {
            w.WriteLine("Selective dynamics");
        }

        w.WriteLine(_options.Cartesian ? "Cartesian" : "Direct");
        foreach (int i in order)
        {
            Vec3 r = frame.Positions[i];
            Vec3 p = _options.Cartesian ? r - box.Origin : box.ToFractional(r);
            if (!p.IsFinite)
            {
                throw new InputException($"{_file.Path}: atom {frame.Ids[i]} has a non-finite position");
            }

            w.Write($"  {F(p.X)}  {F(p.Y)}  {F(p.Z)}");
            if (selective)
            {
                w.Write($"   {Tf(sx![i])}   {Tf(sy![i])}   {Tf(sz![i])}");
            }

            w.WriteLine();
        }

        if (frame.Velocities is { } vel)
        {
            w.WriteLine();
            foreach (int i in order)
            {
                Vec3 v = vel[i] / 1000.0;
                w.WriteLine($"  {E(v.X)}  {E(v.Y)}  {E(v.Z)}");
            }
        }
    }

    public void Complete()
    {
        if (!_written)
        {
            throw new InvalidOperationException("no frame was written");
        }

        _file.Commit();
    }

    public void Dispose() => _file.Dispose();

    private static string F(double x) => x.ToString("0.0000000000000000", CultureInfo.InvariantCulture).PadLeft(22);

    private static string E(double x) => x.ToString("0.000000000000000E+00", CultureInfo.InvariantCulture).PadLeft(23);

    private static string Tf(double flag) => flag != 0 ? "T" : "F";
}
