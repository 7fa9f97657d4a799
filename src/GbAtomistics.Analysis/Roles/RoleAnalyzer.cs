using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// Coordination polyhedra and bond-valence sums by chemical role. For every atom of a species with a role: the number
/// of counter-ions closer than their pair's cut-off (anions around a cation or centre; cations and centres around an
/// anion), the mean distance to them (Å), and the bond-valence sum V_i = Σ_j exp((R0 − r_ij)/b) over those bonds
/// (b = 0.37 Å, R0 from <see cref="BondValenceParameters"/>), signed as the formal valence (negative for anions).
/// Distributions and means pool (atom, frame) samples per region (all, gb, bulk; membership decided per frame);
/// standard errors of the means and of the boundary indices come from the spread over B = min(10, frames) contiguous
/// blocks of frames (in step order), SE = sd(block values)/√B.
/// </summary>
public sealed class RoleAnalyzer
{
    public RoleAnalyzer(RoleOptions options)
    {
        Options = options;
    }

    public RoleOptions Options { get; }

    /// <summary>
    /// Resolves species and roles on the first frame and returns an empty accumulator; refuses a bonded pair without a
    /// cut-off or without a bond-valence R0 (naming <c>--bv-r0</c>).
    /// </summary>
    public RoleAccumulator Begin(Frame first)
    {
        var species = new SpeciesIndex(first);
        int s = species.Count;
        int[] groupOf = Enumerable.Repeat(-1, s).ToArray();
        var signs = new List<int>();
        for (int k = 0; k < s; k++)
        {
            if (Options.Roles.RoleOf(species.Names[k]) is { } role)
            {
                groupOf[k] = signs.Count;
                signs.Add(role == ChemicalRole.Anion ? -1 : 1);
            }
        }

        if (signs.Count == 0)
        {
            throw new InputException($"--roles {Options.Roles}: none of these species is in the trajectory (present: {string.Join(", ", species.Names)})");
        }

        double[] cutoffSquared = new double[s * s];
        double[] r0 = new double[s * s];
        for (int a = 0; a < s; a++)
        {
            for (int c = 0; c < s; c++)
            {
                string x = species.Names[a], y = species.Names[c];
                if (Options.Roles.RoleOf(x) is null or ChemicalRole.Anion || Options.Roles.RoleOf(y) != ChemicalRole.Anion)
                {
                    continue;
                }

                double cutoff = Options.CutoffOf(x, y) ?? throw new InputException($"no bond cut-off for {x}-{y}; give it with --cutoff {x}-{y}=Å");
                double r = Options.Parameters.Require(x, y).R0;
                cutoffSquared[(a * s) + c] = cutoffSquared[(c * s) + a] = cutoff * cutoff;
                r0[(a * s) + c] = r0[(c * s) + a] = r;
            }
        }

        return new RoleAccumulator(Options, species, groupOf, cutoffSquared, r0, signs.ToArray());
    }

    /// <summary>Turns the sums into the statistics of every species and region.</summary>
    public RoleResult Finish(RoleAccumulator accumulator)
    {
        SpeciesIndex species = accumulator.Species;
        var frames = accumulator.FrameSums.Select((f, k) => (f.Step, k, f.Sums)).OrderBy(f => f.Step).ThenBy(f => f.k).Select(f => f.Sums).ToArray();
        int count = frames.Length;
        int blocks = Math.Min(RoleOptions.MaxBlocks, count);
        string[] regions = Options.Region is null ? ["all"] : ["all", "gb", "bulk"];
        var statistics = new List<RoleStatistics>();
        int g = 0;
        for (int sp = 0; sp < species.Count; sp++)
        {
            string name = species.Names[sp];
            if (Options.Roles.RoleOf(name) is not { } role)
            {
                continue;
            }

            string[] neighbours = species.Names.Where(n => Options.Roles.RoleOf(n) is { } r && (r == ChemicalRole.Anion) != (role == ChemicalRole.Anion)).ToArray();
            var perRegion = new RoleFrameSums[regions.Length];
            var perBlock = new RoleFrameSums[regions.Length, blocks];
            for (int f = 0; f < count; f++)
            {
                int b = (int)((long)f * blocks / count);
                for (int r = 0; r < regions.Length; r++)
                {
                    perRegion[r].Add(frames[f][(g * 3) + r]);
                    perBlock[r, b].Add(frames[f][(g * 3) + r]);
                }
            }

            for (int r = 0; r < regions.Length; r++)
            {
                RoleFrameSums t = perRegion[r];
                var distribution = CoordinationDistribution.FromCounts(
                    new SpeciesPair(name, string.Join("+", neighbours)), regions[r], accumulator.Histograms[(g * 3) + r], count);
                double length = t.Bonded > 0 ? t.Length / t.Bonded : double.NaN;
                double bvs = t.Atoms > 0 ? t.Bvs / t.Atoms : double.NaN;
                double? over = null, overError = null, bvsIndex = null, bvsIndexError = null;
                if (regions[r] == "gb")
                {
                    RoleFrameSums bulk = perRegion[2];
                    over = Index(t.Cn, t.Atoms, bulk.Cn, bulk.Atoms);
                    bvsIndex = Index(t.Bvs, t.Atoms, bulk.Bvs, bulk.Atoms);
                    overError = BlockError(blocks, b => Index(perBlock[1, b].Cn, perBlock[1, b].Atoms, perBlock[2, b].Cn, perBlock[2, b].Atoms));
                    bvsIndexError = BlockError(blocks, b => Index(perBlock[1, b].Bvs, perBlock[1, b].Atoms, perBlock[2, b].Bvs, perBlock[2, b].Atoms));
                }

                statistics.Add(new RoleStatistics(
                    name,
                    role,
                    neighbours,
                    regions[r],
                    distribution,
                    BlockError(blocks, b => Mean(perBlock[r, b].Cn, perBlock[r, b].Atoms)),
                    length,
                    Spread(t.Length, t.Length2, t.Bonded),
                    bvs,
                    Spread(t.Bvs, t.Bvs2, t.Atoms),
                    BlockError(blocks, b => Mean(perBlock[r, b].Bvs, perBlock[r, b].Atoms)),
                    BondValenceParameters.FormalValence(name),
                    over,
                    overError,
                    bvsIndex,
                    bvsIndexError,
                    blocks));
            }

            g++;
        }

        return new RoleResult(Options, count, statistics);
    }

    private static double? Mean(double sum, long n) => n > 0 ? sum / n : null;

    /// <summary>(a/na)/(b/nb) − 1, or null when either mean is undefined or the reference is zero.</summary>
    private static double? Index(double a, long na, double b, long nb) =>
        na > 0 && nb > 0 && b != 0 ? (a / na) / (b / nb) - 1 : null;

    private static double Spread(double sum, double sumSquares, long n)
    {
        if (n == 0)
        {
            return double.NaN;
        }

        double mean = sum / n;
        return Math.Sqrt(Math.Max(0, (sumSquares / n) - (mean * mean)));
    }

    /// <summary>sd(values over blocks)/√B; null with fewer than two blocks with a value.</summary>
    private static double? BlockError(int blocks, Func<int, double?> value)
    {
        double[] values = Enumerable.Range(0, blocks).Select(value).Where(v => v is not null).Select(v => v!.Value).ToArray();
        if (values.Length < 2)
        {
            return null;
        }

        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return Math.Sqrt(variance / values.Length);
    }
}
