using GbAtomistics.Analysis.Rdf;

namespace GbAtomistics.Analysis.Tests.Rdf;

/// <summary>
/// The RDF's bins counted a vector at a time (<see cref="RdfAccumulator.Binning.CountAll"/>) against one distance at
/// a time (<see cref="RdfAccumulator.Binning.Of"/>): every length (whole vectors and every remainder), distances on
/// bin walls, just below them and up to r_max, where the rounded product may reach the bin count.
/// </summary>
public sealed class RdfBinningTests
{
    [Theory]
    [InlineData(150, 3.0)]
    [InlineData(7, 2.5)]
    [InlineData(1000, 10.0)]
    public void CountsAVectorAtATimeEqualOneAtATime(int bins, double rMax)
    {
        var binning = new RdfAccumulator.Binning(bins, bins / rMax);
        var random = new Random(bins);
        double width = rMax / bins;
        for (int length = 0; length <= 40; length++)
        {
            double[] r2 = Enumerable.Range(0, length).Select(k => (k % 4) switch
            {
                0 => Math.Pow(random.Next(bins + 1) * width, 2), // on a wall (the last: r_max itself)
                1 => Math.Pow(Math.BitDecrement(random.Next(1, bins + 1) * width), 2), // just below a wall
                2 => Math.BitDecrement(rMax * rMax), // just inside the cut-off
                _ => random.NextDouble() * rMax * rMax,
            }).ToArray();
            int[] expected = new int[bins];
            foreach (double d in r2)
            {
                expected[binning.Of(d)]++;
            }

            int[] counts = new int[bins + 2]; // a guard count on either side
            binning.CountAll(r2, ref counts[1]);
            Assert.Equal(0, counts[0]);
            Assert.Equal(0, counts[^1]);
            Assert.Equal(expected, counts[1..^1]);
            Assert.Equal(length, counts.Sum());
        }
    }
}
