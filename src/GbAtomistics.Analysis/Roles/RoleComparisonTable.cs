using System.Globalization;
using System.Text;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// Systems compared by chemical role: one row per role pair (cation–anion, centre–anion, anion–cation), region and
/// system, so that the Na–O polyhedron of an oxide and the Na–S polyhedron of its sulphide sit in adjacent rows with the
/// same role pair. Each row gives the CN of the polyhedron, the mean bond length, the bond-valence sum and its deviation
/// from the formal valence, and for gb rows the over-coordination index CN(gb)/CN(bulk) − 1 and its bond-valence analogue.
/// </summary>
public sealed class RoleComparisonTable
{
    private static readonly string[] RolePairOrder = ["cation-anion", "centre-anion", "anion-cation"];
    private static readonly string[] RegionOrder = ["all", "bulk", "gb"];

    private RoleComparisonTable(IReadOnlyList<RoleComparisonRow> rows)
    {
        Rows = rows;
    }

    public IReadOnlyList<RoleComparisonRow> Rows { get; }

    /// <summary>Builds the table: rows by role pair, then region (all, bulk, gb), then the order of the systems.</summary>
    public static RoleComparisonTable Build(IReadOnlyList<(string System, RoleResult Result)> systems)
    {
        ArgumentNullException.ThrowIfNull(systems);
        var rows = systems
            .SelectMany((s, k) => s.Result.Statistics.Select((x, j) => (Row: new RoleComparisonRow(s.System, x), k, j)))
            .OrderBy(r => Array.IndexOf(RolePairOrder, r.Row.Statistics.RolePair))
            .ThenBy(r => Array.IndexOf(RegionOrder, r.Row.Statistics.Region))
            .ThenBy(r => r.k)
            .ThenBy(r => r.j)
            .Select(r => r.Row)
            .ToArray();
        return new RoleComparisonTable(rows);
    }

    /// <summary>The table as CSV with units in the header; empty cells for undefined values.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder(
            "role_pair,region,system,pair,atoms_per_frame,mean_cn_atoms,std_cn_atoms,mean_cn_stderr_atoms,modal_cn_atoms," +
            "mean_bond_length_angstrom,std_bond_length_angstrom,mean_bvs_vu,std_bvs_vu,mean_bvs_stderr_vu,formal_valence_vu,bvs_deviation_vu," +
            "overcoordination_index,overcoordination_index_stderr,bvs_index,bvs_index_stderr,error_blocks\n");
        foreach (RoleComparisonRow row in Rows)
        {
            RoleStatistics s = row.Statistics;
            sb.Append(s.RolePair).Append(',').Append(s.Region).Append(',').Append(Csv(row.System)).Append(',').Append(s.Pair);
            foreach (double? v in (double?[])[
                s.Coordination.MeanAtomsPerFrame, s.Coordination.Mean, s.Coordination.StandardDeviation, s.CnError, s.Coordination.Modal,
                s.MeanBondLength, s.BondLengthSpread, s.MeanBvs, s.BvsSpread, s.BvsError, s.FormalValence, s.BvsDeviation,
                s.OverCoordination, s.OverCoordinationError, s.BvsIndex, s.BvsIndexError, s.Blocks])
            {
                sb.Append(',').Append(CsvNumber.Format(v));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The table as Markdown: values ± standard errors where known, indices in percent.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| role pair | region | system | pair | mean CN | bond length (Å) | BVS (v.u.) | formal | ΔBVS (v.u.) | over-coordination | BVS index |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (RoleComparisonRow row in Rows)
        {
            RoleStatistics s = row.Statistics;
            sb.Append(CultureInfo.InvariantCulture,
                $"| {s.RolePair} | {s.Region} | {row.System} | {s.Pair} | {Pm(s.Coordination.Mean, s.CnError, "F3")} | " +
                $"{F(s.MeanBondLength, "F3")} ± {F(s.BondLengthSpread, "F3")} (sd) | {Pm(s.MeanBvs, s.BvsError, "F3")} (sd {F(s.BvsSpread, "F3")}) | " +
                $"{(s.FormalValence is { } v ? v.ToString("+0;-0", CultureInfo.InvariantCulture) : "–")} | {F(s.BvsDeviation, "+0.000;-0.000;0.000")} | " +
                $"{Percent(s.OverCoordination, s.OverCoordinationError)} | {Percent(s.BvsIndex, s.BvsIndexError)} |\n");
        }

        return sb.ToString();
    }

    private static string Pm(double value, double? error, string format) =>
        F(value, format) + (error is { } e ? " ± " + e.ToString(format, CultureInfo.InvariantCulture) : string.Empty);

    private static string F(double? v, string format) =>
        v is { } x && double.IsFinite(x) ? x.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Percent(double? v, double? error) => v is { } x
        ? (100 * x).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + (error is { } e ? " ± " + (100 * e).ToString("0.0", CultureInfo.InvariantCulture) : string.Empty) + " %"
        : "–";

    private static string Csv(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
