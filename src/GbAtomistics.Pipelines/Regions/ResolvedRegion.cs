using GbAtomistics.Analysis.Regions;
using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Regions;

/// <summary>The grain-boundary slabs a run used (null for none), where they came from, and the detection or metadata behind them.</summary>
public sealed record ResolvedRegion(SlabRegion? Region, string Source, DetectedBoundaries? Detected, BicrystalMetadata? Metadata)
{
    /// <summary>A JSON-friendly description.</summary>
    public object Summary() => new
    {
        source = Source,
        normal_axis = Region is { } r ? "abc"[r.Axis].ToString() : null,
        planes_fractional = Region?.Planes,
        planes_angstrom = Detected?.PlanesAngstrom,
        half_width_angstrom = Region?.HalfWidth,
        sigma = Metadata is { Sigma: > 0 } m ? m.Sigma : (int?)null,
        detection = Detected is { } d
            ? new
            {
                baseline_deviating_fraction = d.Baseline,
                peak_heights_above_baseline = d.PeakHeights,
                smoothing_window_angstrom = d.SmoothingAngstrom,
                detected_half_width_angstrom = d.HalfWidth,
                definition = "fraction of atoms whose coordination differs from their species' modal value in the frame, smoothed along the normal; planes at the peaks",
            }
            : null,
    };
}
