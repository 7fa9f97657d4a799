namespace GbAtomistics.Core.Unwrapping;

/// <summary>
/// Turns a sequence of frames (the same atoms in id order, frames in time order) into continuous positions in Å.
/// </summary>
/// <remarks>
/// <para>Three sources, chosen by <see cref="UnwrapMode"/>: unwrapped columns are used as they are; image flags give
/// r + ix·a + iy·b + iz·c with the full cell vectors of the frame; otherwise the wrapped positions are unwrapped by
/// accumulating minimum-image displacements between consecutive frames,
/// u(t+1) = u(t) + [r(t+1) − r(t)] − H(t+1)·round(H(t+1)⁻¹ [r(t+1) − r(t)]),
/// where H(t+1) is the cell of the later frame. For a cell that changes in time this is the toroidal-view-preserving
/// scheme of von Bülow, Bullerjahn and Hummer, J. Chem. Phys. 153, 021101 (2020): it keeps the displacement of
/// each step as short as the current torus allows and so does not create the spurious jumps that unwrapping with
/// a fixed or the earlier cell produces under NPT.</para>
/// <para>Accumulated displacements are only right while no atom moves more than half a cell width between frames.
/// A step whose fractional displacement along a periodic cell vector exceeds <see cref="WarningFraction"/> is
/// counted in <see cref="LargeSteps"/>, so callers can warn that frames may be too far apart.</para>
/// </remarks>
public sealed class Unwrapper
{
    /// <summary>Fractional step (of a cell vector) above which a step counts as suspicious: 0.4 of the cell.</summary>
    public const double WarningFraction = 0.4;

    private Vec3[] _current = [];
    private Vec3[] _previousWrapped = [];
    private Vec3[] _steps = [];
    private UnwrapMode _resolved;
    private int _frames;

    public Unwrapper(UnwrapMode mode = UnwrapMode.Auto)
    {
        Mode = mode;
    }

    /// <summary>The mode asked for.</summary>
    public UnwrapMode Mode { get; }

    /// <summary>The source actually used (decided on the first frame when <see cref="Mode"/> is Auto).</summary>
    public UnwrapMode Resolved => _resolved;

    /// <summary>Continuous positions (Å) of all atoms after the last <see cref="Update"/>.</summary>
    public ReadOnlySpan<Vec3> Positions => _current;

    /// <summary>
    /// The minimum-image steps (Å) added to every atom by the last <see cref="Update"/> with displacement unwrapping
    /// (empty before the second frame and in the other modes).
    /// </summary>
    public ReadOnlySpan<Vec3> Steps => _steps;

    /// <summary>Number of frames seen.</summary>
    public int Frames => _frames;

    /// <summary>Number of (atom, step) pairs whose displacement exceeded <see cref="WarningFraction"/> of a cell vector.</summary>
    public long LargeSteps { get; private set; }

    /// <summary>The largest fractional step seen along any periodic cell vector (0 … 0.5).</summary>
    public double LargestStepFraction { get; private set; }

    /// <summary>Index of the first frame (0 = first seen) with a large step, or −1.</summary>
    public int FirstLargeStepFrame { get; private set; } = -1;

    /// <summary>A sentence for users when steps were large, else null.</summary>
    public string? Warning => Describe(LargeSteps, LargestStepFraction, FirstLargeStepFrame);

    /// <summary>The sentence of <see cref="Warning"/> for these counts (null when no step was large).</summary>
    public static string? Describe(long largeSteps, double largestStepFraction, int firstLargeStepFrame) => largeSteps == 0
        ? null
        : FormattableString.Invariant(
            $"{largeSteps} atom steps between consecutive frames moved more than {WarningFraction} of a cell vector (largest {largestStepFraction:F2}, first at frame {firstLargeStepFrame}); unwrapping by minimum image may be wrong: use frames closer in time, image flags or unwrapped columns");

