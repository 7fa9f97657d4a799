using GbAtomistics.Analysis.Comparison;
using GbAtomistics.Analysis.Coordination;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Analysis.Tests.Coordination;
using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Comparison;

public sealed class ComparisonTableTests
{
    private static RdfResult Rdf(Frame frame, SlabRegion? region)
    {
        var analyzer = new RdfAnalyzer(new RdfOptions(6.0, 300, SpeciesPair.ParseList("Na-Cl"), region));
        RdfAccumulator acc = analyzer.Begin(frame);
        acc.Accumulate(frame);
        return analyzer.Finish(acc);
    }

    [Fact]
    public void APerfectCrystalsBoundarySlabIsBulkLike()
    {
        Frame crystal = Bicrystals.Jiggle(Crystals.Build(Crystals.RockSalt, 5.64, 4), new Random(1), 0.2);
        var gb = new SlabRegion(2, [0.25, 0.75], 3);
        CoordinationResult cn = CoordinationAnalyzerTests.Compute(
            new CoordinationOptions(SpeciesPair.ParseList("Na-Cl"), [3.4], gb), crystal);
        ComparisonTable table = ComparisonTable.Build(
        [
            new ComparisonEntry("NaCl", "bulk", Rdf(crystal, gb.Invert()), cn),
            new ComparisonEntry("NaCl", "gb", Rdf(crystal, gb), cn),
        ]);
        Assert.Equal(2, table.Rows.Count);
        ComparisonRow row = table.Rows[1];
        Assert.Equal("gb", row.Region);
        Assert.Equal(2.82, row.PeakR!.Value, 0.1);
        Assert.Equal(6.0, row.MeanCoordination!.Value, 12);
        Assert.Equal(0.0, row.MeanCoordinationChangeVsBulk!.Value, 12);
        Assert.InRange(row.PeakHeightChangeVsBulk!.Value, -0.3, 0.3);
        Assert.Null(table.Rows[0].MeanCoordinationChangeVsBulk);
        string[] csv = table.ToCsv().TrimEnd('\n').Split('\n');
        Assert.Equal(3, csv.Length);
        Assert.Contains("first_peak_r_angstrom", csv[0]);
        Assert.Contains("| NaCl | gb | Na-Cl |", table.ToMarkdown());
        Assert.Contains("| 0.0 % |", table.ToMarkdown());
    }
}
