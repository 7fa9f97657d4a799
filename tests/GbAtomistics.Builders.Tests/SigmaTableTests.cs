using GbAtomistics.Builders.Csl;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Tests;

public class SigmaTableTests
{
    // Textbook tilt-axis tables (e.g. Grimmer, Bollmann & Warrington, Acta Cryst. A30, 197 (1974); Sutton & Balluffi,
    // "Interfaces in Crystalline Materials", Table 1.3): Σ and the smallest misorientation angle about the axis.
    public static TheoryData<string, int, double> Textbook => new()
    {
        { "001", 5, 36.87 }, { "001", 13, 22.62 }, { "001", 17, 28.07 }, { "001", 25, 16.26 }, { "001", 29, 43.60 },
        { "001", 37, 18.92 }, { "001", 41, 12.68 },
        { "110", 3, 70.53 }, { "110", 9, 38.94 }, { "110", 11, 50.48 }, { "110", 17, 86.63 }, { "110", 19, 26.53 },
        { "110", 27, 31.59 }, { "110", 33, 20.05 }, { "110", 33, 58.99 }, { "110", 41, 55.88 }, { "110", 43, 80.63 },
        { "111", 3, 60.00 }, { "111", 7, 38.21 }, { "111", 13, 27.80 }, { "111", 19, 46.83 }, { "111", 21, 21.79 },
        { "111", 31, 17.90 }, { "111", 37, 50.57 }, { "111", 39, 32.20 }, { "111", 43, 15.18 }, { "111", 49, 43.57 },
    };

    [Theory]
    [InlineData("001", new[] { 5, 13, 17, 25, 29, 37, 41 })]
    [InlineData("110", new[] { 3, 9, 11, 17, 19, 27, 33, 41, 43 })]
    [InlineData("111", new[] { 3, 7, 13, 19, 21, 31, 37, 39, 43, 49 })]
    public void SigmaValuesUpTo50MatchTheTextbookLists(string axis, int[] expected)
    {
        var table = SigmaTable.Enumerate(Miller.Parse(axis, "axis"), 50);
        Assert.Equal(expected, table.Select(e => e.Sigma).Distinct().ToArray());
    }

    [Theory]
    [MemberData(nameof(Textbook))]
    public void AnglesMatchTheTextbookWithin0_01Degree(string axis, int sigma, double angle)
    {
        var table = SigmaTable.Enumerate(Miller.Parse(axis, "axis"), 50);
        Assert.Contains(table, e => e.Sigma == sigma && Math.Abs(e.AngleDegrees - angle) < 0.01);
    }

    [Fact]
    public void EveryEntryOfTheThreeAxesIsListed()
    {
        Assert.Equal(7, SigmaTable.Enumerate(new Int3(0, 0, 1), 50).Count);
        Assert.Equal(10, SigmaTable.Enumerate(new Int3(1, 1, 0), 50).Count); // Σ33 twice
        Assert.Equal(10, SigmaTable.Enumerate(new Int3(1, 1, 1), 50).Count);
    }

    [Fact]
    public void Sigma5About001HasThe310And210SymmetricTiltPlanes()
    {
        SigmaEntry e = SigmaTable.Enumerate(new Int3(0, 0, 1), 5).Single();
        Assert.Equal(36.87, e.AngleDegrees, 0.01);
        Assert.Equal(53.13, e.EquivalentAngleDegrees, 0.01);
        Assert.Equal(2, e.Planes.Count);
        Assert.Equal((3, 1, 0), Miller.Family(e.Planes[0].Lower));
        Assert.Equal((2, 1, 0), Miller.Family(e.Planes[1].Lower));
        Assert.Equal(new Int3(3, -1, 0), e.Planes[0].Lower);
        Assert.Equal(new Int3(3, 1, 0), e.Planes[0].Upper);

        // 36.87° gives (310) from the [100] reference; the equivalent 53.13° gives (210).
        Assert.Equal((2, 1, 0), Miller.Family(CslRotation.Create(new Int3(0, 0, 1), 2, 1).PlanesFor(new Int3(1, 0, 0)).Lower));
        Assert.Equal(53.13, CslRotation.Create(new Int3(0, 0, 1), 2, 1).AngleDegrees, 0.01);
    }

