using System.Globalization;

namespace GbAtomistics.Integration.Tests.Rdf;

/// <summary>
/// The last block of a <c>fix ave/time ... c_rdf[*] mode vector</c> file: a header line "step rows", then one row
/// per bin "index r g_1 n_1 g_2 n_2 ..." (bin centre r in Å; g and the cumulative coordination n of each pair of
/// the compute, in its order). LAMMPS prints the values with %g, 6 significant digits.
/// </summary>
internal sealed class LammpsRdfTable
{
    private LammpsRdfTable(double[] r, double[][] g, double[][] n)
    {
        R = r;
        G = g;
        N = n;
    }

    public double[] R { get; }

    /// <summary>g of each pair (in compute order) per bin.</summary>
    public double[][] G { get; }

    /// <summary>Cumulative coordination of each pair per bin (at the bin's outer edge).</summary>
    public double[][] N { get; }

    public static LammpsRdfTable Read(string path)
    {
        string[] lines = File.ReadAllLines(path).Where(l => !l.StartsWith('#') && l.Trim().Length > 0).ToArray();
        int start = -1;
        int rows = 0;
        for (int k = 0; k < lines.Length;)
        {
            string[] header = Split(lines[k]);
            Assert.True(header.Length == 2, $"{path}: expected a 'step rows' header, found '{lines[k]}'");
            start = k + 1;
            rows = int.Parse(header[1], CultureInfo.InvariantCulture);
            k += rows + 1;
        }

        Assert.True(start >= 0, $"{path}: no averaged block");
        int pairs = (Split(lines[start]).Length - 2) / 2;
        var r = new double[rows];
        var g = Enumerable.Range(0, pairs).Select(_ => new double[rows]).ToArray();
        var n = Enumerable.Range(0, pairs).Select(_ => new double[rows]).ToArray();
        for (int k = 0; k < rows; k++)
        {
            double[] v = Split(lines[start + k]).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            r[k] = v[1];
            for (int p = 0; p < pairs; p++)
            {
                g[p][k] = v[2 + (2 * p)];
                n[p][k] = v[3 + (2 * p)];
            }
        }

        return new LammpsRdfTable(r, g, n);
    }

    private static string[] Split(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
