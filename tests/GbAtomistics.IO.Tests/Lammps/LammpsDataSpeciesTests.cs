using GbAtomistics.Core;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Lammps;

/// <summary>Species from Masses: close standard weights name elements; coarse or reduced masses never do.</summary>
public sealed class LammpsDataSpeciesTests
{
    private static Frame ReadWithMasses(string masses)
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "m.data");
        File.WriteAllText(path, $"""
            masses test

            3 atoms
            3 atom types
            0 10 xlo xhi
            0 10 ylo yhi
            0 10 zlo zhi

            Masses

            {masses}

            Atoms # atomic

            1 1 1 1 1
            2 2 2 2 2
            3 3 3 3 3
            """);
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path);
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        return frame;
    }

    [Fact]
    public void RoundedWeightsNameTheirElements()
    {
        Frame frame = ReadWithMasses("1 6.941\n2 15.9994\n3 35.453");
        Assert.Equal(["Li", "O", "Cl"], Enumerable.Range(0, 3).Select(frame.SpeciesName));
    }

    [Fact]
    public void ReducedAndCoarseMassesStayUnnamed()
    {
        // 1.0 is the reduced-unit placeholder (not H), 50 a coarse bead (not V at 50.94), 12.5 nothing.
        Frame frame = ReadWithMasses("1 1.0\n2 50.0\n3 12.5");
        Assert.Equal(["1", "2", "3"], Enumerable.Range(0, 3).Select(frame.SpeciesName));
    }
}
