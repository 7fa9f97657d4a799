using GbAtomistics.Builders.Crystals;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// What to build: the crystal, the tilt axis and boundary (Σ, angle or plane), the size and the rigid-body
/// translation. Lengths in Å. Validated once here; messages name the CLI options.
/// </summary>
public sealed record CslBuildOptions
{
    private RigidUnits? _units;

    public CslBuildOptions(UnitCell cell, Int3 axis)
    {
        ArgumentNullException.ThrowIfNull(cell);
        Cell = cell;
        Axis = axis == Int3.Zero ? throw new InputException("--axis: expected a non-zero direction such as 110") : axis;
    }

    public UnitCell Cell { get; }

    /// <summary>Tilt axis [uvw]; it lies along the box x axis.</summary>
    public Int3 Axis { get; }

    /// <summary>Σ of the boundary (or null when chosen by angle or plane).</summary>
    public int? Sigma { get; init; }

    /// <summary>Misorientation angle in degrees (conventional or equivalent), or null.</summary>
    public double? AngleDegrees { get; init; }

    /// <summary>Boundary plane family (hkl), or null for the first plane of the Σ entry.</summary>
    public Int3? Plane { get; init; }

    /// <summary>Repetitions of the CSL period along the tilt axis (x).</summary>
    public int RepeatAxis { get; init; } = 1;

    /// <summary>Repetitions of the CSL period in the boundary plane, perpendicular to the axis (y).</summary>
    public int RepeatPlane { get; init; } = 1;

    /// <summary>Smallest thickness of each grain along the normal (z), Å; rounded up to whole periods.</summary>
    public double Thickness { get; init; } = 20;

    /// <summary>Termination index (see <see cref="CslBicrystal.Terminations"/>), or null to choose among all.</summary>
    public int? Termination { get; init; }

    /// <summary>In-plane translation of the upper grain as fractions of the CSL periods along x and y.</summary>
    public (double X, double Y) Translation { get; init; }

    /// <summary>Extra gap (Å) added along the normal at each boundary (may be negative, but not below −1 Å).</summary>
    public double Expansion { get; init; }

    /// <summary>Vacuum thickness (Å) replacing the periodic second boundary with two free surfaces, or null.</summary>
    public double? Vacuum { get; init; }

    /// <summary>The per-pair distance criterion every build must meet.</summary>
    public DistanceCriterion Distances { get; init; } = new();

    /// <summary>The rigid units the crystal is placed as (default: detected from the cell's own bonding).</summary>
    public RigidUnits Units
    {
        get => _units ??= RigidUnits.Detect(Cell);
        init => _units = value.Cell == Cell ? value : throw new ArgumentException("the units belong to another unit cell", nameof(value));
    }

    public OverlapMode Overlap { get; init; } = OverlapMode.FormulaUnits;

    /// <summary>Short-range terms that replace the model's Born–Mayer repulsion in the ranking, or null.</summary>
    public Scoring.PairPotential? ScorePotential { get; init; }

    /// <summary>Throws an <see cref="InputException"/> naming the option for a value out of range.</summary>
    public void Validate()
    {
        if (Sigma is null && AngleDegrees is null && Plane is null)
        {
            throw new InputException("choose the boundary with --sigma, --angle or --plane");
        }

        if (RepeatAxis < 1 || RepeatPlane < 1 || RepeatAxis > 100 || RepeatPlane > 100)
        {
            throw new InputException($"--repeat {RepeatAxis}x{RepeatPlane}: expected two whole numbers from 1 to 100");
        }

        if (!(Thickness > 0) || !double.IsFinite(Thickness) || Thickness > 1000)
        {
            throw new InputException(FormattableString.Invariant($"--thickness {Thickness}: expected a positive number of Å (at most 1000)"));
        }

        if (!double.IsFinite(Translation.X) || !double.IsFinite(Translation.Y))
        {
            throw new InputException("translation: expected finite fractions of the CSL periods");
        }

        if (!double.IsFinite(Expansion) || Expansion < -1 || Expansion > 50)
        {
            throw new InputException(FormattableString.Invariant($"--expansion {Expansion}: expected a number of Å from -1 to 50"));
        }

        if (Vacuum is { } v && (!(v > 0) || !double.IsFinite(v) || v > 1000))
        {
            throw new InputException(FormattableString.Invariant($"--vacuum {v}: expected a positive number of Å"));
        }
    }
}
