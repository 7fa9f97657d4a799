namespace GbAtomistics.Analysis.Transport.Msd;

/// <summary>Which (atom, time origin, lag) triples a region MSD counts.</summary>
public enum RegionMembership
{
    /// <summary>The atom is in the region at the time origin (where it goes afterwards does not matter).</summary>
    Start,

    /// <summary>The atom is in the region at every frame from the origin to the end of the lag.</summary>
    Stay,
}
