using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;
using GbAtomistics.Pipelines.Requests;
using GbAtomistics.Pipelines.Steps;
using GbAtomistics.Tests;
using Xunit.Abstractions;

namespace GbAtomistics.Builders.Tests;

/// <summary>
/// The default build (translation search, every termination, model-energy ranking) of an oxide, a sulphide and a
/// phosphate electrolyte at the four boundaries of the field is ready for MD: stoichiometric, neutral, every
/// polyanion whole, and every species pair at or above 0.65 of its shortest bulk distance. The checks recount
/// everything from the written frame, independently of the builder's own bookkeeping.
/// </summary>
public class PhysicalBuildTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Li3OCl", "110", 3, "111")]
    [InlineData("Li3OCl", "110", 3, "112")]
    [InlineData("Li3OCl", "001", 5, "210")]
    [InlineData("Li3OCl", "001", 5, "310")]
    [InlineData("Na3PS4", "110", 3, "111")]
    [InlineData("Na3PS4", "110", 3, "112")]
    [InlineData("Na3PS4", "001", 5, "210")]
    [InlineData("Na3PS4", "001", 5, "310")]
    [InlineData("Na3PO4", "110", 3, "111")]
    [InlineData("Na3PO4", "110", 3, "112")]
    [InlineData("Na3PO4", "001", 5, "210")]
    [InlineData("Na3PO4", "001", 5, "310")]
    public void DefaultBuildIsStoichiometricNeutralWholeAndClearOfContacts(string compound, string axis, int sigma, string plane)
    {
        var (path, charges) = ElectrolyteCells.Write(compound, TestPaths.NewTempDir());
        var request = new CslBuildRequest
        {
            Structure = path,
            Charges = ChargeMap.Parse(charges),
            Axis = Miller.Parse(axis, "axis"),
            Sigma = sigma,
            Plane = Miller.Parse(plane, "plane"),
        };
        CslBuildMember member = Assert.Single(BuildCslStep.Build(request));
        CslBicrystal gb = member.Bicrystal!;
        Frame f = gb.Frame;
        UnitCell cell = gb.Cell;
        output.WriteLine($"{compound} Σ{sigma}({plane}): {f.Count} atoms, removed {cell.FormatComposition(gb.Removed.ToArray())}, " +
            $"termination {gb.Termination.Description}, model energy {gb.ModelEnergy:F3} J/m²; {gb.Selection}");

        // Stoichiometric and neutral, per grain, counted from the frame.
        int[][] counts = [new int[cell.Species.Count], new int[cell.Species.Count]];
        double[] charge = new double[2];
        for (int i = 0; i < f.Count; i++)
        {
            int grain = gb.Metadata.GrainOfAtom[i];
            counts[grain - 1][f.Types[i] - 1]++;
            charge[grain - 1] += f.Charges![i];
        }

        for (int g = 0; g < 2; g++)
        {
            Assert.NotNull(CslBuilder.WholeFormulaUnits(counts[g], cell.FormulaUnit));
            Assert.True(Math.Abs(charge[g]) < 1e-9, $"grain {g + 1} carries {charge[g]} e");
        }

        // Every pair at or above 0.65 of its shortest bulk distance.
        var pairs = new ShortestPairs(f.Types, cell.Species.Count);
        new CellList(f.Box, f.Positions.AsSpan(0, f.Count), 7).VisitPairs(ref pairs);
        for (int s = 0; s < cell.Species.Count; s++)
        {
            for (int t = s; t < cell.Species.Count; t++)
            {
                double ratio = pairs.Shortest[s, t] / cell.PairDistance(s, t);
                output.WriteLine($"  {cell.Species[s]}-{cell.Species[t]}: {pairs.Shortest[s, t]:F3} Å, {ratio:F3} of bulk {cell.PairDistance(s, t):F3} Å");
                Assert.True(ratio >= 0.65, $"{cell.Species[s]}-{cell.Species[t]} at {pairs.Shortest[s, t]:F3} Å is {ratio:F3} of its bulk distance");
            }
        }

        // Where units were removed at a boundary, its recorded plane lies midway between the nearest atoms on either
        // side (Li3OCl has no polyanions, so atoms are the unit anchors).
        if (compound == "Li3OCl" && gb.Removed.Sum() > 0)
        {
            double lz = f.Box.C.Z;
            foreach (double boundary in gb.Metadata.Planes)
            {
                double[] offsets = Enumerable.Range(0, f.Count).Select(i =>
                {
                    double d = f.Positions[i].Z - (boundary * lz);
                    return d - (lz * Math.Round(d / lz));
                }).ToArray();
                double below = offsets.Where(d => d < 0).Max(), above = offsets.Where(d => d >= 0).Min();
                Assert.True(Math.Abs(below + above) < 1e-6, $"plane {boundary * lz:F3} Å: nearest atoms {below:F3} and +{above:F3} Å");
            }
        }

        // Every phosphate/thiophosphate whole: each P has four ligands at the bond length, each ligand exactly one P.
        if (compound != "Li3OCl")
        {
            Assert.StartsWith($"P{cell.Species[2]}4 (", gb.Units.Description, StringComparison.Ordinal);
            double bond = 1.2 * cell.PairDistance(1, 2);
            var bonds = new BondCounter(f.Types, bond, new int[f.Count]);
            new CellList(f.Box, f.Positions.AsSpan(0, f.Count), bond).VisitPairs(ref bonds);
            for (int i = 0; i < f.Count; i++)
            {
                if (f.Types[i] == 2)
                {
                    Assert.True(bonds.Count[i] == 4, $"P atom {i + 1} has {bonds.Count[i]} ligands");
                }
                else if (f.Types[i] == 3)
                {
                    Assert.True(bonds.Count[i] == 1, $"{cell.Species[2]} atom {i + 1} is bonded to {bonds.Count[i]} P");
                }
            }
        }
    }

    private struct ShortestPairs : IPairVisitor
    {
        private readonly int[] _types;

        public ShortestPairs(int[] types, int species)
        {
            _types = types;
            Shortest = new double[species, species];
            for (int s = 0; s < species; s++)
            {
                for (int t = 0; t < species; t++)
                {
                    Shortest[s, t] = double.PositiveInfinity;
                }
            }
        }

        public double[,] Shortest { get; }

        public void Visit(int i, int j, double distanceSquared)
        {
            int s = _types[i] - 1, t = _types[j] - 1;
            double d = Math.Sqrt(distanceSquared);
            Shortest[s, t] = Math.Min(Shortest[s, t], d);
            Shortest[t, s] = Shortest[s, t];
        }
    }

    private readonly struct BondCounter(int[] types, double bond, int[] count) : IPairVisitor
    {
        public int[] Count { get; } = count;

        public void Visit(int i, int j, double distanceSquared)
        {
            bool pl = (types[i] == 2 && types[j] == 3) || (types[i] == 3 && types[j] == 2);
            if (pl && distanceSquared <= bond * bond)
            {
                Count[i]++;
                Count[j]++;
            }
        }
    }
}
