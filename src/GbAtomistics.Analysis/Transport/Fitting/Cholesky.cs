namespace GbAtomistics.Analysis.Transport.Fitting;

/// <summary>Cholesky factor L (lower, row-major) of a small symmetric positive-definite matrix, and solves with it.</summary>
internal sealed class Cholesky
{
    private readonly double[,] _l;

    public Cholesky(double[,] a)
    {
        int n = a.GetLength(0);
        _l = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++)
                {
                    s -= _l[i, k] * _l[j, k];
                }

                if (i == j)
                {
                    if (!(s > 0))
                    {
                        throw new ArithmeticException("matrix is not positive definite");
                    }

                    _l[i, i] = Math.Sqrt(s);
                }
                else
                {
                    _l[i, j] = s / _l[j, j];
                }
            }
        }
    }

    /// <summary>Solves A x = b.</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        int n = _l.GetLength(0);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= _l[i, k] * y[k];
            }

            y[i] = s / _l[i, i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double s = y[i];
            for (int k = i + 1; k < n; k++)
            {
                s -= _l[k, i] * y[k];
            }

            y[i] = s / _l[i, i];
        }

        return y;
    }
}