    [Fact]
    public void Sigma3About110Is70_53DegreesWith111And112Planes()
    {
        // pymatgen quotes this boundary as 109.47°, the equivalent angle; the conventional value is 70.53°.
        SigmaEntry e = SigmaTable.Enumerate(new Int3(1, 1, 0), 3).Single();
        Assert.Equal(70.53, e.AngleDegrees, 0.01);
        Assert.Equal(109.47, e.EquivalentAngleDegrees, 0.01);
        var families = e.Planes.Select(p => Miller.Family(p.Lower)).ToHashSet();
        Assert.Equal([(1, 1, 1), (2, 1, 1)], families.Order().ToArray());
        foreach (TiltPlanePair p in e.Planes)
        {
            Assert.Equal(0, Miller.Dot(p.Lower, e.Axis));
            Assert.Equal(0, Miller.Dot(p.Upper, e.Axis));
        }
    }

    [Fact]
    public void Sigma7About111Is38_21DegreesWith123And145Planes()
    {
        SigmaEntry e = SigmaTable.Enumerate(new Int3(1, 1, 1), 7).Single(x => x.Sigma == 7);
        Assert.Equal(38.21, e.AngleDegrees, 0.01);
        Assert.Equal(81.79, e.EquivalentAngleDegrees, 0.01);
        Assert.Equal([(3, 2, 1), (5, 4, 1)], e.Planes.Select(p => Miller.Family(p.Lower)).Order().ToArray());
    }

    [Fact]
    public void TheAngleBetweenThePlanesOfTheGrainsIsTheMisorientation()
    {
        foreach (string axis in new[] { "001", "110", "111", "112", "123" })
        {
            foreach (SigmaEntry e in SigmaTable.Enumerate(Miller.Parse(axis, "axis"), 60))
            {
                foreach (TiltPlanePair p in e.Planes)
                {
                    Vec3 a = Miller.ToVec(p.Lower), b = Miller.ToVec(p.Upper);
                    double angle = Math.Atan2(Vec3.Cross(a, b).Length, Vec3.Dot(a, b)) * 180 / Math.PI;
                    Assert.True(Math.Abs(angle - p.Rotation.AngleDegrees) < 1e-6, $"{axis} Σ{e.Sigma} {p}: {angle} vs {p.Rotation.AngleDegrees}");
                }
            }
        }
    }

    [Theory]
    [InlineData("110", 3, null, "112", 3)]
    [InlineData("110", null, 109.47, null, 3)]
    [InlineData("001", null, null, "210", 5)]
    [InlineData("001", 5, null, "310", 5)]
    public void SelectFindsTheBoundaryBySigmaAngleOrPlane(string axis, int? sigma, double? angle, string? plane, int expected)
    {
        var (entry, planes) = SigmaTable.Select(Miller.Parse(axis, "axis"), sigma, angle, plane is null ? null : Miller.Parse(plane, "plane"));
        Assert.Equal(expected, entry.Sigma);
        if (plane is not null)
        {
            Assert.True(Miller.SameFamily(planes.Lower, Miller.Parse(plane, "plane")));
        }
    }

    [Fact]
    public void BadRequestsAreInputErrors()
    {
        Assert.Throws<InputException>(() => SigmaTable.Select(new Int3(0, 0, 1), 7, null, null));
        Assert.Throws<InputException>(() => SigmaTable.Select(new Int3(1, 1, 0), 3, null, new Int3(3, 1, 0)));
        Assert.Throws<InputException>(() => SigmaTable.Enumerate(new Int3(1, 1, 0), 1));
        Assert.Throws<InputException>(() => Miller.Parse("1x0", "axis"));
        Assert.Throws<InputException>(() => Miller.Parse("000", "axis"));
        Assert.Equal(new Int3(1, -1, 0), Miller.Parse("1-10", "axis"));
        Assert.Equal(new Int3(1, 1, 12), Miller.Parse("1,1,12", "axis"));
    }
}
