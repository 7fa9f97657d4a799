using GbAtomistics.Core;
using MathNet.Numerics.LinearAlgebra;

namespace GbAtomistics.Analysis.Transport.Arrhenius;

/// <summary>Weighted Arrhenius fits (see <see cref="ArrheniusFit"/>).</summary>
public static class ArrheniusFitter
{
    /// <summary>
    /// Fits <paramref name="points"/>. <paramref name="leftOut"/> lists inputs dropped before the fit with the reason;
    /// it is carried on the fit for reports.
    /// </summary>
    public static ArrheniusFit Fit(IReadOnlyList<ArrheniusPoint> points, ArrheniusQuantity quantity = ArrheniusQuantity.Conductivity, IReadOnlyList<string>? leftOut = null)
    {
        string dropped = leftOut is { Count: > 0 } ? $" ({leftOut.Count} left out: {string.Join("; ", leftOut)})" : string.Empty;
        if (points.Count < 2)
        {
            throw new InputException($"an Arrhenius fit needs runs at two or more temperatures; {points.Count} usable{dropped}");
        }

        foreach (ArrheniusPoint p in points)
        {
            string name = p.Label ?? FormattableString.Invariant($"T = {p.Temperature} K");
            if (!(p.Temperature > 0) || !double.IsFinite(p.Temperature))
            {
                throw new InputException($"{name}: expected a positive temperature in K");
            }

            if (!(p.Value > 0) || !double.IsFinite(p.Value))
            {
                throw new InputException(FormattableString.Invariant($"{name}: value {p.Value}: expected a positive conductivity or diffusion coefficient"));
            }

            if (!(p.Error > 0) || !double.IsFinite(p.Error))
            {
                throw new InputException(FormattableString.Invariant($"{name}: error {p.Error}: expected a positive standard error"));
            }
        }

        if (points.Select(p => p.Temperature).Distinct().Count() < 2)
        {
            throw new InputException($"an Arrhenius fit needs at least two different temperatures{dropped}");
        }

        int n = points.Count;
        var design = Matrix<double>.Build.Dense(n, 2);
        var y = Vector<double>.Build.Dense(n);
        var w = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            ArrheniusPoint p = points[i];
            design[i, 0] = 1;
            design[i, 1] = 1 / p.Temperature;
            y[i] = quantity == ArrheniusQuantity.Conductivity ? Math.Log(p.Value * p.Temperature) : Math.Log(p.Value);
            double sd = p.Error / p.Value;
            w[i] = 1 / (sd * sd);
        }

        Matrix<double> xtw = design.Transpose() * Matrix<double>.Build.DiagonalOfDiagonalVector(w);
        Matrix<double> covariance = (xtw * design).Inverse();
        Vector<double> beta = covariance * (xtw * y);
        Vector<double> residual = y - (design * beta);
        double chi2 = residual.PointwiseMultiply(residual).DotProduct(w);
        return new ArrheniusFit(quantity, points, beta[0], beta[1], covariance, chi2, leftOut ?? []);
    }
}
