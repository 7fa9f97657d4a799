using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Conductivity;

/// <summary>
/// Turns an <see cref="MsdResult"/> into conductivities (see <see cref="ConductivityResult"/>). Errors follow from the
/// errors of the fitted slopes (relative error of σ = relative error of D). A window with no measurable diffusion
/// gives no σ, only its one-sided 95 % upper bound. The collective σ comes from one walker (the total charge
/// displacement), so its error is typically one to two orders of magnitude larger than the tracer's for the same run:
/// it needs far longer runs. The Haven ratio is given only when both σ are measurable; its error combines the tracer
/// and collective errors as if independent.
/// </summary>
public static class ConductivityCalculator
{
    private static readonly MsdComponent[] Directions =
        [MsdComponent.Total, MsdComponent.X, MsdComponent.Y, MsdComponent.Z, MsdComponent.Parallel, MsdComponent.Perpendicular];

    public static ConductivityResult Compute(MsdResult msd, ConductivityOptions options)
    {
        double q = options.Charge ?? msd.SpeciesCharge ?? throw new InputException(
            $"the charge of {msd.Options.Species} is unknown: give --charges such as {msd.Options.Species}=1 (or a file with a q column)");
        if (q == 0)
        {
            throw new InputException($"the charge of {msd.Options.Species} is 0: give --charges such as {msd.Options.Species}=1");
        }

        double t = options.Temperature;
        var entries = new List<ConductivityEntry>();
        var regions = new List<(string Name, double Ions, double Volume)> { ("all", msd.Atoms, msd.MeanVolume) };
        if (msd.Options.Region is not null)
        {
            regions.Add(("gb", msd.MeanRegionAtoms, msd.MeanRegionVolume));
            regions.Add(("bulk", msd.Atoms - msd.MeanRegionAtoms, msd.MeanVolume - msd.MeanRegionVolume));
        }

        foreach (var (name, ions, volume) in regions)
        {
            foreach (MsdComponent c in Directions)
            {
                var fit = msd.Curve(name, c)!.Fit;
                double sigma = PhysicalConstants.NernstEinstein(ions, q, fit.D, volume, t);
                double error = PhysicalConstants.NernstEinstein(ions, q, fit.StandardError, volume, t);
                double upper = PhysicalConstants.NernstEinstein(ions, q, fit.UpperBound, volume, t);
                entries.Add(new ConductivityEntry(
                    "tracer", name, c, ions, volume, fit.D, fit.StandardError, sigma, error, double.NaN, double.NaN, fit.IsMeasurable, upper, Note(fit)));
            }
        }

        foreach (MsdComponent c in Directions)
        {
            MsdCurve? curve = msd.CollectiveCurve(c);
            if (curve is null)
            {
                continue;
            }

            // σ = e² D_M / (V k_B T) with D_M = slope/(2d) of ⟨|ΔM|²⟩ in e²Å²/ps: the Nernst–Einstein formula with N q² = 1.
            var fit = curve.Fit;
            double sigma = PhysicalConstants.NernstEinstein(1, 1, fit.D, msd.MeanVolume, t);
            double error = PhysicalConstants.NernstEinstein(1, 1, fit.StandardError, msd.MeanVolume, t);
            double upper = PhysicalConstants.NernstEinstein(1, 1, fit.UpperBound, msd.MeanVolume, t);
            ConductivityEntry tracer = entries.First(e => e.Region == "all" && e.Component == c);
            bool both = tracer.Measurable && fit.IsMeasurable;
            double haven = both ? tracer.Sigma / sigma : double.NaN;
            double havenError = both ? Math.Abs(haven) * Math.Sqrt(Square(tracer.SigmaError / tracer.Sigma) + Square(error / sigma)) : double.NaN;
            double dSigma = fit.D / (msd.Atoms * q * q);
            entries.Add(new ConductivityEntry(
                "collective", "all", c, msd.Atoms, msd.MeanVolume, dSigma, fit.StandardError / (msd.Atoms * q * q), sigma, error, haven, havenError,
                fit.IsMeasurable, upper, fit.IsMeasurable ? "one walker: error from the model covariance" : Note(fit)));
        }

        return new ConductivityResult(options, q, entries);
    }

    private static double Square(double x) => x * x;

    private static string Note(Fitting.DiffusionEstimate fit) => fit.Status switch
    {
        Fitting.DiffusionStatus.Diffusive => string.Empty,
        Fitting.DiffusionStatus.NotDiffusive => "no measurable diffusion: " + fit.Reason,
        _ => "undetermined: too few points or walkers",
    };
}
