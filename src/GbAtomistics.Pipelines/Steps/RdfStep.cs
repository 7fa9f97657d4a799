using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Plotting;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The <c>rdf</c> step: partial RDFs of one trajectory, written as <c>rdf.csv</c> (r in Å, g dimensionless,
/// n = mean neighbours within r), <c>rdf.json</c> (options, frames, first peak and minimum of each pair) and
/// <c>rdf.png</c>.
/// </summary>
public static class RdfStep
{
    public static RdfResult Compute(TrajectoryInput input, RdfOptions options, int threads = 1)
    {
        var analyzer = new RdfAnalyzer(options);
        RunOutcome outcome = FrameRunner.Run(input, [f => analyzer.Begin(f)], threads);
        return analyzer.Finish((RdfAccumulator)outcome.Accumulators[0]);
    }

    /// <summary>Writes the tables and plot with names starting <paramref name="prefix"/>; returns the JSON summary.</summary>
    public static object Write(RdfResult result, TrajectoryInput input, OutputFolder output, string prefix = "rdf")
    {
        object summary = Summary(result, input);
        output.WriteJson($"{prefix}.json", summary, () =>
        {
            output.WriteTable($"{prefix}.csv", result.ToCsv(), "a pair with no central atom, or no neighbour atom besides it, in any frame has no g(r) or n(r)");
            output.WritePlot($"{prefix}.png", path => RdfPlot.Save(result, path, $"Partial RDFs ({input.Label}{(prefix.StartsWith("rdf-", StringComparison.Ordinal) ? ", " + prefix[4..] : string.Empty)})"));
        });
        return summary;
    }

    public static object Summary(RdfResult result, TrajectoryInput input) => new
    {
        analysis = "rdf",
        input = input.Path,
        frames_used = result.Frames,
        options = new
        {
            r_max_angstrom = result.Options.RMax,
            bins = result.Options.Bins,
            bin_width_angstrom = result.Options.RMax / result.Options.Bins,
            pairs = result.Pairs.Select(p => p.ToString()),
            region = result.Options.Region is { } r
                ? new { name = r.Name, normal_axis = "abc"[r.Axis].ToString(), planes_fractional = r.Planes, half_width_angstrom = r.HalfWidth }
                : null,
            first_frame = input.Frames.First,
            last_frame = input.Frames.Last,
            every = input.Frames.Every,
        },
        definitions = "g_AB(r) = <n_AB(r,r+dr)> / (N_A rho_B dV), rho_B = (N_B - delta_AB)/V per frame, exact shell volumes; n_AB(r) = mean number of B within r of an A",
        pairs = result.Pairs.Select((p, i) =>
        {
            RdfPeaks? peaks = RdfPeaks.Find(result.R, result.G(i));
            double? minimum = FirstMinimum.Find(result, i); // the same rule as the automatic coordination cut-off
            return new
            {
                pair = p.ToString(),
                mean_central_atoms = result.MeanCentral(i),
                first_peak_r_angstrom = peaks?.PeakR,
                first_peak_height = peaks?.PeakHeight,
                first_minimum_r_angstrom = minimum,
                coordination_at_first_minimum = minimum is { } rm ? CumulativeAt(result, i, rm) : (double?)null,
            };
        }),
        units = new { r = "Å", g = "dimensionless", n = "atoms" },
    };

    private static double CumulativeAt(RdfResult result, int pair, double r)
    {
        double dr = result.Options.RMax / result.Options.Bins;
        int k = Math.Clamp((int)Math.Floor(r / dr), 0, result.R.Count - 1); // n at the outer edge of the bin holding r
        return result.Cumulative(pair)[k];
    }
}
