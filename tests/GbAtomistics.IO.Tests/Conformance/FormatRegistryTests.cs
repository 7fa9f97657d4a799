using GbAtomistics.Core;
using GbAtomistics.Tests;

namespace GbAtomistics.IO.Tests.Conformance;

public sealed class FormatRegistryTests
{
    [Fact]
    public void NamesAreUniqueAndCoverTheDesignList()
    {
        string[] names = FormatRegistry.All.Select(f => f.Name).ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Equal(
            ["extxyz", "lammps-data", "lammps-dump", "lammps-log", "vasp-outcar", "vasp-poscar", "vasp-vasprun", "vasp-xdatcar"],
            names.Order().ToArray());
    }

    [Fact]
    public void UnknownNamesGetASuggestion()
    {
        var e = Assert.Throws<InputException>(() => FormatRegistry.Get("lamps-dump"));
        Assert.Contains("did you mean 'lammps-dump'", e.Message);
        e = Assert.Throws<InputException>(() => FormatRegistry.Get("xdatcar"));
        Assert.Contains("'vasp-xdatcar'", e.Message);
    }

    [Theory]
    [InlineData("run/XDATCAR", "vasp-xdatcar")]
    [InlineData("CONTCAR_relaxed", "vasp-poscar")]
    [InlineData("gb.data", "lammps-data")]
    [InlineData("traj.lammpstrj.gz", "lammps-dump")]
    [InlineData("frames.extxyz", "extxyz")]
    public void WritingFormatFollowsTheName(string path, string format)
    {
        if (FormatRegistry.Get(format).CanWrite)
        {
            Assert.Equal(format, FormatRegistry.DetectForWriting(path).Name);
        }
        else
        {
            var e = Assert.Throws<InputException>(() => FormatRegistry.DetectForWriting(path));
            Assert.Contains("can be read but not written", e.Message);
        }
    }

    [Fact]
    public void UnrecognisableFilesAskForFormat()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "mystery.bin");
        File.WriteAllText(path, "nothing a reader knows\n");
        var e = Assert.Throws<InputException>(() => FormatRegistry.DetectForReading(path));
        Assert.Contains("--format", e.Message);
    }

    [Fact]
    public void MissingFilesAreUserErrors()
    {
        var e = Assert.Throws<InputException>(() => FormatRegistry.OpenReader("/nonexistent/dump.lammpstrj"));
        Assert.Contains("no such file", e.Message);
    }

    [Fact]
    public void GzipIsTransparent()
    {
        string dir = TestPaths.NewTempDir();
        Frame frame = WriterConformanceTests.SampleFrame();
        string path = Path.Combine(dir, "t.lammpstrj.gz");
        using (IFrameWriter w = FormatRegistry.DetectForWriting(path).CreateWriter!(path, WriteOptions.Default))
        {
            w.Write(frame);
            w.Write(frame);
            w.Complete();
        }

        byte[] head = File.ReadAllBytes(path)[..2];
        Assert.Equal(new byte[] { 0x1f, 0x8b }, head);
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path);
        var back = new Frame();
        Assert.True(reader.Read(back));
        Assert.True(reader.Read(back));
        Assert.False(reader.Read(back));
        Assert.Equal(frame.Count, back.Count);
    }
}
