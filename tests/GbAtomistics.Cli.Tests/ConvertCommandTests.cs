using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

public sealed class ConvertCommandTests
{
    private static string Dump => Path.Combine(TestPaths.TestData, "li2o-bulk", "li2o-bulk-1000K.lammpstrj");

    [Fact]
    public void ConvertsASelectionAndKeepsPositions()
    {
        string dir = TestPaths.NewTempDir();
        string xyz = Path.Combine(dir, "frames.extxyz");
        var (code, stdout, stderr) = Gbat.Run("convert", Dump, xyz, "--type-map", "1=Li,2=O", "--first-frame", "2", "--last-frame", "10", "--every", "4");
        Assert.True(code == 0, stderr);
        Assert.Contains("wrote 3 frames", stdout);

        using ITrajectoryReader original = FormatRegistry.OpenReader(Dump);
        using ITrajectoryReader converted = FormatRegistry.OpenReader(xyz);
        var a = new Frame();
        var b = new Frame();
        foreach (int index in new[] { 2, 6, 10 })
        {
            while (original.FrameIndex < index)
            {
                Assert.True(original.Skip());
            }

            Assert.True(original.Read(a));
            Assert.True(converted.Read(b));
            Assert.Equal(a.Count, b.Count);
            Assert.Equal(a.Types, b.Types);
            Assert.Equal("O", b.SpeciesName(0)); // id 1 is an O (type 2) in the generated crystal
            for (int i = 0; i < a.Count; i++)
            {
                Assert.True((a.Box.ToFractional(a.Positions[i]) - b.Box.ToFractional(b.Positions[i])).Length < 1e-9);
            }
        }

        Assert.False(converted.Read(b));
    }

    [Fact]
    public void OneStructureFormatsNeedOneFrameAndLeaveNothingOtherwise()
    {
        string dir = TestPaths.NewTempDir();
        string poscar = Path.Combine(dir, "POSCAR");
        var (code, _, stderr) = Gbat.Run("convert", Dump, poscar, "--type-map", "1=Li,2=O");
        Assert.Equal(1, code);
        Assert.Contains("holds one structure", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(dir));

        (code, _, stderr) = Gbat.Run("convert", Dump, poscar, "--type-map", "1=Li,2=O", "--first-frame", "20", "--last-frame", "20");
        Assert.True(code == 0, stderr);
        using ITrajectoryReader reader = FormatRegistry.OpenReader(poscar);
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.Equal(324, frame.Count);
    }

    [Fact]
    public void NeverOverwritesAnInputOrAnExistingFile()
    {
        string dir = TestPaths.NewTempDir();
        string copy = Path.Combine(dir, "in.lammpstrj");
        File.Copy(Dump, copy);
        byte[] before = File.ReadAllBytes(copy);
        var (code, _, stderr) = Gbat.Run("convert", copy, copy, "--overwrite");
        Assert.Equal(1, code);
        Assert.Contains("is also an input", stderr);

        string existing = Path.Combine(dir, "out.lammpstrj");
        File.WriteAllText(existing, "keep me");
        (code, _, stderr) = Gbat.Run("convert", copy, existing);
        Assert.Equal(1, code);
        Assert.Contains("already exists", stderr);
        Assert.Equal("keep me", File.ReadAllText(existing));
        Assert.Equal(before, File.ReadAllBytes(copy));
    }

    [Fact]
    public void KeepWholeFramesWritesTheFramesBeforeATruncation()
    {
        string dir = TestPaths.NewTempDir();
        string cut = Path.Combine(dir, "cut.lammpstrj");
        string[] lines = File.ReadAllLines(Dump);
        File.WriteAllLines(cut, lines[..(2 * 333 + 50)]);
        string output = Path.Combine(dir, "out.lammpstrj");
        var (code, _, stderr) = Gbat.Run("convert", cut, output);
        Assert.Equal(1, code);
        Assert.False(File.Exists(output));
        Assert.Contains("2 whole frames", stderr);

        (code, var stdout, stderr) = Gbat.Run("convert", cut, output, "--keep-whole-frames");
        Assert.Equal(0, code);
        Assert.Contains("wrote 2 frames", stdout);
        Assert.Contains("warning", stderr);
    }
}
