namespace GbAtomistics.Analysis.Coordination;

/// <summary>
/// The distribution of the coordination number of one pair A–B over the A atoms of one region, pooled over frames:
/// <see cref="Counts"/>[c] is the number of (atom, frame) samples with CN = c; fractions sum to 1.
/// </summary>
public sealed record CoordinationDistribution(
    SpeciesPair Pair,
    string Region,
    IReadOnlyList<long> Counts,
    IReadOnlyList<double> Fractions,
    long Samples,
    double MeanAtomsPerFrame,
    double Mean,
    double StandardDeviation,
    int? Modal)
{
    /// <summary>Summarises raw counts; the mean is NaN and the mode null when there are no samples.</summary>
    public static CoordinationDistribution FromCounts(SpeciesPair pair, string region, IReadOnlyList<long> counts, int frames)
    {
        long samples = counts.Sum();
        double mean = double.NaN, variance = double.NaN;
        int? modal = null;
        var fractions = new double[counts.Count];
        if (samples > 0)
        {
            double sum = 0, sumSquares = 0;
            long best = -1;
            for (int c = 0; c < counts.Count; c++)
            {
                fractions[c] = (double)counts[c] / samples;
                sum += (double)c * counts[c];
                sumSquares += (double)c * c * counts[c];
                if (counts[c] > best)
                {
                    best = counts[c];
                    modal = c;
                }
            }

            mean = sum / samples;
            variance = Math.Max(0, (sumSquares / samples) - (mean * mean));
        }

        return new CoordinationDistribution(
            pair, region, counts.ToArray(), fractions, samples, frames > 0 ? (double)samples / frames : 0, mean, Math.Sqrt(variance), modal);
    }
}