    /// <summary>
    /// The minimum-image form of the displacement <paramref name="delta"/> (Å) in the cell <paramref name="h"/>
    /// (inverse <paramref name="inverse"/>): its fractional components along periodic cell vectors reduced to
    /// [−½, ½]. <paramref name="fraction"/> is the largest such fractional component.
    /// </summary>
    public static Vec3 MinimumImage(in Mat3 h, in Mat3 inverse, PeriodicFlags periodic, Vec3 delta, out double fraction)
    {
        Vec3 s = inverse * delta;
        double sx = periodic.A ? s.X - Math.Round(s.X) : s.X;
        double sy = periodic.B ? s.Y - Math.Round(s.Y) : s.Y;
        double sz = periodic.C ? s.Z - Math.Round(s.Z) : s.Z;
        fraction = Math.Max(periodic.A ? Math.Abs(sx) : 0, Math.Max(periodic.B ? Math.Abs(sy) : 0, periodic.C ? Math.Abs(sz) : 0));
        return h * new Vec3(sx, sy, sz);
    }

    /// <summary>Advances to <paramref name="frame"/>, the next frame in time with the same atoms.</summary>
    public void Update(Frame frame)
    {
        int n = frame.Count;
        if (_frames == 0)
        {
            _resolved = Resolve(frame);
            _current = new Vec3[n];
            if (_resolved == UnwrapMode.Displacements)
            {
                _previousWrapped = new Vec3[n];
            }
        }
        else if (n != _current.Length)
        {
            throw new InputException(
                $"frame {_frames} has {n} atoms but the first has {_current.Length}; unwrapping needs the same atoms in every frame");
        }

        Vec3[] r = frame.Positions;
        switch (_resolved)
        {
            case UnwrapMode.Columns:
                if (frame.Coordinates != CoordinateKind.Unwrapped)
                {
                    throw new InputException($"frame {_frames} has wrapped coordinates; --unwrap columns needs unwrapped columns (xu yu zu) in every frame");
                }

                Array.Copy(r, _current, n);
                break;
            case UnwrapMode.Images:
                Int3[] images = frame.Images ?? throw new InputException(
                    $"frame {_frames} has no image flags; --unwrap images needs ix iy iz in every frame");
                Box box = frame.Box;
                for (int i = 0; i < n; i++)
                {
                    _current[i] = box.Unwrap(r[i], images[i]);
                }

                break;
            default:
                Accumulate(frame);
                break;
        }

        _frames++;
    }

    private void Accumulate(Frame frame)
    {
        Vec3[] r = frame.Positions;
        int n = frame.Count;
        if (_frames == 0)
        {
            Array.Copy(r, _current, n);
            Array.Copy(r, _previousWrapped, n);
            return;
        }

        if (_steps.Length != n)
        {
            _steps = new Vec3[n];
        }

        Box box = frame.Box;
        Mat3 h = box.H;
        Mat3 inverse = box.HInverse;
        PeriodicFlags periodic = box.Periodic;
        double largest = LargestStepFraction;
        long large = 0;
        for (int i = 0; i < n; i++)
        {
            Vec3 step = MinimumImage(h, inverse, periodic, r[i] - _previousWrapped[i], out double m);
            if (m > WarningFraction)
            {
                large++;
            }

            largest = Math.Max(largest, m);
            _steps[i] = step;
            _current[i] += step;
            _previousWrapped[i] = r[i];
        }

        if (large > 0 && LargeSteps == 0)
        {
            FirstLargeStepFrame = _frames;
        }

        LargeSteps += large;
        LargestStepFraction = largest;
    }

    private UnwrapMode Resolve(Frame frame) => Mode switch
    {
        UnwrapMode.Auto when frame.Coordinates == CoordinateKind.Unwrapped => UnwrapMode.Columns,
        UnwrapMode.Auto when frame.Images is not null => UnwrapMode.Images,
        UnwrapMode.Auto => UnwrapMode.Displacements,
        _ => Mode,
    };
}
