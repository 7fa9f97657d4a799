using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// A built CSL tilt bicrystal. The box is orthogonal: the tilt axis along x, the second in-plane direction along y,
/// the boundary normal along z. Grain 1 (lower) lies below grain 2 (upper); the boundaries are at z = 0 (periodic,
/// absent with vacuum) and at the middle plane given in <see cref="Metadata"/>. Atoms are ordered by type, then grain,
/// then z; ids run 1…N in that order. Every polyanion (see <see cref="Units"/>) is whole and owned by the grain of its
/// centre; both grains are whole neutral formula units.
/// </summary>
public sealed class CslBicrystal
{
    internal CslBicrystal(
        CslBuildOptions options,
        SigmaEntry entry,
        TiltPlanePair planes,
        Frame frame,
        BicrystalMetadata metadata,
        Vec3 periods,
        int periodsPerGrain,
        Termination termination,
        IReadOnlyList<Termination> terminations,
        GrainConstruction construction,
        Mat3 rotationLower,
        Mat3 rotationUpper,
        int[][] grainComposition,
        int[] removed,
        RigidUnits units,
        IReadOnlyList<PairDistance> pairDistances,
        double modelEnergy)
    {
        Options = options;
        Entry = entry;
        Planes = planes;
        Frame = frame;
        Metadata = metadata;
        Periods = periods;
        PeriodsPerGrain = periodsPerGrain;
        Termination = termination;
        Terminations = terminations;
        Construction = construction;
        RotationLower = rotationLower;
        RotationUpper = rotationUpper;
        GrainComposition = grainComposition;
        Removed = removed;
        Units = units;
        PairDistances = pairDistances;
        ModelEnergy = modelEnergy;
        ShortestDistance = pairDistances.Count == 0 ? double.PositiveInfinity : pairDistances.Min(p => p.ShortestAngstrom);
    }

    public CslBuildOptions Options { get; }

    public UnitCell Cell => Options.Cell;

    /// <summary>The Σ entry (angle and equivalent angle) of the boundary.</summary>
    public SigmaEntry Entry { get; }

    /// <summary>The plane of the lower and upper grain.</summary>
    public TiltPlanePair Planes { get; }

    /// <summary>The structure (species named, formal charges set for an ionic crystal).</summary>
    public Frame Frame { get; }

    /// <summary>Boundary metadata; <see cref="BicrystalMetadata.Structure"/> is empty until a file is written.</summary>
    public BicrystalMetadata Metadata { get; }

    /// <summary>The CSL periods along x (tilt axis), y (in plane) and z (normal, one grain period), Å.</summary>
    public Vec3 Periods { get; }

    /// <summary>Number of normal periods in each grain.</summary>
    public int PeriodsPerGrain { get; }

    public Termination Termination { get; }

    /// <summary>Every termination of the stacking along the normal, in <c>--termination</c> order.</summary>
    public IReadOnlyList<Termination> Terminations { get; }

    public GrainConstruction Construction { get; }

    /// <summary>Rotation taking the Cartesian cell frame of the lower grain (cube axes for a cubic cell) to the box frame (rows: x, y, z in that frame).</summary>
    public Mat3 RotationLower { get; }

    /// <summary>Rotation taking the Cartesian cell frame of the upper grain to the box frame.</summary>
    public Mat3 RotationUpper { get; }

    /// <summary>
    /// The cell vectors (columns, Å) of the lower and upper grain in the box frame as built: the unit cell (strained as
    /// built) rotated into the lower grain; the upper grain is the lower one's image for a mirror or two-fold
    /// construction ((x, y, −z) or (−x, y, −z)), else the cell under <see cref="RotationUpper"/>.
    /// </summary>
    public (Mat3 Lower, Mat3 Upper) GrainCells()
    {
        Mat3 cell = Cell.A * Cell.Shape;
        Mat3 lower = RotationLower * cell;
        Mat3 upper = Construction switch
        {
            GrainConstruction.Mirror => new Mat3(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, -1)) * lower,
            GrainConstruction.TwoFold => new Mat3(new Vec3(-1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, -1)) * lower,
            _ => RotationUpper * cell,
        };
        return (lower, upper);
    }

    /// <summary>Atoms of each species in grain 1 and grain 2 (species in type order).</summary>
    public IReadOnlyList<int[]> GrainComposition { get; }

    /// <summary>Atoms of each species removed by the overlap rule.</summary>
    public IReadOnlyList<int> Removed { get; }

    /// <summary>The shortest distance between two atoms of the result (Å), periodic images included.</summary>
    public double ShortestDistance { get; }

    /// <summary>The rigid units the crystal was placed as.</summary>
    public RigidUnits Units { get; }

    /// <summary>Per species pair: bulk and shortest distance in the build, their ratio and the criterion, worst first.</summary>
    public IReadOnlyList<PairDistance> PairDistances { get; }

    /// <summary>
    /// Excess energy of the unrelaxed structure in the ranking model (formal-charge Ewald Coulomb plus Born–Mayer
    /// contact repulsion): (E − n·e_bulk)/(2A) in J/m², A the area of one boundary.
    /// </summary>
    public double ModelEnergy { get; }

    /// <summary>Why this candidate was chosen (set by the builder and the translation search).</summary>
    public string Selection { get; internal set; } = string.Empty;

    /// <summary>Net charge of grain <paramref name="grain"/> (1 or 2) in e.</summary>
    public double GrainCharge(int grain) => GrainComposition[grain - 1].Select((n, s) => n * Cell.Charges[s]).Sum();

    /// <summary>Net charge of the whole cell in e.</summary>
    public double NetCharge => GrainCharge(1) + GrainCharge(2);

    /// <summary>Formula units in grain <paramref name="grain"/>, or null when its composition is not whole formula units.</summary>
    public int? FormulaUnits(int grain) => CslBuilder.WholeFormulaUnits(GrainComposition[grain - 1], Cell.FormulaUnit);

    /// <summary>Boundary area of one boundary (Å²): Lx·Ly.</summary>
    public double BoundaryArea => Frame.Box.A.Length * Frame.Box.B.Length;
}
