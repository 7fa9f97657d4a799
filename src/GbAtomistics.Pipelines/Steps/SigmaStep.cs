using System.Globalization;
using System.Text;
using System.Text.Json;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>sigma</c> step: the CSL misorientations about one axis up to a largest Σ, as a text table, <c>sigma.csv</c>
/// and <c>sigma.json</c>. Angles in degrees; the conventional angle is the smallest rotation about the axis, the
/// equivalent angle 360°/k − θ for a k-fold axis; planes are the symmetric tilt planes (lower grain)/(upper grain).
/// Non-cubic lattices (<see cref="LatticeSigmaTable"/>) list every rotation angle in (0°, 180°] of each entry instead of
/// planes, and the lattice ratio with the strain of its rational approximation.
/// </summary>
public static class SigmaStep
{
    public static IReadOnlyList<SigmaEntry> Compute(Int3 axis, int maxSigma) => SigmaTable.Enumerate(axis, maxSigma);

    /// <summary>An aligned table for the terminal.</summary>
    public static string ToText(IReadOnlyList<SigmaEntry> entries, Int3 axis)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"CSL tilt boundaries about {Miller.Direction(Miller.Reduce(axis))} (angles in degrees; planes lower/upper grain)");
        text.AppendLine("  Σ   angle  equivalent   m  n  symmetric tilt planes");
        foreach (SigmaEntry e in entries)
        {
            CslRotation r = e.Rotations.First(x => Math.Abs(SigmaTable.Conventional(x.AngleDegrees, 360.0 / SigmaTable.AxisOrder(e.Axis)) - e.AngleDegrees) < 1e-6);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{e.Sigma,3} {e.AngleDegrees,7:F2} {e.EquivalentAngleDegrees,11:F2} {r.M,3} {r.N,2}  {string.Join("  ", e.Planes.Select(p => p.ToString()))}");
        }

        return text.ToString();
    }

    /// <summary>CSV with one row per misorientation.</summary>
    public static string ToCsv(IReadOnlyList<SigmaEntry> entries)
    {
        var text = new StringBuilder("sigma,angle_deg,equivalent_angle_deg,axis,m,n,planes_lower_upper\n");
        foreach (SigmaEntry e in entries)
        {
            CslRotation r = e.Rotations[0];
            text.Append(CultureInfo.InvariantCulture,
                $"{e.Sigma},{e.AngleDegrees:F4},{e.EquivalentAngleDegrees:F4},{Miller.Direction(e.Axis)},{r.M},{r.N},\"{string.Join(" ", e.Planes.Select(p => p.ToString()))}\"\n");
        }

        return text.ToString();
    }

    public static object Summary(IReadOnlyList<SigmaEntry> entries, Int3 axis, int maxSigma) => new
    {
        analysis = "sigma",
        axis = new[] { Miller.Reduce(axis).X, Miller.Reduce(axis).Y, Miller.Reduce(axis).Z },
        max_sigma = maxSigma,
        definitions = "N = u^2+v^2+w^2; coprime m,n: theta = 2 atan(n sqrt(N)/m), Sigma = m^2 + N n^2 with factors of 2 removed; " +
            "angle = smallest rotation about the axis giving the misorientation, equivalent = 360/k - angle for a k-fold axis; " +
            "planes: lower = m p - n (o x p), upper = m p + n (o x p) for reference directions p perpendicular to the axis",
        units = new { angle = "degrees" },
        entries = entries.Select(e => new
        {
            sigma = e.Sigma,
            angle_degrees = Math.Round(e.AngleDegrees, 6),
            equivalent_angle_degrees = Math.Round(e.EquivalentAngleDegrees, 6),
            rotations = e.Rotations.Select(r => new { m = r.M, n = r.N, angle_degrees = Math.Round(r.AngleDegrees, 6) }),
            planes = e.Planes.Select(p => new
            {
                lower = new[] { p.Lower.X, p.Lower.Y, p.Lower.Z },
                upper = new[] { p.Upper.X, p.Upper.Y, p.Upper.Z },
                reference = new[] { p.Reference.X, p.Reference.Y, p.Reference.Z },
                rotation_angle_degrees = Math.Round(p.Rotation.AngleDegrees, 6),
            }),
        }),
    };

    /// <summary>Writes <c>sigma.csv</c> and <c>sigma.json</c>; returns the summary.</summary>
    public static object Write(IReadOnlyList<SigmaEntry> entries, Int3 axis, int maxSigma, OutputFolder output)
    {
        output.WriteText("sigma.csv", ToCsv(entries));
        object summary = Summary(entries, axis, maxSigma);
        output.WriteText("sigma.json", JsonSerializer.Serialize(summary, Json.Options));
        return summary;
    }

    /// <summary>
    /// The lattice of the table from the command-line choices: <paramref name="latticeName"/> (default cubic) with an
    /// exact or measured <paramref name="ratio"/>, or the cell of <paramref name="structurePath"/> (system detected).
    /// <paramref name="tolerancePercent"/> is the largest strain allowed by the rational approximation, in %.
    /// </summary>
    public static ApproximatedLattice ResolveLattice(string? latticeName, string? ratio, double tolerancePercent, long maxDenominator, string? structurePath)
    {
        LatticeSystem? named = latticeName is null ? null : ParseSystem(latticeName);
        double tolerance = tolerancePercent / 100;
        if (structurePath is not null)
        {
            if (ratio is not null)
            {
                throw new InputException("--ratio and --structure: give one of them (the structure's cell fixes the ratio)");
            }

            CellParameters cell = ReadCell(structurePath);
            ApproximatedLattice fromCell = LatticeRatio.FromCell(cell, tolerance, maxDenominator, structurePath);
            if (named is { } n && n != fromCell.Lattice.System)
            {
                throw new InputException(
                    $"--lattice {CslLattice.Name(n)}: the cell of {structurePath} ({cell}) is {CslLattice.Name(fromCell.Lattice.System)}");
            }

            return fromCell;
        }

        LatticeSystem system = named ?? LatticeSystem.Cubic;
        if (ratio is null)
        {
            return system == LatticeSystem.Cubic
                ? new ApproximatedLattice(CslLattice.Cubic, [], "cubic", null)
                : throw new InputException($"--lattice {CslLattice.Name(system)}: give the axial ratio with --ratio (e.g. {ExampleRatio(system)}) or the cell with --structure FILE");
        }

        if (named is null)
        {
            throw new InputException($"--ratio '{ratio}': give the lattice with --lattice tetragonal|orthorhombic|hexagonal|rhombohedral");
        }

        return LatticeRatio.Parse(system, ratio, tolerance, maxDenominator);
    }

    /// <summary>The table for any lattice: the cubic table (with tilt planes) or <see cref="LatticeSigmaTable"/>.</summary>
    public static IReadOnlyList<SigmaEntry> Compute(CslLattice lattice, Int3 axis, int maxSigma)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        return lattice.System == LatticeSystem.Cubic ? SigmaTable.Enumerate(axis, maxSigma) : LatticeSigmaTable.Enumerate(lattice, axis, maxSigma);
    }

    /// <summary>The text table for any lattice (the cubic text when cubic).</summary>
    public static string ToText(IReadOnlyList<SigmaEntry> entries, Int3 axis, ApproximatedLattice lattice)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(lattice);
        CslLattice l = lattice.Lattice;
        if (l.System == LatticeSystem.Cubic)
        {
            return ToText(entries, axis);
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"CSL misorientations about {LatticeAxis.Describe(Miller.Reduce(axis), l.System)} of the {CslLattice.Name(l.System)} lattice, {l.Describe()} (angles in degrees)");
        if (lattice.IsApproximated)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Rational approximation of the {lattice.Source} (tolerance {lattice.RelativeTolerance * 100:G4}%): each grain is strained {StrainText(lattice, verbose: true)}");
        }

        text.AppendLine("  Σ   angle  equivalent   m  n  rotation angles in (0°, 180°]");
        int order = l.AxisOrder(axis);
        foreach (SigmaEntry e in entries)
        {
            CslRotation r = e.Rotations.First(x => Math.Abs(SigmaTable.Conventional(x.AngleDegrees, 360.0 / order) - e.AngleDegrees) < 1e-6);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{e.Sigma,3} {e.AngleDegrees,7:F2} {e.EquivalentAngleDegrees,11:F2} {r.M,3} {r.N,2}  {string.Join(" ", e.Rotations.Select(x => x.AngleDegrees.ToString("F2", CultureInfo.InvariantCulture)))}");
        }

        return text.ToString();
    }

    /// <summary>CSV for any lattice; non-cubic rows add the lattice, its ratio, the strain and every rotation angle.</summary>
    public static string ToCsv(IReadOnlyList<SigmaEntry> entries, ApproximatedLattice lattice)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(lattice);
        CslLattice l = lattice.Lattice;
        if (l.System == LatticeSystem.Cubic)
        {
            return ToCsv(entries);
        }

        var text = new StringBuilder("sigma,angle_deg,equivalent_angle_deg,axis,m,n,planes_lower_upper,lattice,ratio,strain_percent,rotation_angles_deg\n");
        string strain = StrainText(lattice, verbose: false);
        foreach (SigmaEntry e in entries)
        {
            CslRotation r = e.Rotations[0];
            text.Append(CultureInfo.InvariantCulture,
                $"{e.Sigma},{e.AngleDegrees:F4},{e.EquivalentAngleDegrees:F4},{Miller.Direction(e.Axis)},{r.M},{r.N},,{CslLattice.Name(l.System)},{l.RatioText()},\"{strain}\",\"{string.Join(" ", e.Rotations.Select(x => x.AngleDegrees.ToString("F4", CultureInfo.InvariantCulture)))}\"\n");
        }

        return text.ToString();
    }

    /// <summary>The JSON summary for any lattice (the cubic summary when cubic).</summary>
    public static object Summary(IReadOnlyList<SigmaEntry> entries, Int3 axis, int maxSigma, ApproximatedLattice lattice)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(lattice);
        CslLattice l = lattice.Lattice;
        if (l.System == LatticeSystem.Cubic)
        {
            return Summary(entries, axis, maxSigma);
        }

        Int3 o = Miller.Reduce(axis);
        long[,] g = l.Metric();
        (int U, int V, int T, int W)? four = l.System == LatticeSystem.Hexagonal ? LatticeAxis.FourIndex(o) : null;
        return new
        {
            analysis = "sigma",
            axis = new[] { o.X, o.Y, o.Z },
            axis_four_index = four is { } f ? new[] { f.U, f.V, f.T, f.W } : null,
            max_sigma = maxSigma,
            lattice = new
            {
                system = CslLattice.Name(l.System),
                ratio = l.RatioText(),
                description = l.Describe(),
                metric = Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 3).Select(j => g[i, j]).ToArray()).ToArray(),
                source = lattice.Source,
                approximated = lattice.IsApproximated,
                tolerance_percent = lattice.RelativeTolerance is { } t ? Math.Round(t * 100, 6) : (double?)null,
                strains = lattice.Strains.Select(s => new
                {
                    parameter = s.Parameter,
                    measured = Math.Round(s.Measured, 8),
                    exact = Math.Round(s.Exact, 8),
                    strain_percent = Math.Round(s.StrainPercent, 6),
                }),
            },
            definitions = "G = integer metric of the lattice basis (lattice.metric), D = o^T G o for the axis o; coprime m,n: " +
                "tan(theta/2) = (n/m) sqrt(D/det G); Sigma = least common denominator of the rotation matrix and its inverse in the lattice basis; " +
                "angle = smallest rotation about the axis giving the misorientation (period 360/k for a k-fold axis, theta and -theta equivalent), " +
                "equivalent = 360/k - angle; rotations = every theta in (0, 180] of the misorientation; " +
                "strain_percent = 100 (exact/measured - 1) of the parameter changed to make the ratio rational (a kept)",
            units = new { angle = "degrees", strain = "percent", measured = "length ratio to a (c/a, b/a) or alpha in degrees" },
            entries = entries.Select(e => new
            {
                sigma = e.Sigma,
                angle_degrees = Math.Round(e.AngleDegrees, 6),
                equivalent_angle_degrees = Math.Round(e.EquivalentAngleDegrees, 6),
                rotations = e.Rotations.Select(r => new { m = r.M, n = r.N, angle_degrees = Math.Round(r.AngleDegrees, 6) }),
            }),
        };
    }

    /// <summary>Writes <c>sigma.csv</c> and <c>sigma.json</c> for any lattice; returns the summary.</summary>
    public static object Write(IReadOnlyList<SigmaEntry> entries, Int3 axis, int maxSigma, ApproximatedLattice lattice, OutputFolder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteText("sigma.csv", ToCsv(entries, lattice));
        object summary = Summary(entries, axis, maxSigma, lattice);
        output.WriteText("sigma.json", JsonSerializer.Serialize(summary, Json.Options));
        return summary;
    }

    /// <summary>A lattice system from its name (cubic, tetragonal, orthorhombic, hexagonal, rhombohedral; case ignored).</summary>
    public static LatticeSystem ParseSystem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (LatticeSystem s in Enum.GetValues<LatticeSystem>())
        {
            if (string.Equals(CslLattice.Name(s), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return s;
            }
        }

        throw new InputException($"--lattice '{name}': expected cubic, tetragonal, orthorhombic, hexagonal or rhombohedral (monoclinic and triclinic lattices are not supported for Σ tables)");
    }

    private static CellParameters ReadCell(string path)
    {
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path);
        var frame = new Frame();
        return reader.Read(frame) ? CellParameters.FromBox(frame.Box) : throw new InputException($"{path}: the file holds no structure");
    }

    private static string ExampleRatio(LatticeSystem system) => system switch
    {
        LatticeSystem.Orthorhombic => "1:2:3 for a²:b²:c²",
        LatticeSystem.Rhombohedral => "15:-4 for (1+2cos α):cos α",
        _ => "8/3 for c²/a²",
    };

    private static string StrainText(ApproximatedLattice lattice, bool verbose)
    {
        if (!lattice.IsApproximated)
        {
            return verbose ? "not at all (exact ratio)" : string.Empty;
        }

        return string.Join(verbose ? ", " : " ", lattice.Strains.Select(s => Strain(s, verbose)));
    }

    private static string Strain(ParameterStrain s, bool verbose)
    {
        if (!verbose)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{s.Parameter} {s.StrainPercent:+0.000;-0.000}");
        }

        return s.Parameter == "alpha"
            ? string.Create(CultureInfo.InvariantCulture, $"α {s.StrainPercent:+0.000;-0.000}% ({s.Measured:F4}° → {s.Exact:F4}°)")
            : string.Create(CultureInfo.InvariantCulture, $"{s.Parameter} {s.StrainPercent:+0.000;-0.000}% ({s.Parameter}/a {s.Measured:F4} → {s.Exact:F4}, a kept)");
    }
}
