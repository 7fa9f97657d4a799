using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Fitting;

/// <summary>
/// The lag-time window (ps) of a diffusion fit. By default it runs from 10 % to 50 % of the trajectory length:
/// the start skips the ballistic and caging regime of the first picoseconds, the end stops before the longest lags,
/// which have few independent time origins.
/// </summary>
public sealed record FitWindow
{
    /// <summary>Start of the default window as a fraction of the trajectory length.</summary>
    public const double DefaultStartFraction = 0.1;

    /// <summary>End of the default window as a fraction of the trajectory length.</summary>
    public const double DefaultEndFraction = 0.5;

    public static readonly FitWindow Default = new();

    public FitWindow(double? startPs = null, double? endPs = null, int maxPoints = 50)
    {
        if (startPs is { } s && (!(s >= 0) || !double.IsFinite(s)))
        {
            throw new InputException($"--fit-start {s}: expected a lag time ≥ 0 in ps");
        }

        if (endPs is { } e && (!(e > 0) || !double.IsFinite(e)))
        {
            throw new InputException($"--fit-end {e}: expected a positive lag time in ps");
        }

        if (startPs is { } a && endPs is { } b && !(b > a))
        {
            throw new InputException($"--fit-end {b} ps: expected a lag time after --fit-start {a} ps");
        }

        if (maxPoints < 3)
        {
            throw new InputException($"fit points {maxPoints}: expected at least 3");
        }

        StartPs = startPs;
        EndPs = endPs;
        MaxPoints = maxPoints;
    }

    /// <summary>First lag time of the fit in ps, or null for 10 % of the trajectory length.</summary>
    public double? StartPs { get; }

    /// <summary>Last lag time of the fit in ps, or null for 50 % of the trajectory length.</summary>
    public double? EndPs { get; }

    /// <summary>The fit uses at most this many lags, evenly spaced in the window (the covariance matrix is dense).</summary>
    public int MaxPoints { get; }

    /// <summary>
    /// The lag indices (≥ 1) of the fit for a trajectory of <paramref name="frames"/> frames spaced
    /// <paramref name="dt"/> ps: evenly spaced, at most <see cref="MaxPoints"/>, at least 3.
    /// </summary>
    public int[] Lags(int frames, double dt)
    {
        double length = (frames - 1) * dt;
        double start = StartPs ?? (DefaultStartFraction * length);
        double end = EndPs ?? (DefaultEndFraction * length);
        int first = Math.Max(1, (int)Math.Ceiling((start / dt) - 1e-9));
        int last = Math.Min(frames - 1, (int)Math.Floor((end / dt) + 1e-9));
        if (last - first + 1 < 3)
        {
            throw new InputException(FormattableString.Invariant(
                $"fit window {start:G4}–{end:G4} ps holds fewer than 3 lags of the {frames} frames {dt:G4} ps apart; adjust --fit-start/--fit-end or use more frames"));
        }

        int count = Math.Min(MaxPoints, last - first + 1);
        var lags = new SortedSet<int>();
        for (int j = 0; j < count; j++)
        {
            lags.Add(first + (int)Math.Round((double)j * (last - first) / (count - 1)));
        }

        return lags.ToArray();
    }
}
