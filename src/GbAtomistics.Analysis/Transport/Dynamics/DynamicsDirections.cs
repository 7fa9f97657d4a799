namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>Names and dimensions of <see cref="DynamicsDirection"/>.</summary>
public static class DynamicsDirections
{
    /// <summary>The three directions in output order.</summary>
    public static IReadOnlyList<DynamicsDirection> All { get; } = [DynamicsDirection.Total, DynamicsDirection.Parallel, DynamicsDirection.Perpendicular];

    /// <summary>3 (total), 2 (∥) or 1 (⊥).</summary>
    public static int Dimensions(DynamicsDirection direction) => direction switch
    {
        DynamicsDirection.Total => 3,
        DynamicsDirection.Parallel => 2,
        _ => 1,
    };

    /// <summary>The lower-case name used in tables and JSON: total, parallel, perpendicular.</summary>
    public static string Name(DynamicsDirection direction) => direction switch
    {
        DynamicsDirection.Total => "total",
        DynamicsDirection.Parallel => "parallel",
        _ => "perpendicular",
    };
}
