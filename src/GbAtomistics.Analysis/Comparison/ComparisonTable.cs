using System.Globalization;
using System.Text;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Comparison;

/// <summary>
/// Compares systems and regions: for every entry and pair, the first peak of g_AB (<see cref="RdfPeaks"/>), the mean
/// coordination number of the entry's region, and for grain-boundary rows the change against the bulk of the same
/// system. Answers "is the GB over- or under-coordinated, and by how much, in each material". When the entries carry
/// role maps, each row has its role pair and rows are ordered by role pair (cation–anion, centre–anion, anion–cation,
/// then others), so the pairs of different materials with the same roles (Na–O, Na–S) stand together.
/// </summary>
public sealed class ComparisonTable
{
    private static readonly string[] RolePairOrder = ["cation-anion", "centre-anion", "anion-cation"];

    private ComparisonTable(IReadOnlyList<ComparisonRow> rows, bool byRole)
    {
        Rows = rows;
        ByRole = byRole;
    }

    /// <summary>True when the rows carry role pairs (some entry had a role map).</summary>
    public bool ByRole { get; }

    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>Builds the table in the order of the entries and of each entry's pairs.</summary>
    public static ComparisonTable Build(IReadOnlyList<ComparisonEntry> entries)
    {
        var rows = new List<ComparisonRow>();
        foreach (ComparisonEntry e in entries)
        {
            for (int p = 0; p < e.Rdf.Pairs.Count; p++)
            {
                SpeciesPair pair = e.Rdf.Pairs[p];
                RdfPeaks? peaks = RdfPeaks.Find(e.Rdf.R, e.Rdf.G(p));
                double? cutoff = null, mean = null;
                if (e.Coordination is { } c && c.IndexOf(pair) is int q and >= 0 && c.Regions.Contains(e.Region))
                {
                    cutoff = c.Options.Cutoffs[q];
                    double m = c.Distribution(q, e.Region).Mean;
                    mean = double.IsFinite(m) ? m : null;
                }

                rows.Add(new ComparisonRow(
                    e.System, e.Region, pair.ToString(), peaks?.PeakR, peaks?.PeakHeight, FirstMinimum.Find(e.Rdf, p), cutoff, mean, null, null, null,
                    e.Roles?.RolePairOf(pair)));
            }
        }

        for (int k = 0; k < rows.Count; k++)
        {
            ComparisonRow row = rows[k];
            if (row.Region != "gb")
            {
                continue;
            }

            ComparisonRow? bulk = rows.FirstOrDefault(b => b.System == row.System && b.Pair == row.Pair && b.Region == "bulk");
            if (bulk is null)
            {
                continue;
            }

            rows[k] = row with
            {
                PeakShiftVsBulk = row.PeakR - bulk.PeakR,
                PeakHeightChangeVsBulk = Relative(row.PeakHeight, bulk.PeakHeight),
                MeanCoordinationChangeVsBulk = Relative(row.MeanCoordination, bulk.MeanCoordination),
            };
        }

        bool byRole = entries.Any(e => e.Roles is not null);
        if (byRole)
        {
            rows = rows.Select((r, k) => (r, k))
                .OrderBy(x => RoleRank(x.r.RolePair))
                .ThenBy(x => x.r.RolePair ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(x => x.k)
                .Select(x => x.r)
                .ToList();
        }

        return new ComparisonTable(rows, byRole);
    }

    private static int RoleRank(string? rolePair) => rolePair is null
        ? RolePairOrder.Length + 1
        : Array.IndexOf(RolePairOrder, rolePair) is int k and >= 0 ? k : RolePairOrder.Length;

    /// <summary>The table as CSV with units in the header; empty fields for undefined values.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder(ByRole ? "role_pair," : string.Empty);
        sb.Append(
            "system,region,pair,first_peak_r_angstrom,first_peak_height,first_minimum_r_angstrom,cutoff_angstrom,mean_cn_atoms," +
            "peak_shift_vs_bulk_angstrom,peak_height_change_vs_bulk_relative,mean_cn_change_vs_bulk_relative\n");
        foreach (ComparisonRow r in Rows)
        {
            if (ByRole)
            {
                sb.Append(r.RolePair).Append(',');
            }

            sb.Append(Csv(r.System)).Append(',').Append(r.Region).Append(',').Append(r.Pair);
            foreach (double? v in (double?[])[r.PeakR, r.PeakHeight, r.MinimumR, r.Cutoff, r.MeanCoordination, r.PeakShiftVsBulk, r.PeakHeightChangeVsBulk, r.MeanCoordinationChangeVsBulk])
            {
                sb.Append(',').Append(CsvNumber.Format(v));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The table as Markdown for a terminal or a report; relative changes in percent.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append(ByRole ? "| role pair " : string.Empty);
        sb.Append("| system | region | pair | peak r (Å) | peak g | min r (Å) | cut-off (Å) | mean CN | Δpeak r vs bulk (Å) | Δpeak g vs bulk | ΔCN vs bulk |\n");
        sb.Append(ByRole ? "|---" : string.Empty);
        sb.Append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (ComparisonRow r in Rows)
        {
            if (ByRole)
            {
                sb.Append("| ").Append(r.RolePair ?? "–").Append(' ');
            }

            sb.Append(CultureInfo.InvariantCulture,
                $"| {r.System} | {r.Region} | {r.Pair} | {F(r.PeakR, "F3")} | {F(r.PeakHeight, "F3")} | {F(r.MinimumR, "F3")} | {F(r.Cutoff, "F3")} | " +
                $"{F(r.MeanCoordination, "F3")} | {F(r.PeakShiftVsBulk, "+0.000;-0.000;0.000")} | {Percent(r.PeakHeightChangeVsBulk)} | {Percent(r.MeanCoordinationChangeVsBulk)} |\n");
        }

        return sb.ToString();
    }

    private static double? Relative(double? value, double? reference) =>
        value is { } v && reference is { } b && b != 0 ? (v - b) / b : null;

    private static string F(double? v, string format) => v?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

    private static string Percent(double? v) => v is { } x ? (100 * x).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Csv(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
