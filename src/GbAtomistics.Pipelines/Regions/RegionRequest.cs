using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Regions;

/// <summary>
/// How the user asks for grain-boundary slabs: explicit planes (<c>--normal --planes --half-width</c>), a metadata
/// file or automatic detection (<c>--boundaries FILE.gb.json|auto|none</c>). Without either, a <c>NAME.gb.json</c>
/// beside the input is used when present, else there is no region.
/// </summary>
/// <param name="Boundaries">null, <c>auto</c>, <c>none</c> or the path of a <c>.gb.json</c> file.</param>
/// <param name="Normal">x, y or z: the cell vector the planes cut (explicit planes and detection).</param>
/// <param name="Planes">Explicit fractional plane positions, or null.</param>
/// <param name="HalfWidth">Slab half-width in Å; null for the metadata's suggestion, the detected value, or 3 Å with explicit planes.</param>
/// <param name="Count">Number of boundaries detection looks for (2 in a periodic bicrystal).</param>
/// <param name="Smoothing">Width (Å) of the moving average of the detection profile.</param>
public sealed record RegionRequest(
    string? Boundaries = null, string Normal = "z", IReadOnlyList<double>? Planes = null, double? HalfWidth = null, int Count = 2, double Smoothing = 4.0)
{
    /// <summary>The half-width used with explicit planes when none is given (Å).</summary>
    public const double DefaultHalfWidth = 3.0;

    public static RegionRequest None { get; } = new("none");

    public bool IsAuto => string.Equals(Boundaries, "auto", StringComparison.OrdinalIgnoreCase);

    public int NormalAxis => RegionSpec.ParseNormal(Normal);

    /// <summary>
    /// The region unless it has to be detected (then <see cref="ResolvedRegion.Region"/> is null and the source is
    /// <c>auto</c>); <paramref name="inputPath"/> is where a metadata file is looked for.
    /// </summary>
    public ResolvedRegion ResolveWithoutDetection(string inputPath)
    {
        if (HalfWidth is { } hw && (!(hw > 0) || !double.IsFinite(hw)))
        {
            throw new InputException($"--half-width {hw}: expected a positive number of Å");
        }

        if (Planes is not null)
        {
            if (Boundaries is not null && !Boundaries.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                throw new InputException($"--planes and --boundaries {Boundaries} both give the boundaries; use one");
            }

            return new ResolvedRegion(new SlabRegion(NormalAxis, Planes, HalfWidth ?? DefaultHalfWidth), "planes given on the command line", null, null);
        }

        if (IsAuto)
        {
            return new ResolvedRegion(null, "auto", null, null);
        }

        if (string.Equals(Boundaries, "none", StringComparison.OrdinalIgnoreCase))
        {
            return new ResolvedRegion(null, "none", null, null);
        }

        string? metadata = Boundaries ?? RegionSource.FindBeside(inputPath);
        if (metadata is null)
        {
            return new ResolvedRegion(null, "none", null, null);
        }

        BicrystalMetadata m = RegionSource.ReadMetadata(metadata);
        return new ResolvedRegion(RegionSource.RegionFromMetadata(m, metadata, HalfWidth), $"metadata {metadata}", null, m);
    }
}
