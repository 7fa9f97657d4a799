using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Transport.Arrhenius;

/// <summary>Weighted Arrhenius fits (see <see cref="ArrheniusFit"/>).</summary>
public static class ArrheniusFitter
{
    public static ArrheniusFit Fit(IReadOnlyList<ArrheniusPoint> points, ArrheniusQuantity quantity = ArrheniusQuantity.Conductivity)
    {
        if (points.Count < 2)
        {
            throw new InputException($"an Arrhenius fit needs runs at two or more temperatures; {points.Count} given");
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
            throw new InputException("an Arrhenius fit needs at least two different temperatures");
        }

        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        var rows = points.Select(p =>
        {
            double y = quantity == ArrheniusQuantity.Conductivity ? Math.Log(p.Value * p.Temperature) : Math.Log(p.Value);
            double sd = p.Error / p.Value;
            return (X: 1 / p.Temperature, Y: y, W: 1 / (sd * sd));
        }).ToArray();
        foreach (var (x, y, w) in rows)
        {
            sw += w;
            sx += w * x;
            sy += w * y;
            sxx += w * x * x;
            sxy += w * x * y;
        }

        double det = (sw * sxx) - (sx * sx);
        double slope = ((sw * sxy) - (sx * sy)) / det;
        double lnA = ((sxx * sy) - (sx * sxy)) / det;
        double chi2 = rows.Sum(r => r.W * Math.Pow(r.Y - lnA - (slope * r.X), 2));
        return new ArrheniusFit(
            quantity, points, lnA, slope, sxx / det, sw / det, -sx / det, points.Count > 2 ? chi2 / (points.Count - 2) : double.NaN);
    }
}
