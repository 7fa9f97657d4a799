using System.Globalization;
using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;
using GbAtomistics.Tests;

namespace GbAtomistics.Builders.Tests.Csl;

/// <summary>
/// The non-cubic Σ tables against pymatgen's GrainBoundaryGenerator.enum_sigma_tet/ort/hex/rho (Reference/pymatgen-sigma.csv,
/// written once by tools/reference/pymatgen-sigma.py): every (Σ, angle) pair pymatgen lists is one of our rotations
/// within 0.01°, and every rotation we list (θ in (0°, 180°]) is in pymatgen's list.
/// </summary>
public class PymatgenReferenceTests
{
    private static readonly string ReferencePath = Path.Combine(
        TestPaths.RepositoryRoot, "tests", "GbAtomistics.Builders.Tests", "Csl", "Reference", "pymatgen-sigma.csv");

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var key in Rows().Select(r => (r.Lattice, r.Ratio, r.Axis)).Distinct())
        {
            data.Add(key.Lattice, key.Ratio, key.Axis);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SigmaAndAnglesAgreeBothWays(string lattice, string ratio, string axis)
    {
        var expected = Rows().Where(r => r.Lattice == lattice && r.Ratio == ratio && r.Axis == axis).Select(r => (r.Sigma, r.Angle)).ToList();
        (CslLattice l, Int3 o) = ToOurs(lattice, ratio, axis);
        var ours = LatticeSigmaTable.Enumerate(l, o, 50).SelectMany(e => e.Rotations.Select(r => (e.Sigma, r.AngleDegrees))).ToList();

        var missing = expected.Where(x => !ours.Any(y => y.Sigma == x.Sigma && Math.Abs(y.AngleDegrees - x.Angle) < 0.01)).ToList();
        var extra = ours.Where(y => !expected.Any(x => y.Sigma == x.Sigma && Math.Abs(y.AngleDegrees - x.Angle) < 0.01)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join("; ", missing.Select(x => FormattableString.Invariant($"Σ{x.Sigma} {x.Angle:F4}"))));
        Assert.True(extra.Count == 0, "extra: " + string.Join("; ", extra.Select(x => FormattableString.Invariant($"Σ{x.Sigma} {x.AngleDegrees:F4}"))));
        Assert.Equal(expected.Count, ours.Count);
    }

    [Fact]
    public void TheReferenceHasAProvenanceHeaderAndEveryCase()
    {
        string[] lines = File.ReadAllLines(ReferencePath);
        Assert.StartsWith("# pymatgen 2022.11.7", lines[0]);
        Assert.Contains("tools/reference/pymatgen-sigma.py", lines[1]);
        Assert.Equal(4, Rows().Select(r => r.Lattice).Distinct().Count());
        Assert.True(Cases().Count() >= 25);
    }

    internal static (CslLattice Lattice, Int3 Axis) ToOurs(string lattice, string ratio, string axis)
    {
        long[] r = ratio.Split(':').Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        LatticeSystem system = Enum.Parse<LatticeSystem>(lattice, ignoreCase: true);

        // pymatgen's orthorhombic ratio is c²:b²:a²; ours is a²:b²:c².
        CslLattice l = system == LatticeSystem.Orthorhombic ? CslLattice.Create(system, r[2], r[1], r[0]) : CslLattice.Create(system, r);
        return (l, LatticeAxis.Parse(axis.Replace(' ', ','), system));
    }

    private static IEnumerable<(string Lattice, string Ratio, string Axis, int Sigma, double Angle)> Rows()
    {
        foreach (string line in File.ReadLines(ReferencePath).Where(l => !l.StartsWith('#')).Skip(1))
        {
            string[] f = line.Split(',');
            yield return (f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture));
        }
    }
}
