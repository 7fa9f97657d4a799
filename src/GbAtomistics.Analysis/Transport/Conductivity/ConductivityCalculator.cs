using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Conductivity;

/// <summary>
/// Turns an <see cref="MsdResult"/> into conductivities (see <see cref="ConductivityResult"/>). Errors follow from the
/// GLS errors of the fitted slopes (relative error of σ = relative error of D); the Haven ratio's error combines the
/// tracer and collective errors as if independent.
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
                entries.Add(new ConductivityEntry("tracer", name, c, ions, volume, fit.D, fit.StandardError, sigma, error, double.NaN, double.NaN));
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
            ConductivityEntry tracer = entries.First(e => e.Region == "all" && e.Component == c);
            double haven = tracer.Sigma / sigma;
            double havenError = Math.Abs(haven) * Math.Sqrt(Square(tracer.SigmaError / tracer.Sigma) + Square(error / sigma));
            double dSigma = fit.D / (msd.Atoms * q * q);
            entries.Add(new ConductivityEntry(
                "collective", "all", c, msd.Atoms, msd.MeanVolume, dSigma, fit.StandardError / (msd.Atoms * q * q), sigma, error, haven, havenError));
        }

        return new ConductivityResult(options, q, entries);
    }

    private static double Square(double x) => x * x;
}
