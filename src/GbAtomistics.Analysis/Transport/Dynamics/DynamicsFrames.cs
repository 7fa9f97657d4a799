using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// What the dynamics calculators read: per frame, the unwrapped positions of the mobile ions (x, y, z of ion j at
/// 3j … 3j + 2, Å), their GB membership (1 in the slabs) when there are boundaries, and the cell.
/// </summary>
internal sealed class DynamicsFrames
{
    public DynamicsFrames(IReadOnlyList<double[]> positions, IReadOnlyList<byte[]>? inRegion, IReadOnlyList<Box> boxes, Vec3 normal, SlabRegion? region)
    {
        Positions = positions;
        InRegion = region is null ? null : inRegion;
        Boxes = boxes;
        Normal = normal;
        Region = region;
        Atoms = positions.Count > 0 ? positions[0].Length / 3 : 0;
        RegionNames = region is null ? ["all"] : ["all", "gb", "bulk"];
    }

    public IReadOnlyList<double[]> Positions { get; }

    public IReadOnlyList<byte[]>? InRegion { get; }

    public IReadOnlyList<Box> Boxes { get; }

    /// <summary>Unit boundary normal (perpendicular to the two cell vectors the planes contain).</summary>
    public Vec3 Normal { get; }

    /// <summary>The GB slabs, or null.</summary>
    public SlabRegion? Region { get; }

    public int Atoms { get; }

    public int Count => Positions.Count;

    /// <summary>all, or all, gb, bulk.</summary>
    public string[] RegionNames { get; }

    public Vec3 Position(int t, int j)
    {
        double[] p = Positions[t];
        return new Vec3(p[3 * j], p[(3 * j) + 1], p[(3 * j) + 2]);
    }
}
