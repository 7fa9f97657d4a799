namespace GbAtomistics.Analysis.Transport.Fitting;

/// <summary>Whether a fit window shows long-range diffusion (see <see cref="DiffusionFitter"/> for the tests).</summary>
public enum DiffusionStatus
{
    /// <summary>The slope is at least two standard errors above zero and the local exponent is near 1: D is reported.</summary>
    Diffusive,

    /// <summary>No measurable long-range diffusion in the window: only a one-sided 95 % upper bound on D is reported.</summary>
    NotDiffusive,

    /// <summary>Too few points or walkers to fit.</summary>
    Undetermined,
}
