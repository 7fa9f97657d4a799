namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// Hops of the mobile ions. Criterion: each ion's unwrapped position is averaged over a centred window of τ frames
/// (to remove vibration about a site); its first site is the average over the first window; a hop happens at the first
/// frame whose averaged position is more than d_hop from the site the ion was last assigned to, and the new site,
/// where it settles, is the mean position over the τ frames from that frame on (fewer at the end of the run). For an
/// instantaneous jump between two sites this finds the jump frame exactly and the new site as the mean over the
/// following window; a return within the window is averaged away (rattling, not a hop).
/// </summary>
public sealed class HopAnalysis
{
    internal HopAnalysis(double distance, string distanceSource, int windowFrames, double windowPs, double observedPs, IReadOnlyList<HopEvent> events, IReadOnlyList<HopRegionSummary> summaries, double lengthBin, IReadOnlyDictionary<string, int[]> lengthHistogram)
    {
        Distance = distance;
        DistanceSource = distanceSource;
        WindowFrames = windowFrames;
        WindowPs = windowPs;
        ObservedPs = observedPs;
        Events = events;
        Summaries = summaries;
        LengthBin = lengthBin;
        LengthHistogram = lengthHistogram;
    }

    /// <summary>d_hop in Å.</summary>
    public double Distance { get; }

    /// <summary>Where d_hop came from (the option, or the nearest-neighbour distance it was derived from).</summary>
    public string DistanceSource { get; }

    /// <summary>τ in frames.</summary>
    public int WindowFrames { get; }

    /// <summary>τ in ps (frames × frame interval).</summary>
    public double WindowPs { get; }

    /// <summary>The time over which each ion is followed (ps): from the centre of the first window to that of the last.</summary>
    public double ObservedPs { get; }

    /// <summary>Every hop, by atom then time.</summary>
    public IReadOnlyList<HopEvent> Events { get; }

    /// <summary>all, then gb and bulk when there are boundaries.</summary>
    public IReadOnlyList<HopRegionSummary> Summaries { get; }

    /// <summary>Width (Å) of the hop-length histogram bins, from 0.</summary>
    public double LengthBin { get; }

    /// <summary>Hop counts per length bin, by region of the starting site (all, gb, bulk).</summary>
    public IReadOnlyDictionary<string, int[]> LengthHistogram { get; }
}
