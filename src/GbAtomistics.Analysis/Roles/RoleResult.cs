namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// The role analysis of one system: for every species with a role and every region (all, and gb/bulk with a region),
/// its <see cref="RoleStatistics"/>, in the order of the species in the trajectory.
/// </summary>
public sealed class RoleResult
{
    internal RoleResult(RoleOptions options, int frames, IReadOnlyList<RoleStatistics> statistics)
    {
        Options = options;
        Frames = frames;
        Statistics = statistics;
    }

    public RoleOptions Options { get; }

    public int Frames { get; }

    public IReadOnlyList<RoleStatistics> Statistics { get; }

    /// <summary>Region names: <c>all</c>, then <c>gb</c> and <c>bulk</c> when a region was given.</summary>
    public IReadOnlyList<string> Regions => Options.Region is null ? ["all"] : ["all", "gb", "bulk"];
}
